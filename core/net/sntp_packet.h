#pragma once
// SntpPacket: the client side of the Simple Network Time Protocol (RFC 4330, the SNTP subset of
// RFC 5905). A request is 48 bytes in client mode whose transmit timestamp is the client's time;
// a reply is checked before it is believed (a server reply to this very request, a synchronised
// server, a sane stratum, no kiss-o'-death) and turned into the clock offset and round-trip delay.
// Pure functions on bytes, so the parser is fuzzed (tests/fuzz/fuzz_sntp_packet.cpp).
//
// NtpServerAddress: "host", "host:port" or "[v6 address]:port" as people type them; port 123 unless
// given.

#include <QByteArray>
#include <QString>

#include "common/result.h"

namespace vigil::core::net {

// What one good answer says about our clock. Times are UTC milliseconds since the Unix epoch.
struct SntpSample {
    double offsetMs = 0;       // server time minus our time: positive when our clock is behind
    double delayMs = 0;        // round trip, minus the time the server held the request
    int stratum = 0;           // 1 (primary) .. 15
    int leap = 0;              // leap indicator 0..2 (3, "alarm", is refused)
    QString referenceId;       // "GPS", "LOCL" for stratum 1; the upstream address otherwise
    qint64 serverTimeMs = 0;   // the server's transmit time
};

struct NtpServerAddress {
    static constexpr quint16 kDefaultPort = 123;

    QString host;
    quint16 port = kDefaultPort;

    // "host:port" (brackets around IPv6 addresses), the form parse() reads back.
    QString toString() const;
    static Result<NtpServerAddress> parse(const QString& text);
    bool operator==(const NtpServerAddress&) const = default;
};

class SntpPacket {
public:
    static constexpr int kSize = 48;
    static constexpr int kMaxStratum = 15;

    // A client-mode (3), version 4 request carrying `transmitMs` as its transmit timestamp.
    static QByteArray request(qint64 transmitMs);

    // Checks `reply` against the request that carried `originateMs`, received at `receivedMs` (our
    // clock), and computes offset and delay. The error says what was wrong with the answer.
    static Result<SntpSample> parse(const QByteArray& reply, qint64 originateMs, qint64 receivedMs);

    // NTP timestamps (seconds since 1900 in 32.32 fixed point) to and from Unix milliseconds.
    static quint64 toNtp(qint64 unixMs);
    static qint64 fromNtp(quint64 ntp);
};

}  // namespace vigil::core::net
