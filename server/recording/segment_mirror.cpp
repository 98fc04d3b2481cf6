#include "recording/segment_mirror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

namespace vigil::server {

SegmentMirror::SegmentMirror(Done done) : m_done(std::move(done)), m_thread([this] { loop(); }) {}

SegmentMirror::~SegmentMirror() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void SegmentMirror::copy(const SegmentRow& primary, const QString& fromRoot, const QString& toRoot) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{primary, fromRoot, toRoot});
    }
    m_wake.notify_one();
}

int SegmentMirror::queued() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_jobs.size()) + (m_busy ? 1 : 0);
}

void SegmentMirror::drain() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void SegmentMirror::loop() {
    pthread_setname_np(pthread_self(), "vigil:mirror");
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_stop) {
            return;
        }
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        const QString problem = copyFile(job.fromRoot + QLatin1Char('/') + job.row.path,
                                         job.toRoot + QLatin1Char('/') + job.row.path);
        SegmentRow copy = job.row;
        copy.id = 0;
        copy.location = QStringLiteral("mirror");
        m_done(copy, problem);
        lock.lock();
        m_busy = false;
        if (m_jobs.empty()) {
            m_idle.notify_all();
        }
    }
}

QString SegmentMirror::copyFile(const QString& from, const QString& to) {
    if (!QDir().mkpath(QFileInfo(to).path())) {
        return QStringLiteral("Cannot create the folder %1 in the mirror location. Check that it exists and that "
                              "the server may write there.")
            .arg(QFileInfo(to).path());
    }
    if (QFileInfo::exists(to)) {
        return QFileInfo(to).size() == QFileInfo(from).size()
                   ? QString()
                   : QStringLiteral("%1 already exists in the mirror with another size; it is left as it is.").arg(to);
    }
    const QString part = to + QStringLiteral(".part");
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        return QStringLiteral("Cannot read %1 (%2).").arg(from, QString::fromLocal8Bit(std::strerror(errno)));
    }
    const int out = ::open(QFile::encodeName(part).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (out < 0) {
        const QString error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(in);
        return QStringLiteral("Cannot write %1 (%2).").arg(part, error);
    }
    QString problem;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(in, buffer, sizeof buffer);
        if (got == 0) {
            break;
        }
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            problem = QStringLiteral("Cannot read %1 (%2).").arg(from, QString::fromLocal8Bit(std::strerror(errno)));
            break;
        }
        ssize_t done = 0;
        while (done < got && problem.isEmpty()) {
            const ssize_t put = ::write(out, buffer + done, static_cast<size_t>(got - done));
            if (put < 0 && errno != EINTR) {
                problem = QStringLiteral("Cannot write %1 (%2).").arg(part, QString::fromLocal8Bit(std::strerror(errno)));
            }
            done += put > 0 ? put : 0;
        }
        if (!problem.isEmpty()) {
            break;
        }
    }
    if (problem.isEmpty() && ::fdatasync(out) != 0) {
        problem = QStringLiteral("Cannot sync %1 (%2).").arg(part, QString::fromLocal8Bit(std::strerror(errno)));
    }
    ::close(in);
    ::close(out);
    if (problem.isEmpty() && ::rename(QFile::encodeName(part).constData(), QFile::encodeName(to).constData()) != 0) {
        problem = QStringLiteral("Cannot rename %1 (%2).").arg(part, QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (!problem.isEmpty()) {
        QFile::remove(part);
    }
    return problem;
}

}  // namespace vigil::server
