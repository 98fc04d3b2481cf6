#pragma once
// AddressFilter: the platform's allow list or deny list of client addresses (SEC-2.5), applied to
// a connection before any other work on it (before the TLS handshake, see
// server/http/address_gate_server.h). Entries are single addresses ("192.168.1.10", "2001:db8::1"),
// CIDR ranges ("10.0.0.0/8", "2001:db8::/32") or inclusive ranges ("192.168.1.10-192.168.1.50").
//
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, what a dual-stack socket reports for an IPv4 client)
// are treated as the IPv4 address they carry, both in entries and in the addresses checked, so one
// IPv4 entry covers a client however the socket was opened.
//
// The same parsed list serves the per-user "allowedAddresses" (AddressFilter::contains), where no
// mode and no loopback rule apply.

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>

#include "common/result.h"

namespace vigil::core::net {

// A 128-bit address as two halves, ordered like the number it is. IPv4 uses only the low 32 bits.
struct AddressValue {
    quint64 high = 0;
    quint64 low = 0;

    friend auto operator<=>(const AddressValue&, const AddressValue&) = default;
};

// One entry of a list: an inclusive range of one family, and its canonical text.
struct AddressRange {
    bool ipv4 = true;
    AddressValue first;
    AddressValue last;
    QString text;  // canonical: "10.0.0.0/8", "192.168.1.10", "2001:db8::/32", "10.0.0.1-10.0.0.9"

    bool contains(const QHostAddress& address) const;

    // Parses one entry. The error names the entry and says what is wrong with it.
    static Result<AddressRange> parse(const QString& entry);
};

class AddressFilter {
public:
    enum class Mode { Off, Allow, Deny };

    // Bounds that keep a hostile or mistaken settings document from costing much memory or time.
    static constexpr int kMaxEntries = 4096;
    static constexpr int kMaxEntryLength = 100;

    AddressFilter() = default;

    // Parses every entry; when some are bad, the error lists each of them (code
    // "address_filter_bad_entry") so a user can fix them all at once.
    static Result<AddressFilter> create(Mode mode, const QStringList& entries);

    static QString modeName(Mode mode);
    static Result<Mode> parseMode(const QString& name);

    Mode mode() const { return m_mode; }
    const QList<AddressRange>& ranges() const { return m_ranges; }
    QStringList entries() const;  // canonical texts, in the order given

    // True when the address is in one of the entries (no mode, no loopback rule).
    bool contains(const QHostAddress& address) const;
    // The canonical text of the first entry that holds the address, for messages.
    std::optional<QString> matchingEntry(const QHostAddress& address) const;

    // The connection-level decision: off permits all; allow permits listed addresses; deny
    // refuses listed addresses. The console (127.0.0.1, ::1) is always permitted, see the definition.
    bool permits(const QHostAddress& address) const;

    // True when applying this filter would refuse `requester`, the address the admin changing it
    // is connected from: the API then answers 409 would_lock_out_self unless confirmed.
    bool wouldLockOut(const QHostAddress& requester) const { return !permits(requester); }

    static bool isLoopback(const QHostAddress& address);
    // 127.0.0.1 or ::1 (also as ::ffff:127.0.0.1): the server's own console, always admitted.
    static bool isConsole(const QHostAddress& address);

private:
    AddressFilter(Mode mode, QList<AddressRange> ranges) : m_mode(mode), m_ranges(std::move(ranges)) {}

    Mode m_mode = Mode::Off;
    QList<AddressRange> m_ranges;
};

}  // namespace vigil::core::net
