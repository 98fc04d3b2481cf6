// Migrator: versioned schema changes that run once, in order, each in its own transaction, and a
// database newer than this build is refused instead of guessed at.

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include "store/migrations.h"

using vigil::core::store::Database;
using vigil::core::store::Migration;
using vigil::core::store::Migrator;

namespace {

const QByteArray kKey = QByteArray(Database::kKeyBytes, '\x42');

// The schema as version 1 shipped. Frozen: later versions may only add migrations after it.
const Migration kV1{
    1, QStringLiteral("cameras"),
    QStringLiteral("CREATE TABLE cameras (id INTEGER PRIMARY KEY, name TEXT, url TEXT NOT NULL)")};

// Version 2 rebuilds the table (SQLite cannot change a column in place): names become mandatory
// and unique, an "enabled" flag appears. The data must come through.
const Migration kV2{
    2, QStringLiteral("cameras: mandatory unique names, enabled flag"),
    QStringLiteral("CREATE TABLE cameras_v2 (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                   "url TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1);"
                   "INSERT INTO cameras_v2 (id, name, url) "
                   "  SELECT id, coalesce(name, 'camera ' || id), url FROM cameras;"
                   "DROP TABLE cameras;"
                   "ALTER TABLE cameras_v2 RENAME TO cameras;")};

// Fails if it ran before version 2 (no "enabled" column) or twice (the table exists).
const Migration kV3{3, QStringLiteral("events"),
                    QStringLiteral("CREATE TABLE events (id INTEGER PRIMARY KEY, camera INTEGER NOT NULL "
                                   "REFERENCES cameras(id), at_ms INTEGER NOT NULL);"
                                   "CREATE INDEX events_at ON events(at_ms);"
                                   "CREATE INDEX cameras_enabled ON cameras(enabled);")};

qint64 scalar(Database& db, const QString& sql) {
    auto query = db.prepare(sql);
    if (!query) {
        return -1;
    }
    auto row = query->step();
    return row.ok() && row.value() ? query->int64(0) : -1;
}

bool tableExists(Database& db, const QString& name) {
    auto query =
        db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1"));
    if (!query) {
        return false;
    }
    query->bind(1, name);
    return query->step().ok() && query->int64(0) == 1;
}

}  // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Database> open() {
        auto db = Database::open(m_dir.path() + QStringLiteral("/migrations.db"), kKey);
        return db ? std::move(db.value()) : nullptr;
    }

    QTemporaryDir m_dir;

