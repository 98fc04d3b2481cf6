#include "net/address_filter.h"

#include <QStringView>
#include <utility>

namespace vigil::core::net {

namespace {

constexpr int kIpv4Bits = 32;
constexpr int kIpv6Bits = 128;
constexpr int kHalfBits = 64;
constexpr int kMappedPrefixBits = 96;  // ::ffff:0:0/96 holds the IPv4-mapped addresses
constexpr quint64 kMappedMarker = 0x0000ffff00000000ULL;
constexpr quint64 kIpv4Mask = 0x00000000ffffffffULL;
constexpr int kMaxIpv4Octet = 255;
constexpr int kLoopbackFirstOctet = 127;
constexpr quint64 kConsoleIpv4 = 0x7f000001;  // 127.0.0.1
constexpr int kIpv4OctetShift = 24;

struct ParsedAddress {
    bool ipv4 = true;
    AddressValue value;
};

// IPv4 written as exactly four decimal octets. Stricter than inet_aton on purpose: "10.1" or
// "010.0.0.1" mean different things to different tools, so a filter refuses them instead of guessing.
std::optional<quint32> parseIpv4(QStringView text) {
    const auto parts = text.split(u'.');
    if (parts.size() != 4) {
        return std::nullopt;
    }
    quint32 value = 0;
    for (const QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0')) {
            return std::nullopt;
        }
        int octet = 0;
        for (const QChar c : part) {
            if (c < u'0' || c > u'9') {
                return std::nullopt;
            }
            octet = octet * 10 + (c.unicode() - u'0');
        }
        if (octet > kMaxIpv4Octet) {
            return std::nullopt;
        }
        value = (value << 8) | static_cast<quint32>(octet);
    }
    return value;
}

AddressValue fromIpv6Bytes(const Q_IPV6ADDR& bytes) {
    AddressValue value;
    for (int i = 0; i < 8; ++i) {
        value.high = (value.high << 8) | bytes[i];
        value.low = (value.low << 8) | bytes[i + 8];
    }
    return value;
}

bool isMapped(const AddressValue& value) {
    return value.high == 0 && (value.low & ~kIpv4Mask) == kMappedMarker;
}

ParsedAddress normalise(const AddressValue& ipv6) {
    if (isMapped(ipv6)) {
        return ParsedAddress{true, AddressValue{0, ipv6.low & kIpv4Mask}};
    }
    return ParsedAddress{false, ipv6};
}

// IPv6 through QHostAddress, after refusing what it would accept but a filter should not: scope
// ids ("fe80::1%eth0" names an interface, not a client) and brackets.
std::optional<ParsedAddress> parseIpv6(QStringView text) {
    for (const QChar c : text) {
        const bool allowed =
            c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u':' || c == u'.';
        if (!allowed || c.unicode() > 0x7f) {
            return std::nullopt;
        }
    }
    QHostAddress address;
    if (!address.setAddress(text.toString()) || address.protocol() != QAbstractSocket::IPv6Protocol) {
        return std::nullopt;
    }
    return normalise(fromIpv6Bytes(address.toIPv6Address()));
}

std::optional<ParsedAddress> parseAddress(QStringView text) {
    if (text.contains(u':')) {
        return parseIpv6(text);
    }
    if (const auto ipv4 = parseIpv4(text)) {
        return ParsedAddress{true, AddressValue{0, *ipv4}};
    }
    return std::nullopt;
}

std::optional<ParsedAddress> fromHostAddress(const QHostAddress& address) {
    switch (address.protocol()) {
        case QAbstractSocket::IPv4Protocol:
            return ParsedAddress{true, AddressValue{0, address.toIPv4Address()}};
        case QAbstractSocket::IPv6Protocol:
            return normalise(fromIpv6Bytes(address.toIPv6Address()));
        default:
            return std::nullopt;
    }
}

QString addressText(bool ipv4, const AddressValue& value) {
    if (ipv4) {
        return QHostAddress(static_cast<quint32>(value.low)).toString();
    }
    Q_IPV6ADDR bytes{};
    for (int i = 0; i < 8; ++i) {
        const int shift = 8 * (7 - i);
        bytes[i] = static_cast<quint8>(value.high >> shift);
        bytes[i + 8] = static_cast<quint8>(value.low >> shift);
    }
    return QHostAddress(bytes).toString();
}

// The bits below the prefix, for an address `totalBits` wide (32 or 128).
AddressValue hostMask(int totalBits, int prefix) {
    const int hostBits = totalBits - prefix;
    AddressValue mask;
    if (hostBits >= kHalfBits) {
        mask.low = ~0ULL;
        mask.high = hostBits == kIpv6Bits ? ~0ULL : (1ULL << (hostBits - kHalfBits)) - 1;
    } else {
        mask.low = hostBits == 0 ? 0 : (1ULL << hostBits) - 1;
    }
    return mask;
}

Error badEntry(const QString& entry, const QString& problem) {
    return Error::make(QStringLiteral("address_filter_bad_entry"),
                       QStringLiteral("\"%1\" is not a valid address filter entry: %2.").arg(entry, problem));
}

QString addressHint() {
    return QStringLiteral(
        "write an IPv4 address as four numbers 0-255 (192.168.1.10) or an IPv6 address "
        "(2001:db8::1), without port, brackets or interface name");
}

Result<AddressRange> parseCidr(const QString& entry, QStringView addressPart, QStringView prefixPart) {
    const auto address = parseAddress(addressPart);
    if (!address) {
        return badEntry(entry, QStringLiteral("the part before '/' is not an address; ") + addressHint());
    }
    // An entry written as ::ffff:a.b.c.d/n is an IPv4 range when n covers the mapped prefix.
    const bool mappedIpv4 = address->ipv4 && addressPart.contains(u':');
    const int familyBits = address->ipv4 ? kIpv4Bits : kIpv6Bits;
    const int writtenBits = mappedIpv4 ? kIpv6Bits : familyBits;
    bool numeric = !prefixPart.isEmpty() && prefixPart.size() <= 3;
    for (const QChar c : prefixPart) {
        numeric = numeric && c >= u'0' && c <= u'9';
    }
    const int written = numeric ? prefixPart.toInt() : -1;
    const int minimum = mappedIpv4 ? kMappedPrefixBits : 0;
    if (written < minimum || written > writtenBits) {
        return badEntry(entry, QStringLiteral("the prefix length after '/' must be a number from %1 to %2")
                                   .arg(minimum)
                                   .arg(writtenBits));
    }
    const int prefix = mappedIpv4 ? written - kMappedPrefixBits : written;
    const AddressValue mask = hostMask(familyBits, prefix);
    const AddressValue network{address->value.high & ~mask.high, address->value.low & ~mask.low};
    const QString networkText =
        addressText(address->ipv4, network) + QLatin1Char('/') + QString::number(prefix);
    if (network != address->value) {
        // Refused rather than rounded down: "192.168.1.10/24" is more often a slip for one address
        // than a wish to open the whole network, and silently widening a list is the worse error.
        return badEntry(entry, QStringLiteral("the address has bits set after the first %1, so the range "
                                              "would really start at %2; write %2 for the whole network or "
                                              "the address alone for one host")
                                   .arg(prefix)
                                   .arg(networkText));
    }
    const AddressValue last{network.high | mask.high, network.low | mask.low};
    return AddressRange{address->ipv4, network, last, networkText};
}

Result<AddressRange> parseSpan(const QString& entry, QStringView firstPart, QStringView lastPart) {
    const auto first = parseAddress(firstPart);
    const auto last = parseAddress(lastPart);
    if (!first || !last) {
        return badEntry(entry, QStringLiteral("a range is two addresses joined by '-' ") +
                                   QStringLiteral("(192.168.1.10-192.168.1.50); ") + addressHint());
    }
    if (first->ipv4 != last->ipv4) {
        return badEntry(entry, QStringLiteral("both ends of a range must be IPv4 or both IPv6"));
    }
    if (last->value < first->value) {
        return badEntry(entry, QStringLiteral("the first address is above the last; swap them"));
    }
    const QString firstText = addressText(first->ipv4, first->value);
    const QString text = first->value == last->value
                             ? firstText
                             : firstText + QLatin1Char('-') + addressText(last->ipv4, last->value);
    return AddressRange{first->ipv4, first->value, last->value, text};
}

bool inRange(const AddressRange& range, const ParsedAddress& address) {
    return range.ipv4 == address.ipv4 && range.first <= address.value && address.value <= range.last;
}

}  // namespace

