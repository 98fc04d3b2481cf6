#include "security/lockout_tracker.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <algorithm>
#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcLockout, "vigil.core.security.lockout")

namespace vigil::core::security {

namespace {

constexpr qint64 kMinDurationMs = 1000;
constexpr qint64 kMaxDurationMs = 366LL * 24 * 60 * 60 * 1000;
constexpr int kEvictFraction = 10;  // a full table drops a tenth at once so floods sort rarely

Error invalid(const QString& what) {
    return Error::make(
        QStringLiteral("lockout_policy_invalid"),
        QStringLiteral("The account lock settings are not valid: %1. Change the value and save "
                       "again.")
            .arg(what));
}

}  // namespace

LockoutTracker::LockoutTracker(const Clock& clock, LockoutPolicy policy) : m_clock(clock) {
    policy.maxFailures = std::clamp(policy.maxFailures, 1, kMaxFailuresLimit);
    policy.windowMs = std::clamp(policy.windowMs, kMinDurationMs, kMaxDurationMs);
    policy.lockMs = std::clamp(policy.lockMs, kMinDurationMs, kMaxDurationMs);
    policy.maxTrackedKeys = std::max(policy.maxTrackedKeys, kMinTrackedKeys);
    m_policy = policy;
}

Status LockoutTracker::validate(const LockoutPolicy& policy) {
    if (policy.maxFailures < 1 || policy.maxFailures > kMaxFailuresLimit) {
        return invalid(
            QStringLiteral("the number of failed logins must be between 1 and %1").arg(kMaxFailuresLimit));
    }
    if (policy.windowMs < kMinDurationMs || policy.windowMs > kMaxDurationMs) {
        return invalid(QStringLiteral("the counting window must be between 1 second and 366 days"));
    }
    if (policy.lockMs < kMinDurationMs || policy.lockMs > kMaxDurationMs) {
        return invalid(QStringLiteral("the lock time must be between 1 second and 366 days"));
    }
    if (policy.maxTrackedKeys < kMinTrackedKeys) {
        return invalid(
            QStringLiteral("at least %1 user names and addresses must be tracked").arg(kMinTrackedKeys));
    }
    return {};
}

Status LockoutTracker::setPolicy(const LockoutPolicy& policy) {
    Status valid = validate(policy);
    if (!valid) {
        return valid;
    }
    const QMutexLocker lock(&m_mutex);
    m_policy = policy;
    return {};
}

LockoutPolicy LockoutTracker::policy() const {
    const QMutexLocker lock(&m_mutex);
    return m_policy;
}

bool LockoutTracker::isLocked(const QString& userName, const QHostAddress& address, qint64* untilMs) const {
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const qint64 until = std::max(lockedUntil(m_accounts, accountKey(userName), now),
                                  lockedUntil(m_addresses, addressKey(address), now));
    if (untilMs != nullptr) {
        *untilMs = until;
    }
    return until != 0;
}

qint64 LockoutTracker::accountLockedUntil(const QString& userName) const {
    const QMutexLocker lock(&m_mutex);
    return lockedUntil(m_accounts, accountKey(userName), m_clock.nowMs());
}

qint64 LockoutTracker::addressLockedUntil(const QHostAddress& address) const {
    const QMutexLocker lock(&m_mutex);
    return lockedUntil(m_addresses, addressKey(address), m_clock.nowMs());
}

FailureOutcome LockoutTracker::recordFailure(const QString& userName, const QHostAddress& address) {
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const Step account = countFailure(m_accounts, accountKey(userName), now);
    const Step source = countFailure(m_addresses, addressKey(address), now);
    if (account == Step::Locked && source == Step::Locked) {
        qCInfo(lcLockout) << "account and address locked after repeated failed logins";
        return FailureOutcome::AccountAndAddressLocked;
    }
    if (account == Step::Locked) {
        qCInfo(lcLockout) << "account locked after repeated failed logins";
        return FailureOutcome::AccountLocked;
    }
    if (source == Step::Locked) {
        qCInfo(lcLockout) << "address locked after repeated failed logins";
        return FailureOutcome::AddressLocked;
    }
    if (account == Step::AlreadyLocked && source == Step::AlreadyLocked) {
        return FailureOutcome::AlreadyLocked;
    }
    return FailureOutcome::Counted;
}

void LockoutTracker::recordSuccess(const QString& userName, const QHostAddress& address) {
    Q_UNUSED(address);  // deliberately: see the header
    const QMutexLocker lock(&m_mutex);
    const auto it = m_accounts.find(accountKey(userName));
    if (it == m_accounts.end()) {
        return;
    }
    it->failures.clear();
    if (it->lockedUntilMs <= m_clock.nowMs()) {
        m_accounts.erase(it);
    }
}

bool LockoutTracker::unlockAccount(const QString& userName) {
    const QMutexLocker lock(&m_mutex);
    return unlock(m_accounts, accountKey(userName), m_clock.nowMs());
}

bool LockoutTracker::unlockAddress(const QHostAddress& address) {
    const QMutexLocker lock(&m_mutex);
    return unlock(m_addresses, addressKey(address), m_clock.nowMs());
}

QList<ActiveLock> LockoutTracker::activeLocks() const {
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    QList<ActiveLock> locks;
    const auto collect = [&locks, now](const Table& table, ActiveLock::Kind kind) {
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            if (it->lockedUntilMs > now) {
                locks.append(ActiveLock{kind, it.key(), it->lockedUntilMs});
            }
        }
    };
    collect(m_accounts, ActiveLock::Kind::Account);
    collect(m_addresses, ActiveLock::Kind::Address);
    return locks;
}

