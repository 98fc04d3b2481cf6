// Database: the SQLCipher wrapper. Typed binding, transactions, wrong key, integrity, file mode and
// encryption at rest (SRV-3 data store; ARCHITECTURE.md "Data": a copied or stolen data folder
// reveals nothing without the key held in the secret store).

#include <sys/stat.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

#include "store/database.h"

using vigil::core::store::Database;
using vigil::core::store::Transaction;

namespace {

const QByteArray kKey =
    QByteArray::fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0");
const QByteArray kOtherKey =
    QByteArray::fromHex("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
const QString kMarker = QStringLiteral("VIGIL-MARKER-7f3a");
const QString kSqlcipher = QStringLiteral("/usr/bin/sqlcipher");

int fileMode(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return static_cast<int>(info.st_mode & 0777);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 scalar(Database& db, const QString& sql) {
    auto query = db.prepare(sql);
    if (!query || !query->step().ok()) {
        return -1;
    }
    return query->int64(0);
}

// Runs the sqlcipher shell on `path` with `script` on stdin; returns stdout + stderr and the exit code.
QPair<QByteArray, int> runShell(const QString& path, const QByteArray& script) {
    QProcess shell;
    shell.setProcessChannelMode(QProcess::MergedChannels);
    shell.start(kSqlcipher, {path});
    if (!shell.waitForStarted()) {
        return {QByteArray("sqlcipher did not start"), -1};
    }
    shell.write(script);
    shell.closeWriteChannel();
    shell.waitForFinished(30000);
    return {shell.readAll(), shell.exitCode()};
}

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private:
    QString dbPath() const { return m_dir.path() + QStringLiteral("/test.db"); }

    std::unique_ptr<Database> openOrFail(const QString& path, const QByteArray& key = kKey) {
        auto db = Database::open(path, key);
        if (!db) {
            qWarning().noquote() << db.error().code << db.error().message;
            return nullptr;
        }
        return std::move(db.value());
    }

    QTemporaryDir m_dir;

private slots:
    void init() {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(dbPath() + suffix);
        }
    }

    void createsAPrivateFile() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)")).ok());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
        // The key protects the content; the mode keeps other local users from copying it at all.
        QCOMPARE(fileMode(dbPath()), 0600);
        QCOMPARE(fileMode(dbPath() + QStringLiteral("-wal")), 0600);
        QCOMPARE(fileMode(dbPath() + QStringLiteral("-shm")), 0600);
        QCOMPARE(db->path(), dbPath());
    }

    void tightensAnExistingLooseFile() {
        { QVERIFY(openOrFail(dbPath())); }
        QVERIFY(::chmod(QFile::encodeName(dbPath()).constData(), 0644) == 0);
        QVERIFY(openOrFail(dbPath()));
        QCOMPARE(fileMode(dbPath()), 0600);
    }

    void typedBindingRoundTrips() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(
            db->exec(QStringLiteral("CREATE TABLE t(i INTEGER, lo INTEGER, r REAL, s TEXT, b BLOB, n TEXT, "
                                    "es TEXT, eb BLOB)"))
                .ok());
        const qint64 big = std::numeric_limits<qint64>::max();
        const qint64 small = std::numeric_limits<qint64>::min();
        const double real = -1234.5e-7;
        const QString text = QStringLiteral("Überwachung – 监控 – кamera 🎥");
        const QByteArray blob("\0a\0\xff\0b\0", 7);
        auto insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        QVERIFY(insert.ok());
        insert->bind(1, big).bind(2, small).bind(3, real).bind(4, text).bind(5, blob).bindNull(6);
        insert->bind(7, QString()).bind(8, QByteArray());
        QVERIFY(insert->run().ok());
        QCOMPARE(db->changes(), 1);
        QCOMPARE(db->lastInsertId(), 1);

        auto select = db->prepare(QStringLiteral("SELECT i, lo, r, s, b, n, es, eb, typeof(b) FROM t"));
        QVERIFY(select.ok());
        auto row = select->step();
        QVERIFY(row.ok() && row.value());
        QCOMPARE(select->columnCount(), 9);
        QCOMPARE(select->int64(0), big);
        QCOMPARE(select->int64(1), small);
        QCOMPARE(select->real(2), real);
        QCOMPARE(select->text(3), text);
        QCOMPARE(select->blob(4), blob);
        QCOMPARE(select->blob(4).size(), 7);
        QCOMPARE(select->text(8), QStringLiteral("blob"));
        QVERIFY(select->isNull(5));
        // Empty is a value, not NULL: the wrapper must not confuse the two.
        QVERIFY(!select->isNull(6));
        QVERIFY(!select->isNull(7));
        QCOMPARE(select->text(6), QString());
        QVERIFY(!select->isNull(0));
        auto end = select->step();
        QVERIFY(end.ok() && !end.value());
    }

    void statementResetReusesWithFreshBindings() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)")).ok());
        auto insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?1)"));
        QVERIFY(insert.ok());
        for (int i = 1; i <= 3; ++i) {
            insert->bind(1, i);
            QVERIFY(insert->run().ok());
            insert->reset();
        }
        QVERIFY(insert->run().ok());  // bindings cleared by reset(): NULL goes in
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(x) FROM t")), 6);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t WHERE x IS NULL")), 1);
    }

    void errorsAreReportedNotIgnored() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER PRIMARY KEY)")).ok());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
        auto duplicate = db->exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, QStringLiteral("store_constraint"));
        QVERIFY(duplicate.error().message.contains(QStringLiteral("UNIQUE")));

        auto syntax = db->prepare(QStringLiteral("SELEKT 1"));
        QVERIFY(!syntax.ok());
        QVERIFY(syntax.error().message.contains(QStringLiteral("syntax error")));
        // prepare() would silently drop the second statement; it must refuse instead.
        QVERIFY(!db->prepare(QStringLiteral("SELECT 1; DELETE FROM t")).ok());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 1);

        auto badIndex = db->prepare(QStringLiteral("SELECT ?1"));
        QVERIFY(badIndex.ok());
        badIndex->bind(5, 1);
        QVERIFY(!badIndex->step().ok());
    }

    void transactionCommits() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)")).ok());
        {
            Transaction transaction(*db);
            QVERIFY(transaction.status().ok());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
            QVERIFY(transaction.commit().ok());
            QVERIFY(!transaction.commit().ok());  // a second commit is a defect, reported
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 1);
    }

    void transactionRollsBackOnDestruction() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)")).ok());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
        {
            Transaction transaction(*db);
            QVERIFY(transaction.status().ok());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (2)")).ok());
            QVERIFY(db->exec(QStringLiteral("DELETE FROM t WHERE x = 1")).ok());
            QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(x) FROM t")), 2);
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(x) FROM t")), 1);
        // The connection is usable again: no transaction was left open.
        Transaction next(*db);
        QVERIFY(next.status().ok());
        QVERIFY(next.commit().ok());
    }

    void wrongKeyIsRefusedAndRightKeyKeepsData() {
        {
            auto db = openOrFail(dbPath());
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(s TEXT)")).ok());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES ('kept')")).ok());
        }
        const QByteArray before = readAll(dbPath());

        auto wrong = Database::open(dbPath(), kOtherKey);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("store_wrong_key"));
        QVERIFY(wrong.error().message.contains(dbPath()));
        QCOMPARE(readAll(dbPath()), before);  // a failed open writes nothing

        auto shortKey = Database::open(dbPath(), kKey.left(16));
        QVERIFY(!shortKey.ok());
        QCOMPARE(shortKey.error().code, QStringLiteral("store_open_failed"));

        auto db = openOrFail(dbPath());
        QVERIFY(db);
        auto query = db->prepare(QStringLiteral("SELECT s FROM t"));
        QVERIFY(query.ok());
        QVERIFY(query->step().value());
        QCOMPARE(query->text(0), QStringLiteral("kept"));
    }

    void notADatabaseIsReportedAsWrongKey() {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto db = Database::open(dbPath(), kKey);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store_wrong_key"));
    }

    void openFailureIsExplained() {
        auto db = Database::open(m_dir.path() + QStringLiteral("/missing-folder/test.db"), kKey);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store_open_failed"));
        QVERIFY(db.error().message.contains(QStringLiteral("missing-folder")));
    }

    void integrityCheckPasses() {
        auto db = openOrFail(dbPath());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER, s TEXT); CREATE INDEX t_x ON t(x)")).ok());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1, 'a'), (2, 'b')")).ok());
        QVERIFY(db->integrityCheck().ok());
        auto foreignKeys = db->prepare(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(foreignKeys.ok() && foreignKeys->step().value());
        QCOMPARE(foreignKeys->int64(0), 1);
        auto journal = db->prepare(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(journal.ok() && journal->step().value());
        QCOMPARE(journal->text(0), QStringLiteral("wal"));
    }

    void contentIsEncryptedAtRest() {
        // ARCHITECTURE.md "Data": a copy of the data folder reveals nothing without the key.
        {
            auto db = openOrFail(dbPath());
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE secrets(s TEXT)")).ok());
            auto insert = db->prepare(QStringLiteral("INSERT INTO secrets VALUES (?1)"));
            QVERIFY(insert.ok());
            insert->bind(1, kMarker);
            QVERIFY(insert->run().ok());
            // While open the newest pages live in the WAL: it must be encrypted too.
            const QByteArray wal = readAll(dbPath() + QStringLiteral("-wal"));
            QVERIFY(!wal.isEmpty());
            QVERIFY(!wal.contains(kMarker.toUtf8()));
        }
        const QByteArray raw = readAll(dbPath());
        QVERIFY(raw.size() > 0);
        QVERIFY(!raw.contains(kMarker.toUtf8()));
        QVERIFY(!raw.startsWith("SQLite format 3"));
        if (QFile::exists(dbPath() + QStringLiteral("-wal"))) {
            QVERIFY(!readAll(dbPath() + QStringLiteral("-wal")).contains(kMarker.toUtf8()));
        }

        QVERIFY2(QFile::exists(kSqlcipher), "the sqlcipher shell is needed for this test");
        const auto withoutKey = runShell(dbPath(), QByteArrayLiteral("SELECT s FROM secrets;\n"));
        QVERIFY2(withoutKey.first.contains("not a database") || withoutKey.second != 0,
                 withoutKey.first.constData());
        QVERIFY(!withoutKey.first.contains(kMarker.toUtf8()));

        // Control: the same shell with the key reads it, so the refusal above is the encryption at work.
        const QByteArray keyed = QByteArrayLiteral("PRAGMA key = \"x'") + kKey.toHex() +
                                 QByteArrayLiteral("'\";\nSELECT s FROM secrets;\n");
        const auto withKey = runShell(dbPath(), keyed);
        QVERIFY2(withKey.first.contains(kMarker.toUtf8()), withKey.first.constData());
    }

    void corruptionIsReportedNotACrash() {
        qint64 pageSize = 0;
        {
            auto db = openOrFail(dbPath());
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER, s TEXT)")).ok());
            Transaction transaction(*db);
            auto insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?1, ?2)"));
            QVERIFY(insert.ok());
            for (int i = 0; i < 400; ++i) {
                insert->bind(1, i).bind(2, QString(300, QLatin1Char('a' + i % 26)));
                QVERIFY(insert->run().ok());
                insert->reset();
            }
            QVERIFY(transaction.commit().ok());
            pageSize = scalar(*db, QStringLiteral("PRAGMA page_size"));
        }
        QVERIFY(pageSize > 0);
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / pageSize;
        QVERIFY(pages > 10);
        // Middle of a page in the middle of the file: page 1 (the key check) stays intact.
        QVERIFY(file.seek((pages / 2) * pageSize + pageSize / 2));
        file.write(QByteArray(64, '\x5a'));
        file.close();

        auto db = Database::open(dbPath(), kKey);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store_corrupt"));
        QVERIFY(!db.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
