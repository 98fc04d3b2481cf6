#pragma once
// SntpClient: asks one NTP server for the time over UDP (RFC 4330) and hands back what it said about
// our clock (net/sntp_packet.h). One question at a time; names are resolved first. It never sets the
// host's clock (that is the host's time service's job, with the privileges it needs): it measures.

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

#include "common/clock.h"
#include "common/result.h"
#include "net/sntp_packet.h"

class QTimer;
class QUdpSocket;

namespace vigil::core::net {

class SntpClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const Result<SntpSample>&)>;

    // `clock` is where "our time" is read; it must outlive the client.
    explicit SntpClient(const Clock& clock, QObject* parent = nullptr);
    ~SntpClient() override;

    // Asks `server`; `done` runs once, on this object's thread, with the sample or why there is none
    // (name not found, no answer within `timeoutMs`, a refused answer). A new query cancels the
    // previous one, whose `done` never runs.
    void query(const NtpServerAddress& server, int timeoutMs, Done done);
    bool busy() const { return static_cast<bool>(m_done); }
    // Drops the question in flight; its `done` never runs.
    void cancel();

private:
    void send(const QHostAddress& address);
    void readAnswers();
    void finish(const Result<SntpSample>& result);

    const Clock& m_clock;
    QPointer<QUdpSocket> m_socket;
    QTimer* m_timeout = nullptr;
    NtpServerAddress m_server;
    qint64 m_originateMs = 0;
    int m_lookupId = -1;
    std::optional<Error> m_lastRefusal;  // a refused answer, reported if no good one follows
    Done m_done;
};

}  // namespace vigil::core::net
