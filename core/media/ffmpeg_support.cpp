#include "media/ffmpeg_support.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <cstring>

namespace vigil::core::media {

QString avErrorText(int error) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(error, text, sizeof text) < 0) {
        return QStringLiteral("FFmpeg error %1").arg(error);
    }
    return QString::fromUtf8(text);
}

QString codecName(AVCodecID id) {
    if (id == AV_CODEC_ID_HEVC) {
        return QStringLiteral("h265");
    }
    return QString::fromLatin1(avcodec_get_name(id));
}

AVCodecID codecId(const QString& name) {
    if (name == QLatin1String("h265")) {
        return AV_CODEC_ID_HEVC;
    }
    const AVCodecDescriptor* descriptor = avcodec_descriptor_get_by_name(name.toLatin1().constData());
    return descriptor ? descriptor->id : AV_CODEC_ID_NONE;
}

std::optional<TrackInfo> trackFromParameters(const AVCodecParameters& parameters) {
    TrackInfo track;
    switch (parameters.codec_type) {
    case AVMEDIA_TYPE_VIDEO:
        track.kind = TrackKind::Video;
        track.width = parameters.width;
        track.height = parameters.height;
        break;
    case AVMEDIA_TYPE_AUDIO:
        track.kind = TrackKind::Audio;
        track.sampleRate = parameters.sample_rate;
        track.channels = parameters.ch_layout.nb_channels;
        break;
    default:
        return std::nullopt;
    }
    track.codec = codecName(parameters.codec_id);
    track.profile = parameters.profile == FF_PROFILE_UNKNOWN ? -1 : parameters.profile;
    if (parameters.extradata && parameters.extradata_size > 0) {
        track.extradata = QByteArray(reinterpret_cast<const char*>(parameters.extradata), parameters.extradata_size);
    }
    return track;
}

bool parametersFromTrack(const TrackInfo& track, AVCodecParameters& parameters) {
    parameters.codec_type = track.kind == TrackKind::Video ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO;
    parameters.codec_id = codecId(track.codec);
    parameters.profile = track.profile < 0 ? FF_PROFILE_UNKNOWN : track.profile;
    if (track.kind == TrackKind::Video) {
        parameters.width = track.width;
        parameters.height = track.height;
    } else {
        parameters.sample_rate = track.sampleRate;
        av_channel_layout_default(&parameters.ch_layout, track.channels > 0 ? track.channels : 1);
    }
    if (!track.extradata.isEmpty()) {
        const auto size = static_cast<size_t>(track.extradata.size());
        parameters.extradata = static_cast<uint8_t*>(av_mallocz(size + AV_INPUT_BUFFER_PADDING_SIZE));
        if (!parameters.extradata) {
            return false;
        }
        std::memcpy(parameters.extradata, track.extradata.constData(), size);
        parameters.extradata_size = static_cast<int>(size);
    }
    return true;
}

QByteArray packetData(const AVPacket& packet) {
    // One allocation with the padding FFmpeg's readers may touch, zeroed, then shrunk to the
    // payload: Qt keeps the capacity, so the padding stays behind the data.
    QByteArray data(packet.size + AV_INPUT_BUFFER_PADDING_SIZE, '\0');
    if (packet.size > 0) {
        std::memcpy(data.data(), packet.data, static_cast<size_t>(packet.size));
    }
    data.resize(packet.size);
    return data;
}

namespace {
void releasePacket(void* opaque, uint8_t*) {
    delete static_cast<PacketPtr*>(opaque);
}
}  // namespace

bool toAvPacket(const PacketPtr& packet, int streamIndex, AVPacket& out) {
    const QByteArray& data = packet->data;
    const bool padded = data.capacity() - data.size() >= AV_INPUT_BUFFER_PADDING_SIZE;
    if (padded) {
        // FFmpeg only reads through this reference (AV_BUFFER_FLAG_READONLY), so the shared
        // packet is never written; the extra PacketPtr keeps the bytes alive as long as FFmpeg
        // holds the buffer.
        auto* keeper = new PacketPtr(packet);
        auto* bytes = reinterpret_cast<uint8_t*>(const_cast<char*>(data.constData()));
        out.buf = av_buffer_create(bytes, static_cast<size_t>(data.size()), releasePacket, keeper,
                                   AV_BUFFER_FLAG_READONLY);
        if (!out.buf) {
            delete keeper;
            return false;
        }
        out.data = bytes;
        out.size = static_cast<int>(data.size());
    } else {
        if (av_new_packet(&out, static_cast<int>(data.size())) < 0) {
            return false;
        }
        std::memcpy(out.data, data.constData(), static_cast<size_t>(data.size()));
    }
    out.stream_index = streamIndex;
    out.pts = packet->ptsUs;
    out.dts = packet->dtsUs;
    out.duration = packet->durationUs;
    out.time_base = kMicroseconds;
    out.flags = packet->keyframe ? AV_PKT_FLAG_KEY : 0;
    return true;
}

}  // namespace vigil::core::media
