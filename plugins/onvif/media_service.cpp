#include "media_service.h"

#include <algorithm>

#include "device_service.h"
#include "soap_message.h"

namespace vigil::plugins::onvif {

using core::Result;
using core::devices::ChannelDescription;

namespace media {

namespace {

QString element(const QString& name, const QString& inner = {}) {
    return inner.isEmpty() ? QStringLiteral("<trt:%1 xmlns:trt=\"%2\"/>").arg(name, QLatin1String(ns::kMedia))
                           : QStringLiteral("<trt:%1 xmlns:trt=\"%2\" xmlns:tt=\"%3\">%4</trt:%1>")
                                 .arg(name, QLatin1String(ns::kMedia), QLatin1String(ns::kSchema), inner);
}

int toInt(const QString& text) {
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value > 0 ? value : 0;
}

}  // namespace

QString getProfiles() {
    return element(QStringLiteral("GetProfiles"));
}

Result<QList<MediaProfile>> parseProfiles(const XmlElement& response) {
    QList<MediaProfile> profiles;
    for (const XmlElement* profile : response.childrenNamed(QStringLiteral("Profiles"))) {
        MediaProfile parsed;
        parsed.token = profile->attribute(QStringLiteral("token"));
        if (parsed.token.isEmpty()) {
            return SoapMessage::badAnswer(QStringLiteral("GetProfiles"), QStringLiteral("a profile without a token"));
        }
        parsed.name = profile->textAt({QStringLiteral("Name")});
        if (const XmlElement* source = profile->child(QStringLiteral("VideoSourceConfiguration"))) {
            parsed.videoSourceToken = source->textAt({QStringLiteral("SourceToken")});
            parsed.videoSourceConfigurationToken = source->attribute(QStringLiteral("token"));
        }
        if (const XmlElement* encoder = profile->child(QStringLiteral("VideoEncoderConfiguration"))) {
            parsed.encoding = encoder->textAt({QStringLiteral("Encoding")});
            parsed.width = toInt(encoder->textAt({QStringLiteral("Resolution"), QStringLiteral("Width")}));
            parsed.height = toInt(encoder->textAt({QStringLiteral("Resolution"), QStringLiteral("Height")}));
        }
        parsed.ptz = profile->child(QStringLiteral("PTZConfiguration")) != nullptr;
        parsed.audio = profile->child(QStringLiteral("AudioEncoderConfiguration")) != nullptr;
        profiles.append(parsed);
    }
    return profiles;
}

QString getVideoSources() {
    return element(QStringLiteral("GetVideoSources"));
}

Result<QList<VideoSource>> parseVideoSources(const XmlElement& response) {
    QList<VideoSource> sources;
    for (const XmlElement* source : response.childrenNamed(QStringLiteral("VideoSources"))) {
        VideoSource parsed;
        parsed.token = source->attribute(QStringLiteral("token"));
        if (parsed.token.isEmpty()) {
            return SoapMessage::badAnswer(QStringLiteral("GetVideoSources"),
                                          QStringLiteral("a video source without a token"));
        }
        parsed.width = toInt(source->textAt({QStringLiteral("Resolution"), QStringLiteral("Width")}));
        parsed.height = toInt(source->textAt({QStringLiteral("Resolution"), QStringLiteral("Height")}));
        sources.append(parsed);
    }
    return sources;
}

QString getStreamUri(const QString& profileToken) {
    return element(QStringLiteral("GetStreamUri"),
                   QStringLiteral("<trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport>"
                                  "<tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
                                  "<trt:ProfileToken>%1</trt:ProfileToken>")
                       .arg(profileToken.toHtmlEscaped()));
}

QString getSnapshotUri(const QString& profileToken) {
    return element(QStringLiteral("GetSnapshotUri"),
                   QStringLiteral("<trt:ProfileToken>%1</trt:ProfileToken>").arg(profileToken.toHtmlEscaped()));
}

Result<QUrl> parseMediaUri(const XmlElement& response, const QString& operation, const QStringList& schemes) {
    const QString text = response.textAt({QStringLiteral("MediaUri"), QStringLiteral("Uri")});
    QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty() || !url.isValid() || url.host().isEmpty() ||
        !schemes.contains(url.scheme(), Qt::CaseInsensitive)) {
        return SoapMessage::badAnswer(operation, QStringLiteral("no usable %1 URI").arg(schemes.join(QLatin1Char('/'))));
    }
    // Credentials live in the device settings, never in stored stream addresses.
    url.setUserInfo(QString());
    return url;
}

QList<ChannelDescription> channelsFrom(const QList<MediaProfile>& profiles, const QList<VideoSource>& sources) {
    QStringList sourceTokens;
    for (const VideoSource& source : sources) {
        sourceTokens.append(source.token);
    }
    for (const MediaProfile& profile : profiles) {
        if (!profile.videoSourceToken.isEmpty() && !sourceTokens.contains(profile.videoSourceToken)) {
            sourceTokens.append(profile.videoSourceToken);
        }
    }
    QList<ChannelDescription> channels;
    for (const QString& sourceToken : sourceTokens) {
        QList<MediaProfile> candidates;
        QStringList taken;
        for (const MediaProfile& profile : profiles) {
            // A profile without a video encoder gives no stream to record; a token seen before
            // (a faulty device) would name the same stream twice.
            if (profile.videoSourceToken == sourceToken && !profile.encoding.isEmpty() &&
                !taken.contains(profile.token)) {
                candidates.append(profile);
                taken.append(profile.token);
            }
        }
        if (candidates.isEmpty()) {
            continue;
        }
        // Highest resolution first; equal ones keep the device's order.
        std::stable_sort(candidates.begin(), candidates.end(), [](const MediaProfile& a, const MediaProfile& b) {
            return qint64(a.width) * a.height > qint64(b.width) * b.height;
        });
        ChannelDescription channel;
        channel.token = sourceToken;
        channel.name = sourceToken;  // the devices service lets people rename it
        channel.mainProfileToken = candidates.first().token;
        if (candidates.size() > 1) {
            channel.subProfileToken = candidates.at(1).token;
        }
        channel.ptz = std::any_of(candidates.begin(), candidates.end(), [](const MediaProfile& p) { return p.ptz; });
        channel.audio = candidates.first().audio;
        channels.append(channel);
    }
    return channels;
}

}  // namespace media

}  // namespace vigil::plugins::onvif
