#include "jobs/job_board.h"

#include <QUuid>
#include <algorithm>

namespace vigil::server {

using core::model::Job;

JobBoard::JobBoard(const core::Clock& clock, Retention retention, QObject* parent)
    : QObject(parent), m_clock(clock), m_retention(retention) {}

Job JobBoard::start(const QString& kind, const QString& owner, const QJsonObject& result) {
    prune();
    Entry entry;
    entry.job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.job.kind = kind;
    entry.job.state = QString::fromLatin1(Job::kRunning);
    entry.job.startedMs = m_clock.nowMs();
    entry.job.result = result;
    entry.owner = owner;
    entry.cancellation = std::make_shared<core::Cancellation>();
    m_entries.prepend(entry);
    emit changed(entry.job);
    return entry.job;
}

JobBoard::Entry* JobBoard::entry(const QString& id) {
    auto found = std::find_if(m_entries.begin(), m_entries.end(), [&id](const Entry& e) { return e.job.id == id; });
    return found == m_entries.end() ? nullptr : &*found;
}

const JobBoard::Entry* JobBoard::entry(const QString& id) const {
    auto found = std::find_if(m_entries.cbegin(), m_entries.cend(), [&id](const Entry& e) { return e.job.id == id; });
    return found == m_entries.cend() ? nullptr : &*found;
}

std::optional<Job> JobBoard::find(const QString& kind, const QString& id) const {
    const Entry* found = entry(id);
    if (!found || (!kind.isEmpty() && found->job.kind != kind)) {
        return std::nullopt;
    }
    return found->job;
}

bool JobBoard::isRunning(const QString& id) const {
    const Entry* found = entry(id);
    return found && found->job.isRunning();
}

QString JobBoard::owner(const QString& id) const {
    const Entry* found = entry(id);
    return found ? found->owner : QString();
}

std::shared_ptr<core::Cancellation> JobBoard::cancellation(const QString& id) const {
    const Entry* found = entry(id);
    return found ? found->cancellation : nullptr;
}

QList<Job> JobBoard::list(const QString& kind, const std::optional<QString>& owner) const {
    QList<Job> jobs;
    for (const Entry& e : m_entries) {
        if (e.job.kind == kind && (!owner || e.owner == *owner)) {
            jobs.append(e.job);
        }
    }
    return jobs;
}

void JobBoard::update(const QString& id, double progress, const std::optional<QJsonObject>& result) {
    Entry* found = entry(id);
    if (!found || !found->job.isRunning()) {
        return;
    }
    found->job.progress = std::clamp(progress, 0.0, 1.0);
    if (result) {
        found->job.result = *result;
    }
    emit changed(found->job);
}

void JobBoard::end(Entry& e, const QString& state, const QString& error, const QString& message) {
    e.job.state = state;
    e.job.finishedMs = std::max(m_clock.nowMs(), e.job.startedMs);
    e.job.progress = 1.0;
    e.job.error = error;
    e.job.message = message;
    emit changed(e.job);
}

void JobBoard::succeed(const QString& id, const std::optional<QJsonObject>& result) {
    Entry* found = entry(id);
    if (!found || !found->job.isRunning()) {
        return;
    }
    if (result) {
        found->job.result = *result;
    }
    end(*found, QString::fromLatin1(Job::kSucceeded), {}, {});
}

void JobBoard::fail(const QString& id, const QString& error, const QString& message) {
    Entry* found = entry(id);
    if (found && found->job.isRunning()) {
        end(*found, QString::fromLatin1(Job::kFailed), error, message);
    }
}

std::optional<Job> JobBoard::cancel(const QString& kind, const QString& id, const QString& message) {
    Entry* found = entry(id);
    if (!found || found->job.kind != kind) {
        return std::nullopt;
    }
    if (found->job.isRunning()) {
        found->cancellation->cancel();
        end(*found, QString::fromLatin1(Job::kCancelled), QStringLiteral("cancelled"), message);
    }
    return found->job;
}

void JobBoard::cancelAll(const QString& error, const QString& message) {
    for (Entry& e : m_entries) {
        if (e.job.isRunning()) {
            e.cancellation->cancel();
            end(e, QString::fromLatin1(Job::kCancelled), error, message);
        }
    }
}

bool JobBoard::remove(const QString& id) {
    const Entry* found = entry(id);
    if (!found || found->job.isRunning()) {
        return false;
    }
    const Job job = found->job;
    m_entries.removeIf([&id](const Entry& e) { return e.job.id == id; });
    emit removed(job);
    return true;
}

void JobBoard::prune() {
    const qint64 now = m_clock.nowMs();
    int finished = 0;
    QList<Job> gone;
    m_entries.removeIf([&](const Entry& e) {
        if (e.job.isRunning()) {
            return false;
        }
        ++finished;
        const bool drop = finished > m_retention.keptFinished || now - e.job.finishedMs > m_retention.keptMs;
        if (drop) {
            gone.append(e.job);
        }
        return drop;
    });
    for (const Job& job : std::as_const(gone)) {
        emit removed(job);
    }
}

}  // namespace vigil::server
