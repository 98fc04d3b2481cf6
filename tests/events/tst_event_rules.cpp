// Rules against a real engine (issue 6, EVT-2, "Done means"): rules are checked when saved (shape
// 400, a rule that can never fire or act 422 with the reason, names unique, change needs
// system_settings); camera motion from vigil-testcamera over ONVIF fires a rule that makes the event
// an alarm, records the camera with pre-event video (the recorded period starts before the event,
// on a channel whose own recording is off), pops the camera up and plays a sound on the
// workstation's socket; the alarm is acknowledged and handled with comments; a manual alarm's rule
// sends an e-mail that arrives at a real SMTP server with STARTTLS (aiosmtpd) and a syslog line
// that arrives at rsyslog over TLS (RFC 5425), both trusting only the test CA; a PTZ action moves
// the camera to its preset; a flapping source fires once per debounce window and the rest comes as
// one aggregated event.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "devices/devices_service.h"
#include "engine/engine.h"
#include "event_socket.h"
#include "onvif_channel.h"
#include "onvif/onvif_test_camera.h"
#include "support/test_engine.h"
#include "support/tls_peers.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::EventSocket;
using test::OnvifTestCamera;

namespace {
const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kUserPassword = QStringLiteral("Watch-Pass-2024-q");
const QString kCameraUser = QStringLiteral("operator");
const QString kCameraPassword = QStringLiteral("Lens-Secret-83q");
const QString kSmtpUser = QStringLiteral("vigil-mailer");
const QString kSmtpPassword = QStringLiteral("correct horse battery staple");
constexpr int kWaitMs = 45000;  // bounds a hang only

QJsonObject action(const QString& type, const QJsonObject& fields = {}) {
    QJsonObject json = fields;
    json.insert("type", type);
    return json;
}

QJsonObject rule(const QString& name, const QJsonObject& filter, const QJsonArray& actions, qint64 debounceMs = 0) {
    return QJsonObject{{"name", name}, {"filter", filter}, {"actions", actions}, {"debounceMs", debounceMs}};
}
}  // namespace

