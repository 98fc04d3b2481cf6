// The rtsp driver's describe() against real peers on 127.0.0.1 (issue 4, plugins/rtsp): GStreamer's
// RTSP server with and without digest authentication, a port where nothing listens, and a peer that
// answers something that is not RTSP. Each failure comes back with the device error code the devices
// service turns into a state (unauthorised, unreachable, stream error) and a message that says what
// to do.

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "devices/driver_registry.h"
#include "driver_call.h"
#include "support/gst_camera.h"

using namespace vigil::core::devices;
using vigil::test::GstCamera;

namespace {

const QString kUser = QStringLiteral("viewer");
const QString kPassword = QStringLiteral("Pier-9-Lantern");

quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

}  // namespace

class TestRtspDriver : public QObject {
    Q_OBJECT

private:
    DriverRegistry m_registry;
    std::unique_ptr<DeviceDriver> m_driver;

    vigil::core::Result<DeviceDescription> describe(const DeviceAddress& address, const Cancellation& cancel) {
        // GStreamer's RTSP server shares one media per mount and answers 503 while the previous
        // client's media is still being torn down; a camera that is busy says the same. Ask again
        // then, as the devices service's back-off would.
        vigil::core::Result<DeviceDescription> result = vigil::core::Error::make("test", "not run");
        for (int attempt = 0; attempt < 10; ++attempt) {
            result = vigil::test::onWorker<DeviceDescription>([&] { return m_driver->describe(address, cancel); });
            if (result || !result.error().message.contains(QStringLiteral("503"))) {
                break;
            }
            QTest::qWait(300);
        }
        return result;
    }

private slots:
    void initTestCase() {
        m_registry.load();
        m_driver = m_registry.create(QStringLiteral("rtsp"));
        QVERIFY(m_driver);
    }

    void describesACameraWithItsAudio() {
        GstCamera::Options options;
        options.mounts = {QStringLiteral("main:h264+aac"), QStringLiteral("sub:h264")};
        GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        Cancellation cancel;
        auto description = describe(DeviceAddress{"rtsp", camera.url("main"), {}, {}, camera.url("sub")}, cancel);
        QVERIFY2(description.ok(), description.ok() ? "" : qPrintable(description.error().message));
        QCOMPARE(description->channels.size(), 1);
        const ChannelDescription& channel = description->channels.first();
        QCOMPARE(channel.mainStream, camera.url("main"));
        QCOMPARE(channel.subStream, camera.url("sub"));
        QVERIFY(channel.audio);
        QVERIFY(!channel.ptz);
        QVERIFY(!description->model.isEmpty());
    }

    void wrongPasswordIsUnauthorised() {
        GstCamera::Options options;
        options.user = kUser;
        options.password = kPassword;
        GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        Cancellation cancel;
        auto refused = describe(DeviceAddress{"rtsp", camera.url(), kUser, "wrong", {}}, cancel);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QString::fromLatin1(kErrorUnauthorised));
        QVERIFY2(refused.error().message.contains("password"), qPrintable(refused.error().message));
        auto none = describe(DeviceAddress{"rtsp", camera.url(), {}, {}, {}}, cancel);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QString::fromLatin1(kErrorUnauthorised));
        auto right = describe(DeviceAddress{"rtsp", camera.url(), kUser, kPassword, {}}, cancel);
        QVERIFY2(right.ok(), right.ok() ? "" : qPrintable(right.error().message));
        // A bad sub stream is named as such.
        auto badSub = describe(DeviceAddress{"rtsp", camera.url(), kUser, kPassword, camera.url("nothing-here")}, cancel);
        QVERIFY(!badSub.ok());
        QVERIFY2(badSub.error().message.contains("sub stream"), qPrintable(badSub.error().message));
    }

    void nothingListeningIsUnreachable() {
        Cancellation cancel;
        const QUrl url(QStringLiteral("rtsp://127.0.0.1:%1/main").arg(closedPort()));
        auto result = describe(DeviceAddress{"rtsp", url, {}, {}, {}}, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(kErrorUnreachable));
        QVERIFY(!result.error().message.isEmpty());
    }

    void somethingThatIsNotRtspIsABadAnswer() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
                socket->disconnectFromHost();
            });
        });
        Cancellation cancel;
        auto result = describe(DeviceAddress{"rtsp", QUrl(QStringLiteral("rtsp://127.0.0.1:%1/x").arg(server.serverPort())), {}, {}, {}},
                               cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(kErrorBadAnswer));
    }

    void cancelledBeforeItStarts() {
        Cancellation cancel;
        cancel.cancel();
        auto result = describe(DeviceAddress{"rtsp", QUrl("rtsp://127.0.0.1:9/x"), {}, {}, {}}, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QString::fromLatin1(kErrorCancelled));
    }
};

QTEST_GUILESS_MAIN(TestRtspDriver)
#include "tst_rtsp_driver.moc"
