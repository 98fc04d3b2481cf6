// The virtual driver (plugins/virtual, issue 4): describe() starts an in-process RTSP camera on
// 127.0.0.1 whose main (720p) and sub (360p) streams independent clients read as H.264: our
// RtspProbe and FFmpeg's ffprobe, which decodes frames from it. Describing the same camera again
// gives the same URLs; a bad name is refused with what to type.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "devices/driver_registry.h"
#include "driver_call.h"
#include "media/rtsp/rtsp_probe.h"

using namespace vigil::core::devices;
using vigil::core::media::rtsp::RtspProbe;

class TestVirtualDriver : public QObject {
    Q_OBJECT

private:
    DriverRegistry m_registry;

    vigil::core::Result<DeviceDescription> describe(const QString& address) {
        return vigil::test::onWorker<DeviceDescription>([&] {
            Cancellation cancel;
            return m_registry.create(QStringLiteral("virtual"))->describe(DeviceAddress{"virtual", QUrl(address), {}, {}, {}}, cancel);
        });
    }

private slots:
    void initTestCase() {
        m_registry.load();
        QVERIFY2(m_registry.has(QStringLiteral("virtual")), qPrintable(m_registry.searchPaths().join(", ")));
    }

    void servesAMainAndASubStreamOnLoopback() {
        QElapsedTimer first;
        first.start();
        auto description = describe(QStringLiteral("virtual://lobby"));
        QVERIFY2(description.ok(), description.ok() ? "" : qPrintable(description.error().message));
        qInfo("first describe (clips made or reused): %lld ms", first.elapsed());
        QCOMPARE(description->channels.size(), 1);
        const ChannelDescription channel = description->channels.first();
        QCOMPARE(channel.mainStream.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(channel.mainStream.scheme(), QStringLiteral("rtsp"));
        QCOMPARE(description->model, QStringLiteral("Virtual camera"));

        for (const auto& [url, width, height] : {std::tuple{channel.mainStream, 1280, 720}, std::tuple{channel.subStream, 640, 360}}) {
            auto probed = RtspProbe::probe(url, {}, {}, 10000);
            QVERIFY2(probed.ok(), probed.ok() ? "" : qPrintable(probed.error().message));
            const int video = probed->videoTrack();
            QVERIFY(video >= 0);
            QCOMPARE(probed->tracks.at(video).codec, QStringLiteral("h264"));
            QCOMPARE(probed->tracks.at(video).width, width);
            QCOMPARE(probed->tracks.at(video).height, height);
        }

        // An independent client decodes frames from it over RTSP/TCP.
        QProcess ffprobe;
        ffprobe.start(QStringLiteral("ffprobe"), {"-v", "error", "-rtsp_transport", "tcp", "-select_streams", "v:0",
                                                  "-count_frames", "-read_intervals", "%+2", "-show_entries",
                                                  "stream=codec_name,width,height,nb_read_frames", "-of", "json",
                                                  channel.mainStream.toString()});
        QVERIFY(ffprobe.waitForFinished(60000));
        QCOMPARE(ffprobe.exitCode(), 0);
        const QJsonObject stream =
            QJsonDocument::fromJson(ffprobe.readAllStandardOutput()).object().value("streams").toArray().first().toObject();
        QCOMPARE(stream.value("codec_name").toString(), QStringLiteral("h264"));
        QCOMPARE(stream.value("width").toInt(), 1280);
        QVERIFY2(stream.value("nb_read_frames").toString().toInt() > 10, qPrintable(QJsonDocument(stream).toJson()));

        // The same camera again: the same streams, not a second server.
        auto again = describe(QStringLiteral("virtual://lobby"));
        QVERIFY(again.ok());
        QCOMPARE(again->channels.first().mainStream, channel.mainStream);
        auto other = describe(QStringLiteral("virtual://yard"));
        QVERIFY(other.ok());
        QVERIFY(other->channels.first().mainStream != channel.mainStream);
    }

    void badNamesAreRefused() {
        auto bad = describe(QStringLiteral("virtual://has space"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("bad_request"));
        QVERIFY(bad.error().message.contains("virtual://lobby"));
        QVERIFY(!describe(QStringLiteral("rtsp://127.0.0.1/x")).ok());
    }
};

QTEST_GUILESS_MAIN(TestVirtualDriver)
#include "tst_virtual_driver.moc"
