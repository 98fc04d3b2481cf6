// Crash durability (SRV-3 data store): a writer killed with SIGKILL loses nothing it acknowledged, and the
// database opens cleanly afterwards (ARCHITECTURE "Recording": kill -9 loses at most the last moment; the
// store is what the recording index and the settings live in).

#include <signal.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "store/database.h"

using vigil::core::store::Database;

namespace {

const QByteArray kKey =
    QByteArray::fromHex("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90");
constexpr qint64 kCommitsBeforeKill = 200;
constexpr int kStartupTimeoutMs = 60000;

// The highest "committed N" in the writer's output so far.
qint64 lastAcknowledged(const QByteArray& output) {
    static const QRegularExpression line(QStringLiteral("^committed (\\d+)$"),
                                         QRegularExpression::MultilineOption);
    qint64 last = 0;
    auto matches = line.globalMatch(QString::fromLatin1(output));
    while (matches.hasNext()) {
        last = qMax(last, matches.next().captured(1).toLongLong());
    }
    return last;
}

}  // namespace

class TestCrashDurability : public QObject {
    Q_OBJECT

private:
    // Starts the writer, lets it acknowledge at least `atLeast` commits, kills it with SIGKILL and
    // returns the last acknowledged row (0 on failure).
    qint64 runAndKill(const QString& path, qint64 atLeast) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(VIGIL_STORE_WRITER), {path, QString::fromLatin1(kKey.toHex())});
        if (!writer.waitForStarted()) {
            qWarning() << "writer did not start:" << writer.errorString();
            return 0;
        }
        QByteArray output;
        QElapsedTimer clock;
        clock.start();
        while (lastAcknowledged(output) < atLeast && clock.elapsed() < kStartupTimeoutMs &&
               writer.state() == QProcess::Running) {
            writer.waitForReadyRead(1000);
            output += writer.readAllStandardOutput();
        }
        if (writer.state() != QProcess::Running) {
            qWarning().noquote() << "writer stopped by itself:" << writer.readAllStandardError();
            return 0;
        }
        // SIGKILL, not QProcess::terminate(): no handler, no flush, no destructor runs.
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        writer.waitForFinished(10000);
        output += writer.readAllStandardOutput();
        if (writer.exitStatus() != QProcess::CrashExit) {
            qWarning() << "writer was not killed";
            return 0;
        }
        return lastAcknowledged(output);
    }

    static qint64 scalar(Database& db, const QString& sql, qint64 bound) {
        auto query = db.prepare(sql);
        if (!query) {
            return -1;
        }
        query->bind(1, bound);
        auto row = query->step();
        return row.ok() && row.value() ? query->int64(0) : -1;
    }

private slots:
    void acknowledgedCommitsSurviveSigkill() {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/durable.db");
        qint64 acknowledged = 0;
        // Twice: the second writer starts on a database whose WAL a killed process left behind.
        for (int round = 1; round <= 2; ++round) {
            const qint64 last = runAndKill(path, acknowledged + kCommitsBeforeKill);
            QVERIFY2(last >= acknowledged + kCommitsBeforeKill,
                     qPrintable(QStringLiteral("round %1").arg(round)));
            acknowledged = last;
            qInfo() << "round" << round << "killed after" << acknowledged << "acknowledged commits";

            auto db = Database::open(path, kKey);  // runs PRAGMA integrity_check
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
            QVERIFY(db.value()->integrityCheck().ok());
            // Every acknowledged row, each exactly once and intact; at most one unacknowledged extra.
            QCOMPARE(
                scalar(*db.value(), QStringLiteral("SELECT count(*) FROM rows WHERE n <= ?1"), acknowledged),
                acknowledged);
            QCOMPARE(
                scalar(*db.value(),
                       QStringLiteral("SELECT count(*) FROM rows WHERE n <= ?1 AND payload = 'row ' || n"),
                       acknowledged),
                acknowledged);
            QVERIFY(scalar(*db.value(), QStringLiteral("SELECT count(*) FROM rows WHERE n > ?1"),
                           acknowledged) <= 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashDurability)
#include "tst_crash_durability.moc"
