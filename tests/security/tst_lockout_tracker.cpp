// LockoutTracker: SEC-1.7 account lock. N failed logins within a window lock the account AND the
// source address for a time (defaults 5 / 5 min / 30 min, all settings). Time moves with a
// ManualClock: no sleeps. Also: a locked login answers the same whether the password is right or
// not (the tracker is asked before the password), and a flood from 200,000 addresses cannot grow
// the tracker past its cap.

#include <QTest>

#include "common/clock.h"
#include "security/lockout_tracker.h"
#include "security/password_hasher.h"

using vigil::core::ManualClock;
using vigil::core::security::ActiveLock;
using vigil::core::security::Argon2Parameters;
using vigil::core::security::FailureOutcome;
using vigil::core::security::LockoutPolicy;
using vigil::core::security::LockoutTracker;
using vigil::core::security::PasswordHasher;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;  // any UTC ms: the tracker only compares differences
constexpr qint64 kMinute = 60 * 1000;
const QString kUser = QStringLiteral("operator");
const QHostAddress kAddress(QStringLiteral("192.0.2.10"));
const QHostAddress kOtherAddress(QStringLiteral("192.0.2.20"));

QHostAddress nthAddress(int n) {
    return QHostAddress(static_cast<quint32>(0x0A000000 + n));
}

// The order a login takes on the server: lock first, password second. Whatever the password, a
// locked login never reaches the hash, so right and wrong passwords get the same answer.
enum class Answer { LoggedIn, WrongPassword, Locked };

class LoginFlow {
public:
    LoginFlow(LockoutTracker& tracker, const QString& storedHash)
        : m_tracker(tracker), m_storedHash(storedHash) {}

    Answer login(const QString& user, const QHostAddress& from, const QString& password) {
        if (m_tracker.isLocked(user, from)) {
            return Answer::Locked;
        }
        if (m_hasher.verify(password, m_storedHash)->ok) {
            m_tracker.recordSuccess(user, from);
            return Answer::LoggedIn;
        }
        m_tracker.recordFailure(user, from);
        return Answer::WrongPassword;
    }

    static Argon2Parameters cheap() { return Argon2Parameters{256, 1, 1}; }

private:
    LockoutTracker& m_tracker;
    QString m_storedHash;
    PasswordHasher m_hasher{cheap()};
};

}  // namespace

class TestLockoutTracker : public QObject {
    Q_OBJECT

private:
    void fail(LockoutTracker& tracker, int times, const QString& user = kUser,
              const QHostAddress& from = kAddress) {
        for (int i = 0; i < times; ++i) {
            QCOMPARE(tracker.recordFailure(user, from), FailureOutcome::Counted);
        }
    }

private slots:
    void defaultsAreFiveFailuresFiveMinutesThirtyMinutes() {
        const LockoutPolicy policy;
        QCOMPARE(policy.maxFailures, 5);
        QCOMPARE(policy.windowMs, 5 * kMinute);
        QCOMPARE(policy.lockMs, 30 * kMinute);
        QCOMPARE(policy.maxTrackedKeys, 100'000);
    }

    // SEC-1.7: four failures lock nothing; the fifth locks the account and the address.
    void fifthFailureLocksAccountAndAddress() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 4);
        QVERIFY(!tracker.isLocked(kUser, kAddress));

