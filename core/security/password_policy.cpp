#include "security/password_policy.h"

#include <QChar>
#include <QStringList>
#include <algorithm>
#include <array>

namespace vigil::core::security {

namespace {

// Printable ASCII punctuation (0x21-0x7E, not letters or digits) minus the five SEC-1.2 excludes.
constexpr char kAllowedSpecials[] = "!#$%()*+,-./<=>?@[\\]^_`{|}~";
constexpr char kForbiddenSpecials[] = "'\";:&";

enum class CharKind { Lower, Upper, Digit, Special, Forbidden, Blank, NonPrinting, Unsupported };

bool contains(const char* set, char32_t c) {
    for (const char* p = set; *p != '\0'; ++p) {
        if (static_cast<char32_t>(*p) == c) {
            return true;
        }
    }
    return false;
}

bool isNonPrintingCategory(char32_t c) {
    switch (QChar::category(c)) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
            return true;
        default:
            return false;
    }
}

CharKind classify(char32_t c) {
    if (c >= U'a' && c <= U'z') {
        return CharKind::Lower;
    }
    if (c >= U'A' && c <= U'Z') {
        return CharKind::Upper;
    }
    if (c >= U'0' && c <= U'9') {
        return CharKind::Digit;
    }
    if (contains(kAllowedSpecials, c)) {
        return CharKind::Special;
    }
    if (contains(kForbiddenSpecials, c)) {
        return CharKind::Forbidden;
    }
    // Control characters first: tab and line breaks are "spaces" to Unicode but invisible here.
    if (c < 0x20 || c == 0x7F || isNonPrintingCategory(c)) {
        return CharKind::NonPrinting;
    }
    if (QChar::isSpace(c)) {
        return CharKind::Blank;
    }
    return CharKind::Unsupported;
}

// Letters compare case-insensitively in runs: "aBc" and "aAa" are as guessable as "abc" and "aaa".
char32_t fold(char32_t c) {
    return (c >= U'A' && c <= U'Z') ? c + (U'a' - U'A') : c;
}

bool sameAlphabet(char32_t a, char32_t b) {
    const auto alphabet = [](char32_t c) {
        if (c >= U'0' && c <= U'9') {
            return 1;
        }
        if (c >= U'a' && c <= U'z') {
            return 2;
        }
        return 0;
    };
    return alphabet(a) != 0 && alphabet(a) == alphabet(b);
}

struct Runs {
    bool consecutive = false;
    bool repeated = false;
};

// Sequences count within digits or within letters only: "./0" is adjacent in ASCII, not to a person.
Runs findRuns(const QList<char32_t>& chars) {
    Runs runs;
    int ascending = 1;
    int descending = 1;
    int repeated = 1;
    for (qsizetype i = 1; i < chars.size(); ++i) {
        const char32_t prev = fold(chars[i - 1]);
        const char32_t cur = fold(chars[i]);
        const bool sequence = sameAlphabet(prev, cur);
        ascending = (sequence && cur == prev + 1) ? ascending + 1 : 1;
        descending = (sequence && cur + 1 == prev) ? descending + 1 : 1;
        repeated = (cur == prev) ? repeated + 1 : 1;
        runs.consecutive |= ascending > PasswordPolicy::kMaxRun || descending > PasswordPolicy::kMaxRun;
        runs.repeated |= repeated > PasswordPolicy::kMaxRun;
    }
    return runs;
}

QList<char32_t> codePoints(const QString& text) {
    QList<char32_t> out;
    out.reserve(text.size());
    for (const uint c : text.toUcs4()) {
        out.append(static_cast<char32_t>(c));
    }
    return out;
}

QString reversed(const QString& text) {
    QList<char32_t> chars = codePoints(text);
    std::reverse(chars.begin(), chars.end());
    return QString::fromUcs4(chars.constData(), chars.size());
}

QString forbiddenList(const QList<char32_t>& found) {
    QStringList parts;
    for (const char32_t c : found) {
        parts << QString::fromUcs4(&c, 1);
    }
    return parts.join(QStringLiteral(" "));
}

// Counts each character kind present and remembers which excluded specials were typed.
struct Composition {
    std::array<bool, 8> kinds{};
    QList<char32_t> forbidden;

