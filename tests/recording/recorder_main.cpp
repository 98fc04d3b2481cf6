// Helper for tst_recorder's kill -9 test: records an RTSP camera as channel "cam1" with the
// recording service (3 s segments) into <root>/primary with the store <root>/vigil.db, prints
// "ready" once recording can start and "closed <end ms>" for each segment it closes, and runs
// until killed.
//   recorder_main <root> <rtsp url>

#include <QCoreApplication>
#include <QUrl>
#include <cstdio>

#include "recorder_rig.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: recorder_main <root> <rtsp url>\n");
        return 2;
    }
    vigil::test::RecorderRig rig(QString::fromLocal8Bit(argv[1]), 3000, &vigil::core::SystemClock::instance());
    QString error;
    if (!rig.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QUrl url(QString::fromLocal8Bit(argv[2]));
    QObject::connect(&rig.service(), &vigil::server::RecordingService::indexRepaired, &app, [&rig, url] {
        rig.hub().open(QStringLiteral("cam1/main"), vigil::server::StreamSource{url, {}, {}});
        std::printf("ready\n");
        std::fflush(stdout);
    });
    QObject::connect(&rig.service(), &vigil::server::RecordingService::segmentClosed, &app,
                     [](const vigil::server::SegmentRow& row) {
                         std::printf("closed %lld\n", static_cast<long long>(row.endMs));
                         std::fflush(stdout);
                     });
    return QCoreApplication::exec();
}
