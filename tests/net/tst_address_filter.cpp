// AddressFilter (SEC-2.5): allow list / deny list of addresses, CIDR networks and ranges, applied
// to a connection before any other work; an admin cannot lock out their own address unconfirmed.

#include <QTest>

#include "net/address_filter.h"

using vigil::core::net::AddressFilter;
using vigil::core::net::AddressRange;
using Mode = AddressFilter::Mode;

namespace {

AddressFilter make(Mode mode, const QStringList& entries) {
    auto filter = AddressFilter::create(mode, entries);
    if (!filter) {
        qFatal("%s", qPrintable(filter.error().message));
    }
    return filter.value();
}

QHostAddress addr(const char* text) {
    return QHostAddress(QString::fromLatin1(text));
}

}  // namespace

class TestAddressFilter : public QObject {
    Q_OBJECT

private slots:
    void parsesValidEntries_data() {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("ipv4") << "192.168.1.10"
                              << "192.168.1.10";
        QTest::newRow("ipv4 spaces") << "  10.0.0.1 "
                                     << "10.0.0.1";
        QTest::newRow("ipv4 cidr") << "10.0.0.0/8"
                                   << "10.0.0.0/8";
        QTest::newRow("ipv4 /0") << "0.0.0.0/0"
                                 << "0.0.0.0/0";
        QTest::newRow("ipv4 /32") << "10.1.2.3/32"
                                  << "10.1.2.3/32";
        QTest::newRow("ipv4 range") << "192.168.1.10-192.168.1.50"
                                    << "192.168.1.10-192.168.1.50";
        QTest::newRow("range spaces") << "192.168.1.10 - 192.168.1.50"
                                      << "192.168.1.10-192.168.1.50";
        QTest::newRow("range of one") << "10.0.0.1-10.0.0.1"
                                      << "10.0.0.1";
        QTest::newRow("ipv6") << "2001:DB8::1"
                              << "2001:db8::1";
        QTest::newRow("ipv6 cidr") << "2001:db8::/32"
                                   << "2001:db8::/32";
        QTest::newRow("ipv6 /128") << "::1/128"
                                   << "::1/128";
        QTest::newRow("ipv6 /0") << "::/0"
                                 << "::/0";
        QTest::newRow("ipv6 range") << "2001:db8::1-2001:db8::ff"
                                    << "2001:db8::1-2001:db8::ff";
        QTest::newRow("mapped single") << "::ffff:10.1.2.3"
                                       << "10.1.2.3";
        QTest::newRow("mapped cidr") << "::ffff:10.0.0.0/104"
                                     << "10.0.0.0/8";
        QTest::newRow("mapped range") << "::ffff:10.0.0.1-10.0.0.9"
                                      << "10.0.0.1-10.0.0.9";
    }
    void parsesValidEntries() {
        QFETCH(QString, entry);
        QFETCH(QString, canonical);
        const auto range = AddressRange::parse(entry);
        QVERIFY2(range.ok(), range.ok() ? "" : qPrintable(range.error().message));
        QCOMPARE(range->text, canonical);
        // The canonical text parses back to the same range: what we store reads back unchanged.
        const auto again = AddressRange::parse(range->text);
        QVERIFY(again.ok());
        QCOMPARE(again->first, range->first);
        QCOMPARE(again->last, range->last);
    }

