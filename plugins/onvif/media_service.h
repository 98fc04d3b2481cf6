#pragma once
// The ONVIF Media service (ver10/media/wsdl): profiles, video sources, stream and snapshot URIs,
// and how profiles become channels: one channel per video source, its main stream from the
// profile with the highest resolution and its sub stream from the next.

#include <QList>
#include <QString>
#include <QUrl>

#include "common/result.h"
#include "devices/device_driver.h"
#include "xml_element.h"

namespace vigil::plugins::onvif {

struct MediaProfile {
    QString token;
    QString name;
    QString videoSourceToken;               // VideoSourceConfiguration/SourceToken
    QString videoSourceConfigurationToken;  // its token (events name this one)
    QString encoding;                       // H264, H265, JPEG, MPEG4
    int width = 0;
    int height = 0;
    bool ptz = false;    // has a PTZConfiguration
    bool audio = false;  // has an AudioEncoderConfiguration
};

struct VideoSource {
    QString token;
    int width = 0;
    int height = 0;
};

namespace media {

QString getProfiles();
core::Result<QList<MediaProfile>> parseProfiles(const XmlElement& response);

QString getVideoSources();
core::Result<QList<VideoSource>> parseVideoSources(const XmlElement& response);

// RTP unicast over RTSP (RTP/RTSP/TCP framing is negotiated by the RTSP client).
QString getStreamUri(const QString& profileToken);
QString getSnapshotUri(const QString& profileToken);
// The MediaUri/Uri of either answer, checked to be rtsp(s) or http(s) as `schemes` says, with any
// user info the device put in removed.
core::Result<QUrl> parseMediaUri(const XmlElement& response, const QString& operation, const QStringList& schemes);

// Channels from profiles: one per video source (in the sources' order, then any source only
// profiles name), main = highest resolution, sub = next. Stream URIs are left for the caller.
QList<core::devices::ChannelDescription> channelsFrom(const QList<MediaProfile>& profiles,
                                                      const QList<VideoSource>& sources);

}  // namespace media

}  // namespace vigil::plugins::onvif
