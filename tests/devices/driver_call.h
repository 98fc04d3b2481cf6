#pragma once
// Test helper: runs a blocking driver call on a worker thread, as the devices service does, while
// the test's thread keeps its event loop turning (the test's own peers live there).

#include <QDeadlineTimer>
#include <QTest>
#include <QThread>
#include <functional>
#include <optional>

#include "common/result.h"

namespace vigil::test {

template <typename T>
core::Result<T> onWorker(const std::function<core::Result<T>()>& call, int timeoutMs = 120000) {
    std::optional<core::Result<T>> result;
    QThread* worker = QThread::create([&] { result = call(); });
    worker->start();
    const QDeadlineTimer deadline(timeoutMs);  // bounds a hang only; drivers have their own timeouts
    while (!worker->isFinished() && !deadline.hasExpired()) {
        QTest::qWait(20);
    }
    worker->wait();
    delete worker;
    return result ? *result : core::Result<T>(core::Error::make(QStringLiteral("test"), QStringLiteral("no result")));
}

}  // namespace vigil::test
