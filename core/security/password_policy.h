#pragma once
// PasswordPolicy: SEC-1.2, in one place for every caller (the server on initialisation and password
// change, the workstation's live strength meter, the security wizard, device passwords).
//
// A password is acceptable when all of these hold:
//  - 8 to 32 characters;
//  - characters from at least two classes: lower-case a-z, upper-case A-Z, digits 0-9, specials;
//  - specials are the printable ASCII punctuation minus ' " ; : & (see allowedSpecials()); blanks,
//    non-printing characters and anything outside printable ASCII are refused, because devices and
//    shells downstream mangle them;
//  - not the user name, nor the user name reversed (compared case-insensitively);
//  - no run of 3 or more consecutive characters ascending or descending ("123", "abc", "cba",
//    "321"; letters compared case-insensitively, so "aBc" is a run too);
//  - no run of 3 or more identical characters ("111", "aaa", "aAa").
//
// Strength, shown while typing:
//  - low:    not acceptable, or acceptable with only two classes and fewer than 10 characters;
//  - high:   acceptable with 3+ classes and 12+ characters, or all 4 classes and 10+ characters;
//  - medium: every other acceptable password.
//
// Pure QtCore, no allocation beyond the result, linear in the password: cheap on every keystroke.

#include <QList>
#include <QString>

#include "common/result.h"

namespace vigil::core::security {

enum class PasswordRule {
    TooShort,
    TooLong,
    TooFewCharacterClasses,
    ForbiddenSpecialCharacter,  // one of ' " ; : &
    BlankCharacter,             // space or another blank
    NonPrintingCharacter,       // control or format characters (tab, newline, zero-width, ...)
    UnsupportedCharacter,       // printable but outside ASCII (é, €, emoji, ...)
    SameAsUserName,
    UserNameReversed,
    ConsecutiveRun,
    RepeatedRun,
};

enum class PasswordStrength { Low, Medium, High };

struct PasswordViolation {
    PasswordRule rule;
    QString message;  // what is wrong and what to change, for people
};

struct PasswordCheck {
    bool acceptable = false;
    QList<PasswordViolation> violations;  // each rule at most once, in the order of PasswordRule
    PasswordStrength strength = PasswordStrength::Low;
    QString strengthReason;  // one short sentence saying why, and how to do better when not high

    bool violates(PasswordRule rule) const;
};

class PasswordPolicy {
public:
    static constexpr int kMinLength = 8;
    static constexpr int kMaxLength = 32;
    static constexpr int kMinClasses = 2;
    static constexpr int kMaxRun = 2;  // a run of kMaxRun + 1 consecutive or identical characters is refused
    static constexpr int kMediumLength = 10;
    static constexpr int kHighLength = 12;

    // Checks `password` for the account `userName` (may be empty when not known yet).
    static PasswordCheck check(const QString& password, const QString& userName);

    // Ok when acceptable; else error "password_policy" whose message joins every violation.
    static Status enforce(const QString& password, const QString& userName);

    // The special characters a password may hold: !#$%()*+,-./<=>?@[\]^_`{|}~
    static QString allowedSpecials();
    // A one-sentence statement of the rules, for forms that show them up front.
    static QString rulesSummary();

    // Stable snake_case codes for the API ("password_too_short", ...) and names for strength.
    static QString ruleCode(PasswordRule rule);
    static QString strengthName(PasswordStrength strength);
};

}  // namespace vigil::core::security
