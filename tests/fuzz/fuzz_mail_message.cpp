// Fuzz target: e-mail rendering and SMTP framing (SEC-1.3 reset mail, alarm mail). The input is a
// subject and a body that may carry anything a user or an event name can. Invariants: line ends
// are CRLF only; quoted-printable is printable ASCII in lines of at most 76 and decodes back;
// dot-stuffing undoes back and only the terminator is a lone "."; a subject that passes
// validation can never add a header line of its own (header injection).

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "net/mail_message.h"

using vigil::core::net::MailMessage;

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

QByteArray decodeQuotedPrintable(const QByteArray& encoded) {
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded.at(i) != '=') {
            out += encoded.at(i);
            continue;
        }
        FUZZ_CHECK(i + 2 < encoded.size());
        if (encoded.at(i + 1) == '\r') {
            FUZZ_CHECK(encoded.at(i + 2) == '\n');  // a soft line break
        } else {
            const int high = hexValue(encoded.at(i + 1));
            const int low = hexValue(encoded.at(i + 2));
            FUZZ_CHECK(high >= 0 && low >= 0);
            out += static_cast<char>(high * 16 + low);
        }
        i += 2;
    }
    return out;
}

void checkCrlfOnly(const QByteArray& text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '\r') {
            FUZZ_CHECK(i + 1 < text.size() && text.at(i + 1) == '\n');
        } else if (text.at(i) == '\n') {
            FUZZ_CHECK(i > 0 && text.at(i - 1) == '\r');
        }
    }
}

void checkBody(const QByteArray& raw) {
    const QByteArray crlf = MailMessage::normaliseLineEndings(raw);
    checkCrlfOnly(crlf);
    FUZZ_CHECK(crlf.endsWith("\r\n"));

    const QByteArray qp = MailMessage::quotedPrintable(crlf);
    checkCrlfOnly(qp);
    for (const QByteArray& line : qp.split('\n')) {
        FUZZ_CHECK(line.size() <= 77);  // 76 and the CR
        for (const char c : line) {
            FUZZ_CHECK((c >= 32 && c <= 126) || c == '\r' || c == '\t');
        }
    }
    FUZZ_CHECK(decodeQuotedPrintable(qp) == crlf);

    const QByteArray stuffed = MailMessage::dotStuff(crlf);
    FUZZ_CHECK(stuffed.endsWith("\r\n.\r\n"));
    const QByteArray content = stuffed.chopped(3);
    FUZZ_CHECK(!content.contains("\r\n.\r\n") && !content.startsWith(".\r\n"));
    QByteArray unstuffed;
    for (const QByteArray& line : content.split('\n')) {
        unstuffed += (line.startsWith('.') ? line.mid(1) : line) + '\n';
    }
    unstuffed.chop(1);
    FUZZ_CHECK(unstuffed == crlf);
}

void checkHeaders(const QString& subject) {
    MailMessage message;
    message.to = {QStringLiteral("a@example.test")};
    message.subject = subject;
    message.body = QStringLiteral("x");
    if (!message.validate()) {
        return;
    }
    const auto rendered =
        message.render(QStringLiteral("v@example.test"), subject.left(50).remove(u'\r').remove(u'\n'),
                       QDateTime::fromSecsSinceEpoch(0), false);
    const QByteArray headers = rendered.bytes.left(rendered.bytes.indexOf("\r\n\r\n"));
    checkCrlfOnly(headers);
    int fields = 0;
    for (const QByteArray& line : headers.split('\n')) {
        FUZZ_CHECK(line.size() <= 999);
        if (!line.startsWith(' ')) {
            ++fields;
        }
        for (const char c : line) {
            FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
        }
    }
    // Date, From, To, Subject, Message-ID, Auto-Submitted, MIME-Version, Content-Type, -Transfer-Encoding.
    FUZZ_CHECK(fields == 9);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const qsizetype split = input.indexOf('\0');
    const QByteArray subject = split < 0 ? input : input.left(split);
    const QByteArray body = split < 0 ? QByteArray() : input.mid(split + 1);
    checkBody(body);
    checkHeaders(QString::fromUtf8(subject));
    return 0;
}
