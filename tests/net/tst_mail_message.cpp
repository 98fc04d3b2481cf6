// MailMessage: RFC 5322 rendering (headers, RFC 2047 subject, 7bit/8bit/quoted-printable body),
// CRLF normalisation, dot-stuffing, and the validation that stops header injection; SmtpSettings
// validation (SEC-4.2: no unencrypted mode exists).

#include <QTest>
#include <QTimeZone>

#include "net/mail_message.h"
#include "net/smtp_client.h"

using vigil::core::net::MailMessage;
using vigil::core::net::SmtpSettings;

namespace {

MailMessage sample() {
    MailMessage message;
    message.to = {QStringLiteral("a@example.test")};
    message.subject = QStringLiteral("Hello");
    message.body = QStringLiteral("Line one\nLine two\n");
    return message;
}

QByteArray headerBlock(const QByteArray& rendered) {
    return rendered.left(rendered.indexOf("\r\n\r\n") + 2);
}

}  // namespace

class TestMailMessage : public QObject {
    Q_OBJECT

private slots:
    void rendersHeadersAndSevenBitBody() {
        const QDateTime date(QDate(2023, 3, 7), QTime(10, 0, 5), QTimeZone::utc());
        const auto rendered =
            sample().render(QStringLiteral("vigil@example.test"), QStringLiteral("Vigil \"HQ\""), date, true);
        const QByteArray headers = headerBlock(rendered.bytes);
        QVERIFY(!rendered.eightBit);
        QVERIFY2(headers.startsWith("Date: Tue, 07 Mar 2023 10:00:05 +0000\r\n"), headers.constData());
        QVERIFY2(headers.contains("\r\nFrom: \"Vigil \\\"HQ\\\"\" <vigil@example.test>\r\n"),
                 headers.constData());
        QVERIFY(headers.contains("\r\nTo: a@example.test\r\n"));
        QVERIFY(headers.contains("\r\nSubject: Hello\r\n"));
        QVERIFY(headers.contains("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"));
        QVERIFY(headers.contains("\r\nContent-Transfer-Encoding: 7bit\r\n"));
        QVERIFY(headers.contains("\r\nAuto-Submitted: auto-generated\r\n"));
        QVERIFY(rendered.bytes.endsWith("\r\n\r\nLine one\r\nLine two\r\n"));
        const qsizetype idStart = headers.indexOf("Message-ID: <") + 13;
        const QByteArray id = headers.mid(idStart, headers.indexOf('>', idStart) - idStart);
        QVERIFY2(id.endsWith("@example.test") && id.size() == 32 + 13, id.constData());
        // Every message has its own id.
        QVERIFY(headerBlock(sample().render(QStringLiteral("vigil@example.test"), {}, date, true).bytes) !=
                headers);
    }

    void dateUsesEnglishNamesInUtc() {
        const QDateTime local(QDate(2024, 12, 31), QTime(23, 30), QTimeZone(3600));
        QCOMPARE(MailMessage::formatDate(local), QByteArray("Tue, 31 Dec 2024 22:30:00 +0000"));
    }

    void eightBitOnlyWhenOffered() {
        MailMessage message = sample();
        message.body = QStringLiteral("Grüße\n");
        const auto eight =
            message.render(QStringLiteral("v@example.test"), {}, QDateTime::currentDateTimeUtc(), true);
        QVERIFY(eight.eightBit);
        QVERIFY(eight.bytes.contains("Content-Transfer-Encoding: 8bit\r\n"));
        QVERIFY(eight.bytes.endsWith("\r\n\r\n" + QStringLiteral("Grüße\r\n").toUtf8()));
        const auto qp =
            message.render(QStringLiteral("v@example.test"), {}, QDateTime::currentDateTimeUtc(), false);
        QVERIFY(!qp.eightBit);
        QVERIFY(qp.bytes.contains("Content-Transfer-Encoding: quoted-printable\r\n"));
        QVERIFY(qp.bytes.endsWith("\r\n\r\nGr=C3=BC=C3=9Fe\r\n"));
    }

    void quotedPrintableRules() {
        QCOMPARE(MailMessage::quotedPrintable("a=b\r\n"), QByteArray("a=3Db\r\n"));
        QCOMPARE(MailMessage::quotedPrintable("trailing \r\ntab\t\r\n"),
                 QByteArray("trailing=20\r\ntab=09\r\n"));
        QCOMPARE(MailMessage::quotedPrintable(".dot\r\n"), QByteArray(".dot\r\n"));
        QByteArray encoded = MailMessage::quotedPrintable(QByteArray(200, 'x') + "\r\n");
        for (const QByteArray& line : encoded.split('\n')) {
            QVERIFY(line.size() <= 77);  // 76 characters and the CR
        }
        QCOMPARE(encoded.replace("=\r\n", ""), QByteArray(200, 'x') + "\r\n");
    }

    void subjectEncodedWordsAreShortAndWhole() {
        const QString subject =
            QStringLiteral("Überwachung ") + QString(40, QChar(0x00e9)) + QStringLiteral(" 🔒 end");
        const QByteArray encoded = MailMessage::encodeHeaderText(subject);
        QString decoded;
        for (QByteArray word : encoded.split('\n')) {
            word = word.trimmed();
            QVERIFY2(word.size() <= 75, word.constData());
            QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
            const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
            // Each word decodes alone: characters are never split between words.
            QVERIFY(QString::fromUtf8(bytes).toUtf8() == bytes);
            decoded += QString::fromUtf8(bytes);
        }
        QCOMPARE(decoded, subject);
        QCOMPARE(MailMessage::encodeHeaderText(QStringLiteral("plain")), QByteArray("plain"));
        QVERIFY(MailMessage::encodeHeaderText(QStringLiteral("=?x?=")).startsWith("=?UTF-8?B?"));
        QVERIFY(MailMessage::encodeHeaderText(QStringLiteral("tab\there")).startsWith("=?UTF-8?B?"));
    }

