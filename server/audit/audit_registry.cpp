#include "audit/audit_registry.h"

namespace vigil::server {

namespace {
template <typename T, typename Key>
void replaceOrAppend(QList<T>& list, T value, Key key) {
    for (T& existing : list) {
        if (key(existing) == key(value)) {
            existing = std::move(value);
            return;
        }
    }
    list.append(std::move(value));
}
}  // namespace

void AuditRegistry::addCheck(AuditCheck check) {
    const QString id = check.itemId;
    m_checks.insert(id, std::move(check));
}

void AuditRegistry::addFix(AuditFix fix) {
    replaceOrAppend(m_fixes, std::move(fix), [](const AuditFix& f) { return f.id; });
}

void AuditRegistry::addFunction(NetworkFunctionSwitch function) {
    replaceOrAppend(m_functions, std::move(function), [](const NetworkFunctionSwitch& f) { return f.describe.id; });
}

const AuditCheck* AuditRegistry::check(const QString& itemId) const {
    auto it = m_checks.constFind(itemId);
    return it == m_checks.cend() ? nullptr : &*it;
}

const AuditFix* AuditRegistry::fix(const QString& fixId) const {
    for (const AuditFix& fix : m_fixes) {
        if (fix.id == fixId) {
            return &fix;
        }
    }
    return nullptr;
}

const AuditFix* AuditRegistry::fixFor(const QString& itemId) const {
    for (const AuditFix& fix : m_fixes) {
        if (fix.itemId == itemId) {
            return &fix;
        }
    }
    return nullptr;
}

const NetworkFunctionSwitch* AuditRegistry::function(const QString& id) const {
    for (const NetworkFunctionSwitch& function : m_functions) {
        if (function.describe.id == id) {
            return &function;
        }
    }
    return nullptr;
}

}  // namespace vigil::server
