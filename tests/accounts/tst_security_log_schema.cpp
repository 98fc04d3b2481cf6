// Migration 5 of the server's database (accounts/security_log_schema.h): the security log accepts
// service_control entries, and a log written before the upgrade keeps every row and its ids, with new
// ids going on after the highest (SEC-1.8: entries are never renumbered or reused).

#include <QTemporaryDir>
#include <QTest>
#include <vector>

#include "engine/schema.h"
#include "store/migrations.h"

using vigil::core::store::Database;
using vigil::core::store::Migration;
using vigil::core::store::Migrator;

namespace {

const QByteArray kKey = QByteArray(Database::kKeyBytes, '\x42');

QString insert(const QString& kind) {
    return QStringLiteral(
               "INSERT INTO security_log (time_ms, kind, user_name, address, target, detail) "
               "VALUES (1000, '%1', 'chief', '127.0.0.1', 'x', 'y')")
        .arg(kind);
}

}  // namespace

class TestSecurityLogSchema : public QObject {
    Q_OBJECT

private slots:
    void upgradeKeepsEntriesAndAddsServiceControl() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("server.db"));
        const std::vector<Migration>& all = vigil::server::serverMigrations();
        const std::vector<Migration> before(all.begin(), all.begin() + 4);
        {
            auto db = Database::open(path, kKey);
            QVERIFY(db.ok());
            QCOMPARE(Migrator::migrate(*db.value(), before).value(), 4);
            QVERIFY(db.value()->exec(insert("login")).ok());
            QVERIFY(db.value()->exec(insert("setup")).ok());
            QVERIFY(db.value()->exec(insert("logout")).ok());
            QVERIFY(db.value()->exec(QStringLiteral("DELETE FROM security_log WHERE id = 3")).ok());
            QVERIFY(!db.value()->exec(insert("service_control")).ok());  // version 4 refuses it
        }
        auto db = Database::open(path, kKey);  // as after installing the new version
        QVERIFY(db.ok());
        auto version = Migrator::migrate(*db.value(), all);
        QVERIFY2(version.ok(), version.ok() ? "" : qPrintable(version.error().message));
        QVERIFY(version.value() >= 5);
        QVERIFY(db.value()->exec(insert("service_control")).ok());
        QVERIFY(!db.value()->exec(insert("no_such_kind")).ok());
        auto rows = db.value()->prepare(QStringLiteral("SELECT id, kind FROM security_log ORDER BY id"));
        QVERIFY(rows.ok());
        QStringList seen;
        while (rows->step().value()) {
            seen.append(QStringLiteral("%1 %2").arg(rows->int64(0)).arg(rows->text(1)));
        }
        // Ids 1 and 2 kept; 3 was used (and removed here only to prove it is not reused); then 4.
        QCOMPARE(seen, QStringList({"1 login", "2 setup", "4 service_control"}));
        QVERIFY(db.value()->integrityCheck().ok());
    }
};

QTEST_GUILESS_MAIN(TestSecurityLogSchema)
#include "tst_security_log_schema.moc"
