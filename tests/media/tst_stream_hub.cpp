// StreamHub against real cameras (GStreamer's RTSP server, tests/support/gst_camera.py) on
// 127.0.0.1: states with reasons and since-when, back-off, statistics, fan-out of the same packets
// (no copies) to several sinks on the reader thread, the GOP cache that starts a late subscriber at
// the latest keyframe, and a camera stopped and restarted (issue 4).

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <mutex>
#include <thread>

#include "media/stream_hub.h"
#include "support/gst_camera.h"
#include "support/media_tools.h"

using vigil::core::media::PacketPtr;
using vigil::core::media::StreamInfo;
using vigil::server::PacketSink;
using vigil::server::StreamHub;
using vigil::server::StreamSource;
using vigil::server::StreamState;
using vigil::server::StreamStatus;
using vigil::server::StreamSubscription;
using vigil::test::GstCamera;

namespace {

constexpr int kWaitMs = 30000;  // bounds a hang only

// Records what a sink is told, from the reader thread, for the test thread to check.
class RecordingSink : public PacketSink {
public:
    struct Event {
        enum Kind { Started, Packet, Stopped } kind;
        PacketPtr packet;
        QString reason;
        std::thread::id thread;
    };

    void streamStarted(const StreamInfo& info) override {
        std::lock_guard lock(m_mutex);
        m_info = info;
        m_events.push_back({Event::Started, {}, {}, std::this_thread::get_id()});
    }
    void packet(const PacketPtr& packet) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back({Event::Packet, packet, {}, std::this_thread::get_id()});
        if (onPacket) {
            onPacket();
        }
    }
    void streamStopped(const QString& reason) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back({Event::Stopped, {}, reason, std::this_thread::get_id()});
    }

    std::vector<Event> events() const {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    QList<PacketPtr> packets() const {
        QList<PacketPtr> out;
        for (const auto& e : events()) {
            if (e.kind == Event::Packet) {
                out.append(e.packet);
            }
        }
        return out;
    }
    int count(Event::Kind kind) const {
        int n = 0;
        for (const auto& e : events()) {
            n += e.kind == kind ? 1 : 0;
        }
        return n;
    }
    StreamInfo info() const {
        std::lock_guard lock(m_mutex);
        return m_info;
    }

    std::function<void()> onPacket;  // runs on the reader thread, inside the callback

private:
    mutable std::recursive_mutex m_mutex;
    std::vector<Event> m_events;
    StreamInfo m_info;
};

StreamHub::Options fastRetries() {
    StreamHub::Options options;
    options.backoffInitialMs = 100;
    options.backoffMaxMs = 400;
    options.reader.connectTimeoutMs = 5000;
    options.reader.readTimeoutMs = 5000;
    return options;
}

qint64 nowUs() {
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

}  // namespace

