#include "event_kind_name.h"

#include <QCoreApplication>
#include <QHash>

#include "model/event_model.h"

namespace vigil::app {

using core::model::EventKinds;

QString eventKindName(const QString& kind) {
    // Translated at each call (not kept translated): the operator may switch the language. The
    // context stays the Event Center's, where these names were first translated.
    static const QHash<QString, const char*> kNames = {
        {QString::fromLatin1(EventKinds::kDeviceOnline), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Device online")},
        {QString::fromLatin1(EventKinds::kDeviceOffline), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Device offline")},
        {QString::fromLatin1(EventKinds::kDeviceUnauthorised), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Device refused the credentials")},
        {QString::fromLatin1(EventKinds::kStreamError), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Stream error")},
        {QString::fromLatin1(EventKinds::kMotion), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Motion")},
        {QString::fromLatin1(EventKinds::kMotionEnded), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Motion ended")},
        {QString::fromLatin1(EventKinds::kCameraEvent), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Camera event")},
        {QString::fromLatin1(EventKinds::kStorageProblem), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Storage problem")},
        {QString::fromLatin1(EventKinds::kRecordingStopped), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Recording stopped")},
        {QString::fromLatin1(EventKinds::kRecordingGap), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Recording gap")},
        {QString::fromLatin1(EventKinds::kLoginFailed), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Failed sign-in")},
        {QString::fromLatin1(EventKinds::kLockout), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Lockout")},
        {QString::fromLatin1(EventKinds::kHealth), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Server health")},
        {QString::fromLatin1(EventKinds::kManualAlarm), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Manual alarm")},
        {QString::fromLatin1(EventKinds::kAggregated), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Repeated events")},
        {QString::fromLatin1(EventKinds::kLicence), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Licence")},
        {QString::fromLatin1(EventKinds::kTimeSync), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Time synchronisation")},
        {QString::fromLatin1(EventKinds::kCertificate), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Certificate expiry")},
        {QString::fromLatin1(EventKinds::kSecurityDrift), QT_TRANSLATE_NOOP("vigil::app::EventCenterModel", "Security level dropped")},
    };
    const char* name = kNames.value(kind, nullptr);
    return name ? QCoreApplication::translate("vigil::app::EventCenterModel", name) : kind;
}

}  // namespace vigil::app
