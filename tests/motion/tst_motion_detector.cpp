// Server-side motion detection's pure parts (issue 6, "Event sources": server/motion): the
// detector's comparison on synthetic pictures (a moving square, a still scene, a masked area,
// sensitivity, a light switched on, start and end timing), the region grid's strict form, the
// settings body, and which packets may be dropped before decoding.

#include <QJsonArray>
#include <QTest>

#include "media/luma_decoder.h"
#include "media/nal_units.h"
#include "motion/motion_detector.h"
#include "motion/motion_settings.h"

using namespace vigil;
using core::media::LumaFrame;
using server::MotionDetector;
using server::MotionRegions;

namespace {

constexpr int kW = MotionDetector::kWidth;
constexpr int kH = MotionDetector::kHeight;
constexpr qint64 kStepMs = 200;  // five pictures a second, as the worker compares them

// A grey picture with a bright square of `size` at (x, y); size 0 for none.
LumaFrame picture(int x, int y, int size = 12, int background = 90, int square = 220) {
    LumaFrame frame;
    frame.width = kW;
    frame.height = kH;
    frame.pixels = QByteArray(kW * kH, static_cast<char>(background));
    for (int row = y; row < std::min(kH, y + size); ++row) {
        for (int column = x; column < std::min(kW, x + size); ++column) {
            frame.pixels[row * kW + column] = static_cast<char>(square);
        }
    }
    return frame;
}

MotionRegions without(int fromColumn, int toColumn, int fromRow, int toRow) {
    MotionRegions regions = MotionRegions::all();
    for (int row = fromRow; row <= toRow; ++row) {
        for (int column = fromColumn; column <= toColumn; ++column) {
            regions.set(column, row, false);
        }
    }
    return regions;
}

QByteArray annexB(std::initializer_list<uchar> nalHeaders) {
    QByteArray data;
    for (uchar header : nalHeaders) {
        data.append(QByteArray::fromHex("00000001"));
        data.append(static_cast<char>(header));
        data.append(QByteArray::fromHex("8842ff"));
    }
    return data;
}

}  // namespace

