#include "devices/media_encryption.h"

#include <QJsonArray>
#include <QUrl>

namespace vigil::server {

namespace {

const QString kEncrypted = QStringLiteral("encrypted");
const QString kUnencrypted = QStringLiteral("unencrypted");
const QString kUnknown = QStringLiteral("unknown");

}  // namespace

QJsonObject EncryptionLeg::toJson() const {
    return {{QStringLiteral("leg"), leg},
            {QStringLiteral("channelId"), channelId},
            {QStringLiteral("protocol"), protocol},
            {QStringLiteral("state"), state}};
}

QJsonObject DeviceEncryption::toJson() const {
    QJsonArray legList;
    for (const EncryptionLeg& leg : legs) {
        legList.append(leg.toJson());
    }
    return {{QStringLiteral("deviceId"), deviceId},
            {QStringLiteral("name"), name},
            {QStringLiteral("legs"), legList},
            {QStringLiteral("cameraEncrypted"), cameraEncrypted}};
}

EncryptionLeg MediaEncryption::legFor(const QString& leg, const QString& channelId, const QString& url) {
    EncryptionLeg result{leg, channelId, QUrl(url).scheme().toLower(), kUnknown};
    static const QStringList kSecure = {QStringLiteral("https"), QStringLiteral("rtsps"), QStringLiteral("wss")};
    static const QStringList kPlain = {QStringLiteral("http"), QStringLiteral("rtsp"), QStringLiteral("ws"),
                                       QStringLiteral("rtp"), QStringLiteral("udp")};
    if (kSecure.contains(result.protocol)) {
        result.state = kEncrypted;
    } else if (kPlain.contains(result.protocol)) {
        result.state = kUnencrypted;
    }
    return result;
}

DeviceEncryption MediaEncryption::of(const core::model::Device& device) {
    DeviceEncryption encryption;
    encryption.deviceId = device.id;
    encryption.name = device.name;
    // Live and recorded video reach clients only through the platform's TLS port.
    encryption.legs.append(EncryptionLeg{QStringLiteral("client"), {}, QStringLiteral("https"), kEncrypted});
    encryption.legs.append(legFor(QStringLiteral("control"), {}, device.address));
    for (const core::model::Channel& channel : device.channels) {
        encryption.legs.append(legFor(QStringLiteral("main"), channel.id, channel.mainUrl));
        if (!channel.subUrl.isEmpty()) {
            encryption.legs.append(legFor(QStringLiteral("sub"), channel.id, channel.subUrl));
        }
    }
    encryption.cameraEncrypted = std::all_of(encryption.legs.cbegin(), encryption.legs.cend(),
                                             [](const EncryptionLeg& leg) { return leg.state == kEncrypted; });
    return encryption;
}

QJsonObject MediaEncryption::report(const QList<core::model::Device>& devices) {
    QJsonArray list;
    int encrypted = 0;
    int unencryptedLegs = 0;
    for (const core::model::Device& device : devices) {
        const DeviceEncryption encryption = of(device);
        encrypted += encryption.cameraEncrypted ? 1 : 0;
        for (const EncryptionLeg& leg : encryption.legs) {
            unencryptedLegs += leg.state == kUnencrypted ? 1 : 0;
        }
        list.append(encryption.toJson());
    }
    return {{QStringLiteral("devices"), list},
            {QStringLiteral("summary"), QJsonObject{{QStringLiteral("devices"), static_cast<int>(devices.size())},
                                                    {QStringLiteral("cameraEncrypted"), encrypted},
                                                    {QStringLiteral("unencryptedLegs"), unencryptedLegs}}}};
}

}  // namespace vigil::server
