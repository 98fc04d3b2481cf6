// Fuzz target: SNTP answers (SEC-1.5), which come over UDP from any time server, and the time server
// addresses people type. Invariants: no crash; an accepted answer has a stratum of 1..15, a leap
// indicator below 3, a delay that is never negative and finite figures; an accepted address has a
// host and a port and reads back the same from its own text.

#include <QByteArray>
#include <QString>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_check.h"
#include "net/sntp_packet.h"

using vigil::core::net::NtpServerAddress;
using vigil::core::net::SntpPacket;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 8) {
        return 0;
    }
    // The first 8 bytes pick our clock (within a few decades of now); the rest is the answer.
    quint64 seed = 0;
    std::memcpy(&seed, data, 8);
    const qint64 now = 1'700'000'000'000 + static_cast<qint64>(seed % 1'000'000'000'000ULL);
    const QByteArray reply(reinterpret_cast<const char*>(data + 8), static_cast<qsizetype>(size - 8));
    // Half the time the answer carries our originate time, so the checks after it are reached.
    QByteArray echoed = reply;
    if (echoed.size() >= 48 && (seed & 1)) {
        const quint64 ntp = SntpPacket::toNtp(now);
        for (int i = 0; i < 8; ++i) {
            echoed[24 + i] = static_cast<char>((ntp >> (56 - 8 * i)) & 0xff);
        }
    }
    auto sample = SntpPacket::parse(echoed, now, now + static_cast<qint64>(seed % 5000));
    if (sample) {
        FUZZ_CHECK(sample->stratum >= 1 && sample->stratum <= SntpPacket::kMaxStratum);
        FUZZ_CHECK(sample->leap >= 0 && sample->leap < 3);
        FUZZ_CHECK(sample->delayMs >= 0);
        FUZZ_CHECK(std::isfinite(sample->offsetMs) && std::isfinite(sample->delayMs));
    } else {
        FUZZ_CHECK(!sample.error().message.isEmpty());
    }

    const QString text = QString::fromUtf8(reply.left(300));
    auto address = NtpServerAddress::parse(text);
    if (address) {
        FUZZ_CHECK(!address->host.isEmpty() && address->port > 0);
        auto again = NtpServerAddress::parse(address->toString());
        FUZZ_CHECK(again.ok() && again.value() == address.value());
    }
    return 0;
}
