// TimestampMapper: stream time to UTC µs (media_packet.h). The arrival time is passed in, so these
// tests move time without a clock: anchoring at connect, the camera's RTCP clock when it agrees
// with ours, strictly increasing DTS per track, and jumps/resets handled without going backwards.

#include <QTest>

#include "media/timestamp_mapper.h"

using vigil::core::media::TimestampMapper;

namespace {
constexpr qint64 kNow = 1'700'000'000'000'000;  // a UTC µs arrival time
constexpr qint64 kNone = TimestampMapper::kNoTime;
constexpr qint64 kFrame = 40'000;  // 25 fps
}  // namespace

class TstTimestampMapper : public QObject {
    Q_OBJECT
private slots:
    void anchorsAtArrivalWithoutCameraClock() {
        TimestampMapper mapper;
        auto first = mapper.map(0, 5'000'000, 5'000'000, kNow, kNone);
        QCOMPARE(first.dtsUs, kNow);
        auto second = mapper.map(0, 5'000'000 + kFrame, 5'000'000 + kFrame, kNow + 45'000, kNone);
        QCOMPARE(second.dtsUs, kNow + kFrame);  // media time, not arrival jitter
        QVERIFY(!mapper.anchoredToCamera());
    }

    void usesCameraClockWhenItAgrees() {
        TimestampMapper mapper;
        // RTCP puts this packet 300 ms before its arrival: capture time, earlier than arrival by
        // the network delay.
        const qint64 realtime = kNow - 300'000 - 2'000'000;
        auto mapped = mapper.map(0, 2'000'000, 2'000'000, kNow, realtime);
        QCOMPARE(mapped.dtsUs, kNow - 300'000);
        QVERIFY(mapper.anchoredToCamera());
    }

    void ignoresCameraClockThatIsWrong() {
        TimestampMapper mapper;
        const qint64 anHourAhead = kNow + 3'600'000'000;
        auto mapped = mapper.map(0, 0, 0, kNow, anHourAhead);
        QCOMPARE(mapped.dtsUs, kNow);
        QVERIFY(!mapper.anchoredToCamera());
    }

    void glidesToCameraClockWhenItArrivesLate() {
        TimestampMapper mapper;
        qint64 last = 0;
        for (int i = 0; i < 10; ++i) {
            last = mapper.map(0, i * kFrame, i * kFrame, kNow + i * kFrame, kNone).dtsUs;
        }
        // The first sender report puts the stream 200 ms earlier than our arrival anchor: time
        // runs 1 % slow until it matches, never backwards and never squeezed.
        const qint64 realtime = kNow - 200'000;
        qint64 smallestStep = kFrame;
        qint64 i = 10;
        for (; i < 10 + 25 * 30; ++i) {
            const qint64 utc = mapper.map(0, i * kFrame, i * kFrame, kNow + i * kFrame, realtime).dtsUs;
            smallestStep = std::min(smallestStep, utc - last);
            last = utc;
        }
        QVERIFY(mapper.anchoredToCamera());
        QVERIFY(smallestStep >= kFrame * 99 / 100);
        QCOMPARE(last, realtime + (i - 1) * kFrame);  // arrived within 30 s
    }

    void tracksShareTheAnchor() {
        TimestampMapper mapper;
        auto video = mapper.map(0, 1'000'000, 1'000'000, kNow, kNone);
        auto audio = mapper.map(1, 1'020'000, 1'020'000, kNow + 30'000, kNone);
        QCOMPARE(audio.dtsUs - video.dtsUs, 20'000);  // the source's A/V alignment survives
    }

    void dtsStrictlyIncreasesPerTrack() {
        TimestampMapper mapper;
        auto a = mapper.map(0, 1000, 1000, kNow, kNone);
        auto b = mapper.map(0, 1000, 1000, kNow + 1, kNone);  // a repeated timestamp
        QVERIFY(b.dtsUs > a.dtsUs);
        auto c = mapper.map(0, kNone, kNone, kNow + 2, kNone);  // none at all
        QVERIFY(c.dtsUs > b.dtsUs);
    }

    void packetWithoutTimeDoesNotAnchor() {
        // FFmpeg's probing can hand out a first packet without timestamps.
        TimestampMapper mapper;
        auto untimed = mapper.map(0, kNone, kNone, kNow, kNone);
        QCOMPARE(untimed.dtsUs, kNow);
        auto timed = mapper.map(0, 0, 0, kNow + kFrame, kNone);
        QCOMPARE(timed.dtsUs, kNow + kFrame);
        QCOMPARE(mapper.reanchors(), 0);
    }

    void keepsReorderDelayOfBFrames() {
        TimestampMapper mapper;
        auto mapped = mapper.map(0, 0, 80'000, kNow, kNone);
        QCOMPARE(mapped.ptsUs - mapped.dtsUs, 80'000);
    }

    void resetBackwardsIsReanchored() {
        TimestampMapper mapper;
        qint64 last = 0;
        for (int i = 0; i < 100; ++i) {
            last = mapper.map(0, 50'000'000 + i * kFrame, kNone, kNow + i * kFrame, kNone).dtsUs;
        }
        // The camera restarts its clock at 0 (a reboot behind a proxy, a wrap not unwrapped).
        auto after = mapper.map(0, 0, kNone, kNow + 100 * kFrame, kNone);
        QVERIFY(after.dtsUs > last);
        QVERIFY(qAbs(after.dtsUs - (kNow + 100 * kFrame)) <= kFrame);
        auto next = mapper.map(0, kFrame, kNone, kNow + 101 * kFrame, kNone);
        QCOMPARE(next.dtsUs - after.dtsUs, kFrame);
        QCOMPARE(mapper.reanchors(), 1);
    }

    void jumpForwardIsReanchored() {
        TimestampMapper mapper;
        mapper.map(0, 0, kNone, kNow, kNone);
        // An hour ahead in stream time, 40 ms later in real time.
        auto jumped = mapper.map(0, 3'600'000'000, kNone, kNow + kFrame, kNone);
        QCOMPARE(jumped.dtsUs, kNow + kFrame);
        QCOMPARE(mapper.reanchors(), 1);
    }

    void fastCameraClockIsSlewedBackSmoothly() {
        // A camera clock 0.1 % fast (far worse than real ones): after an hour of media only
        // 3596.4 s have passed here. Time must never jump, and must stay close to ours.
        TimestampMapper mapper;
        qint64 previous = 0;
        qint64 worstAhead = 0;
        qint64 smallestStep = kFrame;
        for (qint64 i = 0; i <= 90'000; ++i) {
            const qint64 own = i * kFrame;
            const qint64 arrival = kNow + own - own / 1000;
            const qint64 utc = mapper.map(0, own, own, arrival, kNone).dtsUs;
            if (i > 0) {
                smallestStep = std::min(smallestStep, utc - previous);
            }
            worstAhead = std::max(worstAhead, utc - arrival);
            previous = utc;
        }
        QCOMPARE(mapper.reanchors(), 0);
        QVERIFY2(worstAhead <= TimestampMapper::kSlewAheadUs + kFrame, qPrintable(QString::number(worstAhead)));
        QVERIFY(smallestStep >= kFrame * 98 / 100);  // slewed by 1 %, never squeezed
    }

    void slowCameraClockIsSlewedForward() {
        TimestampMapper mapper;
        qint64 worstBehind = 0;
        for (qint64 i = 0; i <= 90'000; ++i) {
            const qint64 own = i * kFrame;
            const qint64 arrival = kNow + own + own / 1000;
            worstBehind = std::max(worstBehind, arrival - mapper.map(0, own, own, arrival, kNone).dtsUs);
        }
        QCOMPARE(mapper.reanchors(), 0);
        QVERIFY(worstBehind <= TimestampMapper::kSlewBehindUs + kFrame);
    }
};

QTEST_APPLESS_MAIN(TstTimestampMapper)
#include "tst_timestamp_mapper.moc"