private slots:
    void init() {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(m_dir.path() + QStringLiteral("/migrations.db") + suffix);
        }
    }

    void freshDatabaseMigratesToLatestInOrder() {
        auto db = open();
        QVERIFY(db);
        QCOMPARE(Migrator::currentVersion(*db).value(), 0);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        auto version = Migrator::migrate(*db, {kV1, kV2, kV3});
        QVERIFY2(version.ok(), version.ok() ? "" : qPrintable(version.error().message));
        QCOMPARE(version.value(), 3);
        QCOMPARE(Migrator::currentVersion(*db).value(), 3);
        QVERIFY(tableExists(*db, QStringLiteral("events")));

        auto applied =
            db->prepare(QStringLiteral("SELECT version, name, applied_ms FROM schema_migrations "
                                       "ORDER BY version"));
        QVERIFY(applied.ok());
        const std::vector<Migration> expected{kV1, kV2, kV3};
        for (const Migration& migration : expected) {
            QVERIFY(applied->step().value());
            QCOMPARE(applied->int64(0), migration.version);
            QCOMPARE(applied->text(1), migration.name);
            QVERIFY(applied->int64(2) >= before && applied->int64(2) <= QDateTime::currentMSecsSinceEpoch());
        }
        QVERIFY(!applied->step().value());
    }

    void rerunningAppliesNothing() {
        auto db = open();
        QVERIFY(db);
        QCOMPARE(Migrator::migrate(*db, {kV1, kV2, kV3}).value(), 3);
        // kV3 would fail if applied again (its table exists), so success means it was skipped.
        auto again = Migrator::migrate(*db, {kV1, kV2, kV3});
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
        QCOMPARE(again.value(), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM schema_migrations")), 3);
    }

    void failingMigrationRollsBackAndKeepsTheVersion() {
        auto db = open();
        QVERIFY(db);
        const Migration broken{2, QStringLiteral("half done"),
                               QStringLiteral("CREATE TABLE half (x INTEGER);"
                                              "INSERT INTO half VALUES (1);"
                                              "INSERT INTO no_such_table VALUES (1);")};
        auto result = Migrator::migrate(*db, {kV1, broken});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("store_migration_failed"));
        QVERIFY(result.error().message.contains(QStringLiteral("half done")));
        QVERIFY(result.error().message.contains(QStringLiteral("version 1")));
        QVERIFY(result.error().message.contains(QStringLiteral("no_such_table")));
        // Version 1 stays applied (its own transaction); nothing of version 2 is left.
        QCOMPARE(Migrator::currentVersion(*db).value(), 1);
        QVERIFY(!tableExists(*db, QStringLiteral("half")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM schema_migrations")), 1);

        // Once fixed, the migration applies from where it stopped.
        QCOMPARE(Migrator::migrate(*db, {kV1, kV2}).value(), 2);
    }

    void newerDatabaseIsRefused() {
        auto db = open();
        QVERIFY(db);
        QCOMPARE(Migrator::migrate(*db, {kV1, kV2, kV3}).value(), 3);
        auto older = Migrator::migrate(*db, {kV1, kV2});
        QVERIFY(!older.ok());
        QCOMPARE(older.error().code, QStringLiteral("store_too_new"));
        QVERIFY(older.error().message.contains(QStringLiteral("version 3")));
        QCOMPARE(Migrator::currentVersion(*db).value(), 3);
        QVERIFY(tableExists(*db, QStringLiteral("events")));
    }

    void brokenMigrationListsAreRefused_data() {
        QTest::addColumn<std::vector<int>>("versions");
        QTest::newRow("gap") << std::vector<int>{1, 3};
        QTest::newRow("out of order") << std::vector<int>{2, 1};
        QTest::newRow("duplicate") << std::vector<int>{1, 1};
        QTest::newRow("not starting at 1") << std::vector<int>{2, 3};
    }

    void brokenMigrationListsAreRefused() {
        QFETCH(std::vector<int>, versions);
        std::vector<Migration> migrations;
        for (int version : versions) {
            migrations.push_back({version, QStringLiteral("m%1").arg(version),
                                  QStringLiteral("CREATE TABLE IF NOT EXISTS t%1 (x)").arg(version)});
        }
        auto db = open();
        QVERIFY(db);
        auto result = Migrator::migrate(*db, migrations);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("store_migrations_invalid"));
        QCOMPARE(Migrator::currentVersion(*db).value(), 0);  // refused before touching anything
        QVERIFY(!tableExists(*db, QStringLiteral("t1")));
    }

    void upgradeFromFrozenV1KeepsData() {
        {
            auto db = open();
            QVERIFY(db);
            QCOMPARE(Migrator::migrate(*db, {kV1}).value(), 1);
            QVERIFY(
                db->exec(QStringLiteral("INSERT INTO cameras (id, name, url) VALUES "
                                        "(1, 'Gate', 'rtsp://10.0.0.5/main'), (2, NULL, 'rtsp://10.0.0.6/')"))
                    .ok());
        }
        auto db = open();  // as after installing the new version
        QVERIFY(db);
        auto version = Migrator::migrate(*db, {kV1, kV2, kV3});
        QVERIFY2(version.ok(), version.ok() ? "" : qPrintable(version.error().message));
        QCOMPARE(version.value(), 3);
        auto rows = db->prepare(QStringLiteral("SELECT id, name, url, enabled FROM cameras ORDER BY id"));
        QVERIFY(rows.ok());
        QVERIFY(rows->step().value());
        QCOMPARE(rows->int64(0), 1);
        QCOMPARE(rows->text(1), QStringLiteral("Gate"));
        QCOMPARE(rows->text(2), QStringLiteral("rtsp://10.0.0.5/main"));
        QCOMPARE(rows->int64(3), 1);
        QVERIFY(rows->step().value());
        QCOMPARE(rows->int64(0), 2);
        QCOMPARE(rows->text(1), QStringLiteral("camera 2"));
        QCOMPARE(rows->text(2), QStringLiteral("rtsp://10.0.0.6/"));
        QVERIFY(!rows->step().value());
        QVERIFY(db->integrityCheck().ok());
        // The foreign key in version 3 points at the rebuilt table.
        QVERIFY(db->exec(QStringLiteral("INSERT INTO events (camera, at_ms) VALUES (1, 0)")).ok());
        QVERIFY(!db->exec(QStringLiteral("INSERT INTO events (camera, at_ms) VALUES (99, 0)")).ok());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
