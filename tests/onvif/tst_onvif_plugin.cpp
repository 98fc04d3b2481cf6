// The "onvif" driver as the devices service gets it: DriverRegistry loads the built plugin from its
// folder and makes drivers from it (issue 4, plugins found at run time).

#include <QFileInfo>
#include <QTest>

#include "devices/driver_registry.h"

using vigil::core::devices::DriverRegistry;

class TestOnvifPlugin : public QObject {
    Q_OBJECT

private slots:
    void registryLoadsTheOnvifDriver() {
        DriverRegistry registry({QFileInfo(QStringLiteral(VIGIL_TEST_ONVIF_PLUGIN)).absolutePath()});
        registry.load();
        QVERIFY2(registry.has(QStringLiteral("onvif")), qPrintable(registry.ids().join(u' ')));
        auto driver = registry.create(QStringLiteral("onvif"));
        QVERIFY(driver != nullptr);
        QCOMPARE(driver->id(), QStringLiteral("onvif"));
        QCOMPARE(driver->displayName(), QStringLiteral("ONVIF camera"));
        for (const auto& problem : registry.problems()) {
            QVERIFY2(!problem.file.contains(QStringLiteral("onvif")), qPrintable(problem.reason));
        }
    }
};

QTEST_GUILESS_MAIN(TestOnvifPlugin)
#include "tst_onvif_plugin.moc"
