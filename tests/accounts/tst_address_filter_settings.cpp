// The address filter's settings document and the self lock-out rule (SEC-2.5), without a network:
// strict request parsing that names every bad entry, the stored form, the 409 decision for an
// administrator's own address (IPv4, IPv4-mapped IPv6, loopback) and the once-a-minute refusal
// line. tst_address_filter_api runs the same rules through a real engine.

#include <QJsonArray>
#include <QTest>

#include "accounts/address_filter_settings.h"
#include "common/clock.h"
#include "http/refusal_log.h"

using namespace vigil;
using core::net::AddressFilter;
using server::AddressFilterSettings;

namespace {

AddressFilter filterOf(AddressFilter::Mode mode, const QStringList& entries) {
    auto filter = AddressFilter::create(mode, entries);
    return filter ? filter.value() : AddressFilter();
}

}  // namespace

class TestAddressFilterSettings : public QObject {
    Q_OBJECT

private slots:
    void requestParses() {
        const auto change = AddressFilterSettings::fromRequest(QJsonObject{
            {"mode", "deny"}, {"entries", QJsonArray{"10.0.0.0/8", "192.0.2.7"}}, {"confirm", true}});
        QVERIFY(change);
        QCOMPARE(change->filter.mode(), AddressFilter::Mode::Deny);
        QCOMPARE(change->filter.entries(), QStringList({"10.0.0.0/8", "192.0.2.7"}));
        QVERIFY(change->confirm);
        const auto plain =
            AddressFilterSettings::fromRequest(QJsonObject{{"mode", "off"}, {"entries", QJsonArray{}}});
        QVERIFY(plain);
        QVERIFY(!plain->confirm);
    }

    void requestNamesEveryBadEntry() {
        const auto change = AddressFilterSettings::fromRequest(QJsonObject{
            {"mode", "allow"}, {"entries", QJsonArray{"10.0.0.300", "10.0.0.0/8", "not-an-address"}}});
        QVERIFY(!change);
        QCOMPARE(change.error().code, QStringLiteral("bad_request"));
        QVERIFY2(change.error().message.contains("10.0.0.300"), qPrintable(change.error().message));
        QVERIFY2(change.error().message.contains("not-an-address"), qPrintable(change.error().message));
    }

    void requestRefusesUnknownFieldsAndModes() {
        auto change = AddressFilterSettings::fromRequest(
            QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{}}, {"confirmed", true}});
        QVERIFY(!change);
        QCOMPARE(change.error().code, QStringLiteral("bad_request"));
        QVERIFY(change.error().message.contains("confirmed"));
        change =
            AddressFilterSettings::fromRequest(QJsonObject{{"mode", "block"}, {"entries", QJsonArray{}}});
        QVERIFY(!change);
        QVERIFY(change.error().message.contains("block"));
        change = AddressFilterSettings::fromRequest(QJsonObject{{"mode", "deny"}});
        QVERIFY(!change);
        QVERIFY(change.error().message.contains("entries"));
    }

    void storedFormRoundTrips() {
        const AddressFilter filter = filterOf(AddressFilter::Mode::Allow, {"192.0.2.0/24", "2001:db8::/32"});
        const auto back = AddressFilterSettings::fromStored(AddressFilterSettings::toStored(filter));
        QVERIFY(back);
        QCOMPARE(back->mode(), AddressFilter::Mode::Allow);
        QCOMPARE(back->entries(), filter.entries());
        QVERIFY(!AddressFilterSettings::fromStored(QStringLiteral("{\"mode\":\"deny\"}")));
    }

    void selfLockOutNeedsConfirmation_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QStringList>("entries");
        QTest::addColumn<QString>("requester");
        QTest::addColumn<bool>("refused");
        const int deny = static_cast<int>(AddressFilter::Mode::Deny);
        const int allow = static_cast<int>(AddressFilter::Mode::Allow);
        const int off = static_cast<int>(AddressFilter::Mode::Off);
        QTest::newRow("deny holds me") << deny << QStringList{"192.0.2.0/24"} << "192.0.2.7" << true;
        QTest::newRow("deny holds me, mapped")
            << deny << QStringList{"192.0.2.7"} << "::ffff:192.0.2.7" << true;
        QTest::newRow("deny without me") << deny << QStringList{"198.51.100.0/24"} << "192.0.2.7" << false;
        QTest::newRow("allow without me") << allow << QStringList{"198.51.100.0/24"} << "192.0.2.7" << true;
        QTest::newRow("allow holds me")
            << allow << QStringList{"192.0.2.1-192.0.2.9"} << "192.0.2.7" << false;
        QTest::newRow("off") << off << QStringList{"192.0.2.7"} << "192.0.2.7" << false;
        // The server's own machine can always get in, so it can always undo a filter.
        QTest::newRow("loopback") << deny << QStringList{"127.0.0.0/8"} << "127.0.0.1" << false;
    }

    void selfLockOutNeedsConfirmation() {
        QFETCH(int, mode);
        QFETCH(QStringList, entries);
        QFETCH(QString, requester);
        QFETCH(bool, refused);
        const AddressFilter filter = filterOf(static_cast<AddressFilter::Mode>(mode), entries);
        const core::Status unconfirmed =
            AddressFilterSettings::checkSelfLockOut(filter, QHostAddress(requester), false);
        QCOMPARE(!unconfirmed.ok(), refused);
        if (refused) {
            QCOMPARE(unconfirmed.error().code, QStringLiteral("would_lock_out_self"));
            QVERIFY(unconfirmed.error().message.contains(requester));
        }
        QVERIFY(AddressFilterSettings::checkSelfLockOut(filter, QHostAddress(requester), true).ok());
    }

    void refusalsLogOncePerMinutePerAddress() {
        core::ManualClock clock(1'000'000);
        server::RefusalLog log(clock);
        const QHostAddress scanner(QStringLiteral("198.51.100.9"));
        QVERIFY(!log.record(scanner).isEmpty());
        for (int i = 0; i < 50; ++i) {
            QVERIFY(log.record(scanner).isEmpty());
        }
        // Another address has its own minute.
        QVERIFY(!log.record(QHostAddress(QStringLiteral("198.51.100.10"))).isEmpty());
        clock.advance(server::RefusalLog::kIntervalMs);
        const QString line = log.record(scanner);
        QVERIFY2(line.contains("198.51.100.9") && line.contains("50 more"), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestAddressFilterSettings)
#include "tst_address_filter_settings.moc"
