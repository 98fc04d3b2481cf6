#pragma once
// Database: a small wrapper over the SQLCipher C API (Debian has no Qt SQL driver for it).
// One Database per server. Opened with a raw 256-bit key so SQLCipher skips its passphrase KDF.
// Thread ownership: a Database and its Statements belong to the thread that opened it.

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace vigil::core::store {

class Statement;

class Database {
public:
    static constexpr int kKeyBytes = 32;

    // Opens (creating if missing) the encrypted database at `path` with the raw `key`
    // (kKeyBytes random bytes), then runs PRAGMA integrity_check. Errors:
    //  store_wrong_key  the file exists but the key does not open it (or it is not a database)
    //  store_corrupt    integrity check failed; the message lists the first problems
    //  store_open_failed anything else (permissions, disk)
    static Result<std::unique_ptr<Database>> open(const QString& path, const QByteArray& key);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements with no parameters and no results (DDL, PRAGMA).
    Status exec(const QString& sql);
    Result<Statement> prepare(const QString& sql);

    // Runs PRAGMA integrity_check; ok only when SQLite answers "ok".
    Status integrityCheck();

    // Last rowid inserted on this connection; rows changed by the last statement.
    qint64 lastInsertId() const;
    int changes() const;

    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    Database(sqlite3* db, QString path);
    sqlite3* m_db = nullptr;
    QString m_path;
};

// A prepared statement with typed binding. Parameters are 1-based, as in SQLite.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& blob);
    Statement& bindNull(int index);

    // Steps once: true when a row is available, false when done. Binding errors surface here.
    Result<bool> step();
    // Steps to completion, for statements that return no rows.
    Status run();
    // Resets for reuse, clearing bindings.
    void reset();

    int columnCount() const;
    // The column's name as the query names it, and the storage class of its value in this row.
    QString columnName(int column) const;
    enum class Type { Integer, Real, Text, Blob, Null };
    Type columnType(int column) const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db);
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    std::optional<Error> m_bindError;
};

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit()ed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status status() const { return m_begin; }  // failed BEGIN shows here
    Status commit();

private:
    Database& m_db;
    Status m_begin;
    bool m_done = false;
};

}  // namespace vigil::core::store
