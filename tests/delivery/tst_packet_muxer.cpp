// PacketMuxer (core/media/packet_muxer.h) judged by ffprobe and ffmpeg: recorded MPEG-TS (as the
// archive reader hands it: no picture size, no sample rate in the description) remuxed to MP4 for
// exports and to MPEG-TS through a byte sink for streams, for H.264 and H.265 with AAC. The MP4
// learns the picture size from the SPS and the AAC rate from ADTS without decoding, keeps the
// timestamps, puts its index first and carries the tags; the stream's time follows its origin.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "media/archive_reader.h"
#include "media/packet_muxer.h"
#include "support/media_tools.h"

using namespace vigil;
using core::media::ArchiveReader;
using core::media::PacketMuxer;
using core::media::PacketPtr;
using core::media::SegmentRef;

namespace {

QJsonObject streamOf(const QJsonObject& probed, const QString& type) {
    for (const QJsonValue& value : probed.value("streams").toArray()) {
        if (value.toObject().value("codec_type").toString() == type) {
            return value.toObject();
        }
    }
    return {};
}

}  // namespace

class TestPacketMuxer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A 6 s clip as MPEG-TS (what the recorder writes), made with the ffmpeg tool.
    QString recorded(const QString& codec) {
        const QString mp4 = m_dir.filePath(codec + ".mp4");
        const QString ts = m_dir.filePath(codec + ".ts");
        if (!QFile::exists(ts)) {
            if (!test::makeClip(mp4, 6, codec == "h265" ? "libx265" : "libx264", true) ||
                QProcess::execute("ffmpeg", {"-v", "error", "-y", "-i", mp4, "-c", "copy", "-f", "mpegts", ts}) != 0) {
                return {};
            }
        }
        return ts;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void recordedTsToMp4_data() {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("ffprobeName");
        QTest::newRow("h264") << "h264" << "h264";
        QTest::newRow("h265") << "h265" << "hevc";
    }

    void recordedTsToMp4() {
        QFETCH(QString, codec);
        QFETCH(QString, ffprobeName);
        const QString ts = recorded(codec);
        QVERIFY(!ts.isEmpty());
        ArchiveReader reader({SegmentRef{ts, 0, 0, std::numeric_limits<qint64>::max(), {}}});
        auto first = reader.read();
        QVERIFY(first.ok());
        const int video = reader.info().videoTrack();
        QVERIFY(video >= 0);
        QCOMPARE(reader.info().tracks[video].width, 0);  // what makes MP4 learn it
        QVERIFY(first.value()->keyframe);

        PacketMuxer::Options options;
        options.format = PacketMuxer::Format::Mp4;
        options.originUs = first.value()->dtsUs;
        options.interleave = true;
        options.metadata = {{"title", "Gate"}, {"creation_time", "2024-05-01T10:00:00.000Z"}};
        const QString out = m_dir.filePath(codec + "-export.mp4");
        auto muxer = PacketMuxer::toFile(out, reader.info(), options);
        QVERIFY2(muxer.ok(), muxer.ok() ? "" : qPrintable(muxer.error().message));
        QVERIFY(muxer.value()->write(first.value()).ok());
        for (auto packet = reader.read(); packet.ok(); packet = reader.read()) {
            QVERIFY(muxer.value()->write(packet.value()).ok());
        }
        QVERIFY(muxer.value()->finish().ok());
        QVERIFY(muxer.value()->skippedTracks().isEmpty());

        const QJsonObject probed = test::ffprobe(out);
        const QJsonObject format = probed.value("format").toObject();
        QVERIFY(format.value("format_name").toString().contains("mp4"));
        QCOMPARE(format.value("tags").toObject().value("title").toString(), QStringLiteral("Gate"));
        const double duration = format.value("duration").toString().toDouble();
        QVERIFY2(duration > 5.8 && duration < 6.3, qPrintable(QString::number(duration)));
        const QJsonObject picture = streamOf(probed, "video");
        QCOMPARE(picture.value("codec_name").toString(), ffprobeName);
        QCOMPARE(picture.value("width").toInt(), 320);
        QCOMPARE(picture.value("height").toInt(), 240);
        const QJsonObject sound = streamOf(probed, "audio");
        QCOMPARE(sound.value("codec_name").toString(), QStringLiteral("aac"));
        QCOMPARE(sound.value("sample_rate").toString(), QStringLiteral("48000"));
        // The index first (faststart), and every frame decodes.
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(64 * 1024);
        QVERIFY(head.indexOf("moov") > 0 && (head.indexOf("mdat") < 0 || head.indexOf("moov") < head.indexOf("mdat")));
        QCOMPARE(test::ffprobeVideoCounts(out).value("streams").toArray().first().toObject().value("nb_read_packets").toString(),
                 QStringLiteral("150"));
        QCOMPARE(QProcess::execute("ffmpeg", {"-v", "error", "-i", out, "-f", "null", "-"}), 0);
    }

    void streamThroughASinkFollowsItsOrigin() {
        const QString ts = recorded("h264");
        QVERIFY(!ts.isEmpty());
        ArchiveReader reader({SegmentRef{ts, 0, 0, std::numeric_limits<qint64>::max(), {}}});
        QByteArray bytes;
        int sinkCalls = 0;
        PacketMuxer::Options options;
        options.format = PacketMuxer::Format::MpegTs;
        options.offsetUs = 1'000'000;
        std::unique_ptr<PacketMuxer> muxer;
        for (auto packet = reader.read(); packet.ok(); packet = reader.read()) {
            if (!muxer) {
                options.originUs = packet.value()->dtsUs;
                auto made = PacketMuxer::toSink(
                    [&](QByteArrayView data) {
                        ++sinkCalls;
                        bytes.append(data.data(), data.size());
                        return core::Status();
                    },
                    reader.info(), options);
                QVERIFY(made.ok());
                muxer = std::move(made.value());
            }
            QVERIFY(muxer->write(packet.value()).ok());
            QVERIFY(muxer->flush().ok());  // every packet out at once, as live viewers get them
        }
        QVERIFY(muxer->finish().ok());
        QVERIFY(sinkCalls > 100);
        QCOMPARE(bytes.size() % 188, 0);
        QCOMPARE(bytes.at(0), char(0x47));
        const QString out = m_dir.filePath("sink.ts");
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const QJsonObject probed = test::ffprobe(out);
        const double start = probed.value("format").toObject().value("start_time").toString().toDouble();
        // The origin (the first DTS) plus the offset; the first picture's PTS may lead its DTS by the
        // clip's reordering delay (makeClip's x264 uses B-frames).
        QVERIFY2(start >= 0.999 && start < 1.2, qPrintable(QString::number(start)));
        QCOMPARE(streamOf(probed, "audio").value("codec_name").toString(), QStringLiteral("aac"));
    }

    void aSinkFailureStopsTheMuxerWithTheSinksError() {
        const QString ts = recorded("h264");
        ArchiveReader reader({SegmentRef{ts, 0, 0, std::numeric_limits<qint64>::max(), {}}});
        auto first = reader.read();
        QVERIFY(first.ok());
        PacketMuxer::Options options;
        options.originUs = first.value()->dtsUs;
        auto muxer = PacketMuxer::toSink(
            [](QByteArrayView) { return core::Status(core::Error::make("viewer_gone", "The viewer went away.")); },
            reader.info(), options);
        QVERIFY(muxer.ok());
        QVERIFY(muxer.value()->write(first.value()).ok());  // buffered
        const core::Status flushed = muxer.value()->flush();
        QVERIFY(!flushed.ok());
        QCOMPARE(flushed.error().code, QStringLiteral("viewer_gone"));
        QVERIFY(!muxer.value()->isOpen());
    }
};

QTEST_GUILESS_MAIN(TestPacketMuxer)
#include "tst_packet_muxer.moc"
