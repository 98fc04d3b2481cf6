// Least privilege (SEC-2.2, issue 3): walks the access gateway's route table and fails on any route
// whose permission is not "public", "authenticated" or a known permission id, on public routes
// beyond the few the design allows, and on path patterns the matcher would not take literally.

#include <QMetaEnum>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engine.h"
#include "http/https_service.h"
#include "model/permissions.h"
#include "support/test_engine.h"

using namespace vigil;
using core::model::Permissions;

class TestRoutePermissions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;

    static QString describe(const server::Route& route) {
        return QString::fromLatin1(
                   QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(route.method)))
                   .toUpper() +
               QLatin1Char(' ') + route.path;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<server::Engine>(test::engineOptions(m_dir.path()));
        QVERIFY(m_engine->start().ok());
        QVERIFY(!m_engine->https()->routes().isEmpty());
    }

    void everyRouteDeclaresAValidPermission() {
        for (const server::Route& route : m_engine->https()->routes()) {
            QVERIFY2(Permissions::isValidRequirement(route.permission),
                     qPrintable(describe(route) + QStringLiteral(" has no valid permission: \"") +
                                route.permission + QLatin1Char('"')));
            QVERIFY2(bool(route.handler) != bool(route.streamHandler),
                     qPrintable(describe(route) + QStringLiteral(" needs exactly one handler")));
            // A token in the URL is only for players that cannot send headers (route.h).
            QVERIFY2(!route.tokenInQuery || (route.streamHandler && route.method == QHttpServerRequest::Method::Get),
                     qPrintable(describe(route) + QStringLiteral(" takes a query token but is not a streaming GET")));
        }
    }

    void onlyTheAllowedRoutesArePublic() {
        // docs/design/accounts.md: setup status, setup, login, password reset, CA download and system info.
        const QSet<QString> allowed = {
            QStringLiteral("GET /api/v1/setup"),
            QStringLiteral("POST /api/v1/setup"),
            QStringLiteral("POST /api/v1/auth/login"),
            QStringLiteral("GET /api/v1/system/ca.pem"),
            QStringLiteral("GET /api/v1/system/info"),
            QStringLiteral("POST /api/v1/auth/reset/request"),
            QStringLiteral("POST /api/v1/auth/reset/complete"),
            QStringLiteral("POST /api/v1/auth/reset/questions"),
        };
        for (const server::Route& route : m_engine->https()->routes()) {
            if (route.permission == QLatin1String(Permissions::kPublic)) {
                QVERIFY2(allowed.contains(describe(route)), qPrintable(describe(route) + " is public"));
            }
        }
    }

    void answeringBeforeSetupIsRareAndNeverAdministrative() {
        for (const server::Route& route : m_engine->https()->routes()) {
            if (route.answersBeforeSetup) {
                QVERIFY2(route.permission == QLatin1String(Permissions::kAuthenticated),
                         qPrintable(describe(route) + " answers before setup but needs more than a session"));
                QVERIFY2(route.method == QHttpServerRequest::Method::Get, qPrintable(describe(route)));
            }
        }
    }

    void routesAreUniqueAndLiteral() {
        QSet<QString> seen;
        for (const server::Route& route : m_engine->https()->routes()) {
            QVERIFY2(!seen.contains(describe(route)), qPrintable(describe(route) + " is declared twice"));
            seen.insert(describe(route));
            QVERIFY(route.path.startsWith(QStringLiteral("/api/v1/")));
            for (const QString& segment : route.path.split(QLatin1Char('/')).mid(1)) {
                QVERIFY2(!segment.isEmpty(), qPrintable(describe(route)));
                const bool parameter = segment.startsWith(QLatin1Char('{'));
                QVERIFY2(!parameter || (segment.endsWith(QLatin1Char('}')) && segment.size() > 2 &&
                                        !segment.mid(1, segment.size() - 2).contains(QLatin1Char('{'))),
                         qPrintable(describe(route)));
                QVERIFY2(parameter || !segment.contains(QLatin1Char('{')), qPrintable(describe(route)));
            }
        }
    }

    void pathMatchingIsExact() {
        using server::matchRoutePath;
        QVERIFY(matchRoutePath("/api/v1/users", "/api/v1/users"));
        QVERIFY(!matchRoutePath("/api/v1/users", "/api/v1/users/"));
        QVERIFY(!matchRoutePath("/api/v1/users", "/api/v1/Users"));
        const auto id = matchRoutePath("/api/v1/users/{id}", "/api/v1/users/abc");
        QVERIFY(id);
        QCOMPARE(id->value(QStringLiteral("id")), QStringLiteral("abc"));
        QVERIFY(!matchRoutePath("/api/v1/users/{id}", "/api/v1/users/"));
        QVERIFY(!matchRoutePath("/api/v1/users/{id}", "/api/v1/users/a/b"));
        QVERIFY(!matchRoutePath("/api/v1/users/{id}", "/api/v1/users"));
        QVERIFY(!matchRoutePath("/api/v1/security-log", "/api/v1/security-log.csv"));
    }

    void cleanupTestCase() { m_engine.reset(); }
};

QTEST_GUILESS_MAIN(TestRoutePermissions)
#include "tst_route_permissions.moc"
