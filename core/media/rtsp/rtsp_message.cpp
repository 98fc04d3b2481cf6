#include "media/rtsp/rtsp_message.h"

#include <utility>

namespace vigil::core::media::rtsp {

namespace {

constexpr qsizetype kMaxPortNumber = 65535;
constexpr qsizetype kMaxChannel = 255;

bool isToken(QByteArrayView text) {
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

bool isVersion(QByteArrayView text) {
    // RTSP/<digit>.<digit>
    return text.size() == 8 && text.startsWith("RTSP/") && text[5] >= '0' && text[5] <= '9' && text[6] == '.' &&
           text[7] >= '0' && text[7] <= '9';
}

std::optional<qint64> parseUnsigned(QByteArrayView text, qint64 max) {
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 18) {
        return std::nullopt;
    }
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    if (value > max) {
        return std::nullopt;
    }
    return value;
}

// "a-b" or "a" (then b = a + 1, as RFC 2326 allows for ports and channels).
std::optional<QPair<int, int>> parseRange(QByteArrayView text, qint64 max) {
    const qsizetype dash = text.indexOf('-');
    if (dash < 0) {
        const auto single = parseUnsigned(text, max);
        if (!single) {
            return std::nullopt;
        }
        return QPair<int, int>(static_cast<int>(*single), static_cast<int>(*single + 1));
    }
    const auto first = parseUnsigned(text.first(dash), max);
    const auto second = parseUnsigned(text.sliced(dash + 1), max);
    if (!first || !second) {
        return std::nullopt;
    }
    return QPair<int, int>(static_cast<int>(*first), static_cast<int>(*second));
}

QByteArray rangeText(const QPair<int, int>& range) {
    return QByteArray::number(range.first) + '-' + QByteArray::number(range.second);
}

// The first line of what the peer sent, for error messages.
QString firstLine(QByteArrayView head) {
    qsizetype end = head.indexOf('\n');
    if (end < 0) {
        end = head.size();
    }
    QByteArrayView line = head.first(end);
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    return cleanPeerText(line);
}

}  // namespace

Error malformedError(const QString& what) {
    return Error::make(QString::fromLatin1(kErrorMalformed), what);
}

bool isTokenChar(char c) {
    // Any CHAR except CTLs or separators.
    if (c <= 32 || c >= 127) {
        return false;
    }
    static constexpr QByteArrayView kSeparators = "()<>@,;:\\\"/[]?={}";
    return !kSeparators.contains(c);
}

QString cleanPeerText(QByteArrayView bytes, qsizetype maxLength) {
    QString text = QString::fromUtf8(bytes.first(qMin(bytes.size(), maxLength)));
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::ReplacementCharacter) {
            c = u'?';
        }
    }
    if (bytes.size() > maxLength) {
        text += QStringLiteral("...");
    }
    return text;
}

void RtspHeaders::add(QByteArray name, QByteArray value) {
    m_headers.append({std::move(name), std::move(value)});
}

void RtspHeaders::set(const QByteArray& name, QByteArray value) {
    remove(name);
    add(name, std::move(value));
}

void RtspHeaders::appendToLast(QByteArrayView more) {
    if (!m_headers.isEmpty()) {
        m_headers.last().second += ' ' + more.toByteArray();
    }
}

