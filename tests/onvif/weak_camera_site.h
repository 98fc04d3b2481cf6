#pragma once
// Test fixture (issue 8): a real engine on 127.0.0.1 managing one weak vigil-testcamera ONVIF camera,
// as the device security tests need it: password "admin123", an extra administrator "installer", an
// anonymous user, discovery and plain HTTP on, firmware 2.1.0, its clock 120 s ahead, no 802.1X.

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

#include "../accounts/api_session.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "onvif_test_camera.h"
#include "support/test_engine.h"

namespace vigil::test {

struct WeakCameraSite {
    static inline const QString kAdmin = QStringLiteral("chief");
    static inline const QString kAdminPassword = QStringLiteral("Harbour#Light9");
    static inline const QString kCameraUser = QStringLiteral("admin");
    static inline const QString kWeakPassword = QStringLiteral("admin123");
    static constexpr int kTimeoutMs = 45000;  // bounds a hang only

    QTemporaryDir dir;
    OnvifTestCamera camera;
    std::unique_ptr<server::Engine> engine;
    std::unique_ptr<ApiSession> admin;
    QString device;  // the camera's device id

    // Starts the camera and the engine, sets the platform up, signs in and adds the camera; "" when
    // all went well, otherwise what failed. `tune` adjusts the engine's options first.
    QString start(const std::function<void(server::EngineOptions&)>& tune = {}) {
        if (!dir.isValid()) {
            return QStringLiteral("no temporary folder");
        }
        QString error;
        if (!camera.start({QStringLiteral("name=weak,user=%1,password=%2,extra-user=installer:install1:Administrator,"
                                          "anonymous=1,firmware=2.1.0")
                               .arg(kCameraUser, kWeakPassword)},
                          {QStringLiteral("--onvif-clock-offset"), QStringLiteral("120")}, &error)) {
            return error;
        }
        server::EngineOptions options = engineOptions(dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; not what is tested here
        if (tune) {
            tune(options);
        }
        engine = std::make_unique<server::Engine>(options);
        if (const core::Status started = engine->start(); !started) {
            return started.error().message;
        }
        engine->devices()->setReconnectPolicy({500, 2000});
        admin = std::make_unique<ApiSession>(*engine);
        if (const ApiReply setup = admin->post("/api/v1/setup", setupBody(kAdmin, kAdminPassword)); setup.status != 201) {
            return describe(setup);
        }
        if (const ApiReply login = admin->login(kAdmin, kAdminPassword); login.status != 200) {
            return describe(login);
        }
        const ApiReply added = admin->post("/api/v1/devices",
                                           QJsonObject{{"driver", "onvif"},
                                                       {"name", "Weak gate"},
                                                       {"address", camera.deviceUrl(QStringLiteral("weak")).toString()},
                                                       {"userName", kCameraUser},
                                                       {"password", kWeakPassword}});
        if (added.status != 201) {
            return describe(added);
        }
        device = added.json.value("id").toString();
        return streamLive() ? QString() : QStringLiteral("the camera's main stream never went live");
    }

    void stop() {
        admin.reset();
        engine.reset();
        camera.stop();
    }

    // Waits for the camera's main stream to be live (with the credentials Vigil holds now).
    bool streamLive() {
        return QTest::qWaitFor(
            [&] {
                return admin->get("/api/v1/devices/" + device)
                           .json.value("channels").toArray().first().toObject()
                           .value("streams").toObject().value("main").toObject()
                           .value("state").toString() == QStringLiteral("live");
            },
            kTimeoutMs);
    }
};

}  // namespace vigil::test
