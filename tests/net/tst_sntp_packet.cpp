// SNTP packets (SEC-1.5, RFC 4330): the request's layout, offset and delay from a made-up answer whose
// times we chose, and every refusal (short, not a server, another request's answer, kiss-o'-death,
// unsynchronised server), plus the "host:port" addresses people type. chronyd answers the real thing
// in tests/system/tst_time_api.cpp.

#include <QTest>
#include <QtEndian>

#include "net/sntp_client.h"
#include "net/sntp_packet.h"

using vigil::core::net::NtpServerAddress;
using vigil::core::net::SntpPacket;

namespace {

constexpr qint64 kT1 = 1'790'000'000'000;  // 2026-09-21, our request

// A server's answer to the request sent at `originate`: received at t2, sent at t3 (server clock).
QByteArray answer(qint64 originate, qint64 t2, qint64 t3, int stratum = 2, int leap = 0, int mode = 4,
                  int version = 4) {
    QByteArray packet(48, '\0');
    packet[0] = static_cast<char>((leap << 6) | (version << 3) | mode);
    packet[1] = static_cast<char>(stratum);
    packet[12] = 10;
    packet[15] = 7;
    qToBigEndian<quint64>(SntpPacket::toNtp(originate), packet.data() + 24);
    qToBigEndian<quint64>(SntpPacket::toNtp(t2), packet.data() + 32);
    qToBigEndian<quint64>(SntpPacket::toNtp(t3), packet.data() + 40);
    return packet;
}

}  // namespace

class TestSntpPacket : public QObject {
    Q_OBJECT

private slots:
    void requestIsClientModeVersionFourWithOurTime() {
        const QByteArray request = SntpPacket::request(kT1);
        QCOMPARE(request.size(), 48);
        QCOMPARE(static_cast<uchar>(request.at(0)), uchar(0x23));  // LI 0, VN 4, mode 3
        QCOMPARE(qFromBigEndian<quint64>(request.constData() + 40), SntpPacket::toNtp(kT1));
        QCOMPARE(SntpPacket::fromNtp(SntpPacket::toNtp(kT1)), kT1);
        // The NTP era starts in 1900: the Unix epoch is 2208988800 s later.
        QCOMPARE(SntpPacket::toNtp(0) >> 32, quint64(2208988800ULL));
    }

    void offsetAndDelayFollowRfc4330() {
        // Our clock 5 s behind; 40 ms each way; the server holds the request 2 ms.
        const qint64 t2 = kT1 + 5000 + 40;
        const qint64 t3 = t2 + 2;
        const qint64 t4 = kT1 + 82;
        auto sample = SntpPacket::parse(answer(kT1, t2, t3), kT1, t4);
        QVERIFY2(sample.ok(), sample.ok() ? "" : qPrintable(sample.error().message));
        QCOMPARE(sample->offsetMs, 5000.0);
        QCOMPARE(sample->delayMs, 80.0);
        QCOMPARE(sample->stratum, 2);
        QCOMPARE(sample->referenceId, QStringLiteral("10.0.0.7"));
        QCOMPARE(sample->serverTimeMs, t3);
        // Ahead instead: a negative offset.
        auto ahead = SntpPacket::parse(answer(kT1, kT1 - 3000, kT1 - 3000), kT1, kT1);
        QVERIFY(ahead.ok());
        QCOMPARE(ahead->offsetMs, -3000.0);
    }

    void badAnswersAreRefusedWithTheReason_data() {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("short") << answer(kT1, kT1, kT1).left(47) << "ntp_bad_answer" << "47 bytes";
        QTest::newRow("client mode") << answer(kT1, kT1, kT1, 2, 0, 3) << "ntp_bad_answer" << "mode 3";
        QTest::newRow("version 2") << answer(kT1, kT1, kT1, 2, 0, 4, 2) << "ntp_bad_answer" << "version 2";
        QTest::newRow("another request") << answer(kT1 - 1000, kT1, kT1) << "ntp_bad_answer" << "originate";
        QByteArray kiss = answer(kT1, kT1, kT1, 0);
        kiss.replace(12, 4, "RATE");
        QTest::newRow("kiss of death") << kiss << "ntp_kiss_of_death" << "RATE";
        QTest::newRow("stratum 16") << answer(kT1, kT1, kT1, 16) << "ntp_unsynchronised" << "stratum 16";
        QTest::newRow("leap alarm") << answer(kT1, kT1, kT1, 2, 3) << "ntp_unsynchronised" << "leap";
        QByteArray empty = answer(kT1, kT1, kT1);
        empty.replace(40, 8, QByteArray(8, '\0'));
        QTest::newRow("no transmit time") << empty << "ntp_bad_answer" << "transmit";
    }

    void badAnswersAreRefusedWithTheReason() {
        QFETCH(QByteArray, reply);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        auto sample = SntpPacket::parse(reply, kT1, kT1 + 10);
        QVERIFY(!sample.ok());
        QCOMPARE(sample.error().code, code);
        QVERIFY2(sample.error().message.contains(mentions), qPrintable(sample.error().message));
    }

    void serverAddresses_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");  // 0: refused
        QTest::newRow("name") << "ntp.example.com" << "ntp.example.com" << 123;
        QTest::newRow("name and port") << " pool.ntp.org:1123 " << "pool.ntp.org" << 1123;
        QTest::newRow("v4") << "127.0.0.1:40123" << "127.0.0.1" << 40123;
        QTest::newRow("bare v6") << "2001:db8::1" << "2001:db8::1" << 123;
        QTest::newRow("v6 and port") << "[::1]:1123" << "::1" << 1123;
        // A link-local address with a scope id that looks like a QString::arg placeholder: the text
        // must read back the same (found by fuzz_sntp_packet; toString() once put the port in its place).
        QTest::newRow("v6 scope like %1") << "[00::%1]:123" << "::%1" << 123;
        QTest::newRow("v6 link-local with interface") << "fe80::1%lo" << "fe80::1%lo" << 123;
        QTest::newRow("v6 scope with a bracket") << "0::%1]:123" << "" << 0;
        QTest::newRow("empty") << "" << "" << 0;
        QTest::newRow("port 0") << "a:0" << "" << 0;
        QTest::newRow("port too big") << "a:65536" << "" << 0;
        QTest::newRow("port not a number") << "a:ntp" << "" << 0;
        QTest::newRow("unclosed bracket") << "[::1:123" << "" << 0;
        QTest::newRow("v4 in brackets") << "[10.0.0.1]:123" << "" << 0;
        QTest::newRow("space in name") << "bad host" << "" << 0;
        QTest::newRow("slash") << "a/b" << "" << 0;
    }

    void serverAddresses() {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        auto address = NtpServerAddress::parse(text);
        if (port == 0) {
            QVERIFY(!address.ok());
            QCOMPARE(address.error().code, QStringLiteral("bad_request"));
            return;
        }
        QVERIFY2(address.ok(), address.ok() ? "" : qPrintable(address.error().message));
        QCOMPARE(address->host, host);
        QCOMPARE(int(address->port), port);
        // What toString() writes, parse() reads back the same.
        auto again = NtpServerAddress::parse(address->toString());
        QVERIFY(again.ok());
        QCOMPARE(again.value(), address.value());
    }
};

QTEST_GUILESS_MAIN(TestSntpPacket)
#include "tst_sntp_packet.moc"
