#include "password_strength.h"

#include <QStringList>

#include "security/password_policy.h"

namespace vigil::app {

using core::security::PasswordPolicy;

PasswordStrength::PasswordStrength(QObject* parent) : QObject(parent) {}

QString PasswordStrength::rules() const {
    return PasswordPolicy::rulesSummary();
}

QVariantMap PasswordStrength::check(const QString& password, const QString& userName) const {
    if (password.isEmpty()) {
        // Nothing typed yet: the meter stays neutral instead of scolding an empty field.
        return {{QStringLiteral("empty"), true},
                {QStringLiteral("acceptable"), false},
                {QStringLiteral("strength"), QStringLiteral("low")},
                {QStringLiteral("summary"), QString()},
                {QStringLiteral("reasons"), QStringList()}};
    }
    const core::security::PasswordCheck result = PasswordPolicy::check(password, userName);
    QStringList reasons;
    for (const core::security::PasswordViolation& violation : result.violations) {
        reasons.append(violation.message);
    }
    return {{QStringLiteral("empty"), false},
            {QStringLiteral("acceptable"), result.acceptable},
            {QStringLiteral("strength"), PasswordPolicy::strengthName(result.strength)},
            {QStringLiteral("summary"), result.strengthReason},
            {QStringLiteral("reasons"), reasons}};
}

}  // namespace vigil::app
