#pragma once
// SecurityLogModel: the security log (SEC-1.8) for its page: search by time range, user and kind,
// one page of newest entries, and the same search exported as CSV to a file the user names. The log
// is read-only everywhere, here too.

#include <QList>
#include <QVariantList>

#include "client/api_client.h"
#include "request_list_model.h"

namespace vigil::app {

class SecurityLogModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(qint64 total READ total NOTIFY countChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY countChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportMessageChanged)
    Q_PROPERTY(QVariantList kinds READ kinds CONSTANT)
    Q_PROPERTY(QString defaultExportPath READ defaultExportPath NOTIFY countChanged)
public:
    static constexpr int kPageSize = 500;

    enum Role {
        IdRole = Qt::UserRole + 1,
        TimeTextRole,
        KindRole,
        KindTextRole,
        SeverityRole,  // ok | warning | alarm | neutral: how much the entry deserves a look
        UserNameRole,
        AddressRole,
        TargetRole,
        DetailRole,
    };

    explicit SecurityLogModel(core::client::ApiClient* client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_entries.size()); }
    qint64 total() const { return m_total; }
    QString summary() const;
    QString exportMessage() const { return m_exportMessage; }
    QVariantList kinds() const;  // [{id, name}], the first with an empty id for "every kind"
    QString defaultExportPath() const;

    // from/to: local "yyyy-MM-dd" or "yyyy-MM-dd HH:mm", empty for open ends.
    Q_INVOKABLE void search(const QString& from, const QString& to, const QString& userName,
                            const QString& kind);
    // The last search's entries (all of them, not only this page) as CSV into `path` (a local path
    // or a file: URL).
    Q_INVOKABLE void exportCsv(const QString& path);
    Q_INVOKABLE void clearMessages();
    void clear();
    void append(const core::model::LogEntry& entry);  // a "security.log" push

    static QString kindName(const QString& kind);

signals:
    void countChanged();
    void exportMessageChanged();
    void exported(const QString& path);

private:
    void setMessages(const QString& error, const QString& exportText);
    bool matches(const core::model::LogEntry& entry) const;

    core::client::ApiClient* m_client;
    QList<core::model::LogEntry> m_entries;  // newest first
    qint64 m_total = 0;
    core::client::SecurityLogQuery m_query;
    bool m_searched = false;
    QString m_exportMessage;
};

}  // namespace vigil::app
