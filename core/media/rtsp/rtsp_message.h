#pragma once
// RtspMessage and RtspMessageParser: RTSP/1.0 requests and responses (RFC 2326) as they arrive on a
// TCP connection, mixed with interleaved binary frames ("$" channel length payload, section 10.12).
// The parser takes bytes in any pieces and hands out whole messages and frames; it refuses what is
// not RTSP with an error that quotes the line, and bounds header size, header count and body size
// so a hostile peer cannot make us hold unbounded data.
//
// Used by both sides: RtspProbe (a client reading a camera's answers) and vigil-testcamera (a
// server reading players' requests). Header helpers parse Session, Transport and RTP-Info.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>
#include <variant>

#include "common/result.h"

namespace vigil::core::media::rtsp {

inline constexpr auto kErrorMalformed = "rtsp_malformed";

// Headers in order, names as sent; lookups ignore case (RFC 2326 section 4.2).
class RtspHeaders {
public:
    void add(QByteArray name, QByteArray value);
    void set(const QByteArray& name, QByteArray value);  // replaces every header of that name
    void remove(QByteArrayView name);
    void appendToLast(QByteArrayView more);  // a folded continuation line
    bool contains(QByteArrayView name) const;
    QByteArray value(QByteArrayView name) const;  // the first, trimmed; empty when absent
    QList<QByteArray> values(QByteArrayView name) const;
    const QList<QPair<QByteArray, QByteArray>>& all() const { return m_headers; }
    qsizetype size() const { return m_headers.size(); }

private:
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

struct RtspMessage {
    bool isResponse = false;
    // Request line: METHOD uri RTSP/1.0
    QByteArray method;
    QByteArray uri;
    // Status line: RTSP/1.0 code reason
    int statusCode = 0;
    QByteArray reason;
    QByteArray version = "RTSP/1.0";
    RtspHeaders headers;
    QByteArray body;

    std::optional<int> cseq() const;
    // "rtsp://... 200 OK"-style one-liner for logs and error messages, control characters removed.
    QString summary() const;
    // The message on the wire; Content-Length is set from the body.
    QByteArray serialize() const;

    static RtspMessage request(QByteArray method, QByteArray uri, int cseq);
    static RtspMessage response(int statusCode, int cseq);  // reason from reasonPhrase()
};

QByteArray reasonPhrase(int statusCode);

// One binary frame interleaved on the RTSP connection (RTP or RTCP over TCP).
struct InterleavedFrame {
    int channel = 0;
    QByteArray payload;
};

using RtspItem = std::variant<RtspMessage, InterleavedFrame>;

class RtspMessageParser {
public:
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;  // start line + headers
    static constexpr qsizetype kMaxHeaders = 128;
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;  // an SDP is a few KiB

    enum class Expect { Any, Requests, Responses };
    explicit RtspMessageParser(Expect expect = Expect::Any) : m_expect(expect) {}

    // Takes received bytes. An error means the peer is not speaking RTSP (or broke a bound); the
    // parser then stays failed until reset().
    Status feed(QByteArrayView bytes);

    bool hasItem() const { return !m_items.isEmpty(); }
    RtspItem takeItem() { return m_items.takeFirst(); }
    // Bytes held that are not yet a whole message or frame.
    qsizetype pendingBytes() const { return m_buffer.size() - m_offset; }
    void reset();

private:
    Status parseNext(bool& progressed);
    Result<RtspMessage> parseHead(QByteArrayView head) const;

    Expect m_expect;
    QByteArray m_buffer;
    qsizetype m_offset = 0;  // bytes of m_buffer already consumed
    std::optional<RtspMessage> m_awaitingBody;
    qsizetype m_bodyLength = 0;
    QList<RtspItem> m_items;
    std::optional<Error> m_failure;
};

// Session: 12345678;timeout=60
struct SessionHeader {
    QByteArray id;
    int timeoutSeconds = 60;  // RFC 2326 default when the server names none
};
Result<SessionHeader> parseSession(QByteArrayView value);

// One transport specification from a Transport header (RFC 2326 section 12.39).
struct TransportSpec {
    QByteArray protocol = "RTP";
    QByteArray profile = "AVP";
    QByteArray lowerTransport = "UDP";  // "UDP" or "TCP"
    bool multicast = false;
    std::optional<QPair<int, int>> interleaved;  // channels
    std::optional<QPair<int, int>> clientPort;
    std::optional<QPair<int, int>> serverPort;
    std::optional<QPair<int, int>> port;  // multicast
    QByteArray destination;
    QByteArray source;
    QByteArray ssrc;
    QByteArray mode;
    std::optional<int> ttl;

    bool isTcp() const { return lowerTransport == "TCP"; }
    QByteArray toString() const;
};
// The header may offer several specifications separated by commas, in order of preference.
Result<QList<TransportSpec>> parseTransport(QByteArrayView value);

// RTP-Info: url=rtsp://h/s/trackID=0;seq=5;rtptime=900,url=...
struct RtpInfoEntry {
    QByteArray url;
    std::optional<quint16> seq;
    std::optional<quint32> rtptime;
};
Result<QList<RtpInfoEntry>> parseRtpInfo(QByteArrayView value);

// An rtsp_malformed Error with this message (parsers of this folder share it).
Error malformedError(const QString& what);
// RFC 2616 token character (RTSP methods, header names, auth schemes and parameter names).
bool isTokenChar(char c);

// Text from a peer ends up in messages, logs and screens: control characters become '?', and
// long text is cut.
QString cleanPeerText(QByteArrayView bytes, qsizetype maxLength = 120);

}  // namespace vigil::core::media::rtsp
