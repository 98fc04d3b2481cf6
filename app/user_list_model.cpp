#include "user_list_model.h"

#include <QDateTime>
#include <QHostAddress>
#include <QRegularExpression>

#include "app_logging.h"
#include "display_format.h"
#include "role_list_model.h"
#include "security/password_policy.h"

namespace vigil::app {

using core::Error;
using core::Result;
using core::model::User;
using core::model::UserInput;

namespace {

QString field(const QVariantMap& form, const char* name) {
    return form.value(QLatin1String(name)).toString();
}

Error formError(const QString& message) {
    return Error::make(QStringLiteral("form_invalid"), message);
}

// "10.0.0.0/8", "192.168.1.20", "fe80::/10": the server checks them again, this catches typos early.
bool isAddressOrNetwork(const QString& text) {
    if (text.contains(QLatin1Char('/'))) {
        const auto [address, length] = QHostAddress::parseSubnet(text);
        return !address.isNull() && length >= 0;
    }
    return !QHostAddress(text).isNull();
}

}  // namespace

UserListModel::UserListModel(core::client::ApiClient* client, RoleListModel* roles, QObject* parent)
    : RequestListModel(parent), m_client(client), m_roles(roles) {
    // Role names show in the list: when the roles arrive, the names change.
    connect(m_roles, &RoleListModel::countChanged, this, [this] {
        if (!m_users.isEmpty()) {
            emit dataChanged(index(0), index(count() - 1), {RoleNameRole});
        }
    });
}

int UserListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QString UserListModel::statusOf(const User& user, QString* text) const {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!user.enabled) {
        *text = tr("Disabled");
        return QStringLiteral("offline");
    }
    if (user.validUntilMs > 0 && user.validUntilMs < now) {
        *text = tr("Expired");
        return QStringLiteral("warning");
    }
    if (user.validFromMs > now) {
        *text = tr("Not yet valid");
        return QStringLiteral("warning");
    }
    *text = tr("Active");
    return QStringLiteral("ok");
}

QVariant UserListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const User& user = m_users.at(index.row());
    QString statusText;
    switch (role) {
        case IdRole:
            return user.id;
        case UserNameRole:
            return user.userName;
        case RoleIdRole:
            return user.roleId;
        case RoleNameRole:
            return m_roles->nameOf(user.roleId);
        case EnabledRole:
            return user.enabled;
        case StatusRole:
            return statusOf(user, &statusText);
        case StatusTextRole:
            statusOf(user, &statusText);
            return statusText;
        case ValidityTextRole:
            if (user.validFromMs <= 0 && user.validUntilMs <= 0) {
                return tr("No limit");
            }
            return tr("%1 to %2")
                .arg(DisplayFormat::date(user.validFromMs, tr("any time")),
                     DisplayFormat::date(user.validUntilMs, tr("no end")));
        case AddressesTextRole:
            return user.allowedAddresses.isEmpty() ? tr("Any address")
                                                   : user.allowedAddresses.join(QStringLiteral(", "));
        case MemoRole:
            return user.memo;
        case LastLoginTextRole:
            return DisplayFormat::dateTime(user.lastLoginMs, tr("never"));
        case MustChangePasswordRole:
            return user.mustChangePassword;
        default:
            return {};
    }
}