void LockoutTracker::purgeExpired() {
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    purge(m_accounts, now);
    purge(m_addresses, now);
}

int LockoutTracker::trackedAccounts() const {
    const QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_accounts.size());
}

int LockoutTracker::trackedAddresses() const {
    const QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_addresses.size());
}

QString LockoutTracker::accountKey(const QString& userName) {
    return userName.toCaseFolded();
}

QString LockoutTracker::addressKey(const QHostAddress& address) {
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);  // also unwraps ::ffff:a.b.c.d
    if (isIpv4) {
        return QHostAddress(ipv4).toString();
    }
    QHostAddress unscoped(address);
    unscoped.setScopeId(QString());
    return unscoped.toString();
}

LockoutTracker::Step LockoutTracker::countFailure(Table& table, const QString& key, qint64 nowMs) {
    makeRoom(table, key, nowMs);
    Entry& entry = table[key];
    if (entry.lockedUntilMs > nowMs) {
        return Step::AlreadyLocked;  // a lock is never extended by more tries: it ends when it said
    }
    const qint64 windowStart = nowMs - m_policy.windowMs;
    entry.failures.removeIf([windowStart](qint64 at) { return at <= windowStart; });
    entry.failures.append(nowMs);
    if (entry.failures.size() < m_policy.maxFailures) {
        return Step::Counted;
    }
    entry.failures.clear();  // after the lock, the count starts again from zero
    entry.lockedUntilMs = nowMs + m_policy.lockMs;
    return Step::Locked;
}

void LockoutTracker::makeRoom(Table& table, const QString& key, qint64 nowMs) {
    if (table.size() < m_policy.maxTrackedKeys || table.contains(key)) {
        return;
    }
    purge(table, nowMs);
    if (table.size() >= m_policy.maxTrackedKeys) {
        evictOldest(table, nowMs);
    }
}

void LockoutTracker::purge(Table& table, qint64 nowMs) const {
    table.removeIf([this, nowMs](const Table::iterator& it) { return !isLive(it.value(), nowMs); });
}

// Sort key: partial counts before locks; among counts the stalest first, among locks the one ending
// soonest first. Dropping a tenth at once keeps a flood's cost to one sort per tenth of the table.
void LockoutTracker::evictOldest(Table& table, qint64 nowMs) const {
    std::vector<std::pair<std::pair<bool, qint64>, QString>> order;
    order.reserve(static_cast<size_t>(table.size()));
    bool droppingLocks = false;
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        const bool locked = it->lockedUntilMs > nowMs;
        const qint64 age = locked ? it->lockedUntilMs : (it->failures.isEmpty() ? 0 : it->failures.last());
        order.push_back({{locked, age}, it.key()});
    }
    const size_t count = std::max<size_t>(1, order.size() / kEvictFraction);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end());
    for (size_t i = 0; i < count; ++i) {
        droppingLocks |= order[i].first.first;
        table.remove(order[i].second);
    }
    qCWarning(lcLockout).nospace() << "lockout table full (" << m_policy.maxTrackedKeys << " keys): dropped "
                                   << count
                                   << (droppingLocks ? " entries including active locks" : " partial counts");
}

bool LockoutTracker::isLive(const Entry& entry, qint64 nowMs) const {
    return entry.lockedUntilMs > nowMs ||
           (!entry.failures.isEmpty() && entry.failures.last() > nowMs - m_policy.windowMs);
}

qint64 LockoutTracker::lockedUntil(const Table& table, const QString& key, qint64 nowMs) {
    const auto it = table.constFind(key);
    return (it != table.cend() && it->lockedUntilMs > nowMs) ? it->lockedUntilMs : 0;
}

bool LockoutTracker::unlock(Table& table, const QString& key, qint64 nowMs) {
    const auto it = table.find(key);
    if (it == table.end()) {
        return false;
    }
    const bool wasLocked = it->lockedUntilMs > nowMs;
    table.erase(it);
    return wasLocked;
}

}  // namespace vigil::core::security
