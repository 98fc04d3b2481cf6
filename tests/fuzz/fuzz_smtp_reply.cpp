// Fuzz target: the SMTP reply parser, which reads what a possibly hostile mail server sends
// (SEC-4.2). Invariants: no crash; replies obey the bounds (code 200-599, at most kMaxLines lines
// of at most kMaxLineLength); and feeding the bytes in pieces gives exactly what feeding them at
// once gives, because TCP may cut a reply anywhere.

#include <QByteArray>
#include <QList>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "net/smtp_reply.h"

using vigil::core::net::SmtpReply;
using vigil::core::net::SmtpReplyParser;

namespace {

struct Outcome {
    QList<SmtpReply> replies;
    bool failed = false;
};

Outcome parse(const QByteArray& input, qsizetype piece) {
    SmtpReplyParser parser;
    Outcome outcome;
    for (qsizetype at = 0; at < input.size() && !outcome.failed; at += piece) {
        outcome.failed = !parser.feed(QByteArrayView(input).sliced(at, qMin(piece, input.size() - at))).ok();
        while (parser.hasReply()) {
            outcome.replies.append(parser.takeReply());
        }
    }
    return outcome;
}

void checkReply(const SmtpReply& reply) {
    FUZZ_CHECK(reply.code >= 200 && reply.code <= 599);
    FUZZ_CHECK(!reply.lines.isEmpty() && reply.lines.size() <= SmtpReplyParser::kMaxLines);
    for (const QString& line : reply.lines) {
        FUZZ_CHECK(line.size() <= SmtpReplyParser::kMaxLineLength);
        for (const QChar c : line) {
            FUZZ_CHECK(c.category() != QChar::Other_Control);
        }
    }
    FUZZ_CHECK(reply.text().startsWith(QString::number(reply.code)));
    (void)reply.offers(QStringLiteral("AUTH"), QStringLiteral("PLAIN"));
    FUZZ_CHECK(reply.extensions().size() == reply.lines.size() - 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    const qsizetype piece = 1 + data[0] % 16;
    const QByteArray input(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    const Outcome whole = parse(input, qMax<qsizetype>(1, input.size()));
    const Outcome pieces = parse(input, piece);
    for (const SmtpReply& reply : whole.replies) {
        checkReply(reply);
    }
    // The parser stops at the first error, so in pieces it may stop before replies that the whole
    // input would also have refused; up to the error both must agree reply by reply.
    FUZZ_CHECK(whole.failed == pieces.failed);
    if (!whole.failed) {
        FUZZ_CHECK(whole.replies.size() == pieces.replies.size());
    }
    const qsizetype common = qMin(whole.replies.size(), pieces.replies.size());
    for (qsizetype i = 0; i < common; ++i) {
        FUZZ_CHECK(whole.replies.at(i).code == pieces.replies.at(i).code);
        FUZZ_CHECK(whole.replies.at(i).lines == pieces.replies.at(i).lines);
    }
    return 0;
}
