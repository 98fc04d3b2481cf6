#pragma once
// API value types for /api/v1/system/time (SEC-1.5): the time servers the platform checks its clock
// against, and what the last check found. The platform measures its clock against NTP servers
// (core/net/sntp_client.h); setting the host's clock stays with the host's own time service.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "common/result.h"
#include "net/sntp_packet.h"

namespace vigil::core::model {

struct TimeSettings {
    static constexpr int kMaxServers = 8;
    static constexpr qint64 kDefaultMaxOffsetMs = 1000;
    static constexpr int kDefaultIntervalS = 300;
    static constexpr int kMinIntervalS = 16;     // RFC 4330: no more often than this
    static constexpr int kMaxIntervalS = 86400;

    QList<net::NtpServerAddress> servers;  // tried in order until one answers
    qint64 maxOffsetMs = kDefaultMaxOffsetMs;  // a larger offset is a problem (event, failed check)
    int intervalS = kDefaultIntervalS;

    QJsonObject toJson() const;
    // A PUT body over `current`: fields left out keep their value; unknown fields are refused.
    static Result<TimeSettings> fromRequest(const QJsonObject& json, const TimeSettings& current);
};

struct TimeStatus {
    TimeSettings settings;
    bool synchronised = false;        // a server answered at the last check and the offset is within bounds
    QString server;                   // the server that answered last ("" for none)
    std::optional<double> offsetMs;   // server minus platform: positive when the platform is behind
    std::optional<double> delayMs;
    std::optional<int> stratum;
    qint64 lastAnswerMs = 0;          // 0: no server has answered since the start
    qint64 lastCheckMs = 0;           // 0: not checked yet
    QString problem;                  // why it is not synchronised, for people ("" when it is)

    QJsonObject toJson() const;
};

}  // namespace vigil::core::model
