#include "model/time_model.h"

#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

const QString kContext = QStringLiteral("time request");

QJsonValue optionalNumber(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

}  // namespace

QJsonObject TimeSettings::toJson() const {
    QJsonArray list;
    for (const net::NtpServerAddress& server : servers) {
        list.append(server.toString());
    }
    return {{QStringLiteral("servers"), list},
            {QStringLiteral("maxOffsetMs"), maxOffsetMs},
            {QStringLiteral("intervalS"), intervalS}};
}

Result<TimeSettings> TimeSettings::fromRequest(const QJsonObject& json, const TimeSettings& current) {
    FieldReader read(json, kContext, FieldReader::Mode::Request);
    TimeSettings settings = current;
    if (read.has(QStringLiteral("servers"))) {
        const QStringList texts = read.stringList(QStringLiteral("servers"));
        if (read.ok() && texts.size() > kMaxServers) {
            read.failWith(FieldReader::badRequest(kContext, QStringLiteral("servers"),
                                                  QStringLiteral("holds %1 servers; give at most %2")
                                                      .arg(texts.size())
                                                      .arg(kMaxServers)));
        }
        settings.servers.clear();
        for (const QString& text : texts) {
            if (!read.ok()) {
                break;
            }
            auto server = net::NtpServerAddress::parse(text);
            if (!server) {
                read.failWith(server.error());
                break;
            }
            if (!settings.servers.contains(server.value())) {
                settings.servers.append(server.value());
            }
        }
    }
    if (read.has(QStringLiteral("maxOffsetMs"))) {
        settings.maxOffsetMs = read.integer(QStringLiteral("maxOffsetMs"));
        if (read.ok() && (settings.maxOffsetMs < 1 || settings.maxOffsetMs > 3600000)) {
            read.failWith(FieldReader::badRequest(kContext, QStringLiteral("maxOffsetMs"),
                                                  QStringLiteral("must be from 1 to 3600000 (one hour)")));
        }
    }
    if (read.has(QStringLiteral("intervalS"))) {
        settings.intervalS = read.smallInteger(QStringLiteral("intervalS"));
        if (read.ok() && (settings.intervalS < kMinIntervalS || settings.intervalS > kMaxIntervalS)) {
            read.failWith(FieldReader::badRequest(
                kContext, QStringLiteral("intervalS"),
                QStringLiteral("must be from %1 to %2 seconds").arg(kMinIntervalS).arg(kMaxIntervalS)));
        }
    }
    return finished(read, settings);
}

QJsonObject TimeStatus::toJson() const {
    QJsonObject json = settings.toJson();
    json.insert(QStringLiteral("configured"), !settings.servers.isEmpty());
    json.insert(QStringLiteral("synchronised"), synchronised);
    json.insert(QStringLiteral("server"), server);
    json.insert(QStringLiteral("offsetMs"), optionalNumber(offsetMs));
    json.insert(QStringLiteral("delayMs"), optionalNumber(delayMs));
    json.insert(QStringLiteral("stratum"), stratum ? QJsonValue(*stratum) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("lastAnswerMs"), lastAnswerMs);
    json.insert(QStringLiteral("lastCheckMs"), lastCheckMs);
    json.insert(QStringLiteral("problem"), problem);
    return json;
}

}  // namespace vigil::core::model
