// RtspMessageParser and the header helpers: requests and responses in pieces, bodies by
// Content-Length, interleaved frames between messages, and the refusals that name what was wrong
// (issue 4: "a malformed SDP or RTSP answer: clear device status").

#include <QTest>

#include "media/rtsp/rtsp_message.h"

using namespace vigil::core::media::rtsp;

namespace {

QList<RtspItem> feedAll(RtspMessageParser& parser, QByteArrayView bytes, qsizetype piece) {
    QList<RtspItem> items;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        const auto fed = parser.feed(bytes.sliced(at, qMin(piece, bytes.size() - at)));
        if (!fed) {
            qWarning() << fed.error().message;
            return {};
        }
        while (parser.hasItem()) {
            items.append(parser.takeItem());
        }
    }
    return items;
}

}  // namespace

class TestRtspMessage : public QObject {
    Q_OBJECT

private slots:
    void responseWithBodyInAnyPieces() {
        const QByteArray wire =
            QByteArray("RTSP/1.0 200 OK\r\nCSeq: 3\r\ncontent-type: application/sdp\r\nContent-Base: rtsp://h/s/\r\n"
                       "Content-Length: 10\r\n\r\nv=0\r\ns=x\r\n") +
            QByteArray("$\x01\x00\x03" "abc", 7) + QByteArray("RTSP/1.0 404 Stream Not Found\r\nCSeq: 4\r\n\r\n");
        for (qsizetype piece : {qsizetype(1), qsizetype(2), qsizetype(7), wire.size()}) {
            RtspMessageParser parser(RtspMessageParser::Expect::Responses);
            const QList<RtspItem> items = feedAll(parser, wire, piece);
            QCOMPARE(items.size(), 3);
            const auto& first = std::get<RtspMessage>(items[0]);
            QVERIFY(first.isResponse);
            QCOMPARE(first.statusCode, 200);
            QCOMPARE(first.cseq(), 3);
            QCOMPARE(first.headers.value("Content-Type"), QByteArray("application/sdp"));
            QCOMPARE(first.body, QByteArray("v=0\r\ns=x\r\n"));
            const auto& frame = std::get<InterleavedFrame>(items[1]);
            QCOMPARE(frame.channel, 1);
            QCOMPARE(frame.payload, QByteArray("abc"));
            const auto& second = std::get<RtspMessage>(items[2]);
            QCOMPARE(second.statusCode, 404);
            QCOMPARE(second.reason, QByteArray("Stream Not Found"));
            QCOMPARE(parser.pendingBytes(), 0);
        }
    }

    void requestRoundTrip() {
        RtspMessage request = RtspMessage::request("SETUP", "rtsp://127.0.0.1:554/cam1/trackID=0", 2);
        request.headers.add("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1");
        request.body = "x=1";
        RtspMessageParser parser(RtspMessageParser::Expect::Requests);
        QVERIFY(parser.feed(request.serialize()).ok());
        QVERIFY(parser.hasItem());
        const auto parsed = std::get<RtspMessage>(parser.takeItem());
        QVERIFY(!parsed.isResponse);
        QCOMPARE(parsed.method, QByteArray("SETUP"));
        QCOMPARE(parsed.uri, QByteArray("rtsp://127.0.0.1:554/cam1/trackID=0"));
        QCOMPARE(parsed.cseq(), 2);
        QCOMPARE(parsed.body, QByteArray("x=1"));
        QCOMPARE(parsed.headers.value("transport"), QByteArray("RTP/AVP/TCP;unicast;interleaved=0-1"));
    }

    void bareLineFeedsAndFoldedHeaders() {
        RtspMessageParser parser;
        QVERIFY(parser.feed("RTSP/1.0 200 OK\nCSeq: 1\nPublic: OPTIONS,\n DESCRIBE\n\n").ok());
        const auto message = std::get<RtspMessage>(parser.takeItem());
        QCOMPARE(message.headers.value("Public"), QByteArray("OPTIONS, DESCRIBE"));
    }

    void notRtspIsNamedAtOnce() {
        RtspMessageParser parser(RtspMessageParser::Expect::Responses);
        // An HTTP server's answer is refused from its first bytes, without waiting for more.
        const auto fed = parser.feed("HTTP/1.1 400 Bad Req");
        QVERIFY(!fed.ok());
        QCOMPARE(fed.error().code, QStringLiteral("rtsp_malformed"));
        QVERIFY2(fed.error().message.contains(QStringLiteral("HTTP/1.1 400")), qPrintable(fed.error().message));
        // It stays failed.
        QVERIFY(!parser.feed("RTSP/1.0 200 OK\r\n\r\n").ok());
        parser.reset();
        QVERIFY(parser.feed("RTSP/1.0 200 OK\r\n\r\n").ok());
    }

    void malformedLinesAreRefused_data() {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad status") << QByteArray("RTSP/1.0 2000 OK\r\n\r\n") << QStringLiteral("status line");
        QTest::newRow("bad version") << QByteArray("RTSP/x.0 200 OK\r\n\r\n") << QStringLiteral("status line");
        QTest::newRow("bad request") << QByteArray("DESCRIBE rtsp://h\r\n\r\n") << QStringLiteral("request line");
        QTest::newRow("header without colon") << QByteArray("RTSP/1.0 200 OK\r\nCSeq 1\r\n\r\n")
                                              << QStringLiteral("\"CSeq 1\"");
        QTest::newRow("bad length") << QByteArray("RTSP/1.0 200 OK\r\nContent-Length: -5\r\n\r\n")
                                    << QStringLiteral("Content-Length");
        QTest::newRow("huge length") << QByteArray("RTSP/1.0 200 OK\r\nContent-Length: 99999999\r\n\r\n")
                                     << QStringLiteral("Content-Length");
        QTest::newRow("control chars quoted safely") << QByteArray("\x1b[2J garbage\r\n\r\n") << QStringLiteral("?[2J");
    }

