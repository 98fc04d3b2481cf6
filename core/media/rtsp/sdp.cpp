#include "media/rtsp/sdp.h"

#include <cctype>

#include "media/rtsp/h26x_sps.h"
#include "media/rtsp/rtsp_message.h"

namespace vigil::core::media::rtsp {

namespace {

Error badLine(int number, QByteArrayView line, const QString& problem) {
    return malformedError(QStringLiteral("SDP line %1 \"%2\" %3.").arg(number).arg(cleanPeerText(line), problem));
}

std::optional<int> parseInt(QByteArrayView text, int max) {
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 0 || value > max) {
        return std::nullopt;
    }
    return value;
}

// RFC 3551 table 4/5: payload types a camera may use without an rtpmap.
std::optional<RtpMap> staticPayload(int type) {
    switch (type) {
        case 0: return RtpMap{0, "PCMU", 8000, 1};
        case 8: return RtpMap{8, "PCMA", 8000, 1};
        case 14: return RtpMap{14, "MPA", 90000, 0};
        case 26: return RtpMap{26, "JPEG", 90000, 0};
        case 32: return RtpMap{32, "MPV", 90000, 0};
        case 33: return RtpMap{33, "MP2T", 90000, 0};
        default: return std::nullopt;
    }
}

// "npt=12.5-30", "npt=0-", "npt=now-", "clock=..." (only npt gives numbers).
void parseRange(QByteArrayView value, SdpSession& session) {
    session.range = value.toByteArray();
    if (!value.startsWith("npt=")) {
        return;
    }
    const QByteArrayView times = value.sliced(4);
    const qsizetype dash = times.indexOf('-');
    if (dash < 0) {
        return;
    }
    bool ok = false;
    const double start = times.first(dash).trimmed().toDouble(&ok);
    if (ok && start >= 0) {
        session.rangeStart = start;
    }
    const double end = times.sliced(dash + 1).trimmed().toDouble(&ok);
    if (ok && end >= 0) {
        session.rangeEnd = end;
    }
}

Status parseMediaLine(int number, QByteArrayView line, QByteArrayView value, SdpMedia& media) {
    const QList<QByteArray> fields = value.toByteArray().simplified().split(' ');
    if (fields.size() < 4) {
        return badLine(number, line, QStringLiteral("is not \"m=<media> <port> <protocol> <formats>\""));
    }
    media.type = fields[0].toLower();
    const QByteArray portText = fields[1].split('/').first();
    const auto port = parseInt(portText, 65535);
    if (!port) {
        return badLine(number, line, QStringLiteral("has a port that is not 0-65535"));
    }
    media.port = *port;
    media.protocol = fields[2];
    media.formats = fields.mid(3);
    for (const QByteArray& format : std::as_const(media.formats)) {
        if (const auto type = parseInt(format, 127)) {
            if (const auto implied = staticPayload(*type)) {
                media.rtpmaps.insert(*type, *implied);
            }
        }
    }
    return {};
}

Status parseRtpmap(int number, QByteArrayView line, QByteArrayView value, SdpMedia& media) {
    // a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]
    const qsizetype space = value.indexOf(' ');
    const auto type = space > 0 ? parseInt(value.first(space), 127) : std::nullopt;
    if (!type) {
        return badLine(number, line, QStringLiteral("is not \"a=rtpmap:<payload type 0-127> <encoding>/<clock rate>\""));
    }
    const QList<QByteArray> parts = value.sliced(space + 1).trimmed().toByteArray().split('/');
    const auto rate = parts.size() >= 2 ? parseInt(parts[1], 10'000'000) : std::nullopt;
    if (parts.first().isEmpty() || !rate || *rate == 0 || parts.size() > 3) {
        return badLine(number, line, QStringLiteral("has no encoding name and clock rate (\"H264/90000\")"));
    }
    RtpMap map{*type, parts[0].toUpper(), *rate, 0};
    if (parts.size() == 3) {
        const auto channels = parseInt(parts[2], 255);
        if (!channels) {
            return badLine(number, line, QStringLiteral("has a channel count that is not a number up to 255"));
        }
        map.channels = *channels;
    }
    media.rtpmaps.insert(*type, map);
    return {};
}

Status parseFmtp(int number, QByteArrayView line, QByteArrayView value, SdpMedia& media) {
    // a=fmtp:<payload type> name=value;name=value (values may hold '=', e.g. base64 padding)
    const qsizetype space = value.indexOf(' ');
    const auto type = parseInt(space > 0 ? value.first(space) : value, 127);
    if (!type) {
        return badLine(number, line, QStringLiteral("is not \"a=fmtp:<payload type 0-127> <parameters>\""));
    }
    QMap<QByteArray, QByteArray>& parameters = media.fmtp[*type];
    if (space < 0) {
        return {};
    }
    for (const QByteArray& parameter : value.sliced(space + 1).toByteArray().split(';')) {
        const QByteArray trimmed = parameter.trimmed();
        if (trimmed.isEmpty()) {
            continue;
        }
        const qsizetype equals = trimmed.indexOf('=');
        if (equals < 0) {
            parameters.insert(trimmed.toLower(), QByteArray());
        } else {
            parameters.insert(trimmed.first(equals).trimmed().toLower(), trimmed.sliced(equals + 1).trimmed());
        }
    }
    return {};
}

void appendNals(QList<QByteArray>& nals, const QByteArray& base64List) {
    for (const QByteArray& piece : base64List.split(',')) {
        const auto decoded = QByteArray::fromBase64Encoding(piece.trimmed());
        if (decoded && !decoded.decoded.isEmpty()) {
            nals.append(decoded.decoded);
        }
    }
}

}  // namespace

