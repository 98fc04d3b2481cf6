#include "accounts/statement_runner.h"

namespace vigil::server {

core::Status runStatement(core::store::Database& db, const QString& sql, const BindFunction& bind) {
    auto statement = db.prepare(sql);
    if (!statement) {
        return statement.error();
    }
    if (bind) {
        bind(statement.value());
    }
    return statement->run();
}

core::Status forEachRow(core::store::Database& db, const QString& sql, const BindFunction& bind,
                        const RowFunction& onRow) {
    auto statement = db.prepare(sql);
    if (!statement) {
        return statement.error();
    }
    if (bind) {
        bind(statement.value());
    }
    while (true) {
        auto row = statement->step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            return {};
        }
        onRow(statement.value());
    }
}

core::Result<qint64> scalar(core::store::Database& db, const QString& sql, const BindFunction& bind) {
    qint64 value = 0;
    core::Status status =
        forEachRow(db, sql, bind, [&value](const core::store::Statement& row) { value = row.int64(0); });
    if (!status) {
        return status.error();
    }
    return value;
}

}  // namespace vigil::server
