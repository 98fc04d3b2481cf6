// PasswordPolicy: SEC-1.2 rule by rule, each with passing and failing examples: 8-32 characters,
// two classes of lower/upper/digit/special, the excluded specials ' " ; : &, blanks and non-printing
// characters, the user name and the user name reversed, consecutive and repeated runs, and the
// low/medium/high strength shown while typing.

#include <QSet>
#include <QTest>

#include "security/password_policy.h"

using vigil::core::security::PasswordCheck;
using vigil::core::security::PasswordPolicy;
using vigil::core::security::PasswordRule;
using vigil::core::security::PasswordStrength;

Q_DECLARE_METATYPE(PasswordRule)
Q_DECLARE_METATYPE(PasswordStrength)

namespace {

const QString kUser = QStringLiteral("operator");

// A repeating 4-character unit with all four classes and no runs: lengths can be dialled exactly.
QString ofLength(int length) {
    const QString unit = QStringLiteral("aB3$");
    QString out;
    while (out.size() < length) {
        out += unit;
    }
    return out.left(length);
}

QString describe(const PasswordCheck& check) {
    QStringList codes;
    for (const auto& v : check.violations) {
        codes << PasswordPolicy::ruleCode(v.rule);
    }
    return codes.join(u',');
}

}  // namespace

class TestPasswordPolicy : public QObject {
    Q_OBJECT

private:
    void expectOnly(const QString& password, PasswordRule rule, const QString& user = kUser) {
        const PasswordCheck check = PasswordPolicy::check(password, user);
        QVERIFY2(!check.acceptable, qPrintable(password));
        QVERIFY2(check.violates(rule), qPrintable(password + QStringLiteral(" -> ") + describe(check)));
        QVERIFY2(check.violations.size() == 1,
                 qPrintable(password + QStringLiteral(" -> ") + describe(check)));
        QCOMPARE(check.strength, PasswordStrength::Low);
    }

    void expectAcceptable(const QString& password, const QString& user = kUser) {
        const PasswordCheck check = PasswordPolicy::check(password, user);
        QVERIFY2(check.acceptable, qPrintable(password + QStringLiteral(" -> ") + describe(check)));
        QVERIFY(check.violations.isEmpty());
    }

private slots:
    // SEC-1.2: 8-32 characters; 7 and 33 are refused, 8 and 32 accepted.
    void lengthBoundaries_data() {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("0") << 0 << false;
        QTest::newRow("7") << 7 << false;
        QTest::newRow("8") << 8 << true;
        QTest::newRow("20") << 20 << true;
        QTest::newRow("32") << 32 << true;
        QTest::newRow("33") << 33 << false;
        QTest::newRow("64") << 64 << false;
    }
    void lengthBoundaries() {
        QFETCH(int, length);
        QFETCH(bool, acceptable);
        const QString password = ofLength(length);
        QCOMPARE(password.size(), length);
        const PasswordCheck check = PasswordPolicy::check(password, kUser);
        QCOMPARE(check.acceptable, acceptable);
        if (length < PasswordPolicy::kMinLength) {
            QVERIFY(check.violates(PasswordRule::TooShort));
            QVERIFY(check.violations.first().message.contains(QStringLiteral("at least 8")));
        } else if (length > PasswordPolicy::kMaxLength) {
            QVERIFY(check.violates(PasswordRule::TooLong));
            QVERIFY(check.violations.first().message.contains(QStringLiteral("at most 32")));
        }
    }

    // Length is counted in characters a person sees, not UTF-16 units: one emoji is one character.
    void lengthCountsCodePoints() {
        const QString sevenPlusEmoji = ofLength(7) + QString::fromUcs4(U"\U0001F600", 1);
        const PasswordCheck check = PasswordPolicy::check(sevenPlusEmoji, kUser);
        QVERIFY(!check.violates(PasswordRule::TooShort));
        QVERIFY(check.violates(PasswordRule::UnsupportedCharacter));
    }