    void malformedLinesAreRefused() {
        QFETCH(QByteArray, wire);
        QFETCH(QString, mentions);
        RtspMessageParser parser;
        const auto fed = parser.feed(wire);
        QVERIFY(!fed.ok());
        QVERIFY2(fed.error().message.contains(mentions), qPrintable(fed.error().message));
        QVERIFY(!fed.error().message.contains(QChar(0x1b)));
    }

    void headIsBounded() {
        RtspMessageParser parser;
        QVERIFY(parser.feed("RTSP/1.0 200 OK\r\n").ok());
        const QByteArray line = "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
        vigil::core::Status fed;
        for (int i = 0; i < 100 && fed.ok(); ++i) {
            fed = parser.feed(line);
        }
        QVERIFY(!fed.ok());
        QVERIFY(fed.error().message.contains(QStringLiteral("longer than")));
        // And the header count.
        RtspMessageParser counted;
        QByteArray many = "RTSP/1.0 200 OK\r\n";
        for (int i = 0; i <= RtspMessageParser::kMaxHeaders; ++i) {
            many += "X: 1\r\n";
        }
        QVERIFY(!counted.feed(many + "\r\n").ok());
    }

    void session() {
        const auto plain = parseSession("ABCDEF01");
        QVERIFY(plain.ok());
        QCOMPARE(plain->id, QByteArray("ABCDEF01"));
        QCOMPARE(plain->timeoutSeconds, 60);
        const auto timed = parseSession(" 9a8b;timeout=30 ");
        QCOMPARE(timed->id, QByteArray("9a8b"));
        QCOMPARE(timed->timeoutSeconds, 30);
        QVERIFY(!parseSession("").ok());
        QVERIFY(!parseSession("abc;timeout=zero").ok());
        QVERIFY(!parseSession("abc;timeout=0").ok());
    }

    void transport() {
        const auto offers = parseTransport(
            "RTP/AVP/TCP;unicast;interleaved=2-3, RTP/AVP;unicast;client_port=5000-5001;mode=\"PLAY\","
            "RTP/AVP/UDP;multicast;destination=239.1.1.1;port=6000-6001;ttl=16");
        QVERIFY(offers.ok());
        QCOMPARE(offers->size(), 3);
        const TransportSpec& tcp = offers->at(0);
        QVERIFY(tcp.isTcp());
        QCOMPARE(tcp.interleaved->first, 2);
        QCOMPARE(tcp.interleaved->second, 3);
        const TransportSpec& udp = offers->at(1);
        QVERIFY(!udp.isTcp());
        QCOMPARE(udp.clientPort->first, 5000);
        QCOMPARE(udp.clientPort->second, 5001);
        QCOMPARE(udp.mode, QByteArray("PLAY"));
        const TransportSpec& multicast = offers->at(2);
        QVERIFY(multicast.multicast);
        QCOMPARE(multicast.destination, QByteArray("239.1.1.1"));
        QCOMPARE(*multicast.ttl, 16);

        TransportSpec answer = udp;
        answer.serverPort = QPair<int, int>(7000, 7001);
        answer.ssrc = "1234ABCD";
        answer.mode.clear();
        QCOMPARE(answer.toString(), QByteArray("RTP/AVP;unicast;client_port=5000-5001;server_port=7000-7001;ssrc=1234ABCD"));
        QCOMPARE(parseTransport(answer.toString())->first().serverPort->second, 7001);
        QCOMPARE(tcp.toString(), QByteArray("RTP/AVP/TCP;unicast;interleaved=2-3"));

        // A single port means the pair port, port+1.
        QCOMPARE(parseTransport("RTP/AVP;unicast;client_port=4000")->first().clientPort->second, 4001);
        QVERIFY(!parseTransport("RTP/AVP;unicast;client_port=70000-70001").ok());
        QVERIFY(!parseTransport("RTP/AVP/SCTP;unicast").ok());
        QVERIFY(!parseTransport("garbage").ok());
        const auto bad = parseTransport("RTP/AVP/TCP;interleaved=a-b");
        QVERIFY(bad.error().message.contains(QStringLiteral("interleaved=a-b")));
    }

    void rtpInfo() {
        const auto info = parseRtpInfo(
            "url=rtsp://h/s/trackID=0;seq=17;rtptime=4000000000,url=rtsp://h/s/track,1;seq=3");
        QVERIFY(info.ok());
        QCOMPARE(info->size(), 2);
        QCOMPARE(info->at(0).url, QByteArray("rtsp://h/s/trackID=0"));
        QCOMPARE(*info->at(0).seq, quint16(17));
        QCOMPARE(*info->at(0).rtptime, quint32(4000000000u));
        QCOMPARE(info->at(1).url, QByteArray("rtsp://h/s/track,1"));
        QVERIFY(!info->at(1).rtptime.has_value());
        QVERIFY(!parseRtpInfo("seq=1").ok());
        QVERIFY(!parseRtpInfo("url=rtsp://h/s;seq=70000").ok());
    }
};

QTEST_GUILESS_MAIN(TestRtspMessage)
#include "tst_rtsp_message.moc"
