// FrameConverter (plugins/player_ffmpeg/frame_converter.h), the FFmpeg backend's decoded picture to
// QVideoFrame step (issue 5):
//  - YUV pictures keep their planes, with the height padded to a multiple of 4 for Qt 6.4 and the
//    viewport on the picture;
//  - RGB pictures (for scene graphs drawn in software, render_probe.h) come out in the right colours
//    for BT.601 and BT.709, limited and full range: a red, green, blue and grey picture converted
//    must read back as those colours (a wrong matrix or range shifts them by far more than the
//    tolerance);
//  - RenderProbe tells software renderers from GPUs by name.
// Pictures are made here (no decoder needed): solid YUV 4:2:0 frames with the values of each colour.

#include <QTest>

#include "player/render_probe.h"
#include "player_ffmpeg/frame_converter.h"

extern "C" {
#include <libavutil/frame.h>
}

using vigil::app::player::FrameConverter;
using vigil::app::player::MediaSource;
using vigil::app::player::RenderProbe;

namespace {

struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

FramePtr solidFrame(int width, int height, int y, int u, int v, AVColorSpace space, AVColorRange range) {
    FramePtr frame(av_frame_alloc());
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = width;
    frame->height = height;
    frame->colorspace = space;
    frame->color_range = range;
    if (av_frame_get_buffer(frame.get(), 0) < 0) {
        return nullptr;
    }
    const int values[3] = {y, u, v};
    const int rows[3] = {height, (height + 1) / 2, (height + 1) / 2};
    for (int plane = 0; plane < 3; ++plane) {
        std::memset(frame->data[plane], values[plane], static_cast<size_t>(frame->linesize[plane]) * rows[plane]);
    }
    return frame;
}

// The BGRX frame's pixel at (x, y) as QColor.
QColor pixelOf(QVideoFrame frame, int x, int y) {
    if (!frame.map(QVideoFrame::ReadOnly)) {
        return {};
    }
    const uchar* pixel = frame.bits(0) + static_cast<qsizetype>(y) * frame.bytesPerLine(0) + x * 4;
    const QColor color(pixel[2], pixel[1], pixel[0]);
    frame.unmap();
    return color;
}

}  // namespace

class TestFrameConverter : public QObject {
    Q_OBJECT

private slots:
    void yuvKeepsPlanesAndPadsTheHeight() {
        FrameConverter converter;
        const FramePtr frame = solidFrame(640, 362, 100, 110, 120, AVCOL_SPC_BT709, AVCOL_RANGE_MPEG);
        QVERIFY(frame);
        QVideoFrame out = converter.convert(frame.get(), MediaSource::Pictures::Yuv420);
        QVERIFY(out.isValid());
        QCOMPARE(out.pixelFormat(), QVideoFrameFormat::Format_YUV420P);
        QCOMPARE(out.size(), QSize(640, 364));  // 362 / 2 is odd: padded to a multiple of 4
        QCOMPARE(out.surfaceFormat().viewport(), QRect(0, 0, 640, 362));
        QVERIFY(out.map(QVideoFrame::ReadOnly));
        QCOMPARE(int(out.bits(0)[out.bytesPerLine(0) * 361]), 100);  // the last picture row
        QCOMPARE(int(out.bits(0)[out.bytesPerLine(0) * 363]), 16);   // padding is black
        QCOMPARE(int(out.bits(2)[0]), 120);
        out.unmap();
    }

