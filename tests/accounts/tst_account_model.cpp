// The account API model (issue 3): strict request parsing (unknown fields and wrong types refused,
// naming the field), tolerant responses, settings ranges, the CSV export's quoting and formula
// defusing, and server/api/accounts.yaml listing exactly the fields the model sends.

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include "accounts/security_log.h"
#include "model/account_model.h"
#include "model/permissions.h"
#include "support/api_yaml.h"

using namespace vigil;
using namespace vigil::core::model;

namespace {

QJsonObject validLogin() {
    return QJsonObject{{"userName", "alice"}, {"password", "x"}, {"clientKind", "workstation"}};
}

QStringList sortedKeys(const QJsonObject& json) {
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

}  // namespace

class TestAccountModel : public QObject {
    Q_OBJECT

private slots:
    void loginRequestIsStrict() {
        QVERIFY(LoginRequest::fromRequest(validLogin()).ok());

        QJsonObject extra = validLogin();
        extra.insert("admin", true);
        auto refused = LoginRequest::fromRequest(extra);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("bad_request"));
        QVERIFY2(refused.error().message.contains("\"admin\""), qPrintable(refused.error().message));

        QJsonObject wrongType = validLogin();
        wrongType.insert("password", 12345678);
        refused = LoginRequest::fromRequest(wrongType);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains("\"password\""));
        QVERIFY(refused.error().message.contains("a string"));

        QJsonObject badKind = validLogin();
        badKind.insert("clientKind", "toaster");
        QVERIFY(!LoginRequest::fromRequest(badKind).ok());
        QJsonObject missing = validLogin();
        missing.remove("clientKind");
        QVERIFY(LoginRequest::fromRequest(missing).error().message.contains("missing"));
    }

    void responsesTolerateUnknownFields() {
        User user;
        user.id = "1";
        user.userName = "alice";
        QJsonObject json = user.toJson();
        json.insert("newerField", 1);
        auto parsed = User::fromJson(json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->userName, QStringLiteral("alice"));
        json.insert("enabled", "yes");
        QCOMPARE(User::fromJson(json).error().code, QStringLiteral("bad_response"));
    }

    void userInputRecordsWhatWasSent() {
        auto input = UserInput::fromRequest(QJsonObject{{"userName", "bob"}, {"enabled", false}});
        QVERIFY(input.ok());
        QVERIFY(input->has("userName") && input->has("enabled") && !input->has("roleId"));
        QCOMPARE(input->roleId, QStringLiteral("live_viewer"));  // least privilege by default
        QVERIFY(!UserInput::fromRequest(QJsonObject{{"id", "x"}}).ok());
        QVERIFY(!UserInput::fromRequest(QJsonObject{{"allowedAddresses", QJsonArray{"10.0.0.0/8", 5}}}).ok());
    }

    void setupNeedsThreeQuestions() {
        QJsonObject request{{"userName", "admin"}, {"password", "x"}, {"email", "a@b.c"}};
        QJsonArray questions;
        for (int i = 0; i < 3; ++i) {
            questions.append(QJsonObject{{"question", QString("q%1").arg(i)}, {"answer", "a"}});
        }
        request.insert("questions", questions);
        QVERIFY(SetupRequest::fromRequest(request).ok());
        questions.removeLast();
        request.insert("questions", questions);
        QVERIFY(SetupRequest::fromRequest(request).error().message.contains("exactly 3"));
        questions.append(QJsonObject{{"question", "q"}, {"answer", "a"}, {"hint", "h"}});
        request.insert("questions", questions);
        QVERIFY(SetupRequest::fromRequest(request).error().message.contains("\"hint\""));
    }

    void settingsAreRangeChecked() {
        SecuritySettings settings;
        QVERIFY(settings.validate().ok());
        QVERIFY(SecuritySettings::fromRequest(settings.toJson()).ok());
        settings.sessions.maxPerUser = settings.sessions.maxPlatform + 1;
        QVERIFY(settings.validate().error().message.contains("sessions.maxPerUser"));
        settings = {};
        settings.lockout.attempts = 0;
        QVERIFY(!SecuritySettings::fromRequest(settings.toJson()).ok());
        QJsonObject extra = SecuritySettings{}.toJson();
        QJsonObject lockout = extra.value("lockout").toObject();
        lockout.insert("forever", true);
        extra.insert("lockout", lockout);
        QVERIFY(SecuritySettings::fromRequest(extra).error().message.contains("\"forever\""));
    }

    void builtinRolesMatchTheDesign() {
        QCOMPARE(Permissions::builtinRoles().size(), 5);
        QCOMPARE(Permissions::builtinRole("administrator")->permissions, Permissions::ids());
        QCOMPARE(Permissions::builtinRole("auditor")->permissions, QStringList{"logs"});
        QVERIFY(Permissions::isValidRequirement("public"));
        QVERIFY(Permissions::isValidRequirement("user_admin"));
        QVERIFY(!Permissions::isValidRequirement(""));
        QVERIFY(!Permissions::isValidRequirement("root"));
    }

    void csvQuotesAndDefusesFormulas() {
        using server::SecurityLog;
        QCOMPARE(SecurityLog::csvCell("plain"), QStringLiteral("plain"));
        QCOMPARE(SecurityLog::csvCell("a,b"), QStringLiteral("\"a,b\""));
        QCOMPARE(SecurityLog::csvCell("say \"hi\""), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(SecurityLog::csvCell("two\nlines"), QStringLiteral("\"two\nlines\""));
        for (const QString start : {"=", "+", "-", "@"}) {
            QCOMPARE(SecurityLog::csvCell(start + "SUM(A1)"), QStringLiteral("\"'%1SUM(A1)\"").arg(start));
        }
        QCOMPARE(SecurityLog::csvCell("=HYPERLINK(\"x\",\"y\")"),
                 QStringLiteral("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""));
        const QByteArray csv =
            SecurityLog::toCsv({LogEntry{7, 0, "login", "=evil", "127.0.0.1", "t", "d,e"}});
        QVERIFY(csv.startsWith("id,timeMs,timeUtc,kind,userName,address,target,detail\r\n"));
        QVERIFY2(csv.contains("7,0,1970-01-01T00:00:00.000Z,login,\"'=evil\",127.0.0.1,t,\"d,e\"\r\n"),
                 csv.constData());
    }

    void openApiListsTheFieldsTheModelSends() {
        const QString source =
            qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR", QStringLiteral(VIGIL_SOURCE_DIR));
        const auto required = test::requiredFields(source + "/server/api/accounts.yaml");
        QVERIFY(!required.isEmpty());
        const QMap<QString, QJsonObject> sent = {
            {"User", User{}.toJson()},
            {"Role", Role{}.toJson()},
            {"RoleInput", RoleInput{}.toJson()},
            {"Session", Session{}.toJson()},
            {"LogEntry", LogEntry{}.toJson()},
            {"SecuritySettings", SecuritySettings{}.toJson()},
            {"SetupRequest", SetupRequest{}.toJson()},
            {"SetupStatus", SetupStatus{}.toJson()},
            {"LoginRequest", LoginRequest{}.toJson()},
            {"LoginResponse", LoginResponse{}.toJson()},
            {"MeResponse", MeResponse{}.toJson()},
            {"PasswordChangeRequest", PasswordChangeRequest{}.toJson()},
            {"Permission", Permission{}.toJson()},
        };
        for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
            QVERIFY2(required.value(it.key()) == sortedKeys(it.value()), qPrintable(it.key()));
        }
    }
};

QTEST_GUILESS_MAIN(TestAccountModel)
#include "tst_account_model.moc"
