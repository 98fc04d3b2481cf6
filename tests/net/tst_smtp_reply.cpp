// SmtpReplyParser: replies as they arrive in pieces, multi-line replies, EHLO extensions, and the
// refusals that keep a hostile server from feeding the client junk or unbounded data (SEC-4.2).

#include <QTest>

#include "net/smtp_reply.h"

using vigil::core::net::SmtpReply;
using vigil::core::net::SmtpReplyParser;

class TestSmtpReply : public QObject {
    Q_OBJECT

private slots:
    void singleLineInPieces() {
        SmtpReplyParser parser;
        QVERIFY(parser.feed("22").ok());
        QVERIFY(!parser.hasReply());
        QVERIFY(parser.holdsPartialReply());
        QVERIFY(parser.feed("0 mail.test ESMTP ready\r").ok());
        QVERIFY(!parser.hasReply());
        QVERIFY(parser.feed("\n").ok());
        QVERIFY(parser.hasReply());
        QVERIFY(!parser.holdsPartialReply());
        const SmtpReply reply = parser.takeReply();
        QCOMPARE(reply.code, 220);
        QCOMPARE(reply.text(), QStringLiteral("220 mail.test ESMTP ready"));
        QVERIFY(reply.isPositive());
    }

    void multiLineEhlo() {
        SmtpReplyParser parser;
        QVERIFY(
            parser
                .feed("250-mail.test greets you\r\n250-SIZE 1000\r\n250-auth plain LOGIN\r\n250 STARTTLS\r\n")
                .ok());
        const SmtpReply reply = parser.takeReply();
        QCOMPARE(reply.lines.size(), 4);
        QCOMPARE(reply.extensions(),
                 (QStringList{QStringLiteral("SIZE 1000"), QStringLiteral("AUTH PLAIN LOGIN"),
                              QStringLiteral("STARTTLS")}));
        QVERIFY(reply.offers(QStringLiteral("STARTTLS")));
        QVERIFY(reply.offers(QStringLiteral("AUTH"), QStringLiteral("plain")));
        QVERIFY(reply.offers(QStringLiteral("AUTH"), QStringLiteral("LOGIN")));
        QVERIFY(!reply.offers(QStringLiteral("AUTH"), QStringLiteral("CRAM-MD5")));
        QVERIFY(!reply.offers(QStringLiteral("8BITMIME")));
        // The greeting line is not an extension, whatever it says.
        QVERIFY(!reply.offers(QStringLiteral("MAIL.TEST")));
    }

    void codeAloneAndBareLf() {
        SmtpReplyParser parser;
        QVERIFY(parser.feed("250\n354 go ahead\n").ok());
        QCOMPARE(parser.takeReply().text(), QStringLiteral("250"));
        const SmtpReply data = parser.takeReply();
        QVERIFY(data.isIntermediate());
        QVERIFY(!parser.hasReply());
    }

    void controlCharactersAreReplaced() {
        SmtpReplyParser parser;
        QVERIFY(parser.feed("550 bad\x1b[31m red\x07\r\n").ok());
        const QString text = parser.takeReply().text();
        QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QChar(0x07)), qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("550 bad?[31m red?")));
    }

    void refusesWhatIsNotSmtp_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("problem");
        QTest::newRow("http") << QByteArray("HTTP/1.1 200 OK\r\n") << "three-digit code";
        QTest::newRow("short") << QByteArray("25\r\n") << "three-digit code";
        QTest::newRow("code 199") << QByteArray("199 odd\r\n") << "outside 200-599";
        QTest::newRow("code 600") << QByteArray("600 odd\r\n") << "outside 200-599";
        QTest::newRow("separator") << QByteArray("250+x\r\n") << "space or '-'";
        QTest::newRow("mixed codes") << QByteArray("250-a\r\n251 b\r\n") << "mixes the codes 250 and 251";
        QTest::newRow("long line") << QByteArray("250 ") + QByteArray(5000, 'a') + "\r\n"
                                   << "longer than 4096";
        QTest::newRow("endless line") << QByteArray(5000, '2') << "longer than 4096";
        QByteArray many;
        for (int i = 0; i < 200; ++i) {
            many += "250-x\r\n";
        }
        QTest::newRow("too many lines") << many << "more than 128 lines";
    }
    void refusesWhatIsNotSmtp() {
        QFETCH(QByteArray, input);
        QFETCH(QString, problem);
        SmtpReplyParser parser;
        const auto fed = parser.feed(input);
        QVERIFY(!fed.ok());
        QCOMPARE(fed.error().code, QStringLiteral("smtp_protocol_error"));
        QVERIFY2(fed.error().message.contains(problem), qPrintable(fed.error().message));
        QVERIFY(fed.error().message.size() < 600);
        // Failed stays failed until reset.
        QVERIFY(!parser.feed("250 ok\r\n").ok());
        parser.reset();
        QVERIFY(parser.feed("250 ok\r\n").ok());
        QVERIFY(parser.hasReply());
    }
};

QTEST_GUILESS_MAIN(TestSmtpReply)
#include "tst_smtp_reply.moc"
