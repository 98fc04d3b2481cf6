#include "net/mail_message.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <array>

namespace vigil::core::net {

namespace {

constexpr qsizetype kMaxAddressLength = 254;  // RFC 5321 4.5.3.1.3 path limit less the brackets
constexpr qsizetype kMaxLocalPartLength = 64;
constexpr qsizetype kMaxLineBytes = 998;     // RFC 5322 2.1.1, without CRLF
constexpr qsizetype kQpLineChars = 75;       // 76 with the soft break's '='
constexpr qsizetype kEncodedWordBytes = 45;  // 60 base64 chars + 12 of "=?UTF-8?B??=" = 72 <= 75
constexpr qsizetype kMessageIdRandomBytes = 16;
constexpr char kHexDigits[] = "0123456789ABCDEF";

Error invalidMessage(const QString& what) {
    return Error::make(QStringLiteral("smtp_message_invalid"), what);
}

bool isAscii(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() > 0x7e || c.unicode() < 0x20) {
            return false;
        }
    }
    return true;
}

bool hasLineBreak(const QString& text) {
    return text.contains(u'\r') || text.contains(u'\n');
}

bool longestLineFits(const QByteArray& crlfText) {
    qsizetype lineStart = 0;
    while (lineStart < crlfText.size()) {
        qsizetype end = crlfText.indexOf("\r\n", lineStart);
        if (end < 0) {
            end = crlfText.size();
        }
        if (end - lineStart > kMaxLineBytes) {
            return false;
        }
        lineStart = end + 2;
    }
    return true;
}

bool isSevenBit(const QByteArray& bytes) {
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) > 0x7f || c == '\0') {
            return false;
        }
    }
    return true;
}

// The sender's domain, for Message-ID: unique per message and tied to the sender, as RFC 5322 3.6.4 asks.
QByteArray messageId(const QString& fromAddress) {
    std::array<quint32, kMessageIdRandomBytes / 4> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray raw(reinterpret_cast<const char*>(random.data()),  // NOLINT: bytes of plain integers
                         kMessageIdRandomBytes);
    const QString domain = fromAddress.mid(fromAddress.lastIndexOf(u'@') + 1);
    return '<' + raw.toHex() + '@' + domain.toLatin1() + '>';
}

QByteArray displayName(const QString& name) {
    if (name.isEmpty()) {
        return {};
    }
    if (!isAscii(name)) {
        return MailMessage::encodeHeaderText(name) + ' ';
    }
    QByteArray quoted = name.toLatin1();
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + "\" ";
}

}  // namespace

Status MailMessage::validateAddress(const QString& address, const QString& role) {
    // Quoted without control characters: the text goes into logs and onto screens.
    QString shown = address.left(kMaxAddressLength);
    for (QChar& c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            c = u'?';
        }
    }
    const auto bad = [&](const QString& why) {
        return invalidMessage(
            QStringLiteral("The %1 address \"%2\" cannot be used: %3.").arg(role, shown, why));
    };
    if (address.isEmpty()) {
        return invalidMessage(QStringLiteral("The %1 address is empty; enter an e-mail address.").arg(role));
    }
    if (address.size() > kMaxAddressLength) {
        return bad(QStringLiteral("it is longer than %1 characters").arg(kMaxAddressLength));
    }
    for (const QChar c : address) {
        if (c.unicode() > 0x7e) {
            return bad(QStringLiteral("only ASCII addresses are supported"));
        }
        if (c.unicode() <= 0x20 || QStringLiteral("<>()[]\\,;:\"").contains(c)) {
            return bad(QStringLiteral("it contains a space, control character or one of <>()[]\\,;:\""));
        }
    }
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.count(u'@') != 1) {
        return bad(QStringLiteral("write it as name@domain"));
    }
    if (at > kMaxLocalPartLength) {
        return bad(
            QStringLiteral("the part before '@' is longer than %1 characters").arg(kMaxLocalPartLength));
    }
    return {};
}

Status MailMessage::validate() const {
    if (to.isEmpty()) {
        return invalidMessage(QStringLiteral("The e-mail has no recipient; add at least one address."));
    }
    if (to.size() > kMaxRecipients) {
        return invalidMessage(
            QStringLiteral("The e-mail has %1 recipients; at most %2 are allowed per message.")
                .arg(to.size())
                .arg(kMaxRecipients));
    }
    for (const QString& recipient : to) {
        if (Status valid = validateAddress(recipient, QStringLiteral("recipient")); !valid) {
            return valid;
        }
    }
    // A line break in the subject would let text become headers of its own (header injection).
    if (hasLineBreak(subject)) {
        return invalidMessage(QStringLiteral("The e-mail subject contains a line break; use a single line."));
    }
    if (subject.size() > kMaxSubjectLength) {
        return invalidMessage(QStringLiteral("The e-mail subject is longer than %1 characters; shorten it.")
                                  .arg(kMaxSubjectLength));
    }
    if (body.size() > kMaxBodyBytes) {
        return invalidMessage(QStringLiteral("The e-mail body is larger than %1 MiB; shorten it.")
                                  .arg(kMaxBodyBytes / (1024 * 1024)));
    }
    return {};
}

