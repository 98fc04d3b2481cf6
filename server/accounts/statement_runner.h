#pragma once
// Small helpers the account repositories share for the prepare/bind/step dance of core::store, so
// each repository holds only its SQL and its row mapping.

#include <QString>
#include <functional>

#include "common/result.h"
#include "store/database.h"

namespace vigil::server {

using BindFunction = std::function<void(core::store::Statement&)>;
using RowFunction = std::function<void(const core::store::Statement&)>;

// Runs a statement that returns no rows.
core::Status runStatement(core::store::Database& db, const QString& sql, const BindFunction& bind = {});
// Calls `onRow` for each row of a query.
core::Status forEachRow(core::store::Database& db, const QString& sql, const BindFunction& bind,
                        const RowFunction& onRow);
// The first column of the first row as an integer (COUNT(*) and friends); 0 when there is no row.
core::Result<qint64> scalar(core::store::Database& db, const QString& sql, const BindFunction& bind = {});

}  // namespace vigil::server