    void refusesBadEntriesNamingThem_data() {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("hint");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("blank") << "   "
                               << "empty";
        QTest::newRow("word") << "office"
                              << "four numbers";
        QTest::newRow("host name") << "camera.local"
                                   << "four numbers";
        QTest::newRow("octet 256") << "10.0.0.256"
                                   << "four numbers";
        QTest::newRow("three octets") << "10.0.1"
                                      << "four numbers";
        QTest::newRow("shorthand") << "127.1"
                                   << "four numbers";
        QTest::newRow("leading zero") << "010.0.0.1"
                                      << "four numbers";
        QTest::newRow("five octets") << "1.2.3.4.5"
                                     << "four numbers";
        QTest::newRow("with port") << "10.0.0.1:80"
                                   << "four numbers";
        QTest::newRow("brackets") << "[::1]"
                                  << "brackets";
        QTest::newRow("scope id") << "fe80::1%eth0"
                                  << "interface";
        QTest::newRow("bad ipv6") << "2001:db8:::1"
                                  << "IPv6";
        QTest::newRow("prefix 33") << "10.0.0.0/33"
                                   << "from 0 to 32";
        QTest::newRow("prefix 129") << "2001:db8::/129"
                                    << "from 0 to 128";
        QTest::newRow("prefix negative") << "10.0.0.0/-1"
                                         << "either one";
        QTest::newRow("prefix word") << "10.0.0.0/eight"
                                     << "from 0 to 32";
        QTest::newRow("prefix empty") << "10.0.0.0/"
                                      << "from 0 to 32";
        QTest::newRow("host bits") << "192.168.1.10/24"
                                   << "192.168.1.0/24";
        QTest::newRow("ipv6 host bits") << "2001:db8::1/32"
                                        << "2001:db8::/32";
        QTest::newRow("mapped prefix short") << "::ffff:10.0.0.0/8"
                                             << "from 96 to 128";
        QTest::newRow("reversed range") << "10.0.0.9-10.0.0.1"
                                        << "swap";
        QTest::newRow("mixed range") << "10.0.0.1-2001:db8::1"
                                     << "both IPv6";
        QTest::newRow("half range") << "10.0.0.1-"
                                    << "joined by '-'";
        QTest::newRow("two slashes") << "10.0.0.0/8/8"
                                     << "either one";
        QTest::newRow("slash and dash") << "10.0.0.0/8-10.0.0.1"
                                        << "either one";
        QTest::newRow("unicode digits") << QString::fromUtf8("١٠.0.0.1") << "four numbers";
        QTest::newRow("too long") << QString(200, u'1') << "longer than 100";
    }
    void refusesBadEntriesNamingThem() {
        QFETCH(QString, entry);
        QFETCH(QString, hint);
        const auto range = AddressRange::parse(entry);
        QVERIFY2(!range.ok(), qPrintable(range.ok() ? range->text : QString()));
        QCOMPARE(range.error().code, QStringLiteral("address_filter_bad_entry"));
        QVERIFY2(range.error().message.contains(entry.trimmed().left(AddressFilter::kMaxEntryLength)),
                 qPrintable(range.error().message));
        QVERIFY2(range.error().message.contains(hint), qPrintable(range.error().message));
    }

