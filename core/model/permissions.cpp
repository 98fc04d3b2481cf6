#include "model/permissions.h"

namespace vigil::core::model {

namespace {

QString id(const char* text) {
    return QString::fromLatin1(text);
}

Role builtin(const char* roleId, const QString& name, const QStringList& permissions) {
    Role role;
    role.id = id(roleId);
    role.name = name;
    role.builtin = true;
    role.permissions = permissions;
    role.allChannels = true;
    return role;
}

}  // namespace

QJsonObject Permission::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("description"), description}};
}

const QList<Permission>& Permissions::all() {
    static const QList<Permission> kAll = {
        {id(kLive), QStringLiteral("Live video"),
         QStringLiteral("Watch live video of the granted channels.")},
        {id(kPlayback), QStringLiteral("Playback"), QStringLiteral("Search and play recorded video.")},
        {id(kExport), QStringLiteral("Export"),
         QStringLiteral("Export recorded video and snapshots to files.")},
        {id(kPtz), QStringLiteral("PTZ and manual control"),
         QStringLiteral("Move cameras, recall presets, start manual recording and outputs.")},
        {id(kDeviceConfig), QStringLiteral("Device configuration"),
         QStringLiteral("Add, change and remove cameras and other devices.")},
        {id(kEventHandling), QStringLiteral("Event handling"),
         QStringLiteral("Acknowledge alarms and events, and change event rules.")},
        {id(kUserAdmin), QStringLiteral("User administration"),
         QStringLiteral("Create, change and delete users and roles.")},
        {id(kSystemSettings), QStringLiteral("System settings"),
         QStringLiteral("Change server settings: storage, network, time, services.")},
        {id(kSecurity), QStringLiteral("Security"),
         QStringLiteral("Change security settings and address filters, see and end sessions.")},
        {id(kBackup), QStringLiteral("Backup"), QStringLiteral("Back up and restore the configuration.")},
        {id(kMaintenance), QStringLiteral("Maintenance"),
         QStringLiteral("Update, restart and diagnose servers.")},
        {id(kLogs), QStringLiteral("Logs"), QStringLiteral("Read and export the security and system logs.")},
    };
    return kAll;
}

QStringList Permissions::ids() {
    QStringList result;
    for (const Permission& permission : all()) {
        result.append(permission.id);
    }
    return result;
}

bool Permissions::isKnown(const QString& permissionId) {
    for (const Permission& permission : all()) {
        if (permission.id == permissionId) {
            return true;
        }
    }
    return false;
}

QString Permissions::firstUnknown(const QStringList& permissionIds) {
    for (const QString& permissionId : permissionIds) {
        if (!isKnown(permissionId)) {
            return permissionId;
        }
    }
    return {};
}

bool Permissions::isValidRequirement(const QString& requirement) {
    return requirement == QLatin1String(kPublic) || requirement == QLatin1String(kAuthenticated) ||
           isKnown(requirement);
}

const QList<Role>& Permissions::builtinRoles() {
    static const QList<Role> kRoles = {
        builtin(kAdministrator, QStringLiteral("Administrator"), ids()),
        builtin(kOperator, QStringLiteral("Operator"),
                {id(kLive), id(kPlayback), id(kExport), id(kPtz), id(kEventHandling)}),
        builtin(kViewer, QStringLiteral("Viewer"), {id(kLive), id(kPlayback)}),
        builtin(kLiveViewer, QStringLiteral("Live viewer"), {id(kLive)}),
        builtin(kAuditor, QStringLiteral("Auditor"), {id(kLogs)}),
    };
    return kRoles;
}

const Role* Permissions::builtinRole(const QString& roleId) {
    for (const Role& role : builtinRoles()) {
        if (role.id == roleId) {
            return &role;
        }
    }
    return nullptr;
}

}  // namespace vigil::core::model