void RtspHeaders::remove(QByteArrayView name) {
    m_headers.removeIf([name](const QPair<QByteArray, QByteArray>& header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool RtspHeaders::contains(QByteArrayView name) const {
    for (const auto& header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QByteArray RtspHeaders::value(QByteArrayView name) const {
    for (const auto& header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return header.second.trimmed();
        }
    }
    return {};
}

QList<QByteArray> RtspHeaders::values(QByteArrayView name) const {
    QList<QByteArray> found;
    for (const auto& header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            found.append(header.second.trimmed());
        }
    }
    return found;
}

std::optional<int> RtspMessage::cseq() const {
    const auto value = parseUnsigned(headers.value("CSeq"), 0x7fffffff);
    if (!value) {
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

QString RtspMessage::summary() const {
    if (isResponse) {
        return cleanPeerText(version + ' ' + QByteArray::number(statusCode) + ' ' + reason);
    }
    return cleanPeerText(method + ' ' + uri);
}

QByteArray RtspMessage::serialize() const {
    QByteArray out;
    if (isResponse) {
        out = version + ' ' + QByteArray::number(statusCode) + ' ' + reason + "\r\n";
    } else {
        out = method + ' ' + uri + ' ' + version + "\r\n";
    }
    for (const auto& header : headers.all()) {
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            continue;
        }
        out += header.first + ": " + header.second + "\r\n";
    }
    if (!body.isEmpty()) {
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    out += "\r\n";
    out += body;
    return out;
}

RtspMessage RtspMessage::request(QByteArray method, QByteArray uri, int cseq) {
    RtspMessage message;
    message.method = std::move(method);
    message.uri = std::move(uri);
    message.headers.add("CSeq", QByteArray::number(cseq));
    return message;
}

RtspMessage RtspMessage::response(int statusCode, int cseq) {
    RtspMessage message;
    message.isResponse = true;
    message.statusCode = statusCode;
    message.reason = reasonPhrase(statusCode);
    message.headers.add("CSeq", QByteArray::number(cseq));
    return message;
}

QByteArray reasonPhrase(int statusCode) {
    switch (statusCode) {
        case 200: return "OK";
        case 301: return "Moved Permanently";
        case 302: return "Moved Temporarily";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 454: return "Session Not Found";
        case 455: return "Method Not Valid in This State";
        case 457: return "Invalid Range";
        case 459: return "Aggregate Operation Not Allowed";
        case 461: return "Unsupported Transport";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        case 505: return "RTSP Version Not Supported";
        default: return statusCode < 300 ? "OK" : "Error";
    }
}

Status RtspMessageParser::feed(QByteArrayView bytes) {
    if (m_failure) {
        return *m_failure;
    }
    m_buffer.append(bytes);
    bool progressed = true;
    while (progressed) {
        progressed = false;
        if (Status parsed = parseNext(progressed); !parsed) {
            m_failure = parsed.error();
            m_buffer.clear();
            m_offset = 0;
            return parsed;
        }
    }
    // Drop consumed bytes once they are a good part of the buffer, so a long stream of frames does
    // not copy on every feed.
    if (m_offset > 0 && (m_offset == m_buffer.size() || m_offset > 64 * 1024)) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return {};
}

void RtspMessageParser::reset() {
    m_buffer.clear();
    m_offset = 0;
    m_awaitingBody.reset();
    m_bodyLength = 0;
    m_items.clear();
    m_failure.reset();
}

Status RtspMessageParser::parseNext(bool& progressed) {
    const QByteArrayView pending = QByteArrayView(m_buffer).sliced(m_offset);
    if (m_awaitingBody) {
        if (pending.size() < m_bodyLength) {
            return {};
        }
        m_awaitingBody->body = pending.first(m_bodyLength).toByteArray();
        m_items.append(std::move(*m_awaitingBody));
        m_awaitingBody.reset();
        m_offset += m_bodyLength;
        progressed = true;
        return {};
    }
    if (pending.isEmpty()) {
        return {};
    }
    if (pending[0] == '$') {
        if (pending.size() < 4) {
            return {};
        }
        const auto length = static_cast<qsizetype>((static_cast<quint8>(pending[2]) << 8) | static_cast<quint8>(pending[3]));
        if (pending.size() < 4 + length) {
            return {};
        }
        m_items.append(InterleavedFrame{static_cast<quint8>(pending[1]), pending.sliced(4, length).toByteArray()});
        m_offset += 4 + length;
        progressed = true;
        return {};
    }
    if (pending[0] == '\r' || pending[0] == '\n') {
        // Blank lines between messages are tolerated (RFC 2326 section 4, keep-alive CRLFs).
        ++m_offset;
        progressed = true;
        return {};
    }
    // Refuse early what cannot become a message, so a peer that is not RTSP is named at once
    // rather than after a timeout.
    const qsizetype lineEnd = pending.indexOf('\n');
    const QByteArrayView startLine = lineEnd < 0 ? pending : pending.first(lineEnd);
    if (m_expect == Expect::Responses && !QByteArrayView("RTSP/").startsWith(startLine.first(qMin<qsizetype>(5, startLine.size()))) ) {
        return malformedError(QStringLiteral("The answer is not RTSP: it starts with \"%1\" where \"RTSP/1.0 <code>\" "
                                        "was expected.")
                             .arg(firstLine(pending)));
    }
    qsizetype headEnd = -1;
    qsizetype separator = 0;
    for (qsizetype i = lineEnd; i >= 0 && i < pending.size(); i = pending.indexOf('\n', i + 1)) {
        if (i + 1 < pending.size() && pending[i + 1] == '\n') {
            headEnd = i + 1;
            separator = 1;
            break;
        }
        if (i + 2 < pending.size() && pending[i + 1] == '\r' && pending[i + 2] == '\n') {
            headEnd = i + 1;
            separator = 2;
            break;
        }
    }
    if (headEnd < 0) {
        if (pending.size() > kMaxHeaderBytes) {
            return malformedError(QStringLiteral("The RTSP message head is longer than %1 bytes (it starts with \"%2\").")
                                 .arg(kMaxHeaderBytes)
                                 .arg(firstLine(pending)));
        }
        if (lineEnd >= 0) {
            // The start line is whole: check it now.
            if (Result<RtspMessage> head = parseHead(pending.first(lineEnd + 1)); !head) {
                return head.error();
            }
        }
        return {};
    }
    if (headEnd > kMaxHeaderBytes) {
        return malformedError(QStringLiteral("The RTSP message head is longer than %1 bytes (it starts with \"%2\").")
                             .arg(kMaxHeaderBytes)
                             .arg(firstLine(pending)));
    }
    Result<RtspMessage> head = parseHead(pending.first(headEnd));
    if (!head) {
        return head.error();
    }
    m_offset += headEnd + separator;
    progressed = true;
    RtspMessage message = std::move(head).value();
    const QByteArray lengthText = message.headers.value("Content-Length");
    qsizetype length = 0;
    if (!lengthText.isEmpty()) {
        const auto parsed = parseUnsigned(lengthText, kMaxBodyBytes);
        if (!parsed) {
            return malformedError(QStringLiteral("The Content-Length \"%1\" of \"%2\" is not a number of bytes up to %3.")
                                 .arg(cleanPeerText(lengthText), message.summary())
                                 .arg(kMaxBodyBytes));
        }
        length = static_cast<qsizetype>(*parsed);
    }
    if (length == 0) {
        m_items.append(std::move(message));
    } else {
        m_awaitingBody = std::move(message);
        m_bodyLength = length;
    }
    return {};
}

Result<RtspMessage> RtspMessageParser::parseHead(QByteArrayView head) const {
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0) {
            end = head.size();
        }
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        lines.append(line);
        start = end + 1;
    }
    if (lines.isEmpty()) {
        return malformedError(QStringLiteral("An RTSP message has no start line."));
    }
    RtspMessage message;
    const QByteArrayView startLine = lines.first();
    const QList<QByteArray> words = startLine.toByteArray().split(' ');
    if (startLine.startsWith("RTSP/")) {
        // RTSP/1.0 200 OK (the reason may hold spaces or be empty)
        const bool codeOk = words.size() >= 2 && words[1].size() == 3 && parseUnsigned(words[1], 999).has_value();
        if (!isVersion(words[0]) || !codeOk) {
            return malformedError(QStringLiteral("The line \"%1\" is not an RTSP status line (\"RTSP/1.0 <code> <reason>\").")
                                 .arg(cleanPeerText(startLine)));
        }
        if (m_expect == Expect::Requests) {
            return malformedError(QStringLiteral("A response (\"%1\") came where a request was expected.")
                                 .arg(cleanPeerText(startLine)));
        }
        message.isResponse = true;
        message.version = words[0];
        message.statusCode = static_cast<int>(*parseUnsigned(words[1], 999));
        if (message.statusCode < 100) {
            return malformedError(QStringLiteral("The status code in \"%1\" is below 100.").arg(cleanPeerText(startLine)));
        }
        const qsizetype reasonAt = words[0].size() + 1 + words[1].size() + 1;
        message.reason = reasonAt < startLine.size() ? startLine.sliced(reasonAt).toByteArray() : QByteArray();
    } else {
        if (words.size() != 3 || !isToken(words[0]) || words[1].isEmpty() || !isVersion(words[2])) {
            return malformedError(QStringLiteral("The line \"%1\" is not an RTSP request line (\"METHOD uri RTSP/1.0\") "
                                            "or status line.")
                                 .arg(cleanPeerText(startLine)));
        }
        if (m_expect == Expect::Responses) {
            return malformedError(QStringLiteral("A request (\"%1\") came where a response was expected.")
                                 .arg(cleanPeerText(startLine)));
        }
        message.method = words[0];
        message.uri = words[1];
        message.version = words[2];
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.isEmpty()) {
            continue;
        }
        if ((line[0] == ' ' || line[0] == '\t')) {
            // Folded continuation of the previous header (obsolete, still sent by some cameras).
            if (message.headers.size() == 0) {
                return malformedError(QStringLiteral("The RTSP message \"%1\" starts its headers with a continuation line.")
                                     .arg(message.summary()));
            }
            message.headers.appendToLast(line.trimmed());
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            return malformedError(QStringLiteral("The header line \"%1\" in \"%2\" is not \"Name: value\".")
                                 .arg(cleanPeerText(line), message.summary()));
        }
        if (message.headers.size() >= kMaxHeaders) {
            return malformedError(QStringLiteral("The RTSP message \"%1\" has more than %2 headers.")
                                      .arg(message.summary(), QString::number(kMaxHeaders)));
        }
        message.headers.add(line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray());
    }
    return message;
}

Result<SessionHeader> parseSession(QByteArrayView value) {
    const QList<QByteArray> parts = value.trimmed().toByteArray().split(';');
    SessionHeader session;
    session.id = parts.first().trimmed();
    if (session.id.isEmpty() || session.id.size() > 256) {
        return malformedError(QStringLiteral("The Session header \"%1\" has no session id.").arg(cleanPeerText(value)));
    }
    for (const char c : std::as_const(session.id)) {
        if (c <= 32 || c >= 127 || c == ',') {
            return malformedError(QStringLiteral("The Session header \"%1\" holds characters a session id cannot have.")
                                 .arg(cleanPeerText(value)));
        }
    }
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        if (parameter.startsWith("timeout=")) {
            const auto seconds = parseUnsigned(parameter.sliced(8), 24 * 3600);
            if (!seconds || *seconds == 0) {
                return malformedError(QStringLiteral("The Session header \"%1\" has a timeout that is not a number of "
                                                "seconds between 1 and 86400.")
                                     .arg(cleanPeerText(value)));
            }
            session.timeoutSeconds = static_cast<int>(*seconds);
        }
    }
    return session;
}

QByteArray TransportSpec::toString() const {
    QByteArray out = protocol + '/' + profile;
    if (lowerTransport != "UDP") {
        out += '/' + lowerTransport;  // "RTP/AVP" alone means UDP
    }
    out += multicast ? ";multicast" : ";unicast";
    if (!destination.isEmpty()) {
        out += ";destination=" + destination;
    }
    if (!source.isEmpty()) {
        out += ";source=" + source;
    }
    if (interleaved) {
        out += ";interleaved=" + rangeText(*interleaved);
    }
    if (clientPort) {
        out += ";client_port=" + rangeText(*clientPort);
    }
    if (serverPort) {
        out += ";server_port=" + rangeText(*serverPort);
    }
    if (port) {
        out += ";port=" + rangeText(*port);
    }
    if (ttl) {
        out += ";ttl=" + QByteArray::number(*ttl);
    }
    if (!ssrc.isEmpty()) {
        out += ";ssrc=" + ssrc;
    }
    if (!mode.isEmpty()) {
        out += ";mode=" + mode;
    }
    return out;
}

Result<QList<TransportSpec>> parseTransport(QByteArrayView value) {
    QList<TransportSpec> specs;
    const QList<QByteArray> offers = value.trimmed().toByteArray().split(',');
    for (const QByteArray& offer : offers) {
        const QList<QByteArray> parts = offer.trimmed().split(';');
        const QList<QByteArray> protocol = parts.first().trimmed().split('/');
        if (protocol.size() < 2 || protocol.size() > 3 || !isToken(protocol[0]) || !isToken(protocol[1])) {
            return malformedError(QStringLiteral("The transport \"%1\" does not start with \"RTP/AVP\", "
                                            "\"RTP/AVP/TCP\" or similar.")
                                 .arg(cleanPeerText(offer.trimmed())));
        }
        TransportSpec spec;
        spec.protocol = protocol[0].toUpper();
        spec.profile = protocol[1].toUpper();
        spec.lowerTransport = protocol.size() == 3 ? protocol[2].toUpper() : QByteArray("UDP");
        if (spec.lowerTransport != "UDP" && spec.lowerTransport != "TCP") {
            return malformedError(QStringLiteral("The transport \"%1\" names a lower transport other than UDP or TCP.")
                                 .arg(cleanPeerText(offer.trimmed())));
        }
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed();
            const qsizetype equals = parameter.indexOf('=');
            const QByteArray name = (equals < 0 ? parameter : parameter.first(equals)).toLower();
            const QByteArray argument = equals < 0 ? QByteArray() : parameter.sliced(equals + 1).trimmed();
            const auto badValue = [&]() {
                return malformedError(QStringLiteral("The transport parameter \"%1\" in \"%2\" has a bad value.")
                                     .arg(cleanPeerText(parameter), cleanPeerText(offer.trimmed())));
            };
            if (name == "unicast") {
                spec.multicast = false;
            } else if (name == "multicast") {
                spec.multicast = true;
            } else if (name == "interleaved") {
                if (!(spec.interleaved = parseRange(argument, kMaxChannel))) {
                    return badValue();
                }
            } else if (name == "client_port") {
                if (!(spec.clientPort = parseRange(argument, kMaxPortNumber))) {
                    return badValue();
                }
            } else if (name == "server_port") {
                if (!(spec.serverPort = parseRange(argument, kMaxPortNumber))) {
                    return badValue();
                }
            } else if (name == "port") {
                if (!(spec.port = parseRange(argument, kMaxPortNumber))) {
                    return badValue();
                }
            } else if (name == "ttl") {
                const auto ttl = parseUnsigned(argument, 255);
                if (!ttl) {
                    return badValue();
                }
                spec.ttl = static_cast<int>(*ttl);
            } else if (name == "destination") {
                spec.destination = argument;
            } else if (name == "source") {
                spec.source = argument;
            } else if (name == "ssrc") {
                spec.ssrc = argument;
            } else if (name == "mode") {
                spec.mode = argument;
                if (spec.mode.startsWith('"') && spec.mode.endsWith('"') && spec.mode.size() >= 2) {
                    spec.mode = spec.mode.sliced(1, spec.mode.size() - 2);
                }
            }
            // Other parameters (append, layers, ...) do not matter to us and are skipped.
        }
        specs.append(spec);
    }
    return specs;
}