    bool has(CharKind kind) const { return kinds[static_cast<size_t>(kind)]; }
    int classes() const {
        return int(has(CharKind::Lower)) + int(has(CharKind::Upper)) + int(has(CharKind::Digit)) +
               int(has(CharKind::Special));
    }
};

Composition compose(const QList<char32_t>& chars) {
    Composition result;
    for (const char32_t c : chars) {
        const CharKind kind = classify(c);
        result.kinds[static_cast<size_t>(kind)] = true;
        if (kind == CharKind::Forbidden && !result.forbidden.contains(c)) {
            result.forbidden.append(c);
        }
    }
    return result;
}

void add(PasswordCheck& check, PasswordRule rule, const QString& message) {
    check.violations.append(PasswordViolation{rule, message});
}

void checkLength(PasswordCheck& check, int length) {
    if (length < PasswordPolicy::kMinLength) {
        add(check, PasswordRule::TooShort,
            QStringLiteral("Use at least %1 characters (this one has %2).")
                .arg(PasswordPolicy::kMinLength)
                .arg(length));
    } else if (length > PasswordPolicy::kMaxLength) {
        add(check, PasswordRule::TooLong,
            QStringLiteral("Use at most %1 characters (this one has %2).")
                .arg(PasswordPolicy::kMaxLength)
                .arg(length));
    }
}

void checkCharacters(PasswordCheck& check, const Composition& composition) {
    if (composition.classes() < PasswordPolicy::kMinClasses) {
        add(check, PasswordRule::TooFewCharacterClasses,
            QStringLiteral("Mix at least two kinds of characters: lower-case letters, upper-case letters, "
                           "digits, symbols."));
    }
    if (composition.has(CharKind::Forbidden)) {
        add(check, PasswordRule::ForbiddenSpecialCharacter,
            QStringLiteral("Remove %1 from the password: the characters ' \" ; : & cannot be used.")
                .arg(forbiddenList(composition.forbidden)));
    }
    if (composition.has(CharKind::Blank)) {
        add(check, PasswordRule::BlankCharacter,
            QStringLiteral("Remove the spaces: blanks cannot be used in a password."));
    }
    if (composition.has(CharKind::NonPrinting)) {
        add(check, PasswordRule::NonPrintingCharacter,
            QStringLiteral("Remove the invisible characters (tabs, line breaks or other non-printing "
                           "characters)."));
    }
    if (composition.has(CharKind::Unsupported)) {
        add(check, PasswordRule::UnsupportedCharacter,
            QStringLiteral("Use only the letters A-Z and a-z, digits and the symbols %1; accented letters, "
                           "other scripts and emoji are not accepted.")
                .arg(PasswordPolicy::allowedSpecials()));
    }
}

void checkUserName(PasswordCheck& check, const QString& password, const QString& userName) {
    if (userName.isEmpty()) {
        return;
    }
    if (password.compare(userName, Qt::CaseInsensitive) == 0) {
        add(check, PasswordRule::SameAsUserName,
            QStringLiteral("Choose a password that is not the user name."));
    } else if (password.compare(reversed(userName), Qt::CaseInsensitive) == 0) {
        add(check, PasswordRule::UserNameReversed,
            QStringLiteral("Choose a password that is not the user name written backwards."));
    }
}

void checkRuns(PasswordCheck& check, const QList<char32_t>& chars) {
    const Runs runs = findRuns(chars);
    if (runs.consecutive) {
        add(check, PasswordRule::ConsecutiveRun,
            QStringLiteral("Break up sequences of 3 or more consecutive characters such as \"123\", \"abc\" "
                           "or \"cba\"."));
    }
    if (runs.repeated) {
        add(check, PasswordRule::RepeatedRun,
            QStringLiteral("Break up runs of 3 or more identical characters such as \"111\" or \"aaa\"."));
    }
}

void rateStrength(PasswordCheck& check, int length, int classes) {
    if (!check.acceptable) {
        check.strength = PasswordStrength::Low;
        check.strengthReason = QStringLiteral("Not accepted yet: ") + check.violations.first().message;
    } else if (classes >= 4 && length >= PasswordPolicy::kMediumLength) {
        check.strength = PasswordStrength::High;
        check.strengthReason = QStringLiteral("Strong: long enough and uses all four kinds of characters.");
    } else if (classes >= 3 && length >= PasswordPolicy::kHighLength) {
        check.strength = PasswordStrength::High;
        check.strengthReason = QStringLiteral("Strong: long and mixes three kinds of characters.");
    } else if (classes <= 2 && length < PasswordPolicy::kMediumLength) {
        check.strength = PasswordStrength::Low;
        check.strengthReason = QStringLiteral(
            "Weak: only two kinds of characters and fewer than 10 characters; make it longer or add "
            "another kind of character.");
    } else {
        check.strength = PasswordStrength::Medium;
        check.strengthReason = QStringLiteral(
            "Fair: for a strong password use 12 or more characters with three kinds of characters, or 10 "
            "or more with all four.");
    }
}

}  // namespace

