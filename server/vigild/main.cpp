// vigild: the Vigil server engine without a window (DEP-1, DEP-2). Same engine as the workstation's
// standalone mode; a systemd unit is in packaging/.

#include "engine/headless_runner.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QTextStream>

int main(int argc, char* argv[]) {
    // A GUI application without a screen (the offscreen platform unless one is chosen): the security
    // report's PDF is drawn with QTextDocument, which needs fonts (server/audit/audit_report.h).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigild"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vigil video management server (headless engine)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Folder for the database, certificates and recordings."),
                                     QStringLiteral("path"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on (default 127.0.0.1; 0.0.0.0 for all)."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("HTTPS port (default: the stored setting, else 7443; 0: any free port)."),
                                  QStringLiteral("port"));
    const QCommandLineOption portable(QStringLiteral("portable"),
                                      QStringLiteral("Keep all data beside the executable (MODE-3)."));
    parser.addOptions({dataDir, listen, port, portable});
    parser.process(app);

    QTextStream err(stderr);
    vigil::server::HeadlessOptions options;
    options.dataDir = parser.value(dataDir);
    options.portable = parser.isSet(portable);
    if (!options.listenAddress.setAddress(parser.value(listen))) {
        err << "vigild: --listen " << parser.value(listen)
            << " is not an IP address. Give an address such as 127.0.0.1 or 0.0.0.0." << Qt::endl;
        return 2;
    }
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            err << "vigild: --port " << parser.value(port) << " is not a port. Give a number from 1 to 65535, "
                << "or 0 for any free port." << Qt::endl;
            return 2;
        }
        options.port = static_cast<quint16>(value);
        options.ephemeralPort = value == 0;
    }
    return vigil::server::runHeadless(options);
}
