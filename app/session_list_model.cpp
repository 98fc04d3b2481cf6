#include "session_list_model.h"

#include <QDateTime>

#include "app_logging.h"
#include "display_format.h"

namespace vigil::app {

using core::Result;
using core::model::Session;

namespace {

QString clientKindText(const QString& kind) {
    if (kind == QLatin1String("workstation")) {
        return QObject::tr("Workstation");
    }
    if (kind == QLatin1String("web")) {
        return QObject::tr("Web client");
    }
    if (kind == QLatin1String("server")) {
        return QObject::tr("Server");
    }
    return kind;
}

}  // namespace

SessionListModel::SessionListModel(core::client::ApiClient* client, QObject* parent)
    : RequestListModel(parent), m_client(client) {}

int SessionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant SessionListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const Session& session = m_sessions.at(index.row());
    switch (role) {
        case IdRole:
            return session.id;
        case UserNameRole:
            return session.userName;
        case AddressRole:
            return session.address;
        case ClientKindRole:
            return session.clientKind;
        case ClientKindTextRole:
            return clientKindText(session.clientKind);
        case SinceTextRole:
            return DisplayFormat::dateTime(session.sinceMs);
        case LastSeenTextRole:
            return DisplayFormat::ago(session.lastSeenMs, QDateTime::currentMSecsSinceEpoch());
        case CurrentRole:
            return session.current;
        default:
            return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const {
    return {{IdRole, "sessionId"},
            {UserNameRole, "userName"},
            {AddressRole, "address"},
            {ClientKindRole, "clientKind"},
            {ClientKindTextRole, "clientKindText"},
            {SinceTextRole, "sinceText"},
            {LastSeenTextRole, "lastSeenText"},
            {CurrentRole, "current"}};
}

void SessionListModel::setSessions(QList<Session> sessions) {
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
    emit countChanged();
}

void SessionListModel::clear() {
    setSessions({});
    setError({});
}

void SessionListModel::refresh() {
    setBusy(true);
    m_client->fetchSessions([this](Result<QList<Session>> sessions) {
        setBusy(false);
        if (!sessions) {
            setError(sessions.error().message);
            return;
        }
        setError({});
        setSessions(std::move(sessions).value());
    });
}

void SessionListModel::endSession(const QString& sessionId) {
    QString userName;
    for (const Session& session : std::as_const(m_sessions)) {
        if (session.id == sessionId) {
            if (session.current) {
                setError(tr("This is your own session: use Sign out in the user menu instead."));
                return;
            }
            userName = session.userName;
        }
    }
    setBusy(true);
    m_client->endSession(sessionId, [this, userName](const core::Status& done) {
        setBusy(false);
        if (!done) {
            setError(done.error().message);
            return;
        }
        qCInfo(lcApp).noquote() << "sessions: ended a session of" << userName;
        setError({});
        refresh();
        emit sessionEnded(userName);
    });
}

}  // namespace vigil::app