bool PasswordCheck::violates(PasswordRule rule) const {
    return std::any_of(violations.cbegin(), violations.cend(),
                       [rule](const PasswordViolation& v) { return v.rule == rule; });
}

PasswordCheck PasswordPolicy::check(const QString& password, const QString& userName) {
    const QList<char32_t> chars = codePoints(password);
    const int length = static_cast<int>(chars.size());
    const Composition composition = compose(chars);

    PasswordCheck result;
    checkLength(result, length);
    checkCharacters(result, composition);
    checkUserName(result, password, userName);
    checkRuns(result, chars);
    result.acceptable = result.violations.isEmpty();
    rateStrength(result, length, composition.classes());
    return result;
}

Status PasswordPolicy::enforce(const QString& password, const QString& userName) {
    const PasswordCheck result = check(password, userName);
    if (result.acceptable) {
        return {};
    }
    QStringList sentences;
    for (const PasswordViolation& violation : result.violations) {
        sentences << violation.message;
    }
    return Error::make(
        QStringLiteral("password_policy"),
        QStringLiteral("The password does not meet the password rules. ") + sentences.join(u' '));
}

QString PasswordPolicy::allowedSpecials() {
    return QString::fromLatin1(kAllowedSpecials);
}

QString PasswordPolicy::rulesSummary() {
    return QStringLiteral(
               "Use %1 to %2 characters with at least two of: lower-case letters, upper-case letters, "
               "digits, symbols (%3). Not the user name or the user name backwards, no blanks, no ' \" ; : "
               "&, "
               "and no runs of 3 consecutive or identical characters such as \"123\", \"cba\" or \"aaa\".")
        .arg(kMinLength)
        .arg(kMaxLength)
        .arg(allowedSpecials());
}

QString PasswordPolicy::ruleCode(PasswordRule rule) {
    switch (rule) {
        case PasswordRule::TooShort:
            return QStringLiteral("password_too_short");
        case PasswordRule::TooLong:
            return QStringLiteral("password_too_long");
        case PasswordRule::TooFewCharacterClasses:
            return QStringLiteral("password_too_few_classes");
        case PasswordRule::ForbiddenSpecialCharacter:
            return QStringLiteral("password_forbidden_special");
        case PasswordRule::BlankCharacter:
            return QStringLiteral("password_blank");
        case PasswordRule::NonPrintingCharacter:
            return QStringLiteral("password_non_printing");
        case PasswordRule::UnsupportedCharacter:
            return QStringLiteral("password_unsupported_character");
        case PasswordRule::SameAsUserName:
            return QStringLiteral("password_same_as_user_name");
        case PasswordRule::UserNameReversed:
            return QStringLiteral("password_user_name_reversed");
        case PasswordRule::ConsecutiveRun:
            return QStringLiteral("password_consecutive_run");
        case PasswordRule::RepeatedRun:
            return QStringLiteral("password_repeated_run");
    }
    return QStringLiteral("password_policy");
}

QString PasswordPolicy::strengthName(PasswordStrength strength) {
    switch (strength) {
        case PasswordStrength::Low:
            return QStringLiteral("low");
        case PasswordStrength::Medium:
            return QStringLiteral("medium");
        case PasswordStrength::High:
            return QStringLiteral("high");
    }
    return QStringLiteral("low");
}

}  // namespace vigil::core::security
