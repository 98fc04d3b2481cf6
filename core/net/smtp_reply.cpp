#include "net/smtp_reply.h"

#include <utility>

namespace vigil::core::net {

namespace {

constexpr int kCodeDigits = 3;
constexpr qsizetype kQuotedLength = 120;

// Text from a server ends up in messages, logs and screens: no terminal escapes or other control
// characters get through.
QString cleanText(QByteArrayView bytes) {
    QString text = QString::fromUtf8(bytes);
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            c = u'?';
        }
    }
    return text;
}

Error protocolError(QByteArrayView line, const QString& problem) {
    return Error::make(
        QStringLiteral("smtp_protocol_error"),
        QStringLiteral("The SMTP server sent a reply that is not SMTP (%1): \"%2\". Check that the "
                       "host and port in the SMTP settings point at a mail submission server.")
            .arg(problem, cleanText(line.first(qMin(line.size(), kQuotedLength)))));
}

}  // namespace

QString SmtpReply::text() const {
    const QString joined = lines.join(QStringLiteral(" / "));
    return joined.isEmpty() ? QString::number(code) : QString::number(code) + QLatin1Char(' ') + joined;
}

QStringList SmtpReply::extensions() const {
    QStringList keywords;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        keywords.append(lines.at(i).trimmed().toUpper());
    }
    return keywords;
}

bool SmtpReply::offers(const QString& keyword, const QString& parameter) const {
    for (const QString& extension : extensions()) {
        const QStringList words = extension.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty() || words.first() != keyword.toUpper()) {
            continue;
        }
        if (parameter.isEmpty() || words.mid(1).contains(parameter.toUpper())) {
            return true;
        }
    }
    return false;
}

Status SmtpReplyParser::feed(QByteArrayView bytes) {
    if (m_failure) {
        return *m_failure;
    }
    m_buffer.append(bytes);
    qsizetype start = 0;
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n', start);
        if (end < 0) {
            break;
        }
        QByteArrayView line = QByteArrayView(m_buffer).sliced(start, end - start);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        start = end + 1;
        if (Status taken = takeLine(line); !taken) {
            m_failure = taken.error();
            m_buffer.clear();
            return taken;
        }
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLineLength) {
        m_failure =
            protocolError(m_buffer, QStringLiteral("a line longer than %1 bytes").arg(kMaxLineLength));
        m_buffer.clear();
        return *m_failure;
    }
    return {};
}

Status SmtpReplyParser::takeLine(QByteArrayView line) {
    if (line.size() > kMaxLineLength) {
        return protocolError(line, QStringLiteral("a line longer than %1 bytes").arg(kMaxLineLength));
    }
    if (line.size() < kCodeDigits) {
        return protocolError(line, QStringLiteral("a line without a three-digit code"));
    }
    int code = 0;
    for (int i = 0; i < kCodeDigits; ++i) {
        const char digit = line.at(i);
        if (digit < '0' || digit > '9') {
            return protocolError(line, QStringLiteral("a line without a three-digit code"));
        }
        code = code * 10 + (digit - '0');
    }
    if (code < 200 || code > 599) {
        return protocolError(line, QStringLiteral("the code %1 is outside 200-599").arg(code));
    }
    const bool more = line.size() > kCodeDigits && line.at(kCodeDigits) == '-';
    if (line.size() > kCodeDigits && !more && line.at(kCodeDigits) != ' ') {
        return protocolError(line, QStringLiteral("the code is not followed by a space or '-'"));
    }
    if (!m_pending.lines.isEmpty() && m_pending.code != code) {
        return protocolError(
            line, QStringLiteral("one reply mixes the codes %1 and %2").arg(m_pending.code).arg(code));
    }
    if (m_pending.lines.size() >= kMaxLines) {
        return protocolError(line, QStringLiteral("a reply of more than %1 lines").arg(kMaxLines));
    }
    m_pending.code = code;
    m_pending.lines.append(
        cleanText(line.size() > kCodeDigits + 1 ? line.sliced(kCodeDigits + 1) : QByteArrayView()));
    if (!more) {
        // "250" alone is a whole reply with no text: keep it as one empty line.
        m_replies.append(std::exchange(m_pending, SmtpReply{}));
    }
    return {};
}

void SmtpReplyParser::reset() {
    m_buffer.clear();
    m_pending = SmtpReply{};
    m_replies.clear();
    m_failure.reset();
}

}  // namespace vigil::core::net
