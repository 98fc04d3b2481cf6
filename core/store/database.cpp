#include "store/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QStringList>
#include <cerrno>
#include <cstring>
#include <utility>

#include "common/logging.h"

namespace vigil::core::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kIntegrityProblemsShown = 5;
constexpr mode_t kPrivateFileMode = 0600;

QString sqliteMessage(sqlite3* db) {
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}

// Wipes a buffer that held key material; volatile stops the compiler from dropping the writes.
void wipe(QByteArray& buffer) {
    volatile char* bytes = buffer.data();
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        bytes[i] = 0;
    }
    buffer.clear();
}

// Creates an empty file with mode 0600 when none exists. SQLite treats an empty file as a new
// database and gives its -wal, -shm and -journal files the main file's mode, so no file of this
// database is ever readable by others, not even for a moment (a chmod after open would leave a gap).
Status createPrivateFile(const QString& path) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode);
    if (fd < 0) {
        if (errno == EEXIST) {
            return {};
        }
        return Error::make(QStringLiteral("store_open_failed"),
                           QStringLiteral("Cannot create the database file %1: %2. Check that the folder "
                                          "exists and that Vigil may write to it.")
                               .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    ::close(fd);
    return {};
}

// Older installations or copied files may carry looser modes; the key protects the content,
// the mode keeps other local users from even copying it.
void tightenPermissions(const QString& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const QByteArray native = QFile::encodeName(path + QLatin1String(suffix));
        struct stat info {};
        if (::stat(native.constData(), &info) == 0 && (info.st_mode & 077) != 0) {
            if (::chmod(native.constData(), kPrivateFileMode) != 0) {
                qCWarning(lcStore).noquote() << "cannot make" << path + QLatin1String(suffix) << "private";
            }
        }
    }
}

Error openError(const QString& path, const QString& what, sqlite3* db) {
    return Error::make(QStringLiteral("store_open_failed"),
                       QStringLiteral("Cannot open the database %1: %2 (SQLite: %3). Check the disk, the "
                                      "file's permissions and that no other program holds it.")
                           .arg(path, what, sqliteMessage(db)));
}

Error wrongKeyError(const QString& path) {
    return Error::make(QStringLiteral("store_wrong_key"),
                       QStringLiteral("The database %1 cannot be read with the key held in the secret store: "
                                      "either the key belongs to another installation (the keyring or the "
                                      "secrets folder was reset or copied) or the file is not a Vigil "
                                      "database. Restore the matching key or the matching database file; "
                                      "to start over, move the database file aside.")
                           .arg(path));
}

Error queryError(sqlite3* db, int rc, const QString& sql) {
    const int primary = rc & 0xff;
    QString code = QStringLiteral("store_query_failed");
    QString advice = QStringLiteral("This is a defect or a damaged database; see the server log.");
    if (primary == SQLITE_CONSTRAINT) {
        code = QStringLiteral("store_constraint");
        advice = QStringLiteral("The change conflicts with data already stored; correct the input.");
    } else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        code = QStringLiteral("store_busy");
        advice = QStringLiteral("Another process holds the database; stop it or retry.");
    } else if (primary == SQLITE_FULL || primary == SQLITE_IOERR) {
        code = QStringLiteral("store_io_failed");
        advice = QStringLiteral("Check free disk space and the disk's health.");
    } else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        code = QStringLiteral("store_corrupt");
        advice = QStringLiteral("The database file is damaged; restore a backup.");
    }
    return Error::make(code, QStringLiteral("Database statement failed: %1 (SQLite: %2, in \"%3\"). %4")
                                 .arg(QString::fromUtf8(sqlite3_errstr(rc)), sqliteMessage(db),
                                      sql.simplified().left(200), advice));
}

// Runs a statement that answers one text value (PRAGMA journal_mode, ...).
Result<QString> singleText(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(raw);
    }
    QString answer;
    if (rc == SQLITE_ROW) {
        answer = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)));
    }
    const int finalRc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(raw);
    if (finalRc != SQLITE_OK) {
        return queryError(db, finalRc, QString::fromUtf8(sql));
    }
    return answer;
}