    // SEC-1.2: at least two classes among lower-case, upper-case, digit, special.
    void characterClasses_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("lower only") << QStringLiteral("qwertzui") << false;
        QTest::newRow("upper only") << QStringLiteral("QWERTZUI") << false;
        QTest::newRow("digits only") << QStringLiteral("94729418") << false;
        QTest::newRow("specials only") << QStringLiteral("#!@%#!@%") << false;
        QTest::newRow("lower+upper") << QStringLiteral("qwerTZUI") << true;
        QTest::newRow("lower+digit") << QStringLiteral("qwert947") << true;
        QTest::newRow("lower+special") << QStringLiteral("qwert#!@") << true;
        QTest::newRow("upper+digit") << QStringLiteral("QWERT947") << true;
        QTest::newRow("upper+special") << QStringLiteral("QWERT#!@") << true;
        QTest::newRow("digit+special") << QStringLiteral("9472#!@%") << true;
        QTest::newRow("all four") << QStringLiteral("Qwer#947") << true;
    }
    void characterClasses() {
        QFETCH(QString, password);
        QFETCH(bool, acceptable);
        if (acceptable) {
            expectAcceptable(password);
        } else {
            expectOnly(password, PasswordRule::TooFewCharacterClasses);
        }
    }

    // SEC-1.2: specials exclude ' " ; : & — each one alone makes the password unacceptable, and the
    // message names it.
    void forbiddenSpecials_data() {
        QTest::addColumn<QString>("special");
        for (const char* c : {"'", "\"", ";", ":", "&"}) {
            QTest::newRow(c) << QString::fromLatin1(c);
        }
    }
    void forbiddenSpecials() {
        QFETCH(QString, special);
        const QString password = QStringLiteral("Qwert9") + special + QStringLiteral("x");
        expectOnly(password, PasswordRule::ForbiddenSpecialCharacter);
        const PasswordCheck check = PasswordPolicy::check(password, kUser);
        QVERIFY(check.violations.first().message.startsWith(QStringLiteral("Remove ") + special));
        QVERIFY(!PasswordPolicy::allowedSpecials().contains(special));
    }

    // Every special that is allowed is accepted on its own as the second class.
    void allowedSpecials() {
        const QString specials = PasswordPolicy::allowedSpecials();
        QCOMPARE(specials, QStringLiteral("!#$%()*+,-./<=>?@[\\]^_`{|}~"));
        // The set is exactly printable ASCII punctuation minus the five excluded characters.
        int punctuation = 0;
        for (char c = 0x21; c < 0x7F; ++c) {
            punctuation +=
                QChar::isPunct(static_cast<char32_t>(c)) || QChar::isSymbol(static_cast<char32_t>(c));
        }
        QCOMPARE(specials.size(), punctuation - 5);
        for (const QChar special : specials) {
            expectAcceptable(QStringLiteral("qwert94") + special);
            expectAcceptable(QStringLiteral("qwertzu") + special);
        }
    }

    // SEC-1.2: no blanks; no non-printing characters.
    void blanks_data() {
        QTest::addColumn<QString>("blank");
        QTest::newRow("space") << QStringLiteral(" ");
        QTest::newRow("no-break space") << QString(QChar(0x00A0));
        QTest::newRow("ideographic space") << QString(QChar(0x3000));
    }
    void blanks() {
        QFETCH(QString, blank);
        expectOnly(QStringLiteral("Qwert9") + blank + QStringLiteral("x"), PasswordRule::BlankCharacter);
        expectOnly(blank + QStringLiteral("Qwert9xy"), PasswordRule::BlankCharacter);
    }

    void nonPrinting_data() {
        QTest::addColumn<QString>("character");
        QTest::newRow("tab") << QStringLiteral("\t");
        QTest::newRow("newline") << QStringLiteral("\n");
        QTest::newRow("carriage return") << QStringLiteral("\r");
        QTest::newRow("NUL") << QString(QChar(0));
        QTest::newRow("escape") << QString(QChar(0x1B));
        QTest::newRow("DEL") << QString(QChar(0x7F));
        QTest::newRow("C1 control") << QString(QChar(0x85));
        QTest::newRow("zero-width space") << QString(QChar(0x200B));
        QTest::newRow("soft hyphen") << QString(QChar(0x00AD));
        QTest::newRow("private use") << QString(QChar(0xE000));
    }
    void nonPrinting() {
        QFETCH(QString, character);
        const QString password = QStringLiteral("Qwert9") + character + QStringLiteral("x");
        expectOnly(password, PasswordRule::NonPrintingCharacter);
        // The message says what to remove without echoing an invisible character back.
        QVERIFY(!PasswordPolicy::check(password, kUser).violations.first().message.contains(character));
    }

    // Printable characters outside ASCII have no class in SEC-1.2's list: refused with a reason.
    void unsupportedCharacters_data() {
        QTest::addColumn<QString>("character");
        QTest::newRow("e acute") << QString(QChar(0x00E9));
        QTest::newRow("euro") << QString(QChar(0x20AC));
        QTest::newRow("cyrillic a") << QString(QChar(0x0430));
        QTest::newRow("emoji") << QString::fromUcs4(U"\U0001F512", 1);
    }
    void unsupportedCharacters() {
        QFETCH(QString, character);
        expectOnly(QStringLiteral("Qwert9") + character + QStringLiteral("x"),
                   PasswordRule::UnsupportedCharacter);
        const auto message = PasswordPolicy::check(QStringLiteral("Qwert9x") + character, kUser).violations;
        QVERIFY(message.first().message.contains(QStringLiteral("A-Z")));
    }

    // SEC-1.2: not the user name nor the user name reversed, case-insensitively.
    void userName_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("rule");  // -1: acceptable
        const int same = static_cast<int>(PasswordRule::SameAsUserName);
        const int reversed = static_cast<int>(PasswordRule::UserNameReversed);
        QTest::newRow("same") << QStringLiteral("Camera42x") << QStringLiteral("Camera42x") << same;
        QTest::newRow("same other case")
            << QStringLiteral("Camera42x") << QStringLiteral("cAMERA42X") << same;
        QTest::newRow("reversed") << QStringLiteral("Camera42x") << QStringLiteral("x24aremaC") << reversed;
        QTest::newRow("reversed other case")
            << QStringLiteral("Camera42x") << QStringLiteral("X24AREMAc") << reversed;
        // A palindrome equals its reverse: reported once, as the user name.
        QTest::newRow("palindrome") << QStringLiteral("Ab3#9#3bA") << QStringLiteral("ab3#9#3ba") << same;
        QTest::newRow("contains but is not")
            << QStringLiteral("Camera42x") << QStringLiteral("Camera42x#") << -1;
        QTest::newRow("other user") << QStringLiteral("viewer") << QStringLiteral("Camera42x") << -1;
        QTest::newRow("no user known") << QString() << QStringLiteral("Camera42x") << -1;
    }
    void userName() {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(int, rule);
        if (rule < 0) {
            expectAcceptable(password, user);
        } else {
            expectOnly(password, static_cast<PasswordRule>(rule), user);
        }
    }

    // SEC-1.2: no runs of consecutive characters ("123", "abc"), ascending or descending.
    void consecutiveRuns_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("123") << QStringLiteral("Qw123#xz") << false;
        QTest::newRow("321") << QStringLiteral("Qw321#xz") << false;
        QTest::newRow("789 at end") << QStringLiteral("Qw#xzq789") << false;
        QTest::newRow("abc") << QStringLiteral("Q9abc#xz") << false;
        QTest::newRow("cba") << QStringLiteral("Q9cba#xz") << false;
        QTest::newRow("XYZ at start") << QStringLiteral("XYZ#9qwt") << false;
        QTest::newRow("aBc mixed case") << QStringLiteral("Q9aBc#xz") << false;
        QTest::newRow("ZyX mixed case") << QStringLiteral("Q9ZyX#wt") << false;
        QTest::newRow("long run") << QStringLiteral("Q#1234567") << false;
        QTest::newRow("pairs only 12") << QStringLiteral("Qw12#x13") << true;
        QTest::newRow("pairs only ab ba") << QStringLiteral("Qab9ba#x") << true;
        QTest::newRow("no wrap 901") << QStringLiteral("Qw901#xz") << true;
        QTest::newRow("no wrap yza") << QStringLiteral("Q9yza#xt") << true;
        QTest::newRow("ASCII neighbours across kinds") << QStringLiteral("Qw./0#xz") << true;
        QTest::newRow("up then down 121") << QStringLiteral("Qw121#xz") << true;
    }
    void consecutiveRuns() {
        QFETCH(QString, password);
        QFETCH(bool, acceptable);
        if (acceptable) {
            expectAcceptable(password);
        } else {
            expectOnly(password, PasswordRule::ConsecutiveRun);
        }
    }

    // SEC-1.2: no runs of repeated characters ("111", "aaa").
    void repeatedRuns_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("111") << QStringLiteral("Qw111#xz") << false;
        QTest::newRow("aaa") << QStringLiteral("Q9aaa#xz") << false;
        QTest::newRow("aAa") << QStringLiteral("Q9aAa#xz") << false;
        QTest::newRow("!!!") << QStringLiteral("Q9!!!wxz") << false;
        QTest::newRow("long") << QStringLiteral("Q9zzzzzz") << false;
        QTest::newRow("pairs 11 aa") << QStringLiteral("Qw11#aa9") << true;
        QTest::newRow("spread out") << QStringLiteral("a1a1a1Q#") << true;
    }
    void repeatedRuns() {
        QFETCH(QString, password);
        QFETCH(bool, acceptable);
        if (acceptable) {
            expectAcceptable(password);
        } else {
            expectOnly(password, PasswordRule::RepeatedRun);
        }
    }

    // Several problems are all reported, each once, in a stable order, each with its own code.
    void everyViolationIsReported() {
        const PasswordCheck check = PasswordPolicy::check(QStringLiteral("aaa 123;"), kUser);
        QVERIFY(!check.acceptable);
        QCOMPARE(describe(check), QStringLiteral("password_forbidden_special,password_blank,"
                                                 "password_consecutive_run,password_repeated_run"));
        const PasswordCheck empty = PasswordPolicy::check(QString(), kUser);
        QCOMPARE(describe(empty), QStringLiteral("password_too_short,password_too_few_classes"));
        // Each excluded special is named once, in the order typed.
        const PasswordCheck specials = PasswordPolicy::check(QStringLiteral("Qa;b:c;d:e;"), kUser);
        QCOMPARE(describe(specials), QStringLiteral("password_forbidden_special"));
        QVERIFY(
            specials.violations.first().message.startsWith(QStringLiteral("Remove ; : from the password")));
    }

    // The server's entry point: one error naming every violated rule.
    void enforceJoinsTheReasons() {
        QVERIFY(PasswordPolicy::enforce(QStringLiteral("Qwer#947"), kUser).ok());
        const auto status = PasswordPolicy::enforce(QStringLiteral("abc"), kUser);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("password_policy"));
        QVERIFY(status.error().message.contains(QStringLiteral("at least 8")));
        QVERIFY(status.error().message.contains(QStringLiteral("two kinds")));
        QVERIFY(status.error().message.contains(QStringLiteral("consecutive")));
    }

    void ruleCodesAreDistinct() {
        QSet<QString> codes;
        for (int r = 0; r <= static_cast<int>(PasswordRule::RepeatedRun); ++r) {
            const QString code = PasswordPolicy::ruleCode(static_cast<PasswordRule>(r));
            QVERIFY(code.startsWith(QStringLiteral("password_")));
            codes.insert(code);
        }
        QCOMPARE(codes.size(), static_cast<int>(PasswordRule::RepeatedRun) + 1);
        QVERIFY(PasswordPolicy::rulesSummary().contains(PasswordPolicy::allowedSpecials()));
    }

    // SEC-1.2 strength meter: low = unacceptable, or 2 classes under 10 characters; high = 3 classes
    // and 12+ characters, or 4 classes and 10+; medium = every other acceptable password.
    void strength_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<PasswordStrength>("strength");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unacceptable")
            << QStringLiteral("abc") << PasswordStrength::Low << QStringLiteral("Not accepted");
        QTest::newRow("unacceptable though long")
            << QStringLiteral("Qwer#9471xz111") << PasswordStrength::Low << QStringLiteral("identical");
        QTest::newRow("2 classes, 8")
            << QStringLiteral("qwerty79") << PasswordStrength::Low << QStringLiteral("Weak");
        QTest::newRow("2 classes, 9")
            << QStringLiteral("qwerty794") << PasswordStrength::Low << QStringLiteral("Weak");
        QTest::newRow("2 classes, 10")
            << QStringLiteral("qwerty7941") << PasswordStrength::Medium << QStringLiteral("Fair");
        QTest::newRow("2 classes, 20")
            << QStringLiteral("qwerty7941qwerty7941") << PasswordStrength::Medium << QStringLiteral("Fair");
        QTest::newRow("3 classes, 8")
            << QStringLiteral("Qwerty79") << PasswordStrength::Medium << QStringLiteral("Fair");
        QTest::newRow("3 classes, 11")
            << QStringLiteral("Qwerty79Qwe") << PasswordStrength::Medium << QStringLiteral("Fair");
        QTest::newRow("3 classes, 12")
            << QStringLiteral("Qwerty79Qwer") << PasswordStrength::High << QStringLiteral("Strong");
        QTest::newRow("4 classes, 9")
            << QStringLiteral("Qw#rty79z") << PasswordStrength::Medium << QStringLiteral("Fair");
        QTest::newRow("4 classes, 10")
            << QStringLiteral("Qw#rty79zX") << PasswordStrength::High << QStringLiteral("Strong");
    }
    void strength() {
        QFETCH(QString, password);
        QFETCH(PasswordStrength, strength);
        QFETCH(QString, reason);
        const PasswordCheck check = PasswordPolicy::check(password, kUser);
        QCOMPARE(check.strength, strength);
        QVERIFY2(check.strengthReason.contains(reason), qPrintable(check.strengthReason));
        QCOMPARE(check.acceptable, !check.strengthReason.startsWith(QStringLiteral("Not accepted")));
        QCOMPARE(PasswordPolicy::strengthName(strength).isEmpty(), false);
    }

    void strengthNames() {
        QCOMPARE(PasswordPolicy::strengthName(PasswordStrength::Low), QStringLiteral("low"));
        QCOMPARE(PasswordPolicy::strengthName(PasswordStrength::Medium), QStringLiteral("medium"));
        QCOMPARE(PasswordPolicy::strengthName(PasswordStrength::High), QStringLiteral("high"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_password_policy.moc"
