// The recording routes against a real engine over HTTPS with a GStreamer camera added through the
// devices API (issue 4, SEC-2.2, SEC-2.9): an added camera records by default, its recorded periods
// come back for the timeline, settings are strict and per channel, storage takes a mirror, every
// route asks for its permission (playback to read, device_config / system_settings to change), and
// the answers have the shapes server/api/recording.yaml describes.

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "accounts/api_session.h"
#include "engine/engine.h"
#include "support/gst_camera.h"
#include "support/media_tools.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::GstCamera;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Vigil-Admin-Pass-2024");
const QString kUserPassword = QStringLiteral("Viewer-Pass-2024-x");
constexpr int kWaitMs = 60000;  // bounds a hang only

QJsonObject setupBody() {
    QJsonArray questions;
    for (int i = 0; i < 3; ++i) {
        questions.append(QJsonObject{{"question", QString("Question %1?").arg(i)}, {"answer", QString("Answer %1").arg(i)}});
    }
    return QJsonObject{{"userName", kAdmin}, {"password", kAdminPassword}, {"email", "chief@example.com"}, {"questions", questions}};
}

// schema name -> its "required" list, from recording.yaml (two-space indentation, one line each).
QMap<QString, QStringList> requiredFields(const QString& path) {
    QFile file(path);
    QMap<QString, QStringList> required;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return required;
    }
    static const QRegularExpression schemaLine(QStringLiteral("^    (\\w+):$"));
    static const QRegularExpression requiredLine(QStringLiteral("^      required: \\[(.*)\\]$"));
    QString schema;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (auto m = schemaLine.match(line); m.hasMatch()) {
            schema = m.captured(1);
        } else if (auto r = requiredLine.match(line); r.hasMatch() && !schema.isEmpty()) {
            for (const QString& name : r.captured(1).split(QLatin1Char(','))) {
                required[schema].append(name.trimmed());
            }
            required[schema].sort();
        }
    }
    return required;
}

QStringList sortedKeys(const QJsonObject& json) {
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

}  // namespace

class TstRecordingApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    std::unique_ptr<GstCamera> m_camera;
    QString m_channel;

    QString createUser(const QString& name, const QString& roleId) {
        const ApiReply reply =
            m_admin->post("/api/v1/users", QJsonObject{{"userName", name}, {"roleId", roleId}, {"password", kUserPassword}});
        return reply.status == 201 ? reply.json.value("id").toString() : QString();
    }

    QJsonObject recordingOf(const QString& channel) { return m_admin->get("/api/v1/recording/channels/" + channel).json; }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.recordingSegmentMs = 3000;
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", setupBody()).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);

        GstCamera::Options camera;
        camera.mounts = {QStringLiteral("main:h264+aac")};
        camera.gopSeconds = 1.0;
        m_camera = std::make_unique<GstCamera>(camera);
        QString error;
        QVERIFY2(m_camera->start(&error), qPrintable(error));
        const ApiReply added = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", m_camera->url().toString()}});
        QVERIFY2(added.status == 201, qPrintable(test::describe(added)));
        const QString device = added.json.value("id").toString();
        QTRY_VERIFY_WITH_TIMEOUT(m_admin->get("/api/v1/devices/" + device).json.value("channels").toArray().size() == 1, kWaitMs);
        m_channel = m_admin->get("/api/v1/devices/" + device).json.value("channels").toArray().first().toObject().value("id").toString();
        QVERIFY(!m_channel.isEmpty());
    }

    void addedCameraRecordsAndShowsOnTheTimeline() {
        // Nothing configured: the default mode records the main stream.
        QTRY_COMPARE_WITH_TIMEOUT(recordingOf(m_channel).value("status").toObject().value("main").toObject().value("state").toString(),
                                  QStringLiteral("recording"), kWaitMs);
        const QJsonObject settings = recordingOf(m_channel);
        QCOMPARE(settings.value("mode").toString(), QStringLiteral("continuous"));
        QCOMPARE(settings.value("stored").toBool(), false);
        QTest::qWait(7000);

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const ApiReply periods = m_admin->get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3")
                                                  .arg(m_channel)
                                                  .arg(now - 3'600'000)
                                                  .arg(now + 1000));
        QVERIFY2(periods.status == 200, qPrintable(test::describe(periods)));
        const QJsonArray ranges = periods.json.value("periods").toArray();
        QCOMPARE(ranges.size(), 1);
        const qint64 length = ranges.first()["endMs"].toInteger() - ranges.first()["startMs"].toInteger();
        QVERIFY2(length >= 5000, qPrintable(QString::number(length)));
        QVERIFY(ranges.first()["endMs"].toInteger() <= now + 1000);

        const ApiReply storage = m_admin->get("/api/v1/recording/storage");
        QCOMPARE(storage.status, 200);
        const QJsonObject primary = storage.json.value("health").toArray().first().toObject();
        QCOMPARE(primary.value("path").toString(), m_engine->dataDir() + QStringLiteral("/recordings"));
        QVERIFY(primary.value("writable").toBool());
        QVERIFY(primary.value("segments").toInteger() >= 2);
        QVERIFY(primary.value("problem").toString().isEmpty());

        // The files are there and FFmpeg's own prober reads them.
        const QString folder = primary.value("path").toString() + QLatin1Char('/') + m_channel + QStringLiteral("/main");
        QDirIterator files(folder, {QStringLiteral("*.ts")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList paths;
        while (files.hasNext()) {
            paths << files.next();
        }
        paths.sort();
        QVERIFY(paths.size() >= 2);
        const QJsonObject probe = test::ffprobe(paths.first());  // the oldest: closed for sure
        QCOMPARE(probe.value("format").toObject().value("format_name").toString(), QStringLiteral("mpegts"));
    }

    void settingsAreStrictAndPerChannel() {
        const QString path = "/api/v1/recording/channels/" + m_channel;
        const ApiReply bad = m_admin->put(path, QJsonObject{{"mode", "continuous"}, {"quality", "high"}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.error(), QStringLiteral("bad_request"));
        QVERIFY(bad.message().contains(QStringLiteral("quality")));
        QCOMPARE(m_admin->put(path, QJsonObject{{"mode", "schedule"}}).status, 400);
        QCOMPARE(m_admin->put("/api/v1/recording/channels/no-such-channel", QJsonObject{{"mode", "off"}}).status, 404);
        QCOMPARE(m_admin->get("/api/v1/recording/channels/" + m_channel + "/periods?from=10&to=5").status, 400);
        QCOMPARE(m_admin->get("/api/v1/recording/channels/" + m_channel + "/periods?from=0&to=5&colour=1").status, 400);

        const ApiReply off = m_admin->put(path, QJsonObject{{"mode", "off"}, {"maxAgeDays", 7}});
        QVERIFY2(off.status == 200, qPrintable(test::describe(off)));
        QCOMPARE(off.json.value("stored").toBool(), true);
        QCOMPARE(off.json.value("maxAgeDays").toInt(), 7);
        QCOMPARE(off.json.value("status").toObject().value("main").toObject().value("state").toString(), QStringLiteral("off"));
        const QJsonArray list = m_admin->get("/api/v1/recording/channels").json.value("channels").toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value("channelId").toString(), m_channel);

        const ApiReply on = m_admin->put(path, QJsonObject{{"mode", "continuous"}});
        QCOMPARE(on.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(recordingOf(m_channel).value("status").toObject().value("main").toObject().value("state").toString(),
                                  QStringLiteral("recording"), kWaitMs);
    }

    void storageTakesAMirror() {
        const QString mirror = m_dir.path() + QStringLiteral("/mirror");
        const ApiReply current = m_admin->get("/api/v1/recording/storage");
        QJsonObject primary = current.json.value("settings").toObject().value("primary").toObject();
        primary.remove("role");
        const ApiReply set = m_admin->put("/api/v1/recording/storage",
                                          QJsonObject{{"primary", primary}, {"mirror", QJsonObject{{"path", mirror}}}});
        QVERIFY2(set.status == 200, qPrintable(test::describe(set)));
        const QJsonArray health = set.json.value("health").toArray();
        QCOMPARE(health.size(), 2);
        QCOMPARE(health[1].toObject().value("role").toString(), QStringLiteral("mirror"));
        // Finished segments are copied there.
        QTRY_VERIFY_WITH_TIMEOUT(m_admin->get("/api/v1/recording/storage").json.value("health").toArray()[1].toObject().value("segments").toInteger() >= 1,
                                 kWaitMs);
        QCOMPARE(m_admin->put("/api/v1/recording/storage", QJsonObject{{"primary", QJsonObject{{"path", "relative"}}}}).status, 400);
    }

    void routesNeedTheirPermissions() {
        QVERIFY(!createUser("looker", "viewer").isEmpty());  // live + playback
        QVERIFY(!createUser("liveonly", "live_viewer").isEmpty());
        ApiSession viewer(*m_engine);
        QCOMPARE(viewer.login("looker", kUserPassword).status, 200);
        ApiSession live(*m_engine);
        QCOMPARE(live.login("liveonly", kUserPassword).status, 200);

        const QString channel = "/api/v1/recording/channels/" + m_channel;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString periods = QStringLiteral("%1/periods?from=%2&to=%3").arg(channel).arg(now - 60000).arg(now);
        QCOMPARE(viewer.get(channel).status, 200);
        QCOMPARE(viewer.get(periods).status, 200);
        QCOMPARE(viewer.put(channel, QJsonObject{{"mode", "off"}}).status, 403);
        QCOMPARE(viewer.get("/api/v1/recording/storage").status, 403);
        QCOMPARE(live.get(channel).status, 403);
        QCOMPARE(live.get(periods).status, 403);
    }

    void answersHaveTheDocumentedShapes() {
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        const auto required = requiredFields(source + QStringLiteral("/server/api/recording.yaml"));
        QVERIFY(!required.isEmpty());
        const QJsonObject channel = recordingOf(m_channel);
        QCOMPARE(sortedKeys(channel), required.value("ChannelRecording"));
        QCOMPARE(sortedKeys(channel.value("status").toObject().value("main").toObject()), required.value("RecorderStatus"));
        const QJsonObject storage = m_admin->get("/api/v1/recording/storage").json;
        QCOMPARE(sortedKeys(storage), required.value("Storage"));
        QCOMPARE(sortedKeys(storage.value("health").toArray().first().toObject()), required.value("StorageHealth"));
        QCOMPARE(sortedKeys(storage.value("settings").toObject().value("primary").toObject()), required.value("StorageLocation"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject periods =
            m_admin->get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3").arg(m_channel).arg(now - 60000).arg(now)).json;
        QCOMPARE(sortedKeys(periods), required.value("RecordedPeriods"));
        QCOMPARE(sortedKeys(m_admin->get("/api/v1/recording/channels").json), required.value("ChannelRecordingList"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_camera.reset();
    }
};

QTEST_GUILESS_MAIN(TstRecordingApi)
#include "tst_recording_api.moc"