MailMessage::Rendered MailMessage::render(const QString& fromAddress, const QString& fromName,
                                          const QDateTime& date, bool eightBitAllowed) const {
    const QByteArray text = normaliseLineEndings(body.toUtf8());
    Rendered rendered;
    QByteArray encoding;
    QByteArray encodedBody;
    if (isSevenBit(text) && longestLineFits(text)) {
        encoding = "7bit";
        encodedBody = text;
    } else if (eightBitAllowed && longestLineFits(text) && !text.contains('\0')) {
        encoding = "8bit";
        encodedBody = text;
        rendered.eightBit = true;
    } else {
        encoding = "quoted-printable";
        encodedBody = quotedPrintable(text);
    }
    QByteArray& out = rendered.bytes;
    out += "Date: " + formatDate(date) + "\r\n";
    out += "From: " + displayName(fromName) + '<' + fromAddress.toLatin1() + ">\r\n";
    // Folded when long: a header line must stay under 998 bytes however many recipients there are.
    const QByteArray recipients = to.join(QStringLiteral(", ")).toLatin1();
    out +=
        "To: " +
        (recipients.size() > kMaxSubjectLength ? to.join(QStringLiteral(",\r\n ")).toLatin1() : recipients) +
        "\r\n";
    out += "Subject: " + encodeHeaderText(subject) + "\r\n";
    out += "Message-ID: " + messageId(fromAddress) + "\r\n";
    // RFC 3834: machine-made mail, so vacation responders do not answer it.
    out += "Auto-Submitted: auto-generated\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: " + encoding + "\r\n";
    out += "\r\n";
    out += encodedBody;
    return rendered;
}

QByteArray MailMessage::formatDate(const QDateTime& date) {
    // C locale: day and month names must be English whatever the user's language.
    const QDateTime utc = date.toTimeZone(QTimeZone::utc());
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000";
}

QByteArray MailMessage::encodeHeaderText(const QString& text) {
    if (isAscii(text) && !text.contains(QStringLiteral("=?"))) {
        return text.toLatin1();
    }
    // RFC 2047 "B" words of whole UTF-8 characters, folded onto continuation lines.
    QByteArrayList words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype width = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, width).toUtf8();
        i += width - 1;
        if (chunk.size() + character.size() > kEncodedWordBytes) {
            words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
            chunk.clear();
        }
        chunk += character;
    }
    if (!chunk.isEmpty()) {
        words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
    }
    return words.join("\r\n ");
}

QByteArray MailMessage::quotedPrintable(const QByteArray& crlfText) {
    QByteArray out;
    out.reserve(crlfText.size() * 3 / 2);
    qsizetype lineStart = 0;
    while (lineStart < crlfText.size()) {
        qsizetype end = crlfText.indexOf("\r\n", lineStart);
        const bool hardBreak = end >= 0;
        if (!hardBreak) {
            end = crlfText.size();
        }
        qsizetype column = 0;
        for (qsizetype i = lineStart; i < end; ++i) {
            const auto c = static_cast<unsigned char>(crlfText.at(i));
            const bool last = i == end - 1;
            // Spaces and tabs stay literal except at a line end, where transports may strip them.
            const bool literal = ((c == ' ' || c == '\t') && !last) || (c >= 33 && c <= 126 && c != '=');
            const qsizetype width = literal ? 1 : 3;
            if (column + width > kQpLineChars) {
                out += "=\r\n";
                column = 0;
            }
            if (literal) {
                out += static_cast<char>(c);
            } else {
                out += '=';
                out += kHexDigits[c >> 4];
                out += kHexDigits[c & 0x0f];
            }
            column += width;
        }
        if (hardBreak) {
            out += "\r\n";
        }
        lineStart = end + 2;
    }
    return out;
}

QByteArray MailMessage::normaliseLineEndings(const QByteArray& text) {
    QByteArray out;
    out.reserve(text.size() + text.size() / 32 + 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text.at(i + 1) == '\n') {
                ++i;
            }
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    if (!out.endsWith("\r\n")) {
        out += "\r\n";
    }
    return out;
}

QByteArray MailMessage::dotStuff(const QByteArray& crlfText) {
    QByteArray out;
    out.reserve(crlfText.size() + crlfText.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < crlfText.size(); ++i) {
        const char c = crlfText.at(i);
        if (lineStart && c == '.') {
            out += '.';
        }
        out += c;
        lineStart = c == '\n' && i > 0 && crlfText.at(i - 1) == '\r';
    }
    if (!out.endsWith("\r\n")) {
        out += "\r\n";
    }
    out += ".\r\n";
    return out;
}

}  // namespace vigil::core::net