Result<QList<RtpInfoEntry>> parseRtpInfo(QByteArrayView value) {
    // Entries are separated by commas, but a URL may hold commas too: a piece that does not start
    // with "url=" continues the previous entry's URL.
    QList<QByteArray> entries;
    for (const QByteArray& piece : value.trimmed().toByteArray().split(',')) {
        if (piece.trimmed().startsWith("url=") || entries.isEmpty()) {
            entries.append(piece.trimmed());
        } else {
            entries.last() += ',' + piece;
        }
    }
    QList<RtpInfoEntry> result;
    for (const QByteArray& entryText : std::as_const(entries)) {
        if (!entryText.startsWith("url=")) {
            return malformedError(QStringLiteral("The RTP-Info header \"%1\" has an entry without \"url=\".")
                                 .arg(cleanPeerText(value)));
        }
        RtpInfoEntry entry;
        // The URL runs to the first ";seq=" or ";rtptime=" (it may itself hold ';').
        QByteArray rest = entryText.sliced(4);
        qsizetype parametersAt = rest.size();
        for (const QByteArrayView key : {QByteArrayView(";seq="), QByteArrayView(";rtptime=")}) {
            const qsizetype at = rest.indexOf(key);
            if (at >= 0 && at < parametersAt) {
                parametersAt = at;
            }
        }
        entry.url = rest.first(parametersAt).trimmed();
        for (const QByteArray& parameter : rest.sliced(parametersAt).split(';')) {
            const QByteArray trimmed = parameter.trimmed();
            if (trimmed.startsWith("seq=")) {
                const auto seq = parseUnsigned(trimmed.sliced(4), 0xffff);
                if (!seq) {
                    return malformedError(QStringLiteral("The RTP-Info header \"%1\" has a seq that is not 0-65535.")
                                         .arg(cleanPeerText(value)));
                }
                entry.seq = static_cast<quint16>(*seq);
            } else if (trimmed.startsWith("rtptime=")) {
                const auto rtptime = parseUnsigned(trimmed.sliced(8), 0xffffffffLL);
                if (!rtptime) {
                    return malformedError(QStringLiteral("The RTP-Info header \"%1\" has an rtptime that is not a "
                                                    "32-bit number.")
                                         .arg(cleanPeerText(value)));
                }
                entry.rtptime = static_cast<quint32>(*rtptime);
            }
        }
        if (entry.url.isEmpty()) {
            return malformedError(QStringLiteral("The RTP-Info header \"%1\" has an empty url.").arg(cleanPeerText(value)));
        }
        result.append(entry);
    }
    return result;
}

}  // namespace vigil::core::media::rtsp
