#pragma once
// SyslogForwarder: sends events to syslog servers as RFC 5424 messages over TLS with RFC 5425
// octet-counting framing ("<length> <message>"), for the rules' syslog action. One connection per
// destination, kept open and reopened when it drops; messages wait in a bounded queue while it
// connects (the oldest go first when it is full, and are counted). The server's certificate must
// verify against the system's CAs or the action's own CA, for the host name given.
//
// Threads: the engine's thread (QSslSocket is asynchronous).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <memory>

#include "model/event_model.h"

class QSslSocket;

namespace vigil::server {

class SyslogForwarder : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxQueued = 1000;
    static constexpr int kReconnectMs = 5000;

    struct Destination {
        QString host;
        quint16 port = 6514;
        QList<QSslCertificate> extraCa;
    };

    explicit SyslogForwarder(QString hostName, QObject* parent = nullptr);
    ~SyslogForwarder() override;

    void send(const Destination& destination, const core::model::Event& event);
    qint64 sent() const { return m_sent; }
    qint64 dropped() const { return m_dropped; }

    // One RFC 5424 message (no framing): <PRI>1 TIMESTAMP HOST vigil PROCID KIND [vigil@32473 ...] BOM MSG.
    // Facility local0; severity crit/warning/info from the event's.
    static QByteArray format(const core::model::Event& event, const QString& hostName);
    // RFC 5425 framing: "<octets> <message>".
    static QByteArray frame(const QByteArray& message);

signals:
    void failed(const QString& destination, const QString& message);

private:
    struct Connection;
    void connectTo(Connection& connection);
    void flush(Connection& connection);

    QString m_hostName;
    QHash<QString, std::shared_ptr<Connection>> m_connections;  // by "host:port"
    qint64 m_sent = 0;
    qint64 m_dropped = 0;
};

}  // namespace vigil::server
