#include "net/sntp_packet.h"

#include <QHostAddress>
#include <QtEndian>

namespace vigil::core::net {

namespace {

constexpr quint64 kUnixToNtpSeconds = 2208988800ULL;  // 1900-01-01 to 1970-01-01
constexpr int kModeClient = 3;
constexpr int kModeServer = 4;
constexpr int kLeapAlarm = 3;  // "clock not synchronised"
constexpr int kOriginateOffset = 24;
constexpr int kReceiveOffset = 32;
constexpr int kTransmitOffset = 40;

quint64 timestampAt(const QByteArray& packet, int offset) {
    return qFromBigEndian<quint64>(packet.constData() + offset);
}

Error refused(const QString& what) {
    return Error::make(QStringLiteral("ntp_bad_answer"),
                       QStringLiteral("The time server's answer was refused: %1.").arg(what));
}

// Stratum 0 answers carry a four-letter "kiss code" instead of a reference (RFC 5905 7.4).
QString asciiCode(const QByteArray& packet) {
    QString code;
    for (int i = 12; i < 16; ++i) {
        const char c = packet.at(i);
        if (c >= 0x20 && c < 0x7f) {
            code.append(QLatin1Char(c));
        }
    }
    return code.trimmed();
}

QString referenceOf(const QByteArray& packet, int stratum) {
    if (stratum == 1) {
        return asciiCode(packet);
    }
    const auto* bytes = reinterpret_cast<const uchar*>(packet.constData()) + 12;
    return QStringLiteral("%1.%2.%3.%4").arg(bytes[0]).arg(bytes[1]).arg(bytes[2]).arg(bytes[3]);
}

}  // namespace

quint64 SntpPacket::toNtp(qint64 unixMs) {
    const qint64 seconds = unixMs / 1000;
    const qint64 millis = unixMs % 1000;
    const quint64 fraction = (static_cast<quint64>(millis) << 32) / 1000;
    return ((static_cast<quint64>(seconds) + kUnixToNtpSeconds) << 32) | fraction;
}

qint64 SntpPacket::fromNtp(quint64 ntp) {
    // Era 0 only (until 2036); later times wrap, which the originate check catches for requests.
    const qint64 seconds = static_cast<qint64>(ntp >> 32) - static_cast<qint64>(kUnixToNtpSeconds);
    // Rounded, so a time in whole milliseconds comes back as it went in.
    const qint64 millis = static_cast<qint64>((((ntp & 0xffffffffULL) * 1000) + (1ULL << 31)) >> 32);
    return seconds * 1000 + millis;
}

QByteArray SntpPacket::request(qint64 transmitMs) {
    QByteArray packet(kSize, '\0');
    packet[0] = static_cast<char>((0 << 6) | (4 << 3) | kModeClient);  // no leap warning, v4, client
    qToBigEndian<quint64>(toNtp(transmitMs), packet.data() + kTransmitOffset);
    return packet;
}

Result<SntpSample> SntpPacket::parse(const QByteArray& reply, qint64 originateMs, qint64 receivedMs) {
    if (reply.size() < kSize) {
        return refused(QStringLiteral("it is %1 bytes long, an NTP packet has at least %2").arg(reply.size()).arg(kSize));
    }
    const auto first = static_cast<uchar>(reply.at(0));
    const int leap = first >> 6;
    const int version = (first >> 3) & 0x7;
    const int mode = first & 0x7;
    const int stratum = static_cast<uchar>(reply.at(1));
    if (mode != kModeServer) {
        return refused(QStringLiteral("mode %1 is not a server's answer (4)").arg(mode));
    }
    if (version < 3 || version > 4) {
        return refused(QStringLiteral("NTP version %1 is not 3 or 4").arg(version));
    }
    if (timestampAt(reply, kOriginateOffset) != toNtp(originateMs)) {
        return refused(QStringLiteral("it does not answer our request (its originate time is not ours)"));
    }
    if (stratum == 0) {
        return Error::make(QStringLiteral("ntp_kiss_of_death"),
                           QStringLiteral("The time server refuses to serve us (kiss code \"%1\"). Use another "
                                          "server, or ask its administrator to allow this one.")
                               .arg(asciiCode(reply)));
    }
    if (stratum > kMaxStratum) {
        return Error::make(QStringLiteral("ntp_unsynchronised"),
                           QStringLiteral("The time server says it is not synchronised itself (stratum %1). "
                                          "Check its own time sources, or use another server.")
                               .arg(stratum));
    }
    if (leap == kLeapAlarm) {
        return Error::make(QStringLiteral("ntp_unsynchronised"),
                           QStringLiteral("The time server says its clock is not synchronised (leap "
                                          "indicator 3). Check its own time sources, or use another server."));
    }
    const quint64 received = timestampAt(reply, kReceiveOffset);
    const quint64 transmitted = timestampAt(reply, kTransmitOffset);
    if (received == 0 || transmitted == 0) {
        return refused(QStringLiteral("its receive or transmit time is empty"));
    }
    // Offset and delay in the RFC 4330 section 5 form: T1 originate, T2 receive, T3 transmit, T4 arrival.
    const double t1 = static_cast<double>(originateMs);
    const double t2 = static_cast<double>(fromNtp(received));
    const double t3 = static_cast<double>(fromNtp(transmitted));
    const double t4 = static_cast<double>(receivedMs);
    SntpSample sample;
    sample.offsetMs = ((t2 - t1) + (t3 - t4)) / 2.0;
    sample.delayMs = qMax(0.0, (t4 - t1) - (t3 - t2));
    sample.stratum = stratum;
    sample.leap = leap;
    sample.referenceId = referenceOf(reply, stratum);
    sample.serverTimeMs = fromNtp(transmitted);
    return sample;
}

namespace {

Error badAddress(const QString& text, const QString& why) {
    return Error::make(QStringLiteral("bad_request"),
                       QStringLiteral("\"%1\" is not a time server address: %2. Write a host name or address, "
                                      "optionally with a port: \"ntp.example.com\", \"10.0.0.5:123\", "
                                      "\"[2001:db8::1]:123\".")
                           .arg(text.left(80), why));
}

bool validHostName(const QString& host) {
    if (host.size() > 253) {
        return false;
    }
    for (const QChar c : host) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_'))) {
            return false;
        }
    }
    return true;
}

}  // namespace