QHash<int, QByteArray> UserListModel::roleNames() const {
    return {{IdRole, "userId"},
            {UserNameRole, "userName"},
            {RoleIdRole, "roleId"},
            {RoleNameRole, "roleName"},
            {EnabledRole, "enabled"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {ValidityTextRole, "validityText"},
            {AddressesTextRole, "addressesText"},
            {MemoRole, "memo"},
            {LastLoginTextRole, "lastLoginText"},
            {MustChangePasswordRole, "mustChangePassword"}};
}

void UserListModel::setUsers(QList<User> users) {
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
    emit countChanged();
}

void UserListModel::clear() {
    setUsers({});
    setError({});
}

void UserListModel::refresh() {
    setBusy(true);
    m_client->fetchUsers([this](Result<QList<User>> users) {
        setBusy(false);
        if (!users) {
            setError(users.error().message);
            return;
        }
        setError({});
        setUsers(std::move(users).value());
    });
}

int UserListModel::indexOf(const QString& userId) const {
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).id == userId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QVariantMap UserListModel::editorFor(const QString& userId) const {
    const int row = indexOf(userId);
    User user;
    if (row >= 0) {
        user = m_users.at(row);
    } else {
        user.roleId = QString::fromLatin1(UserInput::kDefaultRoleId);  // least privilege
    }
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("isNew"), row < 0},
            {QStringLiteral("userName"), user.userName},
            {QStringLiteral("roleId"), user.roleId},
            {QStringLiteral("enabled"), user.enabled},
            {QStringLiteral("validFrom"), DisplayFormat::date(user.validFromMs)},
            {QStringLiteral("validUntil"), DisplayFormat::date(user.validUntilMs)},
            {QStringLiteral("allowedAddresses"), user.allowedAddresses.join(QStringLiteral(", "))},
            {QStringLiteral("memo"), user.memo},
            {QStringLiteral("mustChangePassword"), user.mustChangePassword}};
}

Result<UserInput> UserListModel::inputFrom(const QVariantMap& form, bool isNew) const {
    UserInput input;
    input.userName = field(form, "userName").trimmed();
    if (input.userName.isEmpty()) {
        return formError(tr("Enter a user name."));
    }
    input.roleId = field(form, "roleId");
    if (input.roleId.isEmpty()) {
        return formError(tr("Choose a role."));
    }
    input.enabled = form.value(QStringLiteral("enabled"), true).toBool();
    input.mustChangePassword = form.value(QStringLiteral("mustChangePassword")).toBool();
    input.memo = field(form, "memo").trimmed();
    const auto from = DisplayFormat::parse(field(form, "validFrom"));
    const auto until = DisplayFormat::parse(field(form, "validUntil"), true);
    if (!from || !until) {
        return formError(
            tr("Write validity dates as %1, or leave them empty.").arg(QLatin1String(DisplayFormat::kDate)));
    }
    if (*from > 0 && *until > 0 && *until < *from) {
        return formError(tr("The validity ends before it starts. Check the two dates."));
    }
    input.validFromMs = *from;
    input.validUntilMs = *until;
    static const QRegularExpression kSeparators(QStringLiteral("[,;\\s]+"));
    for (const QString& part : field(form, "allowedAddresses").split(kSeparators, Qt::SkipEmptyParts)) {
        if (!isAddressOrNetwork(part)) {
            return formError(tr("%1 is not an address or a network like 10.0.0.0/8.").arg(part));
        }
        input.allowedAddresses.append(part);
    }
    const QString password = field(form, "password");
    if (isNew || !password.isEmpty()) {
        const core::Status policy = core::security::PasswordPolicy::enforce(password, input.userName);
        if (!policy) {
            return formError(policy.error().message);
        }
        if (password != field(form, "confirmation")) {
            return formError(tr("The two passwords differ. Type the same password in both fields."));
        }
        input.password = password;
    }
    return input;
}

void UserListModel::save(const QVariantMap& form) {
    const QString id = field(form, "id");
    const bool isNew = id.isEmpty();
    Result<UserInput> input = inputFrom(form, isNew);
    if (!input) {
        setError(input.error().message);
        return;
    }
    setBusy(true);
    auto done = [this](Result<User> user) {
        setBusy(false);
        if (!user) {
            setError(user.error().message);
            return;
        }
        setError({});
        qCInfo(lcApp).noquote() << "users: saved" << user->userName;
        const QString savedId = user->id;
        refresh();
        emit saved(savedId);
    };
    if (isNew) {
        m_client->createUser(input.value(), std::move(done));
    } else {
        m_client->updateUser(id, input.value(), std::move(done));
    }
}

void UserListModel::remove(const QString& userId) {
    setBusy(true);
    m_client->deleteUser(userId, [this](const core::Status& done) {
        setBusy(false);
        if (!done) {
            setError(done.error().message);
            return;
        }
        setError({});
        refresh();
        emit removed();
    });
}

}  // namespace vigil::app
