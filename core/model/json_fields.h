#pragma once
// FieldReader: reads the fields of one JSON object for the API model's fromJson functions, so a wrong
// or missing field is named in the error, and the first problem is the one reported.
//
// Two modes, because the two directions of the API are held to different standards:
//  - Response: what a client reads from a server. Unknown fields are ignored (a newer server may send
//    more than this client knows); errors are "bad_response".
//  - Request: what the server reads from a client. Unknown fields are refused by finish() and wrong
//    types are never guessed at (ARCHITECTURE.md, Protocol); errors are "bad_request".

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

#include "common/result.h"

namespace vigil::core::model {

class FieldReader {
public:
    enum class Mode { Response, Request };

    // `context` names the object in messages: "system information", "login request", ...
    FieldReader(const QJsonObject& json, QString context, Mode mode = Mode::Response);

    bool ok() const { return !m_error.has_value(); }
    const Error& error() const { return *m_error; }
    Mode mode() const { return m_mode; }

    // True when the field is present; also marks it as known to finish().
    bool has(const QString& name);

    // Required fields: a missing field or a wrong type fails the reader.
    QString string(const QString& name);
    // JSON numbers are doubles; an integer field must hold a whole number within 2^53.
    qint64 integer(const QString& name);
    int smallInteger(const QString& name);  // an integer within 32 bits
    double number(const QString& name);
    bool boolean(const QString& name);
    QJsonObject object(const QString& name);
    QJsonArray array(const QString& name);
    QStringList stringList(const QString& name);  // an array whose every entry is a string

    // Request mode: fails on the first field no read or has() asked about, listing the known ones.
    // Response mode: does nothing. Returns ok() either way.
    bool finish();

    // Fails with an error of this reader's kind (bad_request / bad_response) about `name`.
    void fail(const QString& name, const QString& expected, const QJsonValue& value);
    // Keeps the first error only, so a nested reader's error can be passed up.
    void failWith(const Error& error);

    // The error a Request-mode reader makes, for checks the reader cannot do itself (ranges, sets).
    static Error badRequest(const QString& context, const QString& name, const QString& problem);

private:
    QJsonValue take(const QString& name);
    static QString typeName(const QJsonValue& value);

    QJsonObject m_json;  // a copy: callers may pass a temporary
    QString m_context;
    Mode m_mode;
    QSet<QString> m_known;
    std::optional<Error> m_error;
};

// An id field that may be null ("none": no group, top level): null reads as empty, anything else must
// be a string; and the other way round for writing.
QString nullableId(FieldReader& read, const QJsonObject& json, const QString& name);
QJsonValue idOrNull(const QString& id);

// What every fromJson/fromRequest ends with: the value when the reader finished cleanly (in Request
// mode: no unknown field), else the reader's first error.
template <typename T>
Result<T> finished(FieldReader& read, T value) {
    if (!read.finish()) {
        return read.error();
    }
    return value;
}

// Reads the object in `name` with its own reader (same mode), so errors name the nested field.
template <typename T>
T nested(FieldReader& parent, const QString& name, const QString& context, T (*readFields)(FieldReader&)) {
    const QJsonObject json = parent.object(name);
    if (!parent.ok()) {
        return T{};
    }
    FieldReader read(json, context, parent.mode());
    T value = readFields(read);
    read.finish();
    if (!read.ok()) {
        parent.failWith(read.error());
    }
    return value;
}

// Each item's toJson(), in order: the writing side of lists of model values.
template <typename T>
QJsonArray toJsonArray(const QList<T>& items) {
    QJsonArray array;
    for (const T& item : items) {
        array.append(item.toJson());
    }
    return array;
}

// Reads the array in `name`, each entry with T::fromJson; the first entry that fails fails `parent`.
template <typename T>
QList<T> objectList(FieldReader& parent, const QString& name) {
    QList<T> items;
    const QJsonArray array = parent.array(name);
    for (qsizetype i = 0; parent.ok() && i < array.size(); ++i) {
        auto item = T::fromJson(array.at(i).toObject());
        if (!item) {
            parent.failWith(item.error());
            break;
        }
        items.append(std::move(item).value());
    }
    return items;
}

}  // namespace vigil::core::model
