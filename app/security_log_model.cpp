#include "security_log_model.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QVariantMap>
#include <algorithm>

#include "app_logging.h"
#include "display_format.h"

namespace vigil::app {

using core::Result;
using core::model::LogEntry;

namespace {

QString severityOf(const QString& kind) {
    if (kind == QLatin1String("lockout")) {
        return QStringLiteral("alarm");
    }
    if (kind == QLatin1String("login_failed") || kind == QLatin1String("session_ended") ||
        kind == QLatin1String("filter_changed") || kind == QLatin1String("password_reset")) {
        return QStringLiteral("warning");
    }
    if (kind == QLatin1String("login") || kind == QLatin1String("logout")) {
        return QStringLiteral("ok");
    }
    return QStringLiteral("neutral");
}

}  // namespace

SecurityLogModel::SecurityLogModel(core::client::ApiClient* client, QObject* parent)
    : RequestListModel(parent), m_client(client) {}

QString SecurityLogModel::kindName(const QString& kind) {
    static const QHash<QString, QString> kNames = {
        {QStringLiteral("login"), QObject::tr("Sign-in")},
        {QStringLiteral("login_failed"), QObject::tr("Failed sign-in")},
        {QStringLiteral("lockout"), QObject::tr("Lockout")},
        {QStringLiteral("logout"), QObject::tr("Sign-out")},
        {QStringLiteral("session_ended"), QObject::tr("Session ended")},
        {QStringLiteral("session_expired"), QObject::tr("Session expired")},
        {QStringLiteral("user_created"), QObject::tr("User created")},
        {QStringLiteral("user_changed"), QObject::tr("User changed")},
        {QStringLiteral("user_deleted"), QObject::tr("User deleted")},
        {QStringLiteral("role_created"), QObject::tr("Role created")},
        {QStringLiteral("role_changed"), QObject::tr("Role changed")},
        {QStringLiteral("role_deleted"), QObject::tr("Role deleted")},
        {QStringLiteral("password_changed"), QObject::tr("Password changed")},
        {QStringLiteral("setting_changed"), QObject::tr("Setting changed")},
        {QStringLiteral("filter_changed"), QObject::tr("Address filter changed")},
        {QStringLiteral("password_reset"), QObject::tr("Password reset")},
        {QStringLiteral("setup"), QObject::tr("Site set up")},
        {QStringLiteral("service_control"), QObject::tr("Service started, stopped or restarted")},
    };
    return kNames.value(kind, kind);
}

int SecurityLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant SecurityLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const LogEntry& entry = m_entries.at(index.row());
    switch (role) {
        case IdRole:
            return entry.id;
        case TimeTextRole:
            return DisplayFormat::dateTimeSeconds(entry.timeMs);
        case KindRole:
            return entry.kind;
        case KindTextRole:
            return kindName(entry.kind);
        case SeverityRole:
            return severityOf(entry.kind);
        case UserNameRole:
            return entry.userName;
        case AddressRole:
            return entry.address;
        case TargetRole:
            return entry.target;
        case DetailRole:
            return entry.detail;
        default:
            return {};
    }
}

QHash<int, QByteArray> SecurityLogModel::roleNames() const {
    return {{IdRole, "entryId"},        {TimeTextRole, "timeText"}, {KindRole, "kind"},
            {KindTextRole, "kindText"}, {SeverityRole, "severity"}, {UserNameRole, "userName"},
            {AddressRole, "address"},   {TargetRole, "target"},     {DetailRole, "detail"}};
}

QString SecurityLogModel::summary() const {
    if (!m_searched) {
        return {};
    }
    if (m_total > count()) {
        return tr("The newest %1 of %2 matching entries. Narrow the search, or export all of them.")
            .arg(count())
            .arg(m_total);
    }
    return tr("%n matching entries", nullptr, static_cast<int>(m_total));
}

QVariantList SecurityLogModel::kinds() const {
    QVariantList list{
        QVariantMap{{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("Every kind")}}};
    for (const QString& kind : LogEntry::kinds()) {
        list.append(QVariantMap{{QStringLiteral("id"), kind}, {QStringLiteral("name"), kindName(kind)}});
    }
    return list;
}

