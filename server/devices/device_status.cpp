#include "devices/device_status.h"

#include "devices/device_driver.h"

namespace vigil::server {

using core::model::DeviceStates;

namespace {

const QString kOnline = QString::fromLatin1(DeviceStates::kOnline);
const QString kOffline = QString::fromLatin1(DeviceStates::kOffline);
const QString kConnecting = QString::fromLatin1(DeviceStates::kConnecting);
const QString kUnauthorised = QString::fromLatin1(DeviceStates::kUnauthorised);
const QString kUnreachable = QString::fromLatin1(DeviceStates::kUnreachable);
const QString kStreamError = QString::fromLatin1(DeviceStates::kStreamError);

int severity(const QString& state) {
    static const QStringList kOrder = {kOnline, kConnecting, kStreamError, kOffline, kUnreachable, kUnauthorised};
    return static_cast<int>(kOrder.indexOf(state));
}

bool isFailure(const QString& state) {
    return state == kOffline || state == kUnauthorised || state == kUnreachable || state == kStreamError;
}

}  // namespace

QString DeviceStatus::describeFailure(const core::Error& error, bool wasOnline) {
    if (error.code == QLatin1String(core::devices::kErrorUnauthorised)) {
        return kUnauthorised;
    }
    if (error.code == QLatin1String(core::devices::kErrorUnreachable)) {
        return wasOnline ? kOffline : kUnreachable;
    }
    return kStreamError;
}

QString DeviceStatus::channelState(const StreamStatus& main, const QString& previous, bool everLive) {
    switch (main.state) {
        case StreamState::Live:
            return kOnline;
        case StreamState::Unauthorised:
            return kUnauthorised;
        case StreamState::Unreachable:
            return everLive ? kOffline : kUnreachable;
        case StreamState::NotAStream:
        case StreamState::StreamError:
            return kStreamError;
        case StreamState::Idle:
        case StreamState::Connecting:
            break;
    }
    return isFailure(previous) ? previous : kConnecting;
}

QString DeviceStatus::worst(const QStringList& states) {
    QString worstState = kOnline;
    for (const QString& state : states) {
        if (severity(state) > severity(worstState)) {
            worstState = state;
        }
    }
    return worstState;
}

QString DeviceStatus::channelReason(const QString& state, const StreamStatus& main) {
    if (state == kOnline) {
        return {};
    }
    if (!main.reason.isEmpty()) {
        return main.reason;
    }
    if (state == kConnecting) {
        return QStringLiteral("Connecting to the stream.");
    }
    if (state == kOffline) {
        return QStringLiteral("The stream stopped. Vigil keeps trying to reconnect; check that the camera is "
                              "powered and on the network.");
    }
    if (state == kUnreachable) {
        return QStringLiteral("Nothing answers at the stream's address. Check the address and that the "
                              "camera is on the network.");
    }
    if (state == kUnauthorised) {
        return QStringLiteral("The camera refused the user name or password. Check the credentials in the "
                              "device settings.");
    }
    return QStringLiteral("The stream cannot be read. Check the stream address in the device settings.");
}

}  // namespace vigil::server
