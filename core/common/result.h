#pragma once
// Result<T>: a value or an Error, never both. We use it instead of exceptions across module
// borders (ARCHITECTURE.md, Conventions). An Error carries a stable machine code (used in API
// JSON as "error") and a sentence for people that says what happened and what to do.

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace vigil::core {

struct Error {
    QString code;     // stable, snake_case: "store_wrong_key", "tls_handshake_failed", ...
    QString message;  // for people: what happened and what to do about it

    static Error make(QString code, QString message) { return Error{std::move(code), std::move(message)}; }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<T>(m_data); }
    const T& value() const& { assert(ok()); return std::get<T>(m_data); }
    T&& value() && { assert(ok()); return std::get<T>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const Error& error() const { assert(!ok()); return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { assert(!ok()); return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

}  // namespace vigil::core