bool AddressRange::contains(const QHostAddress& address) const {
    const auto parsed = fromHostAddress(address);
    return parsed && inRange(*this, *parsed);
}

Result<AddressRange> AddressRange::parse(const QString& entry) {
    const QString trimmed = entry.trimmed();
    if (trimmed.isEmpty()) {
        return badEntry(entry, QStringLiteral("it is empty; remove it"));
    }
    if (trimmed.size() > AddressFilter::kMaxEntryLength) {
        return badEntry(
            trimmed.left(AddressFilter::kMaxEntryLength) + QStringLiteral("..."),
            QStringLiteral("it is longer than %1 characters").arg(AddressFilter::kMaxEntryLength));
    }
    if (trimmed.count(u'/') + trimmed.count(u'-') > 1) {
        return badEntry(trimmed, QStringLiteral("use either one '/' (a network) or one '-' (a range)"));
    }
    if (const qsizetype slash = trimmed.indexOf(u'/'); slash >= 0) {
        return parseCidr(trimmed, QStringView(trimmed).left(slash), QStringView(trimmed).mid(slash + 1));
    }
    if (const qsizetype dash = trimmed.indexOf(u'-'); dash >= 0) {
        return parseSpan(trimmed, QStringView(trimmed).left(dash).trimmed(),
                         QStringView(trimmed).mid(dash + 1).trimmed());
    }
    const auto address = parseAddress(trimmed);
    if (!address) {
        return badEntry(
            trimmed, addressHint() + QStringLiteral(", a network as address/prefix (10.0.0.0/8) or a range "
                                                    "as first-last"));
    }
    return AddressRange{address->ipv4, address->value, address->value,
                        addressText(address->ipv4, address->value)};
}

