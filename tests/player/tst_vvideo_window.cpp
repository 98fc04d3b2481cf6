// VVideo (qml/controls/VVideo.qml) in a real window under Xvfb with Mesa's llvmpipe (the offscreen
// platform draws no video), against a real engine and a GStreamer camera: four tiles, the live
// camera, a wrong token ("unauthorised"), a role without the channel ("no rights") and an unknown
// channel (error). The window is grabbed twice: the live tile's pixels show the picture (bright ball
// and clock on a dark ground, not a flat image) and they change between the grabs; the other tiles
// show their overlay text. The grabs are kept in <build>/tests/player/artifacts.
// llvmpipe draws in software, so RenderProbe names it and the players hand over RGB pictures
// (render_probe.h); the pixel checks above then prove those pictures are drawn.

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QVideoSink>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include "delivery/delivery_fixture.h"
#include "player/player_site.h"
#include "player/render_probe.h"
#include "player/video_player.h"

Q_IMPORT_QML_PLUGIN(Vigil_UIPlugin)

using namespace vigil;
using app::VideoPlayer;
using test::GstCamera;

namespace {

constexpr auto kScene = R"(
import QtQuick
import Vigil.UI

Rectangle {
    width: 1300
    height: 760
    color: Theme.background
    Grid {
        x: 6; y: 6
        columns: 2
        spacing: 8
        VVideo { objectName: "live"; width: 640; height: 360; stream: "sub" }
        VVideo { objectName: "unauthorised"; width: 640; height: 360; stream: "sub" }
        VVideo { objectName: "forbidden"; width: 640; height: 360; stream: "sub" }
        VVideo { objectName: "unknown"; width: 640; height: 360; stream: "sub"; channelId: "no-such-channel" }
    }
}
)";

// Share of the region's pixels brighter than `level` (luma-ish).
double brightShare(const QImage& image, const QRect& region, int level) {
    qint64 bright = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            bright += qGray(image.pixel(x, y)) > level ? 1 : 0;
        }
    }
    return double(bright) / double(region.width() * region.height());
}

double differingShare(const QImage& a, const QImage& b, const QRect& region) {
    qint64 differing = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            differing += std::abs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y))) > 40 ? 1 : 0;
        }
    }
    return double(differing) / double(region.width() * region.height());
}

}  // namespace

class TestVVideoWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::DeliveryFixture m_fixture;
    std::unique_ptr<GstCamera> m_camera;
    std::unique_ptr<test::PlayerSite> m_site;
    std::unique_ptr<test::ApiSession> m_outsider;
    QString m_channel;

    core::client::ApiClient* clientWith(const QString& token) { return m_site->clientWith(token); }

private slots:
    void initTestCase() {
        if (QGuiApplication::platformName() != QLatin1String("xcb")) {
            QSKIP("needs an X11 display (run under tests/support/with_xvfb.sh; ctest does)");
        }
        VideoPlayer::registerQmlTypes();
        QString error;
        QVERIFY2(m_fixture.start(m_dir.path(), &error), qPrintable(error));
        GstCamera::Options options;
        options.mounts = {QStringLiteral("main:h264"), QStringLiteral("sub:h264")};
        m_camera = std::make_unique<GstCamera>(options);
        QVERIFY2(m_camera->start(&error), qPrintable(error));
        m_channel = m_fixture.addCamera(QStringLiteral("Gate"), m_camera->url("main"), m_camera->url("sub"));
        QVERIFY(!m_channel.isEmpty());
        m_site = std::make_unique<test::PlayerSite>(m_fixture.engine(), m_dir.filePath(QStringLiteral("trusted.json")));
        VideoPlayer::setDefaultClient(clientWith(m_fixture.admin().token()));
        m_outsider = m_fixture.userWith(QStringLiteral("outsider"), {QStringLiteral("live")}, false);
    }

    void tilesShowThePictureOrWhatIsWrong() {
        const QString channel = m_channel;
        QQuickView view;
        view.engine()->addImportPath(QStringLiteral("qrc:/"));
        view.setColor(Qt::black);
        QQmlComponent component(view.engine());
        component.setData(kScene, QUrl());
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        auto* root = qobject_cast<QQuickItem*>(component.create());
        QVERIFY(root);
        view.setContent(QUrl(), &component, root);
        view.resize(1300, 760);
        app::player::RenderProbe::watch(&view);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(!app::player::RenderProbe::rendererName().isEmpty(), 10000);
        QVERIFY2(app::player::RenderProbe::rendererName().contains(QLatin1String("llvmpipe")),
                 qPrintable(app::player::RenderProbe::rendererName()));
        QCOMPARE(app::player::RenderProbe::preferredPictures(), app::player::MediaSource::Pictures::Rgb);

        auto player = [&](const char* name) {
            QObject* tile = root->findChild<QObject*>(QString::fromLatin1(name));
            return tile ? tile->property("player").value<VideoPlayer*>() : nullptr;
        };
        VideoPlayer* live = player("live");
        VideoPlayer* unauthorised = player("unauthorised");
        VideoPlayer* forbidden = player("forbidden");
        VideoPlayer* unknown = player("unknown");
        QVERIFY(live && unauthorised && forbidden && unknown);
        unauthorised->setClient(clientWith(QStringLiteral("not-a-session-token")));
        forbidden->setClient(clientWith(m_outsider->token()));
        for (VideoPlayer* p : {live, unauthorised, forbidden}) {
            p->setChannelId(channel);
        }
        for (VideoPlayer* p : {live, unauthorised, forbidden, unknown}) {
            p->play();
        }
        QTRY_VERIFY_WITH_TIMEOUT(live->framesShown() > 25, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(unauthorised->state(), QStringLiteral("unauthorised"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(forbidden->state(), QStringLiteral("forbidden"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(unknown->state(), QStringLiteral("error"), 20000);
        QCOMPARE(live->state(), QStringLiteral("playing"));
        QVideoSink* sink = live->videoSink();
        QVERIFY(sink);
        QCOMPARE(sink->videoFrame().pixelFormat(), QVideoFrameFormat::Format_BGRX8888);

        QTest::qWait(500);
        const QImage first = view.grabWindow();
        QVERIFY(first.save(test::PlayerSite::artifact(QStringLiteral("vvideo_tiles.png"))));
        QTest::qWait(1200);
        const QImage second = view.grabWindow();
        QVERIFY(second.save(test::PlayerSite::artifact(QStringLiteral("vvideo_tiles_later.png"))));
        QCOMPARE(first.size(), QSize(1300, 760));

        const QRect liveTile(6, 6, 640, 360);
        const double bright = brightShare(first, liveTile, 160);
        QVERIFY2(bright > 0.002 && bright < 0.3, qPrintable(QString::number(bright)));  // ball and clock
        const double moved = differingShare(first, second, liveTile);
        QVERIFY2(moved > 0.001, qPrintable(QString::number(moved)));  // the ball moved, the clock ticked
        // The overlay tiles are not black: their text and mark are drawn on the theme's background.
        const QRect unauthorisedTile(6 + 640 + 8, 6, 640, 360);
        QVERIFY(brightShare(first, unauthorisedTile, 90) > 0.0005);
        QCOMPARE(differingShare(first, second, unauthorisedTile), 0.0);  // a still overlay
        delete root;
    }

    void cleanupTestCase() {
        VideoPlayer::setDefaultClient(nullptr);
        m_outsider.reset();
        m_site.reset();
        m_camera.reset();
        m_fixture.stop();
    }
};

QTEST_MAIN(TestVVideoWindow)
#include "tst_vvideo_window.moc"
