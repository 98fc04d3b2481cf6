#pragma once
// LockoutTracker: SEC-1.7 account lock. maxFailures failed logins within windowMs lock the account
// (the user name, from every address) AND the source address (for every user name) for lockMs.
// Defaults 5 failures / 5 min / 30 min; every value is a setting.
//
// The login path asks isLocked() BEFORE it looks at the password, so a locked login answers the same
// whether the password was right or not; it calls recordFailure() for unknown user names too, so the
// tracker itself reveals nothing about which accounts exist.
//
// In memory only: the server persists active locks (activeLocks()) if they must survive a restart.
// Memory is bounded: each table (accounts, addresses) holds at most maxTrackedKeys entries. When one
// is full, entries whose window and lock have passed go first; if still full, the oldest partial
// counts are dropped, and an active lock is dropped only when the table holds nothing but locks (the
// one ending soonest first). An entry costs ~230 bytes (measured with 200,000 addresses and user
// names), so both tables full at the default cap hold about 45 MB, whatever the flood.
//
// Thread safe (one mutex); time comes from the injected Clock, which must outlive the tracker.

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QString>

#include "common/clock.h"
#include "common/result.h"

namespace vigil::core::security {

struct LockoutPolicy {
    static constexpr int kDefaultMaxFailures = 5;
    static constexpr qint64 kDefaultWindowMs = 5 * 60 * 1000;
    static constexpr qint64 kDefaultLockMs = 30 * 60 * 1000;
    static constexpr int kDefaultMaxTrackedKeys = 100'000;

    int maxFailures = kDefaultMaxFailures;        // failures within the window that lock
    qint64 windowMs = kDefaultWindowMs;           // how far back failures count
    qint64 lockMs = kDefaultLockMs;               // how long a lock lasts
    int maxTrackedKeys = kDefaultMaxTrackedKeys;  // per table: user names, addresses

    bool operator==(const LockoutPolicy&) const = default;
};

enum class FailureOutcome {
    Counted,        // counted; nothing locked by this failure
    AccountLocked,  // this failure locked the account (the address was already locked or is not yet)
    AddressLocked,  // this failure locked the address
    AccountAndAddressLocked,
    AlreadyLocked,  // account and address were both locked already: nothing counted, no lock extended
};

struct ActiveLock {
    enum class Kind { Account, Address };
    Kind kind = Kind::Account;
    QString key;  // case-folded user name, or the address as text
    qint64 untilMs = 0;
};

class LockoutTracker {
public:
    static constexpr int kMaxFailuresLimit = 1000;
    static constexpr int kMinTrackedKeys = 10;

    // An invalid policy is clamped field by field into the ranges validate() accepts.
    explicit LockoutTracker(const Clock& clock, LockoutPolicy policy = {});

    // Error lockout_policy_invalid saying which value is out of range and what range to use.
    static Status validate(const LockoutPolicy& policy);
    // Applies to failures from now on; locks already set keep their end time.
    Status setPolicy(const LockoutPolicy& policy);
    LockoutPolicy policy() const;

    // True when the account or the address is locked now; `untilMs` gets the later end of the two.
    bool isLocked(const QString& userName, const QHostAddress& address, qint64* untilMs = nullptr) const;
    qint64 accountLockedUntil(const QString& userName) const;      // 0 when not locked
    qint64 addressLockedUntil(const QHostAddress& address) const;  // 0 when not locked

    FailureOutcome recordFailure(const QString& userName, const QHostAddress& address);
    // Clears the user's failure count. The address keeps its count and any lock: a valid login from
    // an address must not wash away the failures it made against other accounts.
    void recordSuccess(const QString& userName, const QHostAddress& address);

    // Administrator actions; true when a lock was in force.
    bool unlockAccount(const QString& userName);
    bool unlockAddress(const QHostAddress& address);

    QList<ActiveLock> activeLocks() const;
    // Drops entries whose window and lock are over; also done when a table fills.
    void purgeExpired();

    int trackedAccounts() const;
    int trackedAddresses() const;

    // How keys are formed: user names compare case-insensitively; an IPv4-mapped IPv6 address is
    // the same client as its IPv4 form.
    static QString accountKey(const QString& userName);
    static QString addressKey(const QHostAddress& address);

private:
    struct Entry {
        QList<qint64> failures;  // times of failures still inside the window, oldest first
        qint64 lockedUntilMs = 0;
    };
    using Table = QHash<QString, Entry>;
    enum class Step { Counted, Locked, AlreadyLocked };

    Step countFailure(Table& table, const QString& key, qint64 nowMs);
    void makeRoom(Table& table, const QString& key, qint64 nowMs);
    void purge(Table& table, qint64 nowMs) const;
    void evictOldest(Table& table, qint64 nowMs) const;
    bool isLive(const Entry& entry, qint64 nowMs) const;
    static qint64 lockedUntil(const Table& table, const QString& key, qint64 nowMs);
    static bool unlock(Table& table, const QString& key, qint64 nowMs);

    const Clock& m_clock;
    mutable QMutex m_mutex;
    LockoutPolicy m_policy;
    Table m_accounts;
    Table m_addresses;
};

}  // namespace vigil::core::security
