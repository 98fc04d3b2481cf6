// vigil: the operator workstation. Standalone (default): starts the server engine on its own thread,
// on loopback, and connects to it like any client. Client: --site host:port connects to a remote
// server. Portable: --portable or a "portable" file beside the executable keeps all data beside it.
// Without a display it runs the same engine headless, as vigild would.

#include <QtQml/qqmlextensionplugin.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QQmlContext>
#include <QQuickStyle>
#include <QTextStream>
#include <optional>

#include "app_logging.h"
#include "engine/headless_runner.h"
#include "interface_language.h"
#include "platform/data_location.h"
#include "platform/shutdown_signals.h"
#include "player/render_probe.h"
#include "player/video_player.h"
#include "workstation.h"

Q_IMPORT_QML_PLUGIN(Vigil_UIPlugin)

namespace {

using vigil::core::platform::DataLocation;

// Where qt_add_qml_module (Qt 6.4, default resource prefix) puts the module's files.
constexpr auto kMainQml = "qrc:/Vigil/UI/pages/Main.qml";

struct Options {
    bool portable = false;
    QString dataDir;
    QString siteHost;
    quint16 sitePort = 0;
    std::optional<quint16> headlessPort;  // --port: only without a display (the window's engine picks its own)
};

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void setIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
}

// "host:port" or "[v6]:port"; the port defaults to the server's default port.
bool parseSite(const QString& text, Options* options) {
    QString host = text.trimmed();
    quint16 port = 7443;
    const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
    const bool bracketed = host.startsWith(QLatin1Char('['));
    if (colon > 0 &&
        (bracketed ? host.at(colon - 1) == QLatin1Char(']') : host.count(QLatin1Char(':')) == 1)) {
        bool ok = false;
        const uint value = host.mid(colon + 1).toUInt(&ok);
        if (!ok || value == 0 || value > 65535) {
            return false;
        }
        port = static_cast<quint16>(value);
        host = host.left(colon);
    }
    if (bracketed) {
        host = host.mid(1, host.size() - 2);
    }
    if (host.isEmpty()) {
        return false;
    }
    options->siteHost = host;
    options->sitePort = port;
    return true;
}

std::optional<Options> parseOptions(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vigil operator workstation."));
    parser.addHelpOption();
    parser.addVersionOption();
    // Names avoid -style/--style and other options QGuiApplication takes for itself.
    const QCommandLineOption portable(QStringLiteral("portable"),
                                      QStringLiteral("Keep all data beside the executable (MODE-3)."));
    const QCommandLineOption site(
        QStringLiteral("site"),
        QStringLiteral("Connect to a remote server instead of starting the built-in one."),
        QStringLiteral("host:port"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder for this workstation's data (and the built-in server's)."),
        QStringLiteral("path"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("Without a display: the headless engine's HTTPS port (default: the stored setting, else "
                       "7443; 0: any free port)."),
        QStringLiteral("port"));
    parser.addOptions({portable, site, dataDir, port});
    parser.process(app);

    Options options;
    options.portable = parser.isSet(portable);
    options.dataDir = parser.value(dataDir);
    if (parser.isSet(site) && !parseSite(parser.value(site), &options)) {
        QTextStream(stderr) << "vigil: --site " << parser.value(site)
                            << " is not an address. Give host:port, for example 192.168.1.20:7443."
                            << Qt::endl;
        return std::nullopt;
    }
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            QTextStream(stderr) << "vigil: --port " << parser.value(port)
                                << " is not a port. Give a number from 1 to 65535, or 0 for any free port."
                                << Qt::endl;
            return std::nullopt;
        }
        options.headlessPort = static_cast<quint16>(value);
    }
    return options;
}

int runWithoutDisplay(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    setIdentity();
    const std::optional<Options> options = parseOptions(app);
    if (!options) {
        return 2;
    }
    QTextStream out(stdout);
    if (!options->siteHost.isEmpty()) {
        QTextStream(stderr)
            << "vigil: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset), so "
               "the client for "
            << options->siteHost << " cannot open a window. Run it on a desktop session." << Qt::endl;
        return 2;
    }
    out << "vigil: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset); starting the "
           "headless "
           "engine instead. Connect a workstation to the address below."
        << Qt::endl;
    vigil::server::HeadlessOptions headless;
    headless.dataDir = options->dataDir.isEmpty() ? QString() : DataLocation::at(options->dataDir).root;
    headless.portable = options->portable;
    if (options->headlessPort) {
        headless.port = *options->headlessPort;
        headless.ephemeralPort = *options->headlessPort == 0;
    }
    return vigil::server::runHeadless(headless);
}

}  // namespace

int main(int argc, char* argv[]) {
    if (!hasDisplay()) {
        return runWithoutDisplay(argc, argv);
    }

    // Basic is fully customisable and always installed; Fusion or Material may not be.
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    // QApplication, not QGuiApplication: Qt Charts' QML types (the Home page's live charts) draw
    // through the Graphics View framework, which needs it.
    QApplication app(argc, argv);
    setIdentity();
    const std::optional<Options> options = parseOptions(app);
    if (!options) {
        return 2;
    }

    const DataLocation location = options->dataDir.isEmpty()
                                      ? DataLocation::resolve(options->portable)
                                      : DataLocation::at(options->dataDir, options->portable);
    QString problem;
    if (!location.ensureExists(&problem)) {
        QTextStream(stderr) << "vigil: " << problem << Qt::endl;
        return 1;
    }
    qCInfo(lcApp).noquote() << "data folder" << location.root << (location.portable ? "(portable)" : "");

    vigil::app::VideoPlayer::registerQmlTypes();
    vigil::app::Workstation workstation(location);
    // The language before the first screen: the sign-in form shows in the one chosen last time.
    workstation.interfaceLanguage()->restore();
    QQmlApplicationEngine engine;
    QObject::connect(&workstation, &vigil::app::Workstation::languageChanged, &engine,
                     &QQmlEngine::retranslate);
    // Qt 6.4 does not search the resource root for modules; Vigil.UI lives at qrc:/Vigil/UI.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.rootContext()->setContextProperty(QStringLiteral("workstation"), &workstation);
    engine.load(QUrl(QString::fromLatin1(kMainQml)));
    if (engine.rootObjects().isEmpty()) {
        QTextStream(stderr) << "vigil: the user interface failed to load (see the messages above)."
                            << Qt::endl;
        return 1;
    }

    // Software-drawn scene graphs get RGB pictures from the players (app/player/render_probe.h).
    vigil::app::player::RenderProbe::watch(qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst()));

    // SIGTERM/SIGINT close the window the normal way, so the embedded engine stops in order.
    vigil::core::platform::ShutdownSignals shutdown;
    QObject::connect(&shutdown, &vigil::core::platform::ShutdownSignals::shutdownRequested, &app,
                     [](int) { QGuiApplication::quit(); });

    if (options->siteHost.isEmpty()) {
        workstation.connectStandalone();
    } else {
        workstation.showPage(QStringLiteral("sites"));
        workstation.connectToSite(options->siteHost, options->sitePort);
    }
    return QGuiApplication::exec();
}
