// Fuzz target: address filter entries (SEC-2.5). Input: the first byte picks the mode, the rest is
// entries separated by newlines, as an admin might paste them. Invariants: parsing never crashes,
// a parsed range is ordered and its canonical text parses back to the same range, and permits()
// follows the mode's rule with loopback always let in.

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_check.h"
#include "net/address_filter.h"

using vigil::core::net::AddressFilter;
using vigil::core::net::AddressRange;

namespace {

// Addresses to judge, made from the input bytes so the fuzzer can steer them into the ranges.
QList<QHostAddress> probes(const uint8_t* data, size_t size) {
    QList<QHostAddress> addresses{QHostAddress(QHostAddress::LocalHost),
                                  QHostAddress(QHostAddress::LocalHostIPv6),
                                  QHostAddress(QStringLiteral("::ffff:127.0.0.1"))};
    for (size_t at = 0; at + 16 <= size && addresses.size() < 12; at += 16) {
        Q_IPV6ADDR bytes{};
        std::memcpy(bytes.c, data + at, 16);
        addresses.append(QHostAddress(bytes));
        quint32 ipv4 = 0;
        std::memcpy(&ipv4, data + at, 4);
        addresses.append(QHostAddress(ipv4));
    }
    return addresses;
}

void checkRange(const QString& entry) {
    const auto range = AddressRange::parse(entry);
    if (!range) {
        FUZZ_CHECK(range.error().code == QStringLiteral("address_filter_bad_entry"));
        FUZZ_CHECK(!range.error().message.isEmpty());
        return;
    }
    FUZZ_CHECK(range->first <= range->last);
    const auto again = AddressRange::parse(range->text);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->ipv4 == range->ipv4);
    FUZZ_CHECK(again->first == range->first);
    FUZZ_CHECK(again->last == range->last);
    FUZZ_CHECK(again->text == range->text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    const auto mode = static_cast<AddressFilter::Mode>(data[0] % 3);
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    const QStringList entries = text.split(QLatin1Char('\n'));
    for (const QString& entry : entries) {
        checkRange(entry);
    }
    const auto filter = AddressFilter::create(mode, entries);
    if (!filter) {
        return 0;
    }
    for (const QHostAddress& address : probes(data, size)) {
        const bool permitted = filter->permits(address);
        const bool listed = filter->contains(address);
        FUZZ_CHECK(listed == filter->matchingEntry(address).has_value());
        if (AddressFilter::isLoopback(address) || mode == AddressFilter::Mode::Off) {
            FUZZ_CHECK(permitted);
        } else if (mode == AddressFilter::Mode::Allow) {
            FUZZ_CHECK(permitted == listed);
        } else {
            FUZZ_CHECK(permitted == !listed);
        }
        FUZZ_CHECK(filter->wouldLockOut(address) == !permitted);
    }
    return 0;
}