// The key as a blob literal: SQLCipher uses these 32 bytes directly and skips its passphrase KDF.
Status applyKey(sqlite3* db, const QString& path, const QByteArray& key) {
    QByteArray hex = key.toHex();
    QByteArray pragma = QByteArrayLiteral("PRAGMA key = \"x'") + hex + QByteArrayLiteral("'\"");
    const int rc = sqlite3_exec(db, pragma.constData(), nullptr, nullptr, nullptr);
    wipe(hex);
    wipe(pragma);
    if (rc != SQLITE_OK) {
        return openError(path, QStringLiteral("the key was not accepted"), db);
    }
    return {};
}

// SQLCipher reads nothing until the first query; this is where a wrong key shows.
Status verifyKey(sqlite3* db, const QString& path) {
    const int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc == SQLITE_NOTADB) {
        return wrongKeyError(path);
    }
    if (rc != SQLITE_OK) {
        return openError(path, QStringLiteral("the first read failed"), db);
    }
    return {};
}

Status configure(sqlite3* db, const QString& path) {
    auto mode = singleText(db, "PRAGMA journal_mode=WAL");
    if (!mode) {
        return mode.error();
    }
    if (mode.value().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return openError(path,
                         QStringLiteral("write-ahead logging could not be enabled (mode %1)").arg(*mode), db);
    }
    // FULL: a commit that returned is on disk, which is what the recording index relies on after kill -9.
    const int rc =
        sqlite3_exec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return openError(path, QStringLiteral("the connection settings were refused"), db);
    }
    return {};
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const QString& path, const QByteArray& key) {
    if (key.size() != kKeyBytes) {
        return Error::make(QStringLiteral("store_open_failed"),
                           QStringLiteral("The database key must be %1 bytes, got %2; the secret store holds "
                                          "a damaged key. Restore it from a backup.")
                               .arg(kKeyBytes)
                               .arg(key.size()));
    }
    if (Status created = createPrivateFile(path); !created) {
        return created.error();
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    // From here the Database owns the handle, so every early return closes it.
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        return openError(path, QStringLiteral("the file could not be opened"), raw);
    }
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    if (Status keyed = applyKey(raw, path, key); !keyed) {
        return keyed.error();
    }
    if (Status verified = verifyKey(raw, path); !verified) {
        return verified.error();
    }
    if (Status configured = configure(raw, path); !configured) {
        return configured.error();
    }
    tightenPermissions(path);
    if (Status intact = db->integrityCheck(); !intact) {
        return intact.error();
    }
    qCDebug(lcStore).noquote() << "opened" << path;
    return db;
}

Database::Database(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}

Database::~Database() {
    // close_v2 defers the close until the last Statement is finalized instead of failing.
    sqlite3_close_v2(m_db);
}

Status Database::exec(const QString& sql) {
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return queryError(m_db, rc, sql);
    }
    return {};
}

Result<Statement> Database::prepare(const QString& sql) {
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &raw, &tail);
    if (rc != SQLITE_OK) {
        return queryError(m_db, rc, sql);
    }
    Statement statement(raw, m_db);
    // A second statement would be silently ignored by SQLite; refuse it so the mistake shows.
    const QByteArray rest = QByteArray(tail).trimmed();
    if (!raw || !rest.isEmpty()) {
        return Error::make(QStringLiteral("store_query_failed"),
                           QStringLiteral("prepare() takes exactly one SQL statement, got \"%1\". Split it, "
                                          "or use exec() for statements without parameters.")
                               .arg(sql.simplified().left(200)));
    }
    return statement;
}

Status Database::integrityCheck() {
    const QByteArray sql = QByteArrayLiteral("PRAGMA integrity_check(") +
                           QByteArray::number(kIntegrityProblemsShown) + QByteArrayLiteral(")");
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.constData(), -1, &raw, nullptr);
    QStringList problems;
    while (rc == SQLITE_OK && (rc = sqlite3_step(raw)) == SQLITE_ROW) {
        problems << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(raw);
    if (rc != SQLITE_DONE) {
        // Damage bad enough that SQLite (or SQLCipher's page check) stops reading.
        problems << QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errstr(rc)), sqliteMessage(m_db));
    }
    if (problems == QStringList{QStringLiteral("ok")}) {
        return {};
    }
    return Error::make(QStringLiteral("store_corrupt"),
                       QStringLiteral("The database %1 is damaged: %2. Restore it from a backup; Vigil does "
                                      "not write to a damaged database.")
                           .arg(m_path, problems.join(QStringLiteral("; "))));
}

