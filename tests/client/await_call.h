#pragma once
// Test helper for ApiClient's asynchronous calls: runs one call and spins the event loop until its
// callback answers, at most kAwaitTimeoutMs (which only bounds a hang).

#include <QDeadlineTimer>
#include <QTest>
#include <optional>

#include "common/result.h"

namespace vigil::test {

constexpr int kAwaitTimeoutMs = 15000;

// `call` receives the callback to hand to the ApiClient method; empty when no answer came in time.
template <typename T, typename Call>
std::optional<core::Result<T>> await(Call call) {
    std::optional<core::Result<T>> result;
    call([&result](core::Result<T> answer) { result.emplace(std::move(answer)); });
    QDeadlineTimer deadline(kAwaitTimeoutMs);
    while (!result && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return result;
}

// The same for calls that answer a Status (ApiClient::StatusCallback).
template <typename Call>
std::optional<core::Status> awaitStatus(Call call) {
    std::optional<core::Status> status;
    call([&status](core::Status answer) { status.emplace(std::move(answer)); });
    QDeadlineTimer deadline(kAwaitTimeoutMs);
    while (!status && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return status;
}

}  // namespace vigil::test
