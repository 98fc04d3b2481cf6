// The API model's JSON: toJson uses the documented camelCase names, fromJson round-trips, ignores
// unknown fields (a newer server may send more) and names the field when a type is wrong.

#include <QJsonArray>
#include <QTest>

#include "model/system_model.h"

using namespace vigil::core;
using namespace vigil::core::model;

class TestSystemModel : public QObject {
    Q_OBJECT

private slots:
    void systemInfoRoundTrips() {
        SystemInfo info;
        info.version = QStringLiteral("1.2.3");
        info.serverId = QStringLiteral("id-1");
        info.serverName = QStringLiteral("nvr");
        info.startedMs = 1000;
        info.uptimeMs = 500;
        info.nowMs = 1500;
        info.caFingerprint = QStringLiteral("AB:CD");
        const QJsonObject json = info.toJson();
        const QStringList keys = {"product",   "version",  "serverId", "serverName",   "role",
                                  "startedMs", "uptimeMs", "nowMs",    "caFingerprint"};
        QCOMPARE(json.keys().size(), keys.size());
        for (const QString& key : keys) {
            QVERIFY2(json.contains(key), qPrintable(key));
        }
        const auto back = SystemInfo::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->serverId, info.serverId);
        QCOMPARE(back->uptimeMs, info.uptimeMs);
        QCOMPARE(back->product, QStringLiteral("Vigil"));
        QCOMPARE(back->role, QStringLiteral("main"));
    }

    void healthRoundTripsWithDisks() {
        HealthSnapshot snapshot;
        snapshot.sampledMs = 42;
        snapshot.cpuPercent = 12.5;
        snapshot.cpuCores = 4;
        snapshot.memoryTotalBytes = qint64(1) << 40;  // beyond 32 bits on purpose
        snapshot.memoryUsedBytes = 100;
        snapshot.networkRxBytesPerSec = 7;
        snapshot.networkTxBytesPerSec = 8;
        snapshot.disks = {{QStringLiteral("/data"), 1000, 400}, {QStringLiteral("/"), 2000, 10}};
        const QJsonObject json = snapshot.toJson();
        QCOMPARE(json.value("disks").toArray().at(1).toObject().value("freeBytes").toInteger(), 10);
        const auto back = HealthSnapshot::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->memoryTotalBytes, snapshot.memoryTotalBytes);
        QCOMPARE(back->cpuPercent, 12.5);
        QCOMPARE(back->disks.size(), 2);
        QCOMPARE(back->disks.at(0).path, QStringLiteral("/data"));
        QCOMPARE(back->disks.at(1).totalBytes, 2000);
    }

    void unknownFieldsAreIgnored() {
        QJsonObject json = ServiceStatus{"a", "A", "running", 7443, {}}.toJson();
        json.insert(QStringLiteral("futureField"), QJsonArray{1, 2});
        const auto status = ServiceStatus::fromJson(json);
        QVERIFY(status.ok());
        QCOMPARE(status->port, 7443);
    }

    void wrongTypeNamesTheField() {
        QJsonObject json = ServiceStatus{"a", "A", "running", 1, {}}.toJson();
        json.insert(QStringLiteral("port"), QStringLiteral("7443"));
        const auto status = ServiceStatus::fromJson(json);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("bad_response"));
        QVERIFY2(status.error().message.contains(QStringLiteral("\"port\"")),
                 qPrintable(status.error().message));
    }

    void missingFieldIsAnError() {
        QJsonObject json = SystemInfo{}.toJson();
        json.remove(QStringLiteral("serverId"));
        const auto info = SystemInfo::fromJson(json);
        QVERIFY(!info.ok());
        QVERIFY(info.error().message.contains(QStringLiteral("serverId")));
        QVERIFY(info.error().message.contains(QStringLiteral("missing")));
    }

    void fractionalIntegerIsAnError() {
        QJsonObject json = HealthSnapshot{}.toJson();
        json.insert(QStringLiteral("cpuCores"), 2.5);
        QVERIFY(!HealthSnapshot::fromJson(json).ok());
    }

    void badDiskEntryIsNamed() {
        QJsonObject json = HealthSnapshot{}.toJson();
        json.insert(QStringLiteral("disks"), QJsonArray{QJsonObject{{"path", "/"}, {"totalBytes", 1}}});
        const auto snapshot = HealthSnapshot::fromJson(json);
        QVERIFY(!snapshot.ok());
        QVERIFY2(snapshot.error().message.contains(QStringLiteral("freeBytes")),
                 qPrintable(snapshot.error().message));
        json.insert(QStringLiteral("disks"), QJsonArray{42});
        QVERIFY(!HealthSnapshot::fromJson(json).ok());
    }

    void pushMessageNeedsAnObject() {
        const auto ok =
            PushMessage::fromJson(QJsonObject{{"type", "system.health"}, {"data", QJsonObject{}}});
        QVERIFY(ok.ok());
        QCOMPARE(ok->type, QStringLiteral("system.health"));
        const auto bad = PushMessage::fromJson(QJsonObject{{"type", "system.health"}, {"data", 3}});
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("\"data\"")));
    }
};

QTEST_GUILESS_MAIN(TestSystemModel)
#include "tst_system_model.moc"
