// RtspProbe's failure classification against real sockets on 127.0.0.1: nothing listening
// (refused), a name that does not resolve, a peer that accepts and never answers (timeout),
// python3's HTTP server (not RTSP), cancellation, and URLs that are not rtsp://. The probe against
// working cameras (vigil-testcamera, GStreamer) is in tests/testcamera/.

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <atomic>
#include <thread>

#include "devices/device_driver.h"
#include "media/rtsp/rtsp_probe.h"

using vigil::core::media::rtsp::RtspProbe;

class TestRtspProbeFailures : public QObject {
    Q_OBJECT

private slots:
    void refusedConnection() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const quint16 port = server.serverPort();
        server.close();
        const auto result = RtspProbe::probe(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(port)), {}, {}, 5000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(vigil::core::devices::kErrorUnreachable));
        QVERIFY2(result.error().message.contains(QStringLiteral("refused")), qPrintable(result.error().message));
    }

    void unknownHost() {
        const auto result = RtspProbe::probe(QUrl(QStringLiteral("rtsp://no-such-camera.invalid/cam")), {}, {}, 10000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(vigil::core::devices::kErrorUnreachable));
        // Either the resolver said no, or (without any DNS) it did not answer in time; both name the host.
        QVERIFY2(result.error().message.contains(QStringLiteral("no-such-camera.invalid")),
                 qPrintable(result.error().message));
    }

    void silentPeerTimesOut() {
        // The kernel completes the TCP handshake for a listening socket even if nobody accepts, so
        // this is a camera that connects and then says nothing.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const auto result = RtspProbe::probe(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(server.serverPort())),
                                             {}, {}, 700);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(vigil::core::devices::kErrorUnreachable));
        QVERIFY2(result.error().message.contains(QStringLiteral("within 0.7 s")), qPrintable(result.error().message));
    }

    void cancelStopsTheWait() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        std::atomic<bool> cancel{false};
        std::thread canceller([&cancel]() {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        // The timeout is long; only the cancel flag can end this before the test's own timeout.
        const auto result = RtspProbe::probe(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(server.serverPort())),
                                             {}, {}, 600000, &cancel);
        canceller.join();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(vigil::core::devices::kErrorCancelled));

        vigil::core::devices::Cancellation cancelled;
        cancelled.cancel();
        const auto early = RtspProbe::probe(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(server.serverPort())),
                                            {}, {}, 600000, cancelled);
        QCOMPARE(early.error().code, QString::fromLatin1(vigil::core::devices::kErrorCancelled));
    }

    void httpServerIsNotRtsp() {
        QProcess http;
        http.setProgram(QStringLiteral("/usr/bin/python3"));
        http.setArguments({QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("http.server"),
                           QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("0")});
        http.setProcessChannelMode(QProcess::MergedChannels);
        http.start();
        QVERIFY(http.waitForStarted());
        QByteArray output;
        const QRegularExpression portPattern(QStringLiteral("port (\\d+)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((output += http.readAll(), match = portPattern.match(QString::fromUtf8(output)),
                                  match.hasMatch()),
                                 20000);
        const auto result = RtspProbe::probe(
            QUrl(QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(match.captured(1))), {}, {}, 10000);
        http.kill();
        http.waitForFinished();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(vigil::core::devices::kErrorBadAnswer));
        QVERIFY2(result.error().message.contains(QStringLiteral("does not answer in RTSP")),
                 qPrintable(result.error().message));
        // Python answers an "RTSP/1.0" request in HTTP/0.9 style (the bare error page); the message
        // quotes what came.
        QVERIFY2(result.error().message.contains(QStringLiteral("<!DOCTYPE HTML>")), qPrintable(result.error().message));
    }

    void badAddresses() {
        for (const QString& url : {QStringLiteral("http://127.0.0.1/cam"), QStringLiteral("rtsp:///nohost"),
                                   QStringLiteral("not a url at all")}) {
            const auto result = RtspProbe::probe(QUrl(url), {}, {}, 1000);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, QStringLiteral("device_bad_address"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRtspProbeFailures)
#include "tst_rtsp_probe_failures.moc"
