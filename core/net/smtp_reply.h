#pragma once
// SmtpReply and SmtpReplyParser: the server's side of an SMTP conversation (RFC 5321 section 4.2).
// A reply is one or more lines "250-text" ... "250 text" sharing one code. The parser takes bytes as
// they arrive and hands out whole replies; it refuses what is not SMTP, and bounds line length and
// line count so a hostile or broken server cannot make the client hold unbounded data.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "common/result.h"

namespace vigil::core::net {

struct SmtpReply {
    int code = 0;
    QStringList lines;  // each line's text, without the code and separator, control characters replaced

    bool isPositive() const { return code >= 200 && code < 300; }      // 2yz: done
    bool isIntermediate() const { return code >= 300 && code < 400; }  // 3yz: go on
    // "535 5.7.8 Authentication credentials invalid": the code and the text, lines joined by " / ",
    // for error messages that quote the server.
    QString text() const;
    // The EHLO keywords after the greeting line, upper case: "STARTTLS", "AUTH PLAIN LOGIN", ...
    QStringList extensions() const;
    // True when EHLO offered `keyword` (e.g. "STARTTLS"); `parameter` also asks for one of its
    // parameters (e.g. "AUTH", "PLAIN").
    bool offers(const QString& keyword, const QString& parameter = {}) const;
};

class SmtpReplyParser {
public:
    // RFC 5321 allows 512 bytes per reply line; real servers send longer EHLO lines, so we allow
    // more, but not without bound.
    static constexpr qsizetype kMaxLineLength = 4096;
    static constexpr qsizetype kMaxLines = 128;

    // Takes received bytes. Whole replies become available through takeReply(); an error means the
    // peer is not speaking SMTP and the parser stays failed until reset().
    Status feed(QByteArrayView bytes);

    bool hasReply() const { return !m_replies.isEmpty(); }
    SmtpReply takeReply() { return m_replies.takeFirst(); }
    // True while bytes of a reply not yet complete are held. After the server's "220" to STARTTLS
    // nothing may follow in clear text: anything held then was injected (RFC 3207 section 5).
    bool holdsPartialReply() const { return !m_buffer.isEmpty() || !m_pending.lines.isEmpty(); }
    void reset();

private:
    Status takeLine(QByteArrayView line);

    QByteArray m_buffer;  // bytes after the last line end
    SmtpReply m_pending;  // lines of a multi-line reply so far
    QList<SmtpReply> m_replies;
    std::optional<Error> m_failure;
};

}  // namespace vigil::core::net
