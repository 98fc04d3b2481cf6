#pragma once
// PasswordReset: the parts of password reset (SEC-1.3, docs/design/accounts.md) that need no state:
// the three request bodies, the one-time code and the e-mail that carries it. AccountsService runs
// the flow: lockout, code storage (ResetCodeRepository), the new password and the security log.

#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "net/mail_message.h"

namespace vigil::server {

// POST /api/v1/auth/reset/request
struct ResetCodeRequest {
    QString userName;
    static core::Result<ResetCodeRequest> fromRequest(const QJsonObject& body);
};

// POST /api/v1/auth/reset/complete
struct ResetCompletion {
    QString userName;
    QString code;
    QString newPassword;
    static core::Result<ResetCompletion> fromRequest(const QJsonObject& body);
};

// POST /api/v1/auth/reset/questions
struct QuestionsReset {
    static constexpr int kAnswers = 3;  // as many as setup asks for
    QString userName;
    QStringList answers;  // in the order of the questions
    QString newPassword;
    static core::Result<QuestionsReset> fromRequest(const QJsonObject& body);
};

class PasswordReset {
public:
    static constexpr int kCodeDigits = 8;  // 10^8 codes; lockout stops guessing long before
    static constexpr qint64 kCodeLifetimeMs = 15 * 60 * 1000;  // long enough to read mail, short for a thief
    // A new code for the same user is not sent sooner than this, so the reset route cannot be used
    // to flood the reserved mailbox.
    static constexpr qint64 kResendIntervalMs = 60 * 1000;

    // kCodeDigits random digits from the system's cryptographic generator.
    static QString newCode();
    static core::net::MailMessage codeMessage(const QString& email, const QString& userName,
                                              const QString& code, qint64 expiresMs,
                                              const QHostAddress& requester);
    static core::net::MailMessage testMessage(const QString& email);
};

}  // namespace vigil::server