class TstStreamHub : public QObject {
    Q_OBJECT
private slots:
    void goesLiveWithStatistics() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        QSignalSpy changes(&hub, &StreamHub::statusChanged);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(), {}, {}});
        QCOMPARE(hub.status(QStringLiteral("cam/main")).state, StreamState::Connecting);
        QCOMPARE(hub.keys(), QStringList{QStringLiteral("cam/main")});
        QTRY_COMPARE_WITH_TIMEOUT(hub.status(QStringLiteral("cam/main")).state, StreamState::Live, kWaitMs);
        const StreamStatus live = hub.status(QStringLiteral("cam/main"));
        QVERIFY(live.reason.isEmpty());
        QVERIFY(live.sinceMs >= before);
        QCOMPARE(changes.first().at(0).toString(), QStringLiteral("cam/main"));

        // Statistics over the last seconds: 25 fps of 640x360 H.264 with keyframes every 2 s.
        QTRY_VERIFY_WITH_TIMEOUT(hub.stats(QStringLiteral("cam/main")).lastKeyframeMs > 0, kWaitMs);
        QTest::qWait(3500);
        const auto stats = hub.stats(QStringLiteral("cam/main"));
        QCOMPARE(stats.codec, QStringLiteral("h264"));
        QCOMPARE(stats.width, 640);
        QCOMPARE(stats.height, 360);
        QVERIFY2(stats.fps > 20 && stats.fps < 30, qPrintable(QString::number(stats.fps)));
        QVERIFY(stats.bitsPerSecond > 50'000);
        QVERIFY(stats.packets > 50);
        QVERIFY(stats.bytes > 10'000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() - stats.lastKeyframeMs < 5000);
        QCOMPARE(stats.reconnects, 0);

        hub.close(QStringLiteral("cam/main"));
        QCOMPARE(hub.status(QStringLiteral("cam/main")).state, StreamState::Idle);
        QVERIFY(hub.keys().isEmpty());
    }

    void fansOutTheSamePacketsOnTheReaderThread() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        std::vector<std::shared_ptr<RecordingSink>> sinks;
        std::vector<std::unique_ptr<StreamSubscription>> subscriptions;
        for (int i = 0; i < 3; ++i) {
            sinks.push_back(std::make_shared<RecordingSink>());
            // Subscribed before the stream is open: that works too.
            subscriptions.push_back(hub.subscribe(QStringLiteral("cam/main"), sinks.back(), false));
        }
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(), {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(sinks[0]->packets().size() > 50, kWaitMs);
        hub.close(QStringLiteral("cam/main"));

        const auto reference = sinks[0]->events();
        QCOMPARE(reference.front().kind, RecordingSink::Event::Started);
        QCOMPARE(reference.back().kind, RecordingSink::Event::Stopped);
        QCOMPARE(reference.back().reason, QStringLiteral("closed"));
        QVERIFY(reference.front().thread != std::this_thread::get_id());  // the reader's thread
        for (const auto& sink : sinks) {
            const auto events = sink->events();
            QCOMPARE(events.size(), reference.size());
            for (size_t i = 0; i < events.size(); ++i) {
                QCOMPARE(events[i].kind, reference[i].kind);
                // The very same packet object: shared, never copied.
                QCOMPARE(events[i].packet.get(), reference[i].packet.get());
                QCOMPARE(events[i].thread, reference.front().thread);
            }
        }
    }

    void lateSubscriberStartsAtTheLatestKeyframe() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        auto early = std::make_shared<RecordingSink>();
        auto earlySubscription = hub.subscribe(QStringLiteral("cam/main"), early, false);
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(), {}, {}});
        // Past the first GOP, and then some: the cache now starts at a later keyframe.
        QTRY_VERIFY_WITH_TIMEOUT(early->packets().size() > 90, kWaitMs);

        auto late = std::make_shared<RecordingSink>();
        const qint64 subscribedUs = nowUs();
        auto lateSubscription = hub.subscribe(QStringLiteral("cam/main"), late, true);
        QTRY_VERIFY_WITH_TIMEOUT(!late->packets().isEmpty(), kWaitMs);
        const auto events = late->events();
        QCOMPARE(events.front().kind, RecordingSink::Event::Started);
        QCOMPARE(late->info().tracks.value(0).codec, QStringLiteral("h264"));
        const PacketPtr first = events[1].packet;
        QVERIFY(first->keyframe);
        QVERIFY(first->dtsUs < subscribedUs);  // from the cache, not waited for
        // It is the latest keyframe the early sink saw before the late one subscribed, and
        // what follows is exactly what the early sink got from there.
        const auto seen = early->packets();
        const qsizetype at = seen.indexOf(first);
        QVERIFY(at >= 0);
        for (qsizetype i = at + 1; i < seen.size() && seen[i]->dtsUs < subscribedUs; ++i) {
            QVERIFY(!seen[i]->keyframe);
        }
        QTRY_VERIFY_WITH_TIMEOUT(late->packets().size() > 40, kWaitMs);
        const auto lateSeen = late->packets();
        const auto earlySeen = early->packets();
        for (qsizetype i = 0; i < 40; ++i) {
            QCOMPARE(lateSeen[i].get(), earlySeen[at + i].get());
        }
    }

    void wrongPasswordIsUnauthorisedWithBackoff() {
        GstCamera::Options options;
        options.user = QStringLiteral("admin");
        options.password = QStringLiteral("secret");
        GstCamera camera(options);
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        QList<std::pair<qint64, StreamStatus>> seen;  // when it arrived, what it said
        connect(&hub, &StreamHub::statusChanged, this, [&seen](const QString&, const StreamStatus& status) {
            seen.append({QDateTime::currentMSecsSinceEpoch(), status});
        });
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(), QStringLiteral("admin"), QStringLiteral("nope")});
        QTRY_VERIFY_WITH_TIMEOUT(hub.status(QStringLiteral("cam/main")).failures >= 5, kWaitMs);
        hub.close(QStringLiteral("cam/main"));

        QList<StreamStatus> failures;
        QList<qint64> delays;
        for (const auto& [at, status] : seen) {
            if (status.state == StreamState::Unauthorised) {
                failures.append(status);
                delays.append(status.nextRetryMs - at);
            }
        }
        QVERIFY(failures.size() >= 5);
        for (int i = 0; i < failures.size(); ++i) {
            QCOMPARE(failures[i].failures, i + 1);
            QVERIFY(failures[i].reason.contains(QStringLiteral("credentials")));
            QCOMPARE(failures[i].sinceMs, failures[0].sinceMs);  // since the state began
        }
        // 100, 200, 400, 400 ... ms, each ±20 % (less the time the signal took to arrive).
        QVERIFY2(delays[0] <= 120, qPrintable(QString::number(delays[0])));
        QVERIFY(delays[2] >= 400 * 0.8 - 100);
        for (qint64 delay : delays) {
            QVERIFY2(delay <= 400 * 1.2, qPrintable(QString::number(delay)));
        }
    }

    void nothingListeningIsUnreachable() {
        StreamHub hub(fastRetries());
        hub.open(QStringLiteral("cam/main"),
                 StreamSource{QUrl(QStringLiteral("rtsp://127.0.0.1:%1/main").arg(vigil::test::unusedPort())), {}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(hub.status(QStringLiteral("cam/main")).state, StreamState::Unreachable, kWaitMs);
        QVERIFY(hub.status(QStringLiteral("cam/main")).nextRetryMs > 0);
    }

    void cameraStoppedAndRestartedReconnects() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        auto sink = std::make_shared<RecordingSink>();
        auto subscription = hub.subscribe(QStringLiteral("cam/main"), sink, true);
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(), {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(sink->packets().size() > 25, kWaitMs);

        camera.stop();
        QTRY_COMPARE_WITH_TIMEOUT(sink->count(RecordingSink::Event::Stopped), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hub.status(QStringLiteral("cam/main")).state == StreamState::StreamError ||
                                     hub.status(QStringLiteral("cam/main")).state == StreamState::Unreachable,
                                 kWaitMs);
        QVERIFY(!hub.status(QStringLiteral("cam/main")).reason.isEmpty());

        QVERIFY(camera.start());  // same port
        QTRY_COMPARE_WITH_TIMEOUT(hub.status(QStringLiteral("cam/main")).state, StreamState::Live, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(sink->count(RecordingSink::Event::Started), 2, kWaitMs);
        QCOMPARE(hub.stats(QStringLiteral("cam/main")).reconnects, 1);
        // After the gap, the sink (fromLastKeyframe) starts again on a keyframe.
        const auto events = sink->events();
        size_t restart = 0;
        for (size_t i = 0; i < events.size(); ++i) {
            if (events[i].kind == RecordingSink::Event::Started) {
                restart = i;
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(sink->events().size() > restart + 1, kWaitMs);
        QVERIFY(sink->events()[restart + 1].packet->keyframe);
    }

    void openIsIdempotentAndRepoints() {
        GstCamera::Options options;
        options.mounts = {QStringLiteral("a:h264"), QStringLiteral("b:h265")};
        GstCamera camera(options);
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        auto sink = std::make_shared<RecordingSink>();
        auto subscription = hub.subscribe(QStringLiteral("cam/main"), sink, false);
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(QStringLiteral("a")), {}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(hub.status(QStringLiteral("cam/main")).state, StreamState::Live, kWaitMs);
        QSignalSpy changes(&hub, &StreamHub::statusChanged);
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(QStringLiteral("a")), {}, {}});
        QTest::qWait(300);
        QCOMPARE(changes.size(), 0);  // same source: the connection stays
        QCOMPARE(sink->count(RecordingSink::Event::Started), 1);

        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(QStringLiteral("b")), {}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(sink->count(RecordingSink::Event::Started), 2, kWaitMs);
        QCOMPARE(sink->info().tracks.value(0).codec, QStringLiteral("h265"));
        QTRY_COMPARE_WITH_TIMEOUT(hub.stats(QStringLiteral("cam/main")).codec, QStringLiteral("h265"), kWaitMs);
    }

    void detachingStopsCallbacksEvenFromInsideOne() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamHub hub(fastRetries());
        auto outside = std::make_shared<RecordingSink>();
        auto outsideSubscription = hub.subscribe(QStringLiteral("cam/main"), outside, false);
        // This one detaches itself from its own callback, on the reader thread.
        auto inside = std::make_shared<RecordingSink>();
        std::unique_ptr<StreamSubscription> insideSubscription = hub.subscribe(QStringLiteral("cam/main"), inside, false);
        std::atomic<int> calls{0};
        inside->onPacket = [&] {
            if (++calls == 10) {
                insideSubscription.reset();
            }
        };
        hub.open(QStringLiteral("cam/main"), StreamSource{camera.url(), {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(outside->packets().size() > 30, kWaitMs);
        QCOMPARE(inside->packets().size(), 10);

        outsideSubscription.reset();  // from the test thread while packets flow
        const auto frozen = outside->events().size();
        QTest::qWait(500);
        QCOMPARE(outside->events().size(), frozen);
    }
};

QTEST_GUILESS_MAIN(TstStreamHub)
#include "tst_stream_hub.moc"