        clock.advance(1000);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);
        qint64 until = 0;
        QVERIFY(tracker.isLocked(kUser, kAddress, &until));
        QCOMPARE(until, kStart + 1000 + 30 * kMinute);
        QCOMPARE(tracker.accountLockedUntil(kUser), until);
        QCOMPARE(tracker.addressLockedUntil(kAddress), until);

        // The account is locked from everywhere, the address for everyone.
        QVERIFY(tracker.isLocked(kUser, kOtherAddress));
        QVERIFY(tracker.isLocked(QStringLiteral("someone-else"), kAddress));
        QVERIFY(!tracker.isLocked(QStringLiteral("someone-else"), kOtherAddress));
    }

    // Issue 3: a locked login answers the same whether the password was right or not.
    void lockedAnswersTheSameWithTheRightPassword() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        const QString right = QStringLiteral("Qwer#947-camera");
        LoginFlow flow(tracker, PasswordHasher(LoginFlow::cheap()).hash(right).value());

        QCOMPARE(flow.login(kUser, kAddress, right), Answer::LoggedIn);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(flow.login(kUser, kAddress, QStringLiteral("guess-%1").arg(i)), Answer::WrongPassword);
        }
        QCOMPARE(flow.login(kUser, kAddress, right), Answer::Locked);
        QCOMPARE(flow.login(kUser, kAddress, QStringLiteral("wrong")), Answer::Locked);
        QCOMPARE(flow.login(kUser, kOtherAddress, right), Answer::Locked);
        QCOMPARE(flow.login(kUser, kOtherAddress, QStringLiteral("wrong")), Answer::Locked);

        clock.advance(30 * kMinute);
        QCOMPARE(flow.login(kUser, kAddress, right), Answer::LoggedIn);
    }

    // SEC-1.7 "for a time": locked until the last millisecond, open after, with a fresh count.
    void unlocksWhenTheTimeHasPassed() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 4);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);

        clock.advance(30 * kMinute - 1);
        QVERIFY(tracker.isLocked(kUser, kAddress));
        clock.advance(1);
        qint64 until = -1;
        QVERIFY(!tracker.isLocked(kUser, kAddress, &until));
        QCOMPARE(until, 0);
        fail(tracker, 4);  // the failures before the lock do not carry over
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);
    }

    // A try while locked neither counts nor extends the lock.
    void failuresWhileLockedDoNotExtendTheLock() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 4);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);
        clock.advance(10 * kMinute);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AlreadyLocked);
        QCOMPARE(tracker.accountLockedUntil(kUser), kStart + 30 * kMinute);
    }

    // SEC-1.7 "within a window": failures older than the window do not count.
    void failuresOutsideTheWindowDoNotCount() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        for (int i = 0; i < 4; ++i) {  // at 0, 1, 2, 3 minutes
            fail(tracker, 1);
            clock.advance(kMinute);
        }
        clock.set(kStart + 5 * kMinute);  // the one at 0 has just left the 5-minute window
        fail(tracker, 1);
        QVERIFY(!tracker.isLocked(kUser, kAddress));
        clock.advance(30 * 1000);  // 1, 2, 3, 5, 5.5 minutes: five inside the window
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);

        ManualClock slow(kStart);
        LockoutTracker patient(slow);
        for (int i = 0; i < 20; ++i) {  // one failure every 75 s never has five in 5 minutes
            QCOMPARE(patient.recordFailure(kUser, kAddress), FailureOutcome::Counted);
            slow.advance(75 * 1000);
        }
    }

    // A good login clears the user's count, not the address's: the address's failures against
    // other accounts (or before) still count.
    void successResetsTheUsersCountOnly() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 4);
        tracker.recordSuccess(kUser, kAddress);
        fail(tracker, 3, kUser, kOtherAddress);
        QVERIFY(!tracker.isLocked(kUser, kOtherAddress));  // 3 since the success, not 7
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AddressLocked);  // 4 + 1 from here
        QCOMPARE(tracker.accountLockedUntil(kUser), 0);
        QVERIFY(tracker.addressLockedUntil(kAddress) > 0);
    }

    void successDoesNotLiftAnAddressLock() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        for (int i = 0; i < 4; ++i) {
            fail(tracker, 1, QStringLiteral("user%1").arg(i));
        }
        QCOMPARE(tracker.recordFailure(QStringLiteral("user4"), kAddress), FailureOutcome::AddressLocked);
        tracker.recordSuccess(QStringLiteral("user4"), kAddress);
        QVERIFY(tracker.isLocked(QStringLiteral("user4"), kAddress));
    }

    // SEC-1.7: the address lock blocks every user from that address, not from others.
    void addressLockBlocksOtherUsers() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        for (int i = 0; i < 4; ++i) {  // password spraying: one try per account
            fail(tracker, 1, QStringLiteral("user%1").arg(i));
        }
        QCOMPARE(tracker.recordFailure(QStringLiteral("user4"), kAddress), FailureOutcome::AddressLocked);
        QVERIFY(tracker.isLocked(QStringLiteral("admin"), kAddress));
        QVERIFY(!tracker.isLocked(QStringLiteral("admin"), kOtherAddress));
        QVERIFY(!tracker.isLocked(QStringLiteral("user0"), kOtherAddress));
    }

    // The account lock follows the user across addresses (a distributed guess at one account).
    void accountLockBlocksEveryAddress() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        for (int i = 0; i < 4; ++i) {
            fail(tracker, 1, kUser, nthAddress(i));
        }
        QCOMPARE(tracker.recordFailure(kUser, nthAddress(4)), FailureOutcome::AccountLocked);
        QVERIFY(tracker.isLocked(kUser, nthAddress(99)));
        QVERIFY(!tracker.isLocked(QStringLiteral("viewer"), nthAddress(0)));
    }

    // "Admin" and "admin" are one account; ::ffff:192.0.2.10 is the client 192.0.2.10.
    void keysAreNormalised() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        const QHostAddress mapped(QStringLiteral("::ffff:192.0.2.10"));
        fail(tracker, 2, QStringLiteral("Admin"), kAddress);
        fail(tracker, 2, QStringLiteral("ADMIN"), mapped);
        QCOMPARE(tracker.recordFailure(QStringLiteral("admin"), mapped),
                 FailureOutcome::AccountAndAddressLocked);
        QVERIFY(tracker.isLocked(QStringLiteral("aDmIn"), kOtherAddress));
        QVERIFY(tracker.isLocked(QStringLiteral("viewer"), kAddress));
        QCOMPARE(LockoutTracker::addressKey(mapped), QStringLiteral("192.0.2.10"));
        QCOMPARE(LockoutTracker::addressKey(QHostAddress(QStringLiteral("fe80::1%eth0"))),
                 QStringLiteral("fe80::1"));
    }

    void administratorUnlocks() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 4);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);
        QCOMPARE(tracker.activeLocks().size(), 2);

        QVERIFY(tracker.unlockAccount(QStringLiteral("OPERATOR")));
        QVERIFY(tracker.isLocked(kUser, kAddress));  // the address is still locked
        QVERIFY(!tracker.isLocked(kUser, kOtherAddress));
        QVERIFY(tracker.unlockAddress(kAddress));
        QVERIFY(!tracker.isLocked(kUser, kAddress));
        QVERIFY(!tracker.unlockAccount(kUser));
        QVERIFY(!tracker.unlockAddress(kAddress));
        QVERIFY(tracker.activeLocks().isEmpty());
    }

    void activeLocksListWhatAndUntilWhen() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 4);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);
        const auto locks = tracker.activeLocks();
        QCOMPARE(locks.size(), 2);
        for (const ActiveLock& lock : locks) {
            QCOMPARE(lock.untilMs, kStart + 30 * kMinute);
            QCOMPARE(lock.key, lock.kind == ActiveLock::Kind::Account ? kUser : QStringLiteral("192.0.2.10"));
        }
        clock.advance(30 * kMinute);
        QVERIFY(tracker.activeLocks().isEmpty());
    }

    // SEC-1.7: N and the time are settings.
    void policyIsSettable() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock, LockoutPolicy{3, kMinute, 10 * kMinute, 1000});
        fail(tracker, 2);
        QCOMPARE(tracker.recordFailure(kUser, kAddress), FailureOutcome::AccountAndAddressLocked);
        QCOMPARE(tracker.accountLockedUntil(kUser), kStart + 10 * kMinute);

        QVERIFY(tracker.setPolicy(LockoutPolicy{}).ok());
        QCOMPARE(tracker.policy(), LockoutPolicy{});
        QCOMPARE(tracker.accountLockedUntil(kUser), kStart + 10 * kMinute);  // set locks keep their end
    }

    void invalidPolicyIsRefused_data() {
        QTest::addColumn<LockoutPolicy>("policy");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("zero failures")
            << LockoutPolicy{0, kMinute, kMinute, 1000} << QStringLiteral("failed logins");
        QTest::newRow("too many failures")
            << LockoutPolicy{5000, kMinute, kMinute, 1000} << QStringLiteral("failed logins");
        QTest::newRow("no window") << LockoutPolicy{5, 0, kMinute, 1000} << QStringLiteral("window");
        QTest::newRow("negative lock") << LockoutPolicy{5, kMinute, -1, 1000} << QStringLiteral("lock time");
        QTest::newRow("no tracking") << LockoutPolicy{5, kMinute, kMinute, 0} << QStringLiteral("tracked");
    }
    void invalidPolicyIsRefused() {
        QFETCH(LockoutPolicy, policy);
        QFETCH(QString, mentions);
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        const auto status = tracker.setPolicy(policy);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("lockout_policy_invalid"));
        QVERIFY2(status.error().message.contains(mentions), qPrintable(status.error().message));
        QCOMPARE(tracker.policy(), LockoutPolicy{});

        // Given to the constructor, the same values are clamped into range instead.
        LockoutTracker clamped(clock, policy);
        QVERIFY(LockoutTracker::validate(clamped.policy()).ok());
    }

    // Entries whose window and lock are over go away.
    void expiredEntriesArePurged() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        fail(tracker, 2);
        fail(tracker, 4, QStringLiteral("other"), kOtherAddress);
        QCOMPARE(tracker.recordFailure(QStringLiteral("other"), kOtherAddress),
                 FailureOutcome::AccountAndAddressLocked);
        clock.advance(5 * kMinute);
        tracker.purgeExpired();
        QCOMPARE(tracker.trackedAccounts(), 1);  // only the lock remains
        QCOMPARE(tracker.trackedAddresses(), 1);
        clock.advance(25 * kMinute);
        tracker.purgeExpired();
        QCOMPARE(tracker.trackedAccounts(), 0);
        QCOMPARE(tracker.trackedAddresses(), 0);
    }

    // A flood from 200,000 addresses (one guess each at "admin", and one at as many invented user
    // names) never grows either table past the cap, and locks made before the flood survive it.
    void evictionCapHoldsUnderAFlood() {
        ManualClock clock(kStart);
        LockoutTracker tracker(clock);
        const int cap = tracker.policy().maxTrackedKeys;
        fail(tracker, 4, QStringLiteral("victim"), kAddress);
        QCOMPARE(tracker.recordFailure(QStringLiteral("victim"), kAddress),
                 FailureOutcome::AccountAndAddressLocked);

        constexpr int kFlood = 200'000;
        for (int i = 0; i < kFlood; ++i) {
            tracker.recordFailure(i % 2 == 0 ? QStringLiteral("admin") : QStringLiteral("user%1").arg(i),
                                  nthAddress(i));
            if (i % 1000 == 0) {
                clock.advance(1);
                QVERIFY(tracker.trackedAddresses() <= cap);
                QVERIFY(tracker.trackedAccounts() <= cap);
            }
        }
        QVERIFY(tracker.trackedAddresses() <= cap);
        QVERIFY(tracker.trackedAccounts() <= cap);
        QVERIFY(tracker.trackedAddresses() > cap / 2);  // eviction trims, it does not empty the table
        QVERIFY(tracker.isLocked(QStringLiteral("victim"), kOtherAddress));
        QVERIFY(tracker.isLocked(QStringLiteral("anyone"), kAddress));
        QVERIFY(
            tracker.isLocked(QStringLiteral("admin"), kOtherAddress));  // the sprayed account locked early
    }
};

QTEST_GUILESS_MAIN(TestLockoutTracker)
#include "tst_lockout_tracker.moc"
