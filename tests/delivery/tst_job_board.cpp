// JobBoard (server/jobs/job_board.h), the one job mechanism of the devices service (connection
// tests, discovery) and the delivery (exports): states, progress, cancellation, late results
// ignored, owners, and retention with removed() for the owner's clean-up. Time is a ManualClock.

#include <QSignalSpy>
#include <QTest>

#include "jobs/job_board.h"

using namespace vigil;
using core::model::Job;
using server::JobBoard;

class TestJobBoard : public QObject {
    Q_OBJECT

private slots:
    void runsThroughItsStates() {
        core::ManualClock clock(1000);
        JobBoard board(clock, {});
        QSignalSpy changed(&board, &JobBoard::changed);
        const Job job = board.start("export", "user-1", QJsonObject{{"bytes", 0}});
        QCOMPARE(job.state, QString("running"));
        QCOMPARE(job.startedMs, 1000);
        QCOMPARE(job.result.value("bytes").toInt(), 0);
        QCOMPARE(changed.count(), 1);

        board.update(job.id, 0.25, QJsonObject{{"bytes", 10}});
        QCOMPARE(board.find("export", job.id)->progress, 0.25);
        QCOMPARE(board.find("export", job.id)->result.value("bytes").toInt(), 10);
        board.update(job.id, 7);  // clamped
        QCOMPARE(board.find("export", job.id)->progress, 1.0);

        clock.advance(500);
        board.succeed(job.id, QJsonObject{{"bytes", 99}});
        const Job done = *board.find("export", job.id);
        QCOMPARE(done.state, QString("succeeded"));
        QCOMPARE(done.finishedMs, 1500);
        QCOMPARE(done.result.value("bytes").toInt(), 99);
        // A finished job no longer moves: late results are ignored.
        const int before = changed.count();
        board.update(job.id, 0.5);
        board.fail(job.id, "late", "too late");
        QCOMPARE(board.find("export", job.id)->state, QString("succeeded"));
        QCOMPARE(changed.count(), before);
        // Kinds are separate.
        QVERIFY(!board.find("discovery", job.id));
        QVERIFY(board.find({}, job.id));
    }

    void cancelSetsTheCancellationAndFinishesAtOnce() {
        core::ManualClock clock(0);
        JobBoard board(clock, {});
        const Job job = board.start("export");
        const auto cancellation = board.cancellation(job.id);
        QVERIFY(cancellation && !cancellation->isCancelled());
        const auto cancelled = board.cancel("export", job.id, "Cancelled at your request.");
        QVERIFY(cancelled);
        QCOMPARE(cancelled->state, QString("cancelled"));
        QCOMPARE(cancelled->error, QString("cancelled"));
        QVERIFY(cancellation->isCancelled());
        board.succeed(job.id);  // the worker's late success changes nothing
        QCOMPARE(board.find("export", job.id)->state, QString("cancelled"));
        QVERIFY(!board.cancel("discovery", job.id, "x"));  // another kind: not found

        const Job other = board.start("export");
        board.cancelAll("service_stopped", "stopped");
        QCOMPARE(board.find("export", other.id)->error, QString("service_stopped"));
    }

    void ownersSeeTheirOwn() {
        core::ManualClock clock(0);
        JobBoard board(clock, {});
        const Job a = board.start("export", "alice");
        board.start("export", "bob");
        board.start("discovery");
        QCOMPARE(board.list("export").size(), 2);
        QCOMPARE(board.list("export", QString("alice")).size(), 1);
        QCOMPARE(board.list("export", QString("alice")).first().id, a.id);
        QCOMPARE(board.owner(a.id), QString("alice"));
    }

    void finishedJobsGoAfterTheirTimeOrBeyondTheCount() {
        core::ManualClock clock(0);
        JobBoard board(clock, JobBoard::Retention{2, 1000});
        QSignalSpy removed(&board, &JobBoard::removed);
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            ids << board.start("export").id;
            board.succeed(ids.last());
        }
        const Job running = board.start("export");  // prunes: the oldest of three finished goes
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<Job>().id, ids.first());
        clock.advance(1001);
        board.prune();
        QCOMPARE(removed.count(), 3);       // the other two are too old now
        QVERIFY(board.find("export", running.id));  // a running job is never pruned
        QVERIFY(!board.remove(running.id));
        board.fail(running.id, "x", "y");
        QVERIFY(board.remove(running.id));
        QCOMPARE(removed.count(), 4);
        QVERIFY(board.list("export").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobBoard)
#include "tst_job_board.moc"