    void lineEndingsAndDotStuffing() {
        QCOMPARE(MailMessage::normaliseLineEndings("a\rb\nc\r\nd"), QByteArray("a\r\nb\r\nc\r\nd\r\n"));
        QCOMPARE(MailMessage::normaliseLineEndings(""), QByteArray("\r\n"));
        QCOMPARE(MailMessage::normaliseLineEndings("\r\r\n"), QByteArray("\r\n\r\n"));
        QCOMPARE(MailMessage::dotStuff(".a\r\nb.\r\n..c\r\n.\r\n"),
                 QByteArray("..a\r\nb.\r\n...c\r\n..\r\n.\r\n"));
        QCOMPARE(MailMessage::dotStuff("x"), QByteArray("x\r\n.\r\n"));
        // A lone LF never starts a "line" for stuffing: only CRLF does on the wire.
        QCOMPARE(MailMessage::dotStuff("a\n.b\r\n"), QByteArray("a\n.b\r\n.\r\n"));
    }

    void validationStopsHeaderInjection_data() {
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("hint");
        QTest::newRow("no recipient") << QStringList{} << "s"
                                      << "no recipient";
        QTest::newRow("subject CRLF") << QStringList{QStringLiteral("a@b.test")} << "x\r\nBcc: evil@x.test"
                                      << "line break";
        QTest::newRow("subject LF") << QStringList{QStringLiteral("a@b.test")} << "x\nBcc: e@x.test"
                                    << "line break";
        QTest::newRow("address CRLF") << QStringList{QStringLiteral("a@b.test\r\nRCPT TO:<e@x.test>")} << "s"
                                      << "control character";
        QTest::newRow("address brackets") << QStringList{QStringLiteral("a@b.test>")} << "s"
                                          << "<>";
        QTest::newRow("no at") << QStringList{QStringLiteral("admin")} << "s"
                               << "name@domain";
        QTest::newRow("two at") << QStringList{QStringLiteral("a@b@c")} << "s"
                                << "name@domain";
        QTest::newRow("space") << QStringList{QStringLiteral("a b@c.test")} << "s"
                               << "space";
        QTest::newRow("unicode") << QStringList{QStringLiteral("jörg@c.test")} << "s"
                                 << "ASCII";
        QTest::newRow("long subject")
            << QStringList{QStringLiteral("a@b.test")} << QString(901, u'x') << "shorten";
    }
    void validationStopsHeaderInjection() {
        QFETCH(QStringList, to);
        QFETCH(QString, subject);
        QFETCH(QString, hint);
        MailMessage message = sample();
        message.to = to;
        message.subject = subject;
        const auto valid = message.validate();
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().code, QStringLiteral("smtp_message_invalid"));
        QVERIFY2(valid.error().message.contains(hint), qPrintable(valid.error().message));
    }

    void settingsValidation() {
        SmtpSettings good;
        good.host = QStringLiteral("smtp.example.test");
        good.from = QStringLiteral("vigil@example.test");
        good.user = QStringLiteral("vigil");
        good.password = QStringLiteral("secret\twith tab");
        QVERIFY(good.validate().ok());
        const auto expectBad = [](SmtpSettings settings, const QString& hint) {
            const auto valid = settings.validate();
            QVERIFY(!valid.ok());
            QCOMPARE(valid.error().code, QStringLiteral("smtp_settings_invalid"));
            QVERIFY2(valid.error().message.contains(hint), qPrintable(valid.error().message));
        };
        SmtpSettings s = good;
        s.host.clear();
        expectBad(s, QStringLiteral("host name"));
        s = good;
        s.port = 0;
        expectBad(s, QStringLiteral("587"));
        s = good;
        s.timeoutMs = 10;
        expectBad(s, QStringLiteral("timeout"));
        s = good;
        s.from = QStringLiteral("nobody");
        expectBad(s, QStringLiteral("sender"));
        s = good;
        s.fromName = QStringLiteral("Vigil\r\nBcc: x@y.test");
        expectBad(s, QStringLiteral("one line"));
        s = good;
        s.password = QStringLiteral("a\r\nMAIL FROM");
        expectBad(s, QStringLiteral("control character"));
        s = good;
        s.user.clear();
        expectBad(s, QStringLiteral("without a user name"));
        s = good;
        s.user.clear();
        s.password.clear();
        QVERIFY(s.validate().ok());
    }

    void securityNames() {
        QCOMPARE(SmtpSettings::parseSecurity(QStringLiteral("starttls")).value(),
                 SmtpSettings::Security::StartTls);
        QCOMPARE(SmtpSettings::parseSecurity(QStringLiteral("tls")).value(),
                 SmtpSettings::Security::ImplicitTls);
        const auto none = SmtpSettings::parseSecurity(QStringLiteral("none"));
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(QStringLiteral("Unencrypted SMTP is not offered")));
    }
};

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mail_message.moc"
