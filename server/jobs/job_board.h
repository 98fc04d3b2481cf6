#pragma once
// JobBoard: the jobs of one service (core/model/job_model.h): long operations the API starts and
// then reports on: device connection tests and discovery runs, exports. One mechanism for all of
// them: ids, states, progress, results, cancellation, how long finished jobs stay, and the
// changed() signal the services turn into WebSocket pushes.
//
// A job is running until its owner finishes it (succeed/fail) or someone cancels it; cancel() sets
// the job's Cancellation (its worker stops soon) and finishes it at once, so late results of a
// cancelled job are ignored. Finished jobs are kept for GET (the newest kKept, at most keptMs) and
// then dropped by prune(), which start() runs and owners may run on a timer; removed() lets the
// owner clean up what a job left (an export's file).
//
// Threads: the owner's (the engine's). Workers see only their Cancellation.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <memory>

#include "common/cancellation.h"
#include "common/clock.h"
#include "model/job_model.h"

namespace vigil::server {

class JobBoard : public QObject {
    Q_OBJECT
public:
    struct Retention {
        int keptFinished = 32;               // finished jobs kept, newest first
        qint64 keptMs = 60LL * 60 * 1000;    // a finished job goes after this long
    };

    JobBoard(const core::Clock& clock, Retention retention, QObject* parent = nullptr);
    void setRetention(Retention retention) { m_retention = retention; }

    // A new running job (newest first), after pruning; emits changed. `owner`: the user it
    // belongs to, empty when it belongs to no one in particular.
    core::model::Job start(const QString& kind, const QString& owner = {}, const QJsonObject& result = {});

    // The job of `kind` (any kind when empty) with `id`, or nullopt.
    std::optional<core::model::Job> find(const QString& kind, const QString& id) const;
    bool isRunning(const QString& id) const;
    QString owner(const QString& id) const;
    std::shared_ptr<core::Cancellation> cancellation(const QString& id) const;
    // Newest first; only `owner`'s when given.
    QList<core::model::Job> list(const QString& kind, const std::optional<QString>& owner = std::nullopt) const;

    // A running job's progress (0..1) and partial result; ignored once it finished. Emits changed.
    void update(const QString& id, double progress, const std::optional<QJsonObject>& result = std::nullopt);
    void succeed(const QString& id, const std::optional<QJsonObject>& result = std::nullopt);
    void fail(const QString& id, const QString& error, const QString& message);
    // Cancels a running job (its Cancellation is set; it finishes "cancelled" now); a finished job
    // is left as it is. Returns the job, nullopt when there is none of that kind and id.
    std::optional<core::model::Job> cancel(const QString& kind, const QString& id, const QString& message);
    // Every running job, when the service stops.
    void cancelAll(const QString& error, const QString& message);
    // Drops a finished job now (emits removed); false when it is unknown or still running.
    bool remove(const QString& id);
    // Drops finished jobs beyond the retention (emits removed for each).
    void prune();

signals:
    void changed(const vigil::core::model::Job& job);
    void removed(const vigil::core::model::Job& job);

private:
    struct Entry {
        core::model::Job job;
        QString owner;
        std::shared_ptr<core::Cancellation> cancellation;
    };
    Entry* entry(const QString& id);
    const Entry* entry(const QString& id) const;
    void end(Entry& entry, const QString& state, const QString& error, const QString& message);

    const core::Clock& m_clock;
    Retention m_retention;
    QList<Entry> m_entries;  // newest first
};

}  // namespace vigil::server