qint64 Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

Statement::Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_db(other.m_db),
      m_bindError(std::move(other.m_bindError)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_bindError = std::move(other.m_bindError);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

namespace {

// Binding returns the statement for chaining, so the first failure is kept and reported by step().
std::optional<Error> bindResult(sqlite3* db, sqlite3_stmt* stmt, int rc, int index) {
    if (rc == SQLITE_OK) {
        return std::nullopt;
    }
    return Error::make(
        QStringLiteral("store_query_failed"),
        QStringLiteral("Cannot bind parameter %1 of \"%2\": %3. This is a defect; see the "
                       "server log.")
            .arg(index)
            .arg(QString::fromUtf8(sqlite3_sql(stmt)).simplified().left(200), sqliteMessage(db)));
}

}  // namespace

Statement& Statement::bind(int index, qint64 value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (!m_bindError) {
        m_bindError = bindResult(m_db, m_stmt, rc, index);
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (!m_bindError) {
        m_bindError = bindResult(m_db, m_stmt, rc, index);
    }
    return *this;
}

Statement& Statement::bind(int index, const QString& value) {
    const QByteArray utf8 = value.toUtf8();
    // A null data pointer would bind SQL NULL; an empty QString is an empty text, not NULL.
    const char* data = utf8.isEmpty() ? "" : utf8.constData();
    const int rc = sqlite3_bind_text64(m_stmt, index, data, static_cast<sqlite3_uint64>(utf8.size()),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
    if (!m_bindError) {
        m_bindError = bindResult(m_db, m_stmt, rc, index);
    }
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob) {
    const int rc = blob.isEmpty()
                       ? sqlite3_bind_zeroblob(m_stmt, index, 0)
                       : sqlite3_bind_blob64(m_stmt, index, blob.constData(),
                                             static_cast<sqlite3_uint64>(blob.size()), SQLITE_TRANSIENT);
    if (!m_bindError) {
        m_bindError = bindResult(m_db, m_stmt, rc, index);
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (!m_bindError) {
        m_bindError = bindResult(m_db, m_stmt, rc, index);
    }
    return *this;
}

Result<bool> Statement::step() {
    if (m_bindError) {
        return *m_bindError;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return queryError(m_db, rc, QString::fromUtf8(sqlite3_sql(m_stmt)));
}

Status Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            return {};
        }
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError.reset();
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}

QString Statement::columnName(int column) const {
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}

Statement::Type Statement::columnType(int column) const {
    switch (sqlite3_column_type(m_stmt, column)) {
        case SQLITE_INTEGER:
            return Type::Integer;
        case SQLITE_FLOAT:
            return Type::Real;
        case SQLITE_TEXT:
            return Type::Text;
        case SQLITE_BLOB:
            return Type::Blob;
        default:
            return Type::Null;
    }
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const {
    // Pointer first, then size: that order is what SQLite documents as safe.
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

Transaction::Transaction(Database& db) : m_db(db), m_begin(db.exec(QStringLiteral("BEGIN IMMEDIATE"))) {}

Transaction::~Transaction() {
    // SQLite rolls back by itself after some errors; a second ROLLBACK would only log noise.
    if (m_begin.ok() && !m_done && !sqlite3_get_autocommit(m_db.handle())) {
        if (Status rolledBack = m_db.exec(QStringLiteral("ROLLBACK")); !rolledBack) {
            qCWarning(lcStore).noquote() << "rollback failed:" << rolledBack.error().message;
        }
    }
}

Status Transaction::commit() {
    if (!m_begin.ok()) {
        return m_begin;
    }
    if (m_done) {
        return Error::make(QStringLiteral("store_query_failed"),
                           QStringLiteral("The transaction was already committed. This is a defect."));
    }
    Status committed = m_db.exec(QStringLiteral("COMMIT"));
    if (committed) {
        m_done = true;
    }
    return committed;
}

}  // namespace vigil::core::store