class TstMotionDetector : public QObject {
    Q_OBJECT

private slots:
    void aStillSceneHasNoMotion() {
        MotionDetector detector;
        detector.setSensitivity(100);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(detector.feed(picture(40, 40), i * kStepMs), MotionDetector::Change::None);
            QCOMPARE(detector.last().changedCells, 0);
        }
        QVERIFY(!detector.active());
    }

    void aMovingSquareStartsMotionThatEndsAfterTheQuietTime() {
        MotionDetector detector;
        qint64 t = 0;
        QCOMPARE(detector.feed(picture(10, 10), t), MotionDetector::Change::None);  // the background
        // One picture with motion is not enough (a flicker); the second in a row starts it.
        QCOMPARE(detector.feed(picture(30, 10), t += kStepMs), MotionDetector::Change::None);
        QVERIFY(detector.last().motion);
        QCOMPARE(detector.feed(picture(50, 10), t += kStepMs), MotionDetector::Change::Started);
        QVERIFY(detector.active());
        for (int x = 70; x < 150; x += 20) {
            QCOMPARE(detector.feed(picture(x, 10), t += kStepMs), MotionDetector::Change::None);
        }
        // It stops where it is: the background takes it in, motion ends kQuietMs after the last.
        const qint64 lastMotionMs = t;
        MotionDetector::Change change = MotionDetector::Change::None;
        while (change == MotionDetector::Change::None && t < lastMotionMs + 60000) {
            change = detector.feed(picture(130, 10), t += kStepMs);
        }
        QCOMPARE(change, MotionDetector::Change::Ended);
        QVERIFY(t - lastMotionMs >= MotionDetector::kQuietMs);
        QVERIFY(t - lastMotionMs <= MotionDetector::kQuietMs + 5000);
        QVERIFY(!detector.active());
    }

    void aMaskedAreaDoesNotCount() {
        // The square stays inside x < 72, y < 53: the cells of columns 0..7 and rows 0..5 (80 x 60) are off.
        MotionDetector detector;
        detector.setSensitivity(100);
        detector.setRegions(without(0, 7, 0, 5));
        qint64 t = 0;
        for (int i = 0; i < 40; ++i) {
            const int x = (i * 7) % 60;
            QCOMPARE(detector.feed(picture(x, 40 - x / 2), t += kStepMs), MotionDetector::Change::None);
            QCOMPARE(detector.last().changedCells, 0);
        }
        // The same movement with the whole picture counting is motion.
        MotionDetector unmasked;
        unmasked.setSensitivity(100);
        bool started = false;
        t = 0;
        for (int i = 0; i < 40 && !started; ++i) {
            const int x = (i * 7) % 60;
            started = unmasked.feed(picture(x, 40 - x / 2), t += kStepMs) == MotionDetector::Change::Started;
        }
        QVERIFY(started);
    }

    void sensitivityDecidesAboutFaintAndSmallChanges() {
        // A faint square (20 grey levels above the background) and a small one (4 x 4 pixels).
        auto changedCells = [](int sensitivity, int size, int brightness) {
            MotionDetector detector;
            detector.setSensitivity(sensitivity);
            detector.compare(picture(0, 0, 0));
            return detector.compare(picture(45, 45, size, 90, brightness)).changedCells;
        };
        QVERIFY(changedCells(100, 12, 110) > 0);
        QCOMPARE(changedCells(1, 12, 110), 0);
        QVERIFY(changedCells(100, 4, 220) > 0);
        QCOMPARE(changedCells(1, 4, 220), 0);
        QVERIFY(changedCells(1, 30, 250) > 0);  // large and strong is motion at any sensitivity

        MotionDetector detector;
        detector.setSensitivity(500);
        QCOMPARE(detector.sensitivity(), MotionDetector::kMaxSensitivity);
        detector.setSensitivity(-3);
        QCOMPARE(detector.sensitivity(), MotionDetector::kMinSensitivity);
        QVERIFY(detector.pixelThreshold() > 8);
    }

    void aLightSwitchedOnIsNotMotion() {
        MotionDetector detector;
        qint64 t = 0;
        detector.feed(picture(0, 0, 0, 60), t);
        // The whole picture is brighter at once, twice (so it would start motion if it counted).
        QCOMPARE(detector.feed(picture(0, 0, 0, 160), t += kStepMs), MotionDetector::Change::None);
        QVERIFY(detector.last().lightChange);
        QVERIFY(!detector.last().motion);
        QCOMPARE(detector.feed(picture(0, 0, 0, 160), t += kStepMs), MotionDetector::Change::None);
        QCOMPARE(detector.last().changedCells, 0);  // the background restarted from the bright picture
        QVERIFY(!detector.active());
    }

    void resetForgetsTheBackgroundAndStopEndsMotion() {
        MotionDetector detector;
        qint64 t = 0;
        detector.feed(picture(10, 10), t);
        detector.feed(picture(40, 40), t += kStepMs);
        QCOMPARE(detector.feed(picture(70, 70), t += kStepMs), MotionDetector::Change::Started);
        QCOMPARE(detector.stop(), MotionDetector::Change::Ended);
        QCOMPARE(detector.stop(), MotionDetector::Change::None);
        detector.reset();
        // After a reset the next picture is the background again, whatever it shows.
        QCOMPARE(detector.compare(picture(100, 100)).changedCells, 0);
        // A picture of another size is ignored, not misread.
        LumaFrame wrong = picture(0, 0);
        wrong.width = 80;
        QCOMPARE(detector.compare(wrong).changedCells, 0);
    }

    void regionsHaveAStrictForm() {
        MotionRegions regions = without(2, 3, 4, 4);
        const QStringList rows = regions.toRows();
        QCOMPARE(rows.size(), MotionRegions::kRows);
        QCOMPARE(rows[4], QStringLiteral("1100111111111111"));
        QCOMPARE(rows[0], QStringLiteral("1111111111111111"));
        QCOMPARE(MotionRegions::fromRows(rows).value(), regions);
        QCOMPARE(MotionRegions::fromText(regions.toText()).value(), regions);
        QCOMPARE(regions.count(), MotionRegions::kCells - 2);

        QStringList shortRows = rows;
        shortRows.removeLast();
        auto refused = MotionRegions::fromRows(shortRows);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("bad_request"));
        QVERIFY(refused.error().message.contains("11 rows"));
        QStringList badChar = rows;
        badChar[2] = "11111111x1111111";
        QVERIFY(MotionRegions::fromRows(badChar).error().message.contains("'x'"));
        QStringList longRow = rows;
        longRow[0] += "1";
        QVERIFY(MotionRegions::fromRows(longRow).error().message.contains("17 characters"));
        QVERIFY(!MotionRegions::fromText(QString(191, QLatin1Char('1'))));
    }

    void settingsBodiesAreStrict() {
        server::MotionSettings current;
        current.channelId = "c1";
        auto changed = server::MotionSettings::fromRequest({{"enabled", true}, {"sensitivity", 80}}, current);
        QVERIFY(changed);
        QVERIFY(changed->enabled);
        QCOMPARE(changed->sensitivity, 80);
        QCOMPARE(changed->regions, MotionRegions::all());  // untouched
        QCOMPARE(changed->channelId, QStringLiteral("c1"));

        auto error = [&current](const QJsonObject& body) {
            auto result = server::MotionSettings::fromRequest(body, current);
            return result ? QString() : result.error().code + ": " + result.error().message;
        };
        QVERIFY(error({{"sensitivity", 0}}).contains("sensitivity"));
        QVERIFY(error({{"sensitivity", 101}}).startsWith("bad_request"));
        QVERIFY(error({{"sensitivity", 50.5}}).startsWith("bad_request"));
        QVERIFY(error({{"enabled", "yes"}}).contains("enabled"));
        QVERIFY(error({{"speed", 3}}).contains("speed"));
        QVERIFY(error({{"regions", QJsonArray{"1111"}}}).contains("regions"));
        QVERIFY(error({{"regions", "all"}}).startsWith("bad_request"));
        QCOMPARE(server::MotionSettings::fromRequest({}, current)->enabled, false);
        QCOMPARE(changed->toJson().value("regions").toArray().size(), MotionRegions::kRows);
    }

    void onlyPicturesNothingRefersToAreDroppedBeforeDecoding() {
        using core::media::isDisposablePacket;
        // H.264: nal_ref_idc (bits 5-6) 0 on a non-IDR slice (type 1) -> nobody refers to it.
        QVERIFY(isDisposablePacket("h264", annexB({0x01})));
        QVERIFY(!isDisposablePacket("h264", annexB({0x21})));          // referenced P slice
        QVERIFY(!isDisposablePacket("h264", annexB({0x67, 0x68, 0x65})));  // SPS, PPS, IDR
        QVERIFY(!isDisposablePacket("h264", annexB({0x09, 0x01, 0x41})));  // one of two slices referenced
        QVERIFY(!isDisposablePacket("h264", annexB({0x06})));          // no picture at all (SEI)
        // H.265: TRAIL_N (0) and RASL_N (8) are sub-layer non-reference; TRAIL_R (1), IDR (19) are not.
        QVERIFY(isDisposablePacket("h265", QByteArray::fromHex("000000010001af")));   // TRAIL_N
        QVERIFY(isDisposablePacket("h265", QByteArray::fromHex("000000011001af")));   // RASL_N
        QVERIFY(!isDisposablePacket("h265", QByteArray::fromHex("000000010201af")));  // TRAIL_R
        QVERIFY(!isDisposablePacket("h265", QByteArray::fromHex("000000012601af")));  // IDR_W_RADL
        QVERIFY(!isDisposablePacket("mjpeg", annexB({0x01})));
        QVERIFY(!isDisposablePacket("h264", QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TstMotionDetector)
#include "tst_motion_detector.moc"