    void rgbColours_data() {
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("u");
        QTest::addColumn<int>("v");
        QTest::addColumn<int>("space");
        QTest::addColumn<int>("range");
        QTest::addColumn<QColor>("expected");
        // Values from the BT.601 and BT.709 matrices, rounded.
        QTest::newRow("601 limited red") << 81 << 90 << 240 << int(AVCOL_SPC_SMPTE170M) << int(AVCOL_RANGE_MPEG)
                                         << QColor(255, 0, 0);
        QTest::newRow("601 limited green") << 145 << 54 << 34 << int(AVCOL_SPC_SMPTE170M) << int(AVCOL_RANGE_MPEG)
                                           << QColor(0, 255, 0);
        QTest::newRow("601 limited blue") << 41 << 240 << 110 << int(AVCOL_SPC_SMPTE170M) << int(AVCOL_RANGE_MPEG)
                                          << QColor(0, 0, 255);
        QTest::newRow("601 limited grey") << 126 << 128 << 128 << int(AVCOL_SPC_SMPTE170M) << int(AVCOL_RANGE_MPEG)
                                          << QColor(128, 128, 128);
        QTest::newRow("709 limited red") << 63 << 102 << 240 << int(AVCOL_SPC_BT709) << int(AVCOL_RANGE_MPEG)
                                         << QColor(255, 0, 0);
        QTest::newRow("709 limited green") << 173 << 42 << 26 << int(AVCOL_SPC_BT709) << int(AVCOL_RANGE_MPEG)
                                           << QColor(0, 255, 0);
        QTest::newRow("601 full red") << 76 << 85 << 255 << int(AVCOL_SPC_SMPTE170M) << int(AVCOL_RANGE_JPEG)
                                      << QColor(255, 0, 0);
        QTest::newRow("601 full black") << 0 << 128 << 128 << int(AVCOL_SPC_SMPTE170M) << int(AVCOL_RANGE_JPEG)
                                        << QColor(0, 0, 0);
    }

    void rgbColours() {
        QFETCH(int, y);
        QFETCH(int, u);
        QFETCH(int, v);
        QFETCH(int, space);
        QFETCH(int, range);
        QFETCH(QColor, expected);
        FrameConverter converter;
        const FramePtr frame =
            solidFrame(640, 360, y, u, v, static_cast<AVColorSpace>(space), static_cast<AVColorRange>(range));
        QVERIFY(frame);
        const QVideoFrame out = converter.convert(frame.get(), MediaSource::Pictures::Rgb);
        QVERIFY(out.isValid());
        QCOMPARE(out.pixelFormat(), QVideoFrameFormat::Format_BGRX8888);
        QCOMPARE(out.size(), QSize(640, 360));  // no padding: the skew is a YUV matter
        for (const QPoint at : {QPoint(0, 0), QPoint(320, 180), QPoint(639, 359)}) {
            const QColor got = pixelOf(out, at.x(), at.y());
            const int off = std::max({std::abs(got.red() - expected.red()), std::abs(got.green() - expected.green()),
                                      std::abs(got.blue() - expected.blue())});
            QVERIFY2(off <= 6, qPrintable(QStringLiteral("at %1,%2: got %3, want %4")
                                              .arg(QString::number(at.x()), QString::number(at.y()), got.name(),
                                                   expected.name())));
        }
    }

    void rgbFollowsAChangeOfColourSpace() {
        // One converter, two cameras' worth of pictures: the second's matrix must be used for it.
        FrameConverter converter;
        const FramePtr bt601 = solidFrame(64, 64, 81, 90, 240, AVCOL_SPC_SMPTE170M, AVCOL_RANGE_MPEG);
        const FramePtr bt709 = solidFrame(64, 64, 63, 102, 240, AVCOL_SPC_BT709, AVCOL_RANGE_MPEG);
        QVERIFY(pixelOf(converter.convert(bt601.get(), MediaSource::Pictures::Rgb), 1, 1).red() >= 249);
        const QColor red709 = pixelOf(converter.convert(bt709.get(), MediaSource::Pictures::Rgb), 1, 1);
        QVERIFY2(red709.red() >= 249 && red709.green() <= 6 && red709.blue() <= 6, qPrintable(red709.name()));
    }

    void softwareRenderersByName() {
        QVERIFY(RenderProbe::isSoftwareRenderer(QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)")));
        QVERIFY(RenderProbe::isSoftwareRenderer(QStringLiteral("softpipe")));
        QVERIFY(RenderProbe::isSoftwareRenderer(QStringLiteral("Microsoft Basic Render Driver")));
        QVERIFY(!RenderProbe::isSoftwareRenderer(QStringLiteral("Mesa Intel(R) UHD Graphics 620 (KBL GT2)")));
        QVERIFY(!RenderProbe::isSoftwareRenderer(QStringLiteral("NVIDIA GeForce GTX 1650/PCIe/SSE2")));
        QVERIFY(!RenderProbe::isSoftwareRenderer(QStringLiteral("AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6)")));
    }
};

QTEST_GUILESS_MAIN(TestFrameConverter)
#include "tst_frame_converter.moc"
