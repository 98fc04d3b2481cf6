// Fuzz target: what a camera (or anything at a camera's address) sends back on an RTSP
// connection: the message parser, the header helpers (Session, Transport, RTP-Info,
// WWW-Authenticate) and the Digest answer built from a challenge (issue 4). Invariants: no crash;
// bounds on what the parser holds; feeding in pieces equals feeding at once, because TCP may cut
// anywhere; a parsed message serialises and parses back to the same message.

#include <QByteArray>
#include <QList>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "media/rtsp/rtsp_auth.h"
#include "media/rtsp/rtsp_message.h"

using namespace vigil::core::media::rtsp;

namespace {

struct Outcome {
    QList<RtspItem> items;
    bool failed = false;
};

Outcome parse(const QByteArray& input, qsizetype piece) {
    RtspMessageParser parser;
    Outcome outcome;
    for (qsizetype at = 0; at < input.size() && !outcome.failed; at += piece) {
        outcome.failed = !parser.feed(QByteArrayView(input).sliced(at, qMin(piece, input.size() - at))).ok();
        FUZZ_CHECK(parser.pendingBytes() <= RtspMessageParser::kMaxHeaderBytes + RtspMessageParser::kMaxBodyBytes + 65536 + piece);
        while (parser.hasItem()) {
            outcome.items.append(parser.takeItem());
        }
    }
    return outcome;
}

bool sameMessage(const RtspMessage& a, const RtspMessage& b) {
    return a.isResponse == b.isResponse && a.method == b.method && a.uri == b.uri && a.statusCode == b.statusCode &&
           a.body == b.body && a.headers.size() == b.headers.size() && a.cseq() == b.cseq();
}

void exercise(const RtspMessage& message) {
    FUZZ_CHECK(message.headers.size() <= RtspMessageParser::kMaxHeaders);
    FUZZ_CHECK(message.body.size() <= RtspMessageParser::kMaxBodyBytes);
    (void)message.summary();
    if (!message.headers.value("Content-Length").isEmpty() && message.headers.value("Content-Length").trimmed() == "0") {
        FUZZ_CHECK(message.body.isEmpty());
    }
    // Serialising and parsing again gives the same message (when it has no folded or odd headers,
    // the header count stays; the check compares what a client relies on).
    RtspMessageParser again;
    const bool reparsed = again.feed(message.serialize()).ok();
    if (reparsed && again.hasItem()) {
        const RtspItem item = again.takeItem();
        if (const auto* copy = std::get_if<RtspMessage>(&item)) {
            FUZZ_CHECK(copy->statusCode == message.statusCode);
            FUZZ_CHECK(copy->body == message.body);
        }
    }
    if (const QByteArray session = message.headers.value("Session"); !session.isEmpty()) {
        if (const auto parsed = parseSession(session); parsed.ok()) {
            FUZZ_CHECK(!parsed.value().id.isEmpty());
            FUZZ_CHECK(parsed.value().timeoutSeconds > 0);
        }
    }
    if (const auto transport = parseTransport(message.headers.value("Transport")); transport.ok()) {
        for (const TransportSpec& spec : transport.value()) {
            const auto back = parseTransport(spec.toString());
            FUZZ_CHECK(back.ok() && back.value().size() == 1);
            FUZZ_CHECK(back.value().first().interleaved == spec.interleaved);
            FUZZ_CHECK(back.value().first().clientPort == spec.clientPort);
            FUZZ_CHECK(back.value().first().isTcp() == spec.isTcp());
        }
    }
    (void)parseRtpInfo(message.headers.value("RTP-Info"));
    const QList<QByteArray> challenges = message.headers.values("WWW-Authenticate");
    for (const QByteArray& value : challenges) {
        (void)parseWwwAuthenticate(value);
    }
    RtspAuthenticator authenticator(QStringLiteral("user"), QStringLiteral("password"));
    if (authenticator.takeChallenge(challenges)) {
        const QByteArray authorization = authenticator.authorization("DESCRIBE", "rtsp://127.0.0.1/cam");
        FUZZ_CHECK(!authorization.isEmpty());
        // What we send must parse as what we meant, whatever the camera put in its challenge.
        const auto parsed = parseAuthorization(authorization);
        FUZZ_CHECK(parsed.ok());
        if (parsed.value().scheme == AuthScheme::Digest) {
            FUZZ_CHECK(verifyDigest(parsed.value(), *authenticator.challenge(), QStringLiteral("user"),
                                    QStringLiteral("password"), "DESCRIBE"));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    const qsizetype piece = 1 + data[0] % 32;
    const QByteArray input(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    const Outcome whole = parse(input, qMax<qsizetype>(1, input.size()));
    const Outcome pieces = parse(input, piece);
    FUZZ_CHECK(whole.failed == pieces.failed);
    if (!whole.failed) {
        FUZZ_CHECK(whole.items.size() == pieces.items.size());
    }
    const qsizetype common = qMin(whole.items.size(), pieces.items.size());
    for (qsizetype i = 0; i < common; ++i) {
        FUZZ_CHECK(whole.items[i].index() == pieces.items[i].index());
        if (const auto* message = std::get_if<RtspMessage>(&whole.items[i])) {
            FUZZ_CHECK(sameMessage(*message, std::get<RtspMessage>(pieces.items[i])));
            exercise(*message);
        } else {
            FUZZ_CHECK(std::get<InterleavedFrame>(whole.items[i]).payload ==
                       std::get<InterleavedFrame>(pieces.items[i]).payload);
        }
    }
    return 0;
}
