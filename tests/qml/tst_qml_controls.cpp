// Runs the tst_*.qml files in this folder with the Vigil.UI module available, as the app has it.

#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Vigil_UIPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    // Qt 6.4 does not search the resource root by default; the module lives at qrc:/Vigil/UI.
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml_controls, Setup)

#include "tst_qml_controls.moc"
