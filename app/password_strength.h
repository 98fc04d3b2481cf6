#pragma once
// PasswordStrength: the live strength meter's source (SEC-1.2). It runs core's PasswordPolicy, the
// same rules the server enforces, so what the meter accepts the server accepts. Stateless and cheap:
// QML calls check() on every keystroke.

#include <QObject>
#include <QVariantMap>

namespace vigil::app {

class PasswordStrength : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString rules READ rules CONSTANT)
public:
    explicit PasswordStrength(QObject* parent = nullptr);

    // The rules in one sentence, for forms that show them up front.
    QString rules() const;

    // {empty, acceptable, strength: "low"|"medium"|"high", summary, reasons: [text]}. `reasons` lists
    // every rule the password breaks; `summary` says why it rates as it does and how to do better.
    Q_INVOKABLE QVariantMap check(const QString& password, const QString& userName) const;
};

}  // namespace vigil::app
