// DriverRegistry (core/devices/driver_registry.h): the real driver plugins load from the build tree;
// $VIGIL_PLUGIN_PATH comes first and a later plugin with the same id is skipped; files that are not
// drivers are logged with the reason and skipped without stopping the others. And the rtsp driver's
// own checks of the URLs it is given (issue 4: "a URL that is not a stream ... clear status").

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "devices/driver_registry.h"
#include "devices/stream_url.h"

using namespace vigil::core::devices;

class TestDriverRegistry : public QObject {
    Q_OBJECT

private slots:
    void loadsTheBuiltDrivers() {
        DriverRegistry registry;
        registry.load();
        QVERIFY2(registry.has(QStringLiteral("rtsp")), qPrintable(registry.searchPaths().join(", ")));
        QVERIFY(registry.has(QStringLiteral("virtual")));
        auto driver = registry.create(QStringLiteral("rtsp"));
        QVERIFY(driver);
        QCOMPARE(driver->id(), QStringLiteral("rtsp"));
        QVERIFY(!driver->displayName().isEmpty());
        QVERIFY(!registry.create(QStringLiteral("no-such-driver")));
        // Each create() makes a new object: drivers are never shared between worker threads.
        QVERIFY(registry.create(QStringLiteral("rtsp")).get() != driver.get());
    }

    void environmentPathComesFirstAndDuplicatesAreSkipped() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("libvigil_driver_rtsp.so"));
        QVERIFY(QFile::copy(QStringLiteral(VIGIL_TEST_RTSP_PLUGIN), copy));
        qputenv("VIGIL_PLUGIN_PATH", QFile::encodeName(QStringLiteral("/nonexistent:") + dir.path()));
        const QStringList paths = DriverRegistry::defaultSearchPaths();
        qunsetenv("VIGIL_PLUGIN_PATH");
        QVERIFY(!paths.isEmpty());
        QCOMPARE(paths.first(), dir.path());  // folders that do not exist are left out

        DriverRegistry registry(paths);
        registry.load();
        const auto drivers = registry.drivers();
        const auto rtsp = std::find_if(drivers.cbegin(), drivers.cend(),
                                       [](const auto& d) { return d.id == QLatin1String("rtsp"); });
        QVERIFY(rtsp != drivers.cend());
        QCOMPARE(rtsp->file, copy);
        bool duplicateNoted = false;
        for (const auto& problem : registry.problems()) {
            duplicateNoted |= problem.file == QLatin1String(VIGIL_TEST_RTSP_PLUGIN) &&
                              problem.reason.contains(QStringLiteral("already loaded"));
        }
        QVERIFY(duplicateNoted);
    }

    void brokenFilesAreSkippedWithTheReason() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile junk(dir.filePath(QStringLiteral("libjunk.so")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a shared library");
        junk.close();
        QVERIFY(QFile::copy(QStringLiteral(VIGIL_TEST_RTSP_PLUGIN), dir.filePath(QStringLiteral("librtsp.so"))));

        DriverRegistry registry({dir.path()});
        registry.load();
        QVERIFY(registry.has(QStringLiteral("rtsp")));  // the good one still loads
        QCOMPARE(registry.problems().size(), 1);
        QVERIFY(registry.problems().first().file.endsWith(QStringLiteral("libjunk.so")));
        QVERIFY(registry.problems().first().reason.contains(QStringLiteral("not a Qt plugin")));
    }

    void rtspDriverDescribesOneChannelWithoutCredentials() {
        DriverRegistry registry;
        registry.load();
        auto driver = registry.create(QStringLiteral("rtsp"));
        QVERIFY(driver);
        Cancellation cancel;
        // http(s) streams are not probed (the stream hub checks them when it opens them); rtsp:// ones
        // are, against real cameras in tst_rtsp_driver.
        DeviceAddress address{QStringLiteral("rtsp"), QUrl(QStringLiteral("http://user:pw@127.0.0.1:8554/main")),
                              QStringLiteral("user"), QStringLiteral("pw"),
                              QUrl(QStringLiteral("https://127.0.0.1:8554/sub"))};
        auto description = driver->describe(address, cancel);
        QVERIFY2(description.ok(), description.ok() ? "" : qPrintable(description.error().message));
        QCOMPARE(description->channels.size(), 1);
        QCOMPARE(description->channels.first().token, QStringLiteral("0"));
        QCOMPARE(description->channels.first().mainStream, QUrl(QStringLiteral("http://127.0.0.1:8554/main")));
        QCOMPARE(description->channels.first().subStream, QUrl(QStringLiteral("https://127.0.0.1:8554/sub")));
        // PTZ needs ONVIF: the rtsp driver says so.
        auto ptz = driver->ptzStop(address, QStringLiteral("0"), cancel);
        QVERIFY(!ptz.ok());
        QCOMPARE(ptz.error().code, QString::fromLatin1(kErrorNotSupported));
    }

    void rtspDriverRefusesWhatIsNotAStreamUrl() {
        DriverRegistry registry;
        registry.load();
        auto driver = registry.create(QStringLiteral("rtsp"));
        QVERIFY(driver);
        Cancellation cancel;
        for (const QString& bad : {QStringLiteral("ftp://127.0.0.1/x"), QStringLiteral("127.0.0.1:554/stream"),
                                   QStringLiteral("rtsp:///nohost")}) {
            DeviceAddress address{QStringLiteral("rtsp"), QUrl(bad), {}, {}, {}};
            auto description = driver->describe(address, cancel);
            QVERIFY2(!description.ok(), qPrintable(bad));
            QCOMPARE(description.error().code, QStringLiteral("bad_request"));
            QVERIFY2(description.error().message.contains(QStringLiteral("rtsp://")),
                     qPrintable(description.error().message));
        }
    }

    void addressesNormalise() {
        QCOMPARE(normalisedUrl(QUrl(QStringLiteral("RTSP://Cam.Example:554/s1/"))),
                 normalisedUrl(QUrl(QStringLiteral("rtsp://u:p@cam.example/s1"))));
        QVERIFY(normalisedUrl(QUrl(QStringLiteral("rtsp://cam/s1"))) !=
                normalisedUrl(QUrl(QStringLiteral("rtsp://cam/s2"))));
    }
};

QTEST_GUILESS_MAIN(TestDriverRegistry)
#include "tst_driver_registry.moc"
