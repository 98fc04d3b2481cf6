// The layouts routes against a real engine over HTTPS (issue 5, VID-1): named Live view layouts saved
// per user (standard and custom grids, tiles, tours), strict bodies whose errors name the field,
// names unique per user whatever the case, one user never sees another's layouts, the `live`
// permission, the limit per user, layouts surviving an engine restart, and the answers' shapes as
// server/api/layouts.yaml describes them.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "accounts/api_session.h"
#include "engine/engine.h"
#include "model/layout_model.h"
#include "store/database.h"
#include "support/api_yaml.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::sortedKeys;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Vigil-Admin-Pass-2024");
const QString kUserPassword = QStringLiteral("Viewer-Pass-2024-x");

QJsonObject fourUp(const QString& name) {
    return QJsonObject{{"name", name},
                       {"grid", "4"},
                       {"tiles", QJsonArray{QJsonObject{{"cell", 0}, {"channelId", "cam-a"}},
                                            QJsonObject{{"cell", 3}, {"channelId", "cam-b"}, {"stream", "sub"}}}}};
}

QJsonObject cell(int row, int column, int rowSpan = 1, int columnSpan = 1) {
    return QJsonObject{{"row", row}, {"column", column}, {"rowSpan", rowSpan}, {"columnSpan", columnSpan}};
}

}  // namespace

class TstLayoutsApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    server::EngineOptions options() const {
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        return options;
    }

    // A signed-in session of a new user with `roleId`.
    std::unique_ptr<ApiSession> userSession(const QString& name, const QString& roleId) {
        const ApiReply made =
            m_admin->post("/api/v1/users", QJsonObject{{"userName", name}, {"roleId", roleId}, {"password", kUserPassword}});
        if (made.status != 201) {
            qWarning().noquote() << test::describe(made);
            return nullptr;
        }
        auto session = std::make_unique<ApiSession>(*m_engine);
        const ApiReply login = session->login(name, kUserPassword);
        return login.status == 200 ? std::move(session) : nullptr;
    }

    // The 400 a bad body gets: bad_request, and a message that names `field`.
    void expectRefused(const QJsonObject& body, const QString& field) {
        const ApiReply reply = m_admin->post("/api/v1/layouts", body);
        QVERIFY2(reply.status == 400, qPrintable(test::describe(reply)));
        QCOMPARE(reply.error(), QStringLiteral("bad_request"));
        QVERIFY2(reply.message().contains(field), qPrintable(reply.message()));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<server::Engine>(options());
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
    }

    void standardLayoutIsSavedListedAndRead() {
        const ApiReply made = m_admin->post("/api/v1/layouts", fourUp("Entrance"));
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        const QString id = made.json.value("id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(made.json.value("grid").toString(), QStringLiteral("4"));
        QCOMPARE(made.json.value("rows").toInt(), 2);
        QCOMPARE(made.json.value("columns").toInt(), 2);
        QCOMPARE(made.json.value("cells").toArray().size(), 4);
        QCOMPARE(made.json.value("cells").toArray().at(3).toObject(), cell(1, 1));
        const QJsonArray tiles = made.json.value("tiles").toArray();
        QCOMPARE(tiles.size(), 2);
        QCOMPARE(tiles.at(0).toObject().value("stream").toString(), QStringLiteral("auto"));  // the default
        QCOMPARE(tiles.at(1).toObject().value("stream").toString(), QStringLiteral("sub"));
        QVERIFY(made.json.value("createdMs").toInteger() > 0);

        const ApiReply read = m_admin->get("/api/v1/layouts/" + id);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json, made.json);
        const ApiReply list = m_admin->get("/api/v1/layouts");
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value("layouts").toArray().size(), 1);
        QCOMPARE(list.json.value("layouts").toArray().first().toObject(), made.json);
        QVERIFY(m_admin->del("/api/v1/layouts/" + id).status == 204);
    }

    void sixAndEightHaveOneBigCell() {
        const ApiReply six = m_admin->post("/api/v1/layouts", QJsonObject{{"name", "Six"}, {"grid", "6"}});
        QVERIFY2(six.status == 201, qPrintable(test::describe(six)));
        QCOMPARE(six.json.value("cells").toArray().size(), 6);
        QCOMPARE(six.json.value("cells").toArray().first().toObject(), cell(0, 0, 2, 2));
        QCOMPARE(six.json.value("rows").toInt(), 3);
        const ApiReply eight = m_admin->post("/api/v1/layouts", QJsonObject{{"name", "Eight"}, {"grid", "8"}});
        QCOMPARE(eight.json.value("cells").toArray().size(), 8);
        QCOMPARE(eight.json.value("cells").toArray().first().toObject(), cell(0, 0, 3, 3));
        for (const QString& kind : core::model::LayoutGrid::standardKinds()) {
            const auto cells = core::model::LayoutGrid::standardCells(kind);
            QCOMPARE(cells.size(), kind.toInt());
            QVERIFY2(core::model::LayoutGrid::problem(cells).isEmpty(), qPrintable(kind));
        }
        QCOMPARE(m_admin->del("/api/v1/layouts/" + six.json.value("id").toString()).status, 204);
        QCOMPARE(m_admin->del("/api/v1/layouts/" + eight.json.value("id").toString()).status, 204);
    }

    void customGridWithSpansAndATour() {
        // A wide tile across the top and three below it.
        const QJsonObject body{{"name", "Lobby wall"},
                               {"grid", "custom"},
                               {"cells", QJsonArray{cell(0, 0, 1, 3), cell(1, 0), cell(1, 1), cell(1, 2)}},
                               {"tiles", QJsonArray{QJsonObject{{"cell", 0}, {"channelId", "cam-a"}, {"stream", "main"}}}},
                               {"tour", QJsonArray{QJsonObject{{"kind", "channel"}, {"id", "cam-a"}, {"dwellSeconds", 5}},
                                                   QJsonObject{{"kind", "layout"}, {"id", "other"}}}}};
        const ApiReply made = m_admin->post("/api/v1/layouts", body);
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        QCOMPARE(made.json.value("rows").toInt(), 2);
        QCOMPARE(made.json.value("columns").toInt(), 3);
        QCOMPARE(made.json.value("cells").toArray().first().toObject(), cell(0, 0, 1, 3));
        const QJsonArray tour = made.json.value("tour").toArray();
        QCOMPARE(tour.size(), 2);
        QCOMPARE(tour.at(0).toObject().value("dwellSeconds").toInt(), 5);
        QCOMPARE(tour.at(1).toObject().value("dwellSeconds").toInt(), 10);  // the default

        // Shapes: exactly the fields layouts.yaml marks required, for the layout and its parts.
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        const auto required = test::requiredFields(source + "/server/api/layouts.yaml");
        QCOMPARE(sortedKeys(made.json), required.value("Layout"));
        QCOMPARE(sortedKeys(made.json.value("cells").toArray().first().toObject()), required.value("LayoutCell"));
        QCOMPARE(sortedKeys(made.json.value("tiles").toArray().first().toObject()), required.value("LayoutTile"));
        QCOMPARE(sortedKeys(tour.first().toObject()), required.value("TourStep"));
        QCOMPARE(sortedKeys(m_admin->get("/api/v1/layouts").json), required.value("LayoutList"));
        QCOMPARE(m_admin->del("/api/v1/layouts/" + made.json.value("id").toString()).status, 204);
    }

    void badBodiesAreRefusedNamingTheField() {
        expectRefused(QJsonObject{{"grid", "4"}}, "name");
        expectRefused(QJsonObject{{"name", "  "}, {"grid", "4"}}, "name");
        expectRefused(QJsonObject{{"name", QString(65, 'x')}, {"grid", "4"}}, "name");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", 4}}, "grid");  // a number, not a string
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "5"}}, "grid");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "4"}, {"colour", "red"}}, "colour");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "4"}, {"cells", QJsonArray{cell(0, 0)}}}, "cells");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}}, "cells");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}, {"cells", QJsonArray{}}}, "cells");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}, {"cells", QJsonArray{cell(0, 0, 2, 2), cell(1, 1)}}},
                      "overlapping");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}, {"cells", QJsonArray{cell(7, 7, 2, 1)}}}, "outside");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}, {"cells", QJsonArray{cell(-1, 0)}}}, "outside");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}, {"cells", QJsonArray{"0,0"}}}, "cells[0]");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "custom"}, {"cells", QJsonArray{QJsonObject{{"row", 0}}}}},
                      "column");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "1"}, {"tiles", QJsonArray{QJsonObject{{"cell", 1}, {"channelId", "c"}}}}},
                      "tiles[0]");
        expectRefused(QJsonObject{{"name", "A"},
                                  {"grid", "4"},
                                  {"tiles", QJsonArray{QJsonObject{{"cell", 1}, {"channelId", "c"}},
                                                       QJsonObject{{"cell", 1}, {"channelId", "d"}}}}},
                      "tiles[1]");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "4"}, {"tiles", QJsonArray{QJsonObject{{"cell", 0}, {"channelId", ""}}}}},
                      "channelId");
        expectRefused(QJsonObject{{"name", "A"},
                                  {"grid", "4"},
                                  {"tiles", QJsonArray{QJsonObject{{"cell", 0}, {"channelId", "c"}, {"stream", "hd"}}}}},
                      "stream");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "4"}, {"tiles", QJsonArray{QJsonObject{{"cell", 0.5}, {"channelId", "c"}}}}},
                      "cell");
        expectRefused(QJsonObject{{"name", "A"},
                                  {"grid", "4"},
                                  {"tour", QJsonArray{QJsonObject{{"kind", "channel"}, {"id", "c"}, {"dwellSeconds", 1}}}}},
                      "dwellSeconds");
        expectRefused(QJsonObject{{"name", "A"}, {"grid", "4"}, {"tour", QJsonArray{QJsonObject{{"kind", "preset"}, {"id", "c"}}}}},
                      "kind");

        // Not JSON at all: the gateway says so before any layout rule runs.
        const ApiReply garbage = m_admin->call("POST", "/api/v1/layouts", {}, "{\"name\": \"A\", \"grid\": ");
        QCOMPARE(garbage.status, 400);
        QVERIFY(!garbage.message().isEmpty());
        QCOMPARE(m_admin->get("/api/v1/layouts").json.value("layouts").toArray().size(), 0);  // nothing half-saved
    }

    void namesAreUniquePerUserWhateverTheCase() {
        const ApiReply first = m_admin->post("/api/v1/layouts", fourUp("Night shift"));
        QCOMPARE(first.status, 201);
        const ApiReply second = m_admin->post("/api/v1/layouts", fourUp("NIGHT SHIFT"));
        QCOMPARE(second.status, 409);
        QCOMPARE(second.error(), QStringLiteral("layout_exists"));
        QVERIFY(second.message().contains("NIGHT SHIFT"));

        const ApiReply other = m_admin->post("/api/v1/layouts", fourUp("Day shift"));
        QCOMPARE(other.status, 201);
        const QString otherId = other.json.value("id").toString();
        QCOMPARE(m_admin->put("/api/v1/layouts/" + otherId, fourUp("night Shift")).status, 409);
        // Renaming a layout to its own name in another case is fine, and a PUT replaces the whole layout.
        QJsonObject renamed = fourUp("DAY shift");
        renamed.insert("grid", "9");
        renamed.insert("tiles", QJsonArray{QJsonObject{{"cell", 8}, {"channelId", "cam-z"}}});
        const ApiReply replaced = m_admin->put("/api/v1/layouts/" + otherId, renamed);
        QVERIFY2(replaced.status == 200, qPrintable(test::describe(replaced)));
        QCOMPARE(replaced.json.value("name").toString(), QStringLiteral("DAY shift"));
        QCOMPARE(replaced.json.value("cells").toArray().size(), 9);
        QCOMPARE(replaced.json.value("tiles").toArray().size(), 1);
        QCOMPARE(replaced.json.value("createdMs"), other.json.value("createdMs"));
        QCOMPARE(m_admin->get("/api/v1/layouts/" + otherId).json, replaced.json);
        // A refused PUT keeps what was stored.
        QCOMPARE(m_admin->put("/api/v1/layouts/" + otherId, QJsonObject{{"name", "x"}, {"grid", "7"}}).status, 400);
        QCOMPARE(m_admin->get("/api/v1/layouts/" + otherId).json, replaced.json);
    }

    void oneUserNeverSeesAnothersLayouts() {
        const QJsonArray adminLayouts = m_admin->get("/api/v1/layouts").json.value("layouts").toArray();
        QVERIFY(!adminLayouts.isEmpty());
        const QString adminId = adminLayouts.first().toObject().value("id").toString();

        auto guard = userSession("guard1", "live_viewer");
        QVERIFY(guard);
        QCOMPARE(guard->get("/api/v1/layouts").json.value("layouts").toArray().size(), 0);
        const ApiReply peek = guard->get("/api/v1/layouts/" + adminId);
        QCOMPARE(peek.status, 404);
        QCOMPARE(peek.error(), QStringLiteral("layout_not_found"));
        QCOMPARE(guard->put("/api/v1/layouts/" + adminId, fourUp("Mine now")).status, 404);
        QCOMPARE(guard->del("/api/v1/layouts/" + adminId).status, 404);
        // The same name is free for another user, and stays theirs alone.
        const ApiReply own = guard->post("/api/v1/layouts", fourUp("Night shift"));
        QCOMPARE(own.status, 201);
        QCOMPARE(guard->get("/api/v1/layouts").json.value("layouts").toArray().size(), 1);
        QCOMPARE(m_admin->get("/api/v1/layouts/" + own.json.value("id").toString()).status, 404);
        QCOMPARE(m_admin->get("/api/v1/layouts").json.value("layouts").toArray(), adminLayouts);
    }

    void theLivePermissionIsNeeded() {
        auto auditor = userSession("auditor1", "auditor");  // logs only, no live
        QVERIFY(auditor);
        const ApiReply list = auditor->get("/api/v1/layouts");
        QCOMPARE(list.status, 403);
        QCOMPARE(list.error(), QStringLiteral("forbidden"));
        QCOMPARE(auditor->post("/api/v1/layouts", fourUp("Sneaky")).status, 403);
        ApiSession anonymous(*m_engine);
        QCOMPARE(anonymous.get("/api/v1/layouts").status, 401);
    }

    void aUserKeepsAtMostTwoHundred() {
        auto busy = userSession("busy1", "viewer");
        QVERIFY(busy);
        for (int i = 0; i < 200; ++i) {
            QCOMPARE(busy->post("/api/v1/layouts", QJsonObject{{"name", QString("L%1").arg(i)}, {"grid", "1"}}).status, 201);
        }
        const ApiReply over = busy->post("/api/v1/layouts", QJsonObject{{"name", "One more"}, {"grid", "1"}});
        QCOMPARE(over.status, 409);
        QCOMPARE(over.error(), QStringLiteral("too_many_layouts"));
        QCOMPARE(busy->get("/api/v1/layouts").json.value("layouts").toArray().size(), 200);
    }

    void layoutsOutliveARestartAndGoWithTheirUser() {
        const QJsonArray before = m_admin->get("/api/v1/layouts").json.value("layouts").toArray();
        QVERIFY(!before.isEmpty());
        m_admin.reset();
        m_engine.reset();
        m_engine = std::make_unique<server::Engine>(options());
        QVERIFY(m_engine->start().ok());
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        QCOMPARE(m_admin->get("/api/v1/layouts").json.value("layouts").toArray(), before);

        // Deleting a user deletes their layouts (the table's foreign key cascades).
        auto temp = userSession("temp1", "viewer");
        QVERIFY(temp);
        QCOMPARE(temp->post("/api/v1/layouts", fourUp("Temp")).status, 201);
        const ApiReply me = temp->get("/api/v1/auth/me");
        const QString tempId = me.json.value("user").toObject().value("id").toString();
        QVERIFY2(!tempId.isEmpty(), qPrintable(test::describe(me)));
        QCOMPARE(m_admin->del("/api/v1/users/" + tempId).status, 204);
        auto statement = m_engine->database().prepare("SELECT COUNT(*) FROM layouts WHERE user_id = ?1");
        QVERIFY(statement.ok());
        statement->bind(1, tempId);
        QVERIFY(statement->step().value());
        QCOMPARE(statement->int64(0), 0);
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TstLayoutsApi)
#include "tst_layouts_api.moc"