class TstEventRules : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OnvifTestCamera m_camera;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_gate;
    QString m_yard;

    QString addCamera(const QString& name) {
        return test::addOnvifChannel(*m_admin, m_camera, name, kCameraUser, kCameraPassword, kWaitMs);
    }

    QJsonArray search(const QString& query) { return m_admin->get("/api/v1/events?" + query).json.value("events").toArray(); }

    qint64 raiseAlarm(const QString& message) {
        const ApiReply raised = m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", message}});
        return raised.status == 201 ? raised.json.value("id").toInteger() : 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_camera.start({QStringLiteral("name=gate,user=%1,password=%2,ptz=1").arg(kCameraUser, kCameraPassword),
                                 QStringLiteral("name=yard,user=%1,password=%2").arg(kCameraUser, kCameraPassword)},
                                {}, &error),
                 qPrintable(error));
        server::EngineOptions options = test::engineOptions(m_dir.filePath("engine"));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.recordingSegmentMs = 2000;
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_engine->devices()->setReconnectPolicy({500, 2000});
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        // Only rules record here: no default recording for new cameras either.
        QJsonObject storage = m_admin->get("/api/v1/recording/storage").json.value("settings").toObject();
        QJsonObject primary = storage.value("primary").toObject();
        primary.remove("role");
        const ApiReply stored = m_admin->put("/api/v1/recording/storage", QJsonObject{{"primary", primary}, {"defaultMode", "off"}});
        QVERIFY2(stored.status == 200, qPrintable(test::describe(stored)));
        m_gate = addCamera("gate");
        m_yard = addCamera("yard");
        QVERIFY(!m_gate.isEmpty() && !m_yard.isEmpty());
        // Only rules record here.
        for (const QString& channel : {m_gate, m_yard}) {
            const ApiReply off = m_admin->put("/api/v1/recording/channels/" + channel, QJsonObject{{"mode", "off"}});
            QVERIFY2(off.status == 200, qPrintable(test::describe(off)));
        }
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_camera.stop();
    }

    void rulesAreCheckedWhenSaved() {
        const QJsonObject motion{{"kinds", QJsonArray{"motion"}}};
        auto post = [this](const QJsonObject& body) { return m_admin->post("/api/v1/events/rules", body); };

        ApiReply reply = post(rule("Nothing", motion, {}));
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("actions"));
        QCOMPARE(post(rule("Quake", QJsonObject{{"kinds", QJsonArray{"earthquake"}}}, {action("sound")})).status, 400);
        QCOMPARE(post(rule("Teleport", motion, {action("teleport")})).status, 400);
        QCOMPARE(post(rule("Loud", motion, {action("sound", {{"volume", 11}})})).status, 400);
        QCOMPARE(post(rule("Night", QJsonObject{{"kinds", QJsonArray{"motion"}}, {"schedule", QJsonArray{QJsonObject{{"day", 8}, {"startMinute", 0}, {"endMinute", 60}}}}},
                           {action("sound")}))
                     .status,
                 400);

        reply = post(rule("Ghost", QJsonObject{{"kinds", QJsonArray{"motion"}}, {"sourceIds", QJsonArray{"no-such-camera"}}}, {action("sound")}));
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), QStringLiteral("rule_never_fires"));
        QVERIFY(reply.message().contains("no-such-camera"));
        reply = post(rule("Swing", motion, {action("ptz", {{"channelId", m_yard}, {"presetToken", "1"}})}));
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.message().contains("PTZ"));
        reply = post(rule("Mail", motion, {action("email", {{"to", QJsonArray{"ops@example.com"}}})}));
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.message().contains("mail server"));
        reply = post(rule("Film logins", QJsonObject{{"kinds", QJsonArray{"login_failed"}}}, {action("record")}));
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.message().contains("record"));
        reply = post(rule("Disk cams", QJsonObject{{"kinds", QJsonArray{"storage_problem"}}, {"sourceIds", QJsonArray{m_gate}}},
                          {action("sound")}));
        QCOMPARE(reply.status, 422);

        const ApiReply made = post(rule("Chime on yard motion", QJsonObject{{"kinds", QJsonArray{"motion"}}, {"sourceIds", QJsonArray{m_yard}}},
                                        {action("sound", {{"sound", "chime"}})}));
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        const QString id = made.json.value("id").toString();
        QCOMPARE(made.json.value("filter").toObject().value("sourceIds").toArray().first().toString(), m_yard);
        QCOMPARE(post(rule("Chime on yard motion", motion, {action("sound")})).status, 409);
        const ApiReply renamed = m_admin->put("/api/v1/events/rules/" + id, rule("Yard chime", motion, {action("sound")}));
        QVERIFY2(renamed.status == 200, qPrintable(test::describe(renamed)));
        QCOMPARE(renamed.json.value("name").toString(), QStringLiteral("Yard chime"));
        QCOMPARE(m_admin->get("/api/v1/events/rules").json.value("rules").toArray().size(), 1);

        // Operators read rules; changing them needs system_settings.
        QCOMPARE(m_admin->post("/api/v1/users", QJsonObject{{"userName", "olga"}, {"roleId", "operator"}, {"password", kUserPassword}}).status, 201);
        ApiSession operatorSession(*m_engine);
        QCOMPARE(operatorSession.login("olga", kUserPassword).status, 200);
        QCOMPARE(operatorSession.get("/api/v1/events/rules/" + id).status, 200);
        QCOMPARE(operatorSession.post("/api/v1/events/rules", rule("Mine", motion, {action("sound")})).status, 403);
        QCOMPARE(operatorSession.del("/api/v1/events/rules/" + id).status, 403);

        QCOMPARE(m_admin->del("/api/v1/events/rules/" + id).status, 204);
        QCOMPARE(m_admin->get("/api/v1/events/rules/" + id).status, 404);
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + id).status, 404);
    }

    void motionRuleRaisesAnAlarmRecordsWithPreEventVideoAndPopsUp() {
        const ApiReply made = m_admin->post(
            "/api/v1/events/rules",
            rule("Gate intrusion", QJsonObject{{"kinds", QJsonArray{"motion"}}, {"sourceIds", QJsonArray{m_gate}}},
                 {action("alarm", {{"severity", "critical"}}), action("record", {{"preEventMs", 3000}, {"postEventMs", 4000}}),
                  action("popup"), action("sound", {{"sound", "siren"}})}));
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        const QString ruleId = made.json.value("id").toString();
        EventSocket socket(*m_engine, *m_admin);
        QVERIFY(socket.isConnected());
        QCOMPARE(m_admin->get("/api/v1/recording/channels/" + m_gate).json.value("status").toObject().value("main").toObject().value("state").toString(),
                 QStringLiteral("off"));

        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command("pullpoints gate"), QStringLiteral("ok 1"), kWaitMs);
        auto packets = [this] {
            for (const QJsonValue& device : m_admin->get("/api/v1/devices").json.value("devices").toArray()) {
                for (const QJsonValue& channel : device.toObject().value("channels").toArray()) {
                    if (channel.toObject().value("id").toString() == m_gate) {
                        return channel.toObject().value("streams").toObject().value("main").toObject().value("packets").toInteger();
                    }
                }
            }
            return qint64(-1);
        };
        // The hub can only keep what it has received: give it more than the pre-event time (25 fps).
        QTRY_VERIFY_WITH_TIMEOUT(packets() >= 100, kWaitMs);
        QCOMPARE(m_camera.command("motion gate on"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search("kind=motion&source=" + m_gate).size() == 1, kWaitMs);
        const QJsonObject alarm = search("kind=motion&source=" + m_gate).first().toObject();
        const qint64 eventMs = alarm.value("timeMs").toInteger();
        QCOMPARE(alarm.value("alarmState").toString(), QStringLiteral("new"));
        QCOMPARE(alarm.value("ruleId").toString(), ruleId);
        QCOMPARE(alarm.value("severity").toString(), QStringLiteral("critical"));
        QCOMPARE(alarm.value("trail").toArray().first().toObject().value("comment").toString(), QStringLiteral("rule \"Gate intrusion\""));

        // The workstation is asked to show the camera and to sound the siren, after the event itself.
        QTRY_VERIFY_WITH_TIMEOUT(!socket.of("events.popup").isEmpty() && !socket.of("events.sound").isEmpty(), kWaitMs);
        QCOMPARE(socket.of("events.popup").first().value("channelId").toString(), m_gate);
        QCOMPARE(socket.of("events.popup").first().value("event").toObject().value("id").toInteger(), alarm.value("id").toInteger());
        QCOMPARE(socket.of("events.sound").first().value("sound").toString(), QStringLiteral("siren"));
        int eventIndex = -1;
        int popupIndex = -1;
        for (int i = 0; i < socket.messages().size(); ++i) {
            const QString type = socket.messages()[i].value("type").toString();
            if (type == "events.event" && eventIndex < 0) {
                eventIndex = i;
            } else if (type == "events.popup" && popupIndex < 0) {
                popupIndex = i;
            }
        }
        QVERIFY(eventIndex >= 0 && eventIndex < popupIndex);

        // The channel records although its mode is off, from the cached keyframe before the event,
        // and stops again after the post-event time.
        QTRY_COMPARE_WITH_TIMEOUT(m_admin->get("/api/v1/recording/channels/" + m_gate).json.value("status").toObject().value("main").toObject().value("state").toString(),
                                  QStringLiteral("recording"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_admin->get("/api/v1/recording/channels/" + m_gate).json.value("status").toObject().value("main").toObject().value("state").toString(),
                                  QStringLiteral("off"), kWaitMs);
        const ApiReply periods = m_admin->get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3")
                                                  .arg(m_gate)
                                                  .arg(eventMs - 60000)
                                                  .arg(eventMs + 60000));
        QCOMPARE(periods.status, 200);
        const QJsonArray ranges = periods.json.value("periods").toArray();
        QCOMPARE(ranges.size(), 1);
        const qint64 startMs = ranges.first()["startMs"].toInteger();
        const qint64 endMs = ranges.first()["endMs"].toInteger();
        qInfo() << "event at" << eventMs << "clip" << startMs - eventMs << "ms to" << endMs - eventMs << "ms around it";
        QVERIFY2(startMs < eventMs, qPrintable(QStringLiteral("the clip starts %1 ms after the event").arg(startMs - eventMs)));
        // From the keyframe at or before 3 s ahead of the event (1 s GOPs), not from the one before it.
        QVERIFY2(eventMs - startMs >= 2000 && eventMs - startMs <= 4500, qPrintable(QString::number(eventMs - startMs)));
        QVERIFY2(endMs >= eventMs + 3000, qPrintable(QString::number(endMs - eventMs)));
        QCOMPARE(search("kind=motion&source=" + m_yard).size(), 0);
        QCOMPARE(periods.json.value("periods").toArray().size(), 1);
        QCOMPARE(m_admin->get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3").arg(m_yard).arg(eventMs - 60000).arg(eventMs + 60000))
                     .json.value("periods").toArray().size(),
                 0);

        // Handled to the end, with comments.
        const qint64 id = alarm.value("id").toInteger();
        QCOMPARE(m_admin->post("/api/v1/events/acknowledge", QJsonObject{{"ids", QJsonArray{id}}, {"comment", "Looking at the gate"}}).status, 200);
        const ApiReply handled = m_admin->post("/api/v1/events/handle", QJsonObject{{"ids", QJsonArray{id}}, {"comment", "Delivery van, let in"}});
        QCOMPARE(handled.status, 200);
        const QJsonArray trail = handled.json.value("events").toArray().first().toObject().value("trail").toArray();
        QCOMPARE(trail.size(), 3);
        QCOMPARE(trail[2]["comment"].toString(), QStringLiteral("Delivery van, let in"));
        QTRY_VERIFY_WITH_TIMEOUT(!socket.of("events.alarm").isEmpty(), kWaitMs);
        QCOMPARE(m_camera.command("motion gate off"), QStringLiteral("ok"));
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + ruleId).status, 204);
    }

    void emailAndSyslogArriveAtRealPeers() {
        QVERIFY2(test::runTool("/usr/bin/python3", {"-c", "import aiosmtpd"}, m_dir.path()), "python3-aiosmtpd is missing: run tools/install-deps.sh");
        QVERIFY2(QFile::exists("/usr/sbin/rsyslogd"), "rsyslog is missing: run tools/install-deps.sh");
        const QString certificates = m_dir.filePath("certificates");
        QDir().mkpath(certificates);
        QVERIFY(test::makeTestCertificates(certificates));
        const QString caPem = QString::fromLatin1(test::readWholeFile(certificates + "/ca.pem"));
        test::SmtpPeer mail(m_dir.filePath("mail"), certificates, kSmtpUser, kSmtpPassword);
        QVERIFY2(mail.port() != 0, "the SMTP peer did not start");
        test::SyslogPeer syslog(m_dir.filePath("syslog"), certificates);
        QVERIFY(syslog.waitUntilListening());

        const ApiReply smtp = m_admin->put("/api/v1/settings/smtp", QJsonObject{{"host", "127.0.0.1"},
                                                                               {"port", mail.port()},
                                                                               {"security", "starttls"},
                                                                               {"user", kSmtpUser},
                                                                               {"password", kSmtpPassword},
                                                                               {"from", "vigil@site.test"},
                                                                               {"timeoutMs", 10000},
                                                                               {"caPem", caPem}});
        QVERIFY2(smtp.status == 200, qPrintable(test::describe(smtp)));
        const ApiReply made = m_admin->post(
            "/api/v1/events/rules",
            rule("Tell the control room", QJsonObject{{"kinds", QJsonArray{"manual_alarm"}}, {"severities", QJsonArray{"critical"}}},
                 {action("email", {{"to", QJsonArray{"control@site.test"}}, {"subject", "Vigil: manual alarm"}}),
                  action("syslog", {{"host", "127.0.0.1"}, {"port", syslog.port()}, {"caCertificate", caPem}})}));
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));

        const qint64 id = raiseAlarm("Break-in at the loading dock");
        QVERIFY(id > 0);
        const QByteArray eml = mail.waitForMessage(1);
        QVERIFY2(!eml.isEmpty(), "no e-mail arrived");
        QVERIFY(eml.contains("Subject: Vigil: manual alarm"));
        QVERIFY(eml.contains("Break-in at the loading dock"));
        QVERIFY(eml.contains(QStringLiteral("Event id: %1").arg(id).toLatin1()));
        QVERIFY(eml.contains("To: control@site.test"));

        QTRY_VERIFY_WITH_TIMEOUT(syslog.received().contains("Break-in at the loading dock"), kWaitMs);
        const QByteArray line = syslog.received();
        qInfo().noquote() << "rsyslog received:" << line.trimmed();
        QVERIFY(line.startsWith("<130>1 "));  // local0.crit, RFC 5424 version 1
        QVERIFY(line.contains(" vigil "));
        QVERIFY(line.contains(" manual_alarm "));
        QVERIFY(line.contains(QStringLiteral("[vigil@32473 id=\"%1\"").arg(id).toLatin1()));

        // A second event over the same connection; a warning is not taken by this rule.
        QVERIFY(raiseAlarm("Second break-in") > 0);
        QTRY_VERIFY_WITH_TIMEOUT(syslog.received().contains("Second break-in"), kWaitMs);
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "Just a warning"}, {"severity", "warning"}}).status, 201);
        QVERIFY(!mail.waitForMessage(3).contains("Just a warning"));
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + made.json.value("id").toString()).status, 204);
    }

    void ptzActionMovesTheCameraToItsPreset() {
        QCOMPARE(m_admin->post("/api/v1/channels/" + m_gate + "/ptz/presets", QJsonObject{{"name", "Door"}}).status, 202);
        const QString set = m_camera.waitForLine(QStringLiteral("onvif ptz gate SetPreset"), 20000);
        const QString token = set.section(QStringLiteral("token="), 1);
        QVERIFY2(!token.isEmpty(), qPrintable(set));
        const ApiReply made = m_admin->post(
            "/api/v1/events/rules",
            rule("Look at the door", QJsonObject{{"kinds", QJsonArray{"motion"}}, {"sourceIds", QJsonArray{m_yard}}},
                 {action("ptz", {{"channelId", m_gate}, {"presetToken", token}})}));
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command("pullpoints yard"), QStringLiteral("ok 1"), kWaitMs);
        QCOMPARE(m_camera.command("motion yard on"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search("kind=motion&source=" + m_yard).size() == 1, kWaitMs);
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz gate GotoPreset"), kWaitMs),
                 QStringLiteral("onvif ptz gate GotoPreset profile=main token=") + token);
        QCOMPARE(m_camera.command("motion yard off"), QStringLiteral("ok"));
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + made.json.value("id").toString()).status, 204);
    }

    // EVT-2: a pop-up naming users reaches only their sessions, and only those that may watch the
    // camera live (an auditor named in the rule gets nothing); one naming nobody reaches every
    // session with live rights. The yard pop-up, for everyone, comes after the gate's on each
    // socket: once a socket has it, a gate pop-up it should not have had would have come before.
    void aPopupGoesOnlyToTheNamedUsersWhoMayWatchLive() {
        const QList<std::pair<QString, QString>> users = {{"pia", "operator"}, {"quinn", "operator"}, {"rita", "auditor"}};
        for (const auto& [user, role] : users) {
            const ApiReply made = m_admin->post("/api/v1/users", QJsonObject{{"userName", user}, {"roleId", role}, {"password", kUserPassword}});
            QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        }
        const QJsonObject manual{{"kinds", QJsonArray{"manual_alarm"}}};
        const ApiReply gate = m_admin->post("/api/v1/events/rules",
                                            rule("Gate to Pia", manual, {action("popup", {{"channelIds", QJsonArray{m_gate}}, {"userNames", QJsonArray{"pia", "rita"}}})}));
        QVERIFY2(gate.status == 201, qPrintable(test::describe(gate)));
        ApiSession pia(*m_engine);
        ApiSession quinn(*m_engine);
        ApiSession rita(*m_engine);
        QCOMPARE(pia.login("pia", kUserPassword).status, 200);
        QCOMPARE(quinn.login("quinn", kUserPassword).status, 200);
        QCOMPARE(rita.login("rita", kUserPassword).status, 200);
        EventSocket adminSocket(*m_engine, *m_admin);
        EventSocket piaSocket(*m_engine, pia);
        EventSocket quinnSocket(*m_engine, quinn);
        EventSocket ritaSocket(*m_engine, rita);
        QVERIFY(adminSocket.isConnected() && piaSocket.isConnected() && quinnSocket.isConnected() && ritaSocket.isConnected());

        QVERIFY(raiseAlarm(QStringLiteral("Someone at the gate")) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(piaSocket.of("events.popup").size(), 1, kWaitMs);
        QCOMPARE(piaSocket.of("events.popup").first().value("channelId").toString(), m_gate);
        QCOMPARE(piaSocket.of("events.popup").first().value("event").toObject().value("message").toString(),
                 QStringLiteral("Someone at the gate"));

        QCOMPARE(m_admin->del("/api/v1/events/rules/" + gate.json.value("id").toString()).status, 204);
        const ApiReply yard = m_admin->post("/api/v1/events/rules",
                                            rule("Yard to all", manual, {action("popup", {{"channelIds", QJsonArray{m_yard}}})}));
        QVERIFY2(yard.status == 201, qPrintable(test::describe(yard)));
        QVERIFY(raiseAlarm(QStringLiteral("Someone in the yard")) > 0);
        for (EventSocket* socket : {&adminSocket, &piaSocket, &quinnSocket}) {
            QTRY_COMPARE_WITH_TIMEOUT(socket->of("events.popup").last().value("channelId").toString(), m_yard, kWaitMs);
        }
        QCOMPARE(adminSocket.of("events.popup").size(), 1);
        QCOMPARE(quinnSocket.of("events.popup").size(), 1);
        QCOMPARE(piaSocket.of("events.popup").size(), 2);
        QVERIFY(ritaSocket.of("events.popup").isEmpty());  // no live rights: no pop-up, named or not
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + yard.json.value("id").toString()).status, 204);
    }

    void aFlappingSourceIsAggregated() {
        const ApiReply made = m_admin->post("/api/v1/events/rules",
                                            rule("Calm sounds", QJsonObject{{"kinds", QJsonArray{"manual_alarm"}}},
                                                 {action("sound", {{"sound", "chime"}})}, 2000));
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        EventSocket socket(*m_engine, *m_admin);
        QVERIFY(socket.isConnected());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(raiseAlarm(QStringLiteral("Flap %1").arg(i)) > 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(search("kind=aggregated").size() == 1, kWaitMs);
        const QJsonObject summary = search("kind=aggregated").first().toObject();
        QCOMPARE(summary.value("details").toObject().value("count").toInteger(), 4);
        QCOMPARE(summary.value("details").toObject().value("ruleId").toString(), made.json.value("id").toString());
        QCOMPARE(socket.of("events.sound").size(), 1);  // once for five
        QCOMPARE(socket.of("events.sound").first().value("event").toObject().value("message").toString(), QStringLiteral("Flap 0"));
    }
};

QTEST_MAIN(TstEventRules)
#include "tst_event_rules.moc"
