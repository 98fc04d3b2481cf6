#pragma once
// AuditRegistry: the checks, fixes and network functions other parts of the engine contribute to the
// security audit (issue 8). Each part registers its own from its own folder (a function such as
// registerPlatformChecks in platform_checks.cpp) and adds one line to audit_registrations.cpp; the
// audit service runs whatever is registered for the catalogue's items (audit_catalogue.cpp).
//
// Checks and fixes answer through a callback so that device checks may talk to cameras first; a
// check for the platform usually answers at once. Both run on the engine's thread; a check that
// works elsewhere must call `done` back on that thread (QMetaObject::invokeMethod). A check should
// look at its Cancellation when it waits and answer promptly once it is set.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

#include "common/cancellation.h"
#include "common/result.h"
#include "model/audit_model.h"

namespace vigil::server {

struct Actor;

using CheckDone = std::function<void(QList<core::model::AuditFinding>)>;
// What a fix changed, one line each ("lockout: 3 attempts -> 5 attempts"); empty when nothing needed it.
using FixDone = std::function<void(core::Result<QStringList>)>;

struct AuditCheck {
    QString itemId;  // a catalogue item
    std::function<void(const core::Cancellation&, CheckDone)> run;
};

struct AuditFix {
    QString id;      // "lockout-defaults"
    QString itemId;  // the catalogue item it mends
    QString title;   // what it will do, for people
    // Changes settings through the same services the API uses (so they are logged as the API logs).
    std::function<void(const Actor&, FixDone)> apply;
};

// One row of the function table (SEC-1.6) and how to read and switch it.
struct NetworkFunctionSwitch {
    core::model::NetworkFunction describe;  // id, title, description, provided, secureDefault, note
    std::function<bool()> enabled;          // the current state; unset: never on (not provided)
    // Unset: not switchable here. Returns the error when the service refused.
    std::function<core::Status(const Actor&, bool enabled)> set;
};

class AuditRegistry {
public:
    // A later registration for the same item (or fix id, function id) replaces the earlier one.
    void addCheck(AuditCheck check);
    void addFix(AuditFix fix);
    void addFunction(NetworkFunctionSwitch function);

    const AuditCheck* check(const QString& itemId) const;
    const AuditFix* fix(const QString& fixId) const;
    // The fix registered for an item, nullptr when there is none.
    const AuditFix* fixFor(const QString& itemId) const;
    QList<AuditFix> fixes() const { return m_fixes; }
    QList<NetworkFunctionSwitch> functions() const { return m_functions; }
    const NetworkFunctionSwitch* function(const QString& id) const;

private:
    QHash<QString, AuditCheck> m_checks;  // by item id
    QList<AuditFix> m_fixes;              // in registration order
    QList<NetworkFunctionSwitch> m_functions;
};

}  // namespace vigil::server