Result<AddressFilter> AddressFilter::create(Mode mode, const QStringList& entries) {
    if (entries.size() > kMaxEntries) {
        return Error::make(QStringLiteral("address_filter_too_many"),
                           QStringLiteral("The address filter has %1 entries; at most %2 are allowed. Join "
                                          "neighbouring addresses into networks (10.0.0.0/8) or ranges.")
                               .arg(entries.size())
                               .arg(kMaxEntries));
    }
    QList<AddressRange> ranges;
    ranges.reserve(entries.size());
    QStringList problems;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        auto range = AddressRange::parse(entries.at(i));
        if (range) {
            ranges.append(std::move(range).value());
        } else {
            problems.append(QStringLiteral("entry %1: %2").arg(i + 1).arg(range.error().message));
        }
    }
    if (!problems.isEmpty()) {
        return Error::make(QStringLiteral("address_filter_bad_entry"),
                           QStringLiteral("The address filter was not changed because %1 of its entries %2 "
                                          "wrong. %3 Fix or remove %4 and save again.")
                               .arg(problems.size())
                               .arg(problems.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"))
                               .arg(problems.join(QLatin1Char(' ')))
                               .arg(problems.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")));
    }
    return AddressFilter(mode, std::move(ranges));
}

QString AddressFilter::modeName(Mode mode) {
    switch (mode) {
        case Mode::Allow:
            return QStringLiteral("allow");
        case Mode::Deny:
            return QStringLiteral("deny");
        case Mode::Off:
            break;
    }
    return QStringLiteral("off");
}

Result<AddressFilter::Mode> AddressFilter::parseMode(const QString& name) {
    for (const Mode mode : {Mode::Off, Mode::Allow, Mode::Deny}) {
        if (name == modeName(mode)) {
            return mode;
        }
    }
    return Error::make(
        QStringLiteral("address_filter_bad_mode"),
        QStringLiteral("\"%1\" is not an address filter mode; use \"off\", \"allow\" (only the "
                       "listed addresses may connect) or \"deny\" (the listed addresses may not).")
            .arg(name.left(kMaxEntryLength)));
}

QStringList AddressFilter::entries() const {
    QStringList texts;
    texts.reserve(m_ranges.size());
    for (const AddressRange& range : m_ranges) {
        texts.append(range.text);
    }
    return texts;
}

bool AddressFilter::contains(const QHostAddress& address) const {
    return matchingEntry(address).has_value();
}

std::optional<QString> AddressFilter::matchingEntry(const QHostAddress& address) const {
    const auto parsed = fromHostAddress(address);
    if (!parsed) {
        return std::nullopt;
    }
    for (const AddressRange& range : m_ranges) {
        if (inRange(range, *parsed)) {
            return range.text;
        }
    }
    return std::nullopt;
}

bool AddressFilter::isLoopback(const QHostAddress& address) {
    const auto parsed = fromHostAddress(address);
    if (!parsed) {
        return false;
    }
    if (parsed->ipv4) {
        return (parsed->value.low >> kIpv4OctetShift) == kLoopbackFirstOctet;
    }
    return parsed->value == AddressValue{0, 1};
}

bool AddressFilter::isConsole(const QHostAddress& address) {
    const auto parsed = fromHostAddress(address);
    if (!parsed) {
        return false;
    }
    return parsed->ipv4 ? parsed->value == AddressValue{0, kConsoleIpv4}
                        : parsed->value == AddressValue{0, 1};
}

bool AddressFilter::permits(const QHostAddress& address) const {
    if (m_mode == Mode::Off) {
        return true;
    }
    // The server's own console (127.0.0.1, ::1) is always let in, in both modes: a local administrator
    // must be able to repair a list that shut everyone else out, and the standalone workstation talks
    // to its embedded engine there. Only someone already on this machine gains from it. The rest of
    // 127.0.0.0/8 is filtered like any address, so a list can be checked end to end on one machine.
    // A reverse proxy on this machine would make every client look local: filter at the proxy then.
    if (isConsole(address)) {
        return true;
    }
    // An address that is neither IPv4 nor IPv6 cannot be judged: refused when a filter is on.
    if (!fromHostAddress(address)) {
        return false;
    }
    const bool listed = contains(address);
    return m_mode == Mode::Allow ? listed : !listed;
}

}  // namespace vigil::core::net
