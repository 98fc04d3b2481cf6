#pragma once
// MailMessage: a plain-text e-mail (the password-reset code, alarm notices) and its rendering as
// an RFC 5322 message: Date, Message-ID, From, To, Subject (RFC 2047 encoded words when not ASCII),
// MIME text/plain in UTF-8 sent as 7bit, 8bit (when the server offers 8BITMIME) or
// quoted-printable, every line ended by CRLF. Also the SMTP DATA framing (dot-stuffing).

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::net {

struct MailMessage {
    QStringList to;  // plain addresses: "ops@example.com"
    QString subject;
    QString body;  // plain text with any line endings

    static constexpr qsizetype kMaxRecipients = 100;
    static constexpr qsizetype kMaxSubjectLength = 900;
    static constexpr qsizetype kMaxBodyBytes = 10 * 1024 * 1024;

    // Recipients, subject and body within bounds and free of header injection.
    Status validate() const;

    // The message as sent after DATA (before dot-stuffing). `eightBit` says the server offered
    // 8BITMIME; the caller then announces BODY=8BITMIME when rendered.eightBit is true.
    struct Rendered {
        QByteArray bytes;
        bool eightBit = false;  // the body went out as 8bit
    };
    Rendered render(const QString& fromAddress, const QString& fromName, const QDateTime& date,
                    bool eightBitAllowed) const;

    // "user@example.com": printable ASCII, one '@', no spaces, quotes or brackets, within RFC 5321's
    // lengths. Internationalised addresses (SMTPUTF8) are not supported.
    static Status validateAddress(const QString& address, const QString& role);

    static QByteArray formatDate(const QDateTime& date);             // "Tue, 07 Mar 2023 10:00:00 +0000"
    static QByteArray encodeHeaderText(const QString& text);         // as is, or RFC 2047 words folded
    static QByteArray quotedPrintable(const QByteArray& crlfText);   // RFC 2045 section 6.7
    static QByteArray normaliseLineEndings(const QByteArray& text);  // CR, LF, CRLF -> CRLF, ends with CRLF
    static QByteArray dotStuff(const QByteArray& crlfText);          // RFC 5321 4.5.2, plus ".\r\n"
};

}  // namespace vigil::core::net