int SdpMedia::payloadType() const {
    for (const QByteArray& format : formats) {
        if (const auto number = parseInt(format, 127)) {
            return *number;
        }
    }
    return -1;
}

RtpMap SdpMedia::rtpmap() const {
    return rtpmaps.value(payloadType(), RtpMap{payloadType(), {}, 0, 0});
}

QMap<QByteArray, QByteArray> SdpMedia::formatParameters() const {
    return fmtp.value(payloadType());
}

QString SdpMedia::codec() const {
    const QByteArray name = rtpmap().encodingName;
    if (name == "H264") {
        return QStringLiteral("h264");
    }
    if (name == "H265" || name == "HEVC") {
        return QStringLiteral("h265");
    }
    if (name == "MPEG4-GENERIC") {
        const QByteArray mode = formatParameters().value("mode").toLower();
        return mode.startsWith("aac") || type == "audio" ? QStringLiteral("aac") : QString();
    }
    static const QMap<QByteArray, QString> kNames = {
        {"MP4A-LATM", QStringLiteral("aac_latm")}, {"PCMU", QStringLiteral("pcm_mulaw")},
        {"PCMA", QStringLiteral("pcm_alaw")},      {"JPEG", QStringLiteral("mjpeg")},
        {"MP4V-ES", QStringLiteral("mpeg4")},      {"OPUS", QStringLiteral("opus")},
        {"L16", QStringLiteral("pcm_s16be")},      {"G726-32", QStringLiteral("adpcm_g726")},
        {"MPA", QStringLiteral("mp3")},            {"MP2T", QStringLiteral("mpegts")},
        {"MPV", QStringLiteral("mpeg2video")},     {"G722", QStringLiteral("g722")},
    };
    return kNames.value(name);
}

QList<QByteArray> SdpMedia::parameterSets() const {
    const QMap<QByteArray, QByteArray> parameters = formatParameters();
    QList<QByteArray> nals;
    const QString name = codec();
    if (name == QLatin1String("h264")) {
        appendNals(nals, parameters.value("sprop-parameter-sets"));
    } else if (name == QLatin1String("h265")) {
        appendNals(nals, parameters.value("sprop-vps"));
        appendNals(nals, parameters.value("sprop-sps"));
        appendNals(nals, parameters.value("sprop-pps"));
    }
    return nals;
}

QByteArray SdpMedia::annexBParameterSets() const {
    QByteArray out;
    for (const QByteArray& nal : parameterSets()) {
        out += QByteArray("\0\0\0\1", 4) + nal;
    }
    return out;
}

QByteArray SdpMedia::audioSpecificConfig() const {
    if (codec() != QLatin1String("aac")) {
        return {};
    }
    const QByteArray hex = formatParameters().value("config");
    for (const char c : hex) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return {};
        }
    }
    return QByteArray::fromHex(hex);
}

int SdpMedia::width() const {
    for (const QByteArray& nal : parameterSets()) {
        const auto size = codec() == QLatin1String("h264") ? h264SpsSize(nal) : h265SpsSize(nal);
        if (size) {
            return size->width;
        }
    }
    return 0;
}

int SdpMedia::height() const {
    for (const QByteArray& nal : parameterSets()) {
        const auto size = codec() == QLatin1String("h264") ? h264SpsSize(nal) : h265SpsSize(nal);
        if (size) {
            return size->height;
        }
    }
    return 0;
}

int SdpSession::firstMedia(QByteArrayView type) const {
    for (int i = 0; i < media.size(); ++i) {
        if (media[i].type == type) {
            return i;
        }
    }
    return -1;
}

