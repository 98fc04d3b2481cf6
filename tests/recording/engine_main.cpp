// Helper for tst_recorder's kill -9 of the engine: runs a whole engine (store, devices, stream hub,
// recording, HTTPS gateway on an ephemeral port) in <root> with 3 s segments, adds the RTSP camera
// at <url> through the devices service, and prints "channel <id>" once the camera's channel exists
// and "closed <end ms>" for each segment the recorder closes. Runs until killed.
//   engine_main <root> <rtsp url>

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimer>
#include <cstdio>

#include "devices/devices_service.h"
#include "engine/engine.h"
#include "recording/recording_service.h"
#include "support/test_engine.h"

using namespace vigil;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: engine_main <root> <rtsp url>\n");
        return 2;
    }
    server::EngineOptions options = test::engineOptions(QString::fromLocal8Bit(argv[1]));
    options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
    options.recordingSegmentMs = 3000;
    server::Engine engine(options);
    if (auto started = engine.start(); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        return 1;
    }
    QObject::connect(engine.recording(), &server::RecordingService::segmentClosed, &app, [](const server::SegmentRow& row) {
        std::printf("closed %lld\n", static_cast<long long>(row.endMs));
        std::fflush(stdout);
    });
    auto input = core::model::DeviceInput::fromRequest(
        QJsonObject{{"driver", "rtsp"}, {"address", QString::fromLocal8Bit(argv[2])}});
    auto device = input ? engine.devices()->addDevice(input.value()) : core::Result<core::model::Device>(input.error());
    if (!device) {
        std::fprintf(stderr, "%s\n", qPrintable(device.error().message));
        return 1;
    }
    const QString id = device->id;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&engine, &poll, id] {
        auto current = engine.devices()->device(id);
        if (current && !current->channels.isEmpty()) {
            std::printf("channel %s\n", qPrintable(current->channels.first().id));
            std::fflush(stdout);
            poll.stop();
        }
    });
    poll.start(100);
    return QCoreApplication::exec();
}