QString SecurityLogModel::defaultExportPath() const {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QDir::homePath();
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QDir(folder).filePath(QStringLiteral("vigil-security-log-%1.csv").arg(stamp));
}

void SecurityLogModel::setMessages(const QString& error, const QString& exportText) {
    setError(error);
    if (m_exportMessage != exportText) {
        m_exportMessage = exportText;
        emit exportMessageChanged();
    }
}

void SecurityLogModel::clearMessages() {
    setMessages({}, {});
}

void SecurityLogModel::clear() {
    beginResetModel();
    m_entries.clear();
    m_total = 0;
    m_searched = false;
    endResetModel();
    emit countChanged();
    setMessages({}, {});
}

void SecurityLogModel::search(const QString& from, const QString& to, const QString& userName,
                              const QString& kind) {
    const auto fromMs = DisplayFormat::parse(from);
    const auto toMs = DisplayFormat::parse(to, true);
    if (!fromMs || !toMs) {
        setMessages(tr("Write times as %1 or %2, or leave them empty.")
                        .arg(QLatin1String(DisplayFormat::kDate), QLatin1String(DisplayFormat::kDateTime)),
                    {});
        return;
    }
    if (*fromMs > 0 && *toMs > 0 && *toMs < *fromMs) {
        setMessages(tr("The end of the time range is before its start."), {});
        return;
    }
    m_query = {};
    m_query.fromMs = *fromMs;
    m_query.toMs = *toMs;
    m_query.userName = userName.trimmed();
    m_query.kind = kind;
    m_query.limit = kPageSize;
    setBusy(true);
    m_client->searchSecurityLog(m_query, [this](Result<core::client::SecurityLogPage> page) {
        setBusy(false);
        if (!page) {
            setMessages(page.error().message, {});
            return;
        }
        beginResetModel();
        m_entries = page->entries;
        // Newest first whatever order the server used: the page answers "what just happened?".
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const LogEntry& a, const LogEntry& b) { return a.id > b.id; });
        m_total = page->total;
        m_searched = true;
        endResetModel();
        emit countChanged();
        setMessages({}, {});
    });
}

bool SecurityLogModel::matches(const LogEntry& entry) const {
    return m_searched && (m_query.fromMs <= 0 || entry.timeMs >= m_query.fromMs) &&
           (m_query.toMs <= 0 || entry.timeMs <= m_query.toMs) &&
           (m_query.userName.isEmpty() || entry.userName == m_query.userName) &&
           (m_query.kind.isEmpty() || entry.kind == m_query.kind);
}

void SecurityLogModel::append(const LogEntry& entry) {
    if (!matches(entry)) {
        return;
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    ++m_total;
    endInsertRows();
    emit countChanged();
}

void SecurityLogModel::exportCsv(const QString& path) {
    const QUrl url(path);
    const QString file = url.isLocalFile() ? url.toLocalFile() : path.trimmed();
    if (file.isEmpty() || QFileInfo(file).isDir()) {
        setMessages(tr("Enter the path of the CSV file to write."), {});
        return;
    }
    if (!QFileInfo(QFileInfo(file).absolutePath()).isDir()) {
        setMessages(tr("The folder %1 does not exist. Choose an existing folder.")
                        .arg(QFileInfo(file).absolutePath()),
                    {});
        return;
    }
    core::client::SecurityLogQuery query = m_query;
    query.limit = 0;  // all matching entries, not the page on screen
    query.offset = 0;
    setBusy(true);
    m_client->downloadSecurityLogCsv(query, [this, file](Result<QByteArray> csv) {
        setBusy(false);
        if (!csv) {
            setMessages(csv.error().message, {});
            return;
        }
        // Written whole or not at all: a half-written audit export is worse than none.
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(csv.value()) != csv->size() || !out.commit()) {
            setMessages(tr("Cannot write %1: %2. Choose another place.").arg(file, out.errorString()), {});
            return;
        }
        qCInfo(lcApp).noquote() << "security log: exported" << csv->size() << "bytes to" << file;
        setMessages({}, tr("Exported to %1").arg(file));
        emit exported(file);
    });
}

}  // namespace vigil::app
