#pragma once
// Permissions and built-in roles (SEC-2.2), in one place for the server (route checks, role
// validation) and the workstation (role editor, hiding what a user cannot do).
//
// A route declares one requirement: "public" (no session), "authenticated" (any valid session) or
// one permission id. Built-in roles are fixed: they cannot be changed or deleted, so an upgrade can
// rely on them. Least privilege: a new user gets live_viewer unless told otherwise.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "model/account_model.h"

namespace vigil::core::model {

struct Permission {
    QString id;           // stable, snake_case: what routes and roles name
    QString name;         // short label for people
    QString description;  // what it allows

    QJsonObject toJson() const;
};

class Permissions {
public:
    // Permission ids (docs/design/accounts.md).
    static constexpr auto kLive = "live";
    static constexpr auto kPlayback = "playback";
    static constexpr auto kExport = "export";
    static constexpr auto kPtz = "ptz";
    static constexpr auto kDeviceConfig = "device_config";
    static constexpr auto kEventHandling = "event_handling";
    static constexpr auto kUserAdmin = "user_admin";
    static constexpr auto kSystemSettings = "system_settings";
    static constexpr auto kSecurity = "security";
    static constexpr auto kBackup = "backup";
    static constexpr auto kMaintenance = "maintenance";
    static constexpr auto kLogs = "logs";

    // Route requirements that are not permissions.
    static constexpr auto kPublic = "public";
    static constexpr auto kAuthenticated = "authenticated";

    // Built-in role ids.
    static constexpr auto kAdministrator = "administrator";
    static constexpr auto kOperator = "operator";
    static constexpr auto kViewer = "viewer";
    static constexpr auto kLiveViewer = "live_viewer";
    static constexpr auto kAuditor = "auditor";

    static const QList<Permission>& all();  // in a stable order, for lists and the API
    static QStringList ids();
    static bool isKnown(const QString& id);
    // The first id of `ids` that is not a permission, or an empty string when all are.
    static QString firstUnknown(const QStringList& ids);

    // A valid route requirement: public, authenticated or a known permission id.
    static bool isValidRequirement(const QString& requirement);

    static const QList<Role>& builtinRoles();
    static const Role* builtinRole(const QString& id);  // nullptr when not a built-in
    static bool isBuiltinRole(const QString& id) { return builtinRole(id) != nullptr; }
};

}  // namespace vigil::core::model