QString NtpServerAddress::toString() const {
    const bool v6 = host.contains(QLatin1Char(':'));
    return (v6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2")).arg(host, QString::number(port));
}

Result<NtpServerAddress> NtpServerAddress::parse(const QString& input) {
    const QString text = input.trimmed();
    NtpServerAddress address;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0) {
            return badAddress(input, QStringLiteral("the \"[\" has no \"]\""));
        }
        address.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                return badAddress(input, QStringLiteral("only \":port\" may follow \"]\""));
            }
            portText = rest.mid(1);
        }
        if (QHostAddress(address.host).protocol() != QAbstractSocket::IPv6Protocol) {
            return badAddress(input, QStringLiteral("brackets hold an IPv6 address"));
        }
    } else if (text.count(QLatin1Char(':')) > 1) {
        if (QHostAddress(text).isNull()) {
            return badAddress(input, QStringLiteral("it is not an IPv6 address"));
        }
        address.host = text;  // a bare IPv6 address, no port
    } else {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        address.host = colon < 0 ? text : text.left(colon);
        if (colon >= 0) {
            portText = text.mid(colon + 1);
        }
    }
    if (address.host.isEmpty()) {
        return badAddress(input, QStringLiteral("the host is empty"));
    }
    if (const QHostAddress literal(address.host); !literal.isNull()) {
        // QHostAddress takes anything after "%" as the scope ("fe80::1%eth0"), brackets and colons too.
        if (!validHostName(literal.scopeId())) {
            return badAddress(input, QStringLiteral("the IPv6 scope after \"%\" must be an interface name or number"));
        }
        address.host = literal.toString();  // one spelling per address, so lists compare and read back
    } else if (!validHostName(address.host)) {
        return badAddress(input, QStringLiteral("the host name has characters names cannot have"));
    }
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            return badAddress(input, QStringLiteral("the port must be a number from 1 to 65535"));
        }
        address.port = static_cast<quint16>(port);
    }
    return address;
}

}  // namespace vigil::core::net