    // One message lists every bad entry with its position, so a user fixes them in one go.
    void createListsEveryBadEntry() {
        const auto filter = AddressFilter::create(
            Mode::Allow,
            {QStringLiteral("10.0.0.0/8"), QStringLiteral("bad"), QStringLiteral("10.0.0.0/40")});
        QVERIFY(!filter.ok());
        const QString message = filter.error().message;
        QVERIFY2(message.contains(QStringLiteral("entry 2: \"bad\"")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("entry 3: \"10.0.0.0/40\"")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("entry 1")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not changed")), qPrintable(message));
    }

    void createRefusesTooManyEntries() {
        QStringList entries;
        for (int i = 0; i <= AddressFilter::kMaxEntries; ++i) {
            entries.append(QStringLiteral("10.%1.%2.0/24").arg(i / 256).arg(i % 256));
        }
        const auto filter = AddressFilter::create(Mode::Deny, entries);
        QVERIFY(!filter.ok());
        QCOMPARE(filter.error().code, QStringLiteral("address_filter_too_many"));
        entries.removeLast();
        QVERIFY(AddressFilter::create(Mode::Deny, entries).ok());
    }

    void modeNames() {
        for (const Mode mode : {Mode::Off, Mode::Allow, Mode::Deny}) {
            const auto parsed = AddressFilter::parseMode(AddressFilter::modeName(mode));
            QVERIFY(parsed.ok());
            QCOMPARE(parsed.value(), mode);
        }
        const auto bad = AddressFilter::parseMode(QStringLiteral("Allow"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("address_filter_bad_mode"));
        QVERIFY(bad.error().message.contains(QStringLiteral("\"Allow\"")));
    }

    void offPermitsEveryone() {
        const AddressFilter filter = make(Mode::Off, {QStringLiteral("10.0.0.0/8")});
        QVERIFY(filter.permits(addr("10.1.2.3")));
        QVERIFY(filter.permits(addr("203.0.113.7")));
        QVERIFY(AddressFilter().permits(addr("2001:db8::1")));
    }

    void allowListPermitsOnlyListed() {
        const AddressFilter filter =
            make(Mode::Allow, {QStringLiteral("10.0.0.0/8"), QStringLiteral("192.168.1.10-192.168.1.50"),
                               QStringLiteral("2001:db8::/32"), QStringLiteral("198.51.100.7")});
        QVERIFY(filter.permits(addr("10.0.0.0")));
        QVERIFY(filter.permits(addr("10.255.255.255")));
        QVERIFY(!filter.permits(addr("11.0.0.0")));
        QVERIFY(!filter.permits(addr("9.255.255.255")));
        QVERIFY(!filter.permits(addr("192.168.1.9")));
        QVERIFY(filter.permits(addr("192.168.1.10")));
        QVERIFY(filter.permits(addr("192.168.1.50")));
        QVERIFY(!filter.permits(addr("192.168.1.51")));
        QVERIFY(filter.permits(addr("198.51.100.7")));
        QVERIFY(!filter.permits(addr("198.51.100.8")));
        QVERIFY(filter.permits(addr("2001:db8:ffff::1")));
        QVERIFY(!filter.permits(addr("2001:db9::1")));
        QVERIFY(!filter.permits(addr("203.0.113.7")));
        QVERIFY(!filter.permits(QHostAddress()));
        QCOMPARE(filter.matchingEntry(addr("192.168.1.20")).value_or(QString()),
                 QStringLiteral("192.168.1.10-192.168.1.50"));
        QVERIFY(!filter.matchingEntry(addr("192.168.1.60")).has_value());
    }

    void denyListRefusesOnlyListed() {
        const AddressFilter filter =
            make(Mode::Deny, {QStringLiteral("203.0.113.0/24"), QStringLiteral("2001:db8::/32")});
        QVERIFY(!filter.permits(addr("203.0.113.1")));
        QVERIFY(!filter.permits(addr("2001:db8::42")));
        QVERIFY(filter.permits(addr("203.0.114.1")));
        QVERIFY(filter.permits(addr("2001:db9::42")));
        QVERIFY(!filter.permits(QHostAddress()));
    }

    // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d: the IPv4 entries still apply.
    void mappedAddressesCountAsIpv4() {
        const AddressFilter allow = make(Mode::Allow, {QStringLiteral("10.0.0.0/8")});
        QVERIFY(allow.permits(addr("::ffff:10.1.2.3")));
        QVERIFY(!allow.permits(addr("::ffff:11.1.2.3")));
        const AddressFilter deny = make(Mode::Deny, {QStringLiteral("::ffff:203.0.113.5")});
        QVERIFY(!deny.permits(addr("203.0.113.5")));
        QVERIFY(!deny.permits(addr("::ffff:203.0.113.5")));
        QVERIFY(deny.permits(addr("203.0.113.6")));
        // An IPv6 network never swallows IPv4 clients: "::/0" is every IPv6 address only.
        const AddressFilter v6only = make(Mode::Deny, {QStringLiteral("::/0")});
        QVERIFY(!v6only.permits(addr("2001:db8::1")));
        QVERIFY(v6only.permits(addr("203.0.113.5")));
        QVERIFY(v6only.permits(addr("::ffff:203.0.113.5")));
    }

    // The server's console (127.0.0.1, ::1) stays reachable whatever the list says, so a local admin can
    // repair it; the rest of 127.0.0.0/8 is filtered like any other address.
    void consoleAlwaysPermitted() {
        const AddressFilter allowNothing = make(Mode::Allow, {});
        const AddressFilter denyAll = make(
            Mode::Deny, {QStringLiteral("0.0.0.0/0"), QStringLiteral("::/0"), QStringLiteral("127.0.0.0/8")});
        for (const char* local : {"127.0.0.1", "::1", "::ffff:127.0.0.1"}) {
            QVERIFY2(allowNothing.permits(addr(local)), local);
            QVERIFY2(denyAll.permits(addr(local)), local);
            QVERIFY2(AddressFilter::isConsole(addr(local)), local);
            QVERIFY2(AddressFilter::isLoopback(addr(local)), local);
        }
        QVERIFY(!allowNothing.permits(addr("127.255.0.9")));
        QVERIFY(!denyAll.permits(addr("127.0.0.2")));
        QVERIFY(AddressFilter::isLoopback(addr("127.0.0.2")));
        QVERIFY(!AddressFilter::isConsole(addr("127.0.0.2")));
        QVERIFY(!allowNothing.permits(addr("10.0.0.1")));
        QVERIFY(!denyAll.permits(addr("10.0.0.1")));
        QVERIFY(!denyAll.permits(addr("::2")));
        QVERIFY(!AddressFilter::isLoopback(addr("128.0.0.1")));
        QVERIFY(!AddressFilter::isLoopback(addr("::")));
    }

    // The rule for PUT /settings/address-filter: 409 would_lock_out_self unless confirmed.
    void wouldLockOutTheRequester() {
        const QHostAddress admin = addr("192.168.1.20");
        QVERIFY(make(Mode::Allow, {QStringLiteral("10.0.0.0/8")}).wouldLockOut(admin));
        QVERIFY(!make(Mode::Allow, {QStringLiteral("192.168.1.0/24")}).wouldLockOut(admin));
        QVERIFY(make(Mode::Deny, {QStringLiteral("192.168.1.0/24")}).wouldLockOut(admin));
        QVERIFY(!make(Mode::Deny, {QStringLiteral("10.0.0.0/8")}).wouldLockOut(admin));
        QVERIFY(!make(Mode::Off, {QStringLiteral("192.168.1.0/24")}).wouldLockOut(admin));
        QVERIFY(!make(Mode::Allow, {}).wouldLockOut(addr("127.0.0.1")));
    }

    // The per-user allowedAddresses list: membership only, no loopback exception.
    void containsIgnoresModeAndLoopback() {
        const AddressFilter list = make(Mode::Off, {QStringLiteral("10.0.0.0/8")});
        QVERIFY(list.contains(addr("10.2.3.4")));
        QVERIFY(!list.contains(addr("127.0.0.1")));
        QVERIFY(!list.contains(QHostAddress()));
        QCOMPARE(list.entries(), QStringList{QStringLiteral("10.0.0.0/8")});
    }

    void edgesOfWideNetworks() {
        const AddressFilter filter =
            make(Mode::Allow, {QStringLiteral("2001:db8::/31"), QStringLiteral("fe80::/64"),
                               QStringLiteral("2001:db8:1:2::/65")});
        QVERIFY(filter.permits(addr("2001:db9:ffff:ffff:ffff:ffff:ffff:ffff")));
        QVERIFY(!filter.permits(addr("2001:dba::")));
        QVERIFY(filter.permits(addr("fe80::ffff:ffff:ffff:ffff")));
        QVERIFY(!filter.permits(addr("fe80:0:0:1::")));
        const auto half = AddressRange::parse(QStringLiteral("2001:db8:1:2::/65"));
        QVERIFY(half.ok());
        QVERIFY(half->contains(addr("2001:db8:1:2:7fff:ffff:ffff:ffff")));
        QVERIFY(!half->contains(addr("2001:db8:1:2:8000::")));
    }
};

QTEST_GUILESS_MAIN(TestAddressFilter)
#include "tst_address_filter.moc"
