#include "layouts/layout_repository.h"

#include <QJsonDocument>

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::Layout;
using core::model::LayoutInput;
using core::store::Statement;

namespace {

const QString kSelect = QStringLiteral("SELECT id, name, document, created_ms, updated_ms FROM layouts");

QString documentOf(const Layout& layout) {
    QJsonObject json = layout.input().toJson();
    json.remove(QStringLiteral("name"));  // a column of its own, for uniqueness
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// The stored document goes through the request parser again: what comes out obeys the same rules
// as what went in, and a damaged row is reported instead of half-shown.
Result<Layout> readRow(const Statement& row) {
    const QString id = row.text(0);
    QJsonObject json = QJsonDocument::fromJson(row.text(2).toUtf8()).object();
    json.insert(QStringLiteral("name"), row.text(1));
    auto input = LayoutInput::fromRequest(json);
    if (!input) {
        return Error::make(QStringLiteral("layout_damaged"),
                           QStringLiteral("The stored layout %1 cannot be read (%2). Delete it and save it again.")
                               .arg(id, input.error().message));
    }
    return Layout{id, input->name, input->grid, input->cells, input->tiles, input->tour, row.int64(3), row.int64(4)};
}

}  // namespace

Result<QList<Layout>> LayoutRepository::list(const QString& userId) const {
    QList<Layout> layouts;
    std::optional<Error> damaged;
    const Status status = forEachRow(
        m_db, kSelect + QStringLiteral(" WHERE user_id = ?1 ORDER BY name_key, id"),
        [&userId](Statement& s) { s.bind(1, userId); },
        [&](const Statement& row) {
            auto layout = readRow(row);
            if (layout) {
                layouts.append(layout.value());
            } else if (!damaged) {
                damaged = layout.error();
            }
        });
    if (!status) {
        return status.error();
    }
    if (damaged) {
        return *damaged;
    }
    return layouts;
}

Result<std::optional<Layout>> LayoutRepository::find(const QString& userId, const QString& id) const {
    std::optional<Result<Layout>> found;
    const Status status = forEachRow(
        m_db, kSelect + QStringLiteral(" WHERE user_id = ?1 AND id = ?2"),
        [&](Statement& s) { s.bind(1, userId).bind(2, id); },
        [&found](const Statement& row) { found = readRow(row); });
    if (!status) {
        return status.error();
    }
    if (!found) {
        return std::optional<Layout>{};
    }
    if (!*found) {
        return found->error();
    }
    return std::optional<Layout>{found->value()};
}

Result<std::optional<QString>> LayoutRepository::named(const QString& userId, const QString& name) const {
    std::optional<QString> found;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT id FROM layouts WHERE user_id = ?1 AND name_key = ?2"),
        [&](Statement& s) { s.bind(1, userId).bind(2, nameKey(name)); },
        [&found](const Statement& row) { found = row.text(0); });
    if (!status) {
        return status.error();
    }
    return found;
}

Result<qint64> LayoutRepository::count(const QString& userId) const {
    return scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM layouts WHERE user_id = ?1"),
                  [&userId](Statement& s) { s.bind(1, userId); });
}

Status LayoutRepository::insert(const QString& userId, const Layout& layout) {
    return runStatement(m_db,
                        QStringLiteral("INSERT INTO layouts (id, user_id, name, name_key, document, created_ms, "
                                       "updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                        [&](Statement& s) {
                            s.bind(1, layout.id).bind(2, userId).bind(3, layout.name).bind(4, nameKey(layout.name));
                            s.bind(5, documentOf(layout)).bind(6, layout.createdMs).bind(7, layout.updatedMs);
                        });
}

Status LayoutRepository::update(const QString& userId, const Layout& layout) {
    return runStatement(m_db,
                        QStringLiteral("UPDATE layouts SET name = ?3, name_key = ?4, document = ?5, updated_ms = ?6 "
                                       "WHERE user_id = ?1 AND id = ?2"),
                        [&](Statement& s) {
                            s.bind(1, userId).bind(2, layout.id).bind(3, layout.name).bind(4, nameKey(layout.name));
                            s.bind(5, documentOf(layout)).bind(6, layout.updatedMs);
                        });
}

Result<bool> LayoutRepository::remove(const QString& userId, const QString& id) {
    const Status status = runStatement(m_db, QStringLiteral("DELETE FROM layouts WHERE user_id = ?1 AND id = ?2"),
                                       [&](Statement& s) { s.bind(1, userId).bind(2, id); });
    if (!status) {
        return status.error();
    }
    return m_db.changes() > 0;
}

}  // namespace vigil::server