QUrl SdpParser::resolveControl(QByteArrayView control, const QUrl& base) {
    const QByteArray text = control.trimmed().toByteArray();
    if (text.isEmpty() || text == "*") {
        return base;
    }
    const QUrl given(QString::fromUtf8(text), QUrl::StrictMode);
    if (given.isValid() && !given.scheme().isEmpty()) {
        return given;
    }
    QString joined = base.toString(QUrl::FullyEncoded);
    if (!joined.endsWith(QLatin1Char('/'))) {
        joined += QLatin1Char('/');
    }
    joined += QString::fromUtf8(text.startsWith('/') ? text.sliced(1) : text);
    return QUrl(joined);
}

Result<SdpSession> SdpParser::parse(QByteArrayView text, const QUrl& base) {
    if (text.size() > kMaxBytes) {
        return malformedError(QStringLiteral("The SDP is %1 bytes, more than the %2 a camera description can be.")
                             .arg(text.size())
                             .arg(kMaxBytes));
    }
    SdpSession session;
    session.controlUrl = base;
    SdpMedia* current = nullptr;
    bool sawVersion = false;
    int number = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.size();
        }
        QByteArrayView line = text.sliced(start, end - start);
        start = end + 1;
        ++number;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.trimmed().isEmpty()) {
            continue;
        }
        if (line.size() < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z') {
            return badLine(number, line, QStringLiteral("is not \"<letter>=<value>\""));
        }
        const char type = line[0];
        const QByteArrayView value = line.sliced(2);
        if (!sawVersion) {
            if (type != 'v') {
                return badLine(number, line, QStringLiteral("comes before \"v=0\"; the answer is not an SDP"));
            }
            const auto version = parseInt(value, 9);
            if (!version || *version != 0) {
                return badLine(number, line, QStringLiteral("names an SDP version other than 0"));
            }
            sawVersion = true;
            continue;
        }
        switch (type) {
            case 'o':
                session.origin = value.toByteArray();
                break;
            case 's':
                session.sessionName = value.toByteArray();
                break;
            case 'm': {
                if (session.media.size() >= kMaxMedia) {
                    return badLine(number, line, QStringLiteral("is one media section more than %1").arg(kMaxMedia));
                }
                SdpMedia media;
                if (Status parsed = parseMediaLine(number, line, value, media); !parsed) {
                    return parsed.error();
                }
                media.controlUrl = session.controlUrl;
                session.media.append(media);
                current = &session.media.last();
                break;
            }
            case 'a': {
                const qsizetype colon = value.indexOf(':');
                const QByteArray name = (colon < 0 ? value : value.first(colon)).toByteArray();
                const QByteArrayView attribute = colon < 0 ? QByteArrayView() : value.sliced(colon + 1);
                auto& attributes = current ? current->attributes : session.attributes;
                if (attributes.size() >= kMaxAttributes) {
                    return badLine(number, line, QStringLiteral("is one attribute more than %1 in a section").arg(kMaxAttributes));
                }
                attributes.append({name, attribute.toByteArray()});
                if (name == "control") {
                    if (current) {
                        current->control = attribute.trimmed().toByteArray();
                    } else {
                        session.control = attribute.trimmed().toByteArray();
                        session.controlUrl = resolveControl(session.control, base);
                    }
                } else if (name == "range" && !current) {
                    parseRange(attribute.trimmed(), session);
                } else if (current && name == "rtpmap") {
                    if (Status parsed = parseRtpmap(number, line, attribute, *current); !parsed) {
                        return parsed.error();
                    }
                } else if (current && name == "fmtp") {
                    if (Status parsed = parseFmtp(number, line, attribute, *current); !parsed) {
                        return parsed.error();
                    }
                } else if (current && (name == "framerate" || name == "x-framerate")) {
                    bool ok = false;
                    const double rate = attribute.trimmed().toDouble(&ok);
                    if (ok && rate > 0 && rate < 1000) {
                        current->framerate = rate;
                    }
                } else if (current && (name == "sendrecv" || name == "sendonly" || name == "recvonly" ||
                                       name == "inactive")) {
                    current->direction = name;
                }
                break;
            }
            default:
                // c=, t=, b=, i=, u=, e=, p=, z=, k=, r= carry nothing a receiver of a unicast
                // RTSP stream needs.
                break;
        }
    }
    if (!sawVersion) {
        return malformedError(QStringLiteral("The SDP is empty."));
    }
    // Media controls are relative to the base URL, not to the session's control (RFC 2326 C.1.1).
    for (SdpMedia& media : session.media) {
        media.controlUrl = media.control.isEmpty() ? session.controlUrl : resolveControl(media.control, base);
    }
    return session;
}

}  // namespace vigil::core::media::rtsp
