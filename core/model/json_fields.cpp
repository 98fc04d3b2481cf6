#include "model/json_fields.h"

#include <QJsonValue>
#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::core::model {

namespace {
constexpr double kLargestExactInteger = 9007199254740992.0;  // 2^53
const QString kApiHint = QStringLiteral("the API description (server/api/openapi.yaml)");
}  // namespace

FieldReader::FieldReader(const QJsonObject& json, QString context, Mode mode)
    : m_json(json), m_context(std::move(context)), m_mode(mode) {}

bool FieldReader::has(const QString& name) {
    m_known.insert(name);
    return m_json.contains(name);
}

QJsonValue FieldReader::take(const QString& name) {
    m_known.insert(name);
    return m_json.value(name);
}

QString FieldReader::string(const QString& name) {
    const QJsonValue value = take(name);
    if (!value.isString()) {
        fail(name, QStringLiteral("a string"), value);
        return {};
    }
    return value.toString();
}

qint64 FieldReader::integer(const QString& name) {
    const QJsonValue value = take(name);
    const double number = value.toDouble();
    if (!value.isDouble() || std::trunc(number) != number || std::fabs(number) > kLargestExactInteger) {
        fail(name, QStringLiteral("an integer"), value);
        return 0;
    }
    return static_cast<qint64>(number);
}

int FieldReader::smallInteger(const QString& name) {
    const qint64 number = integer(name);
    if (ok() && (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())) {
        fail(name, QStringLiteral("an integer in 32-bit range"), m_json.value(name));
        return 0;
    }
    return static_cast<int>(number);
}

double FieldReader::number(const QString& name) {
    const QJsonValue value = take(name);
    if (!value.isDouble()) {
        fail(name, QStringLiteral("a number"), value);
        return 0;
    }
    return value.toDouble();
}

bool FieldReader::boolean(const QString& name) {
    const QJsonValue value = take(name);
    if (!value.isBool()) {
        fail(name, QStringLiteral("true or false"), value);
        return false;
    }
    return value.toBool();
}

QJsonObject FieldReader::object(const QString& name) {
    const QJsonValue value = take(name);
    if (!value.isObject()) {
        fail(name, QStringLiteral("an object"), value);
        return {};
    }
    return value.toObject();
}

QJsonArray FieldReader::array(const QString& name) {
    const QJsonValue value = take(name);
    if (!value.isArray()) {
        fail(name, QStringLiteral("an array"), value);
        return {};
    }
    return value.toArray();
}

QStringList FieldReader::stringList(const QString& name) {
    const QJsonArray values = array(name);
    QStringList strings;
    strings.reserve(values.size());
    for (qsizetype i = 0; ok() && i < values.size(); ++i) {
        if (!values.at(i).isString()) {
            fail(QStringLiteral("%1[%2]").arg(name, QString::number(i)), QStringLiteral("a string"),
                 values.at(i));
            return {};
        }
        strings.append(values.at(i).toString());
    }
    return strings;
}

bool FieldReader::finish() {
    if (m_mode != Mode::Request || !ok()) {
        return ok();
    }
    for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it) {
        if (m_known.contains(it.key())) {
            continue;
        }
        QStringList known(m_known.cbegin(), m_known.cend());
        std::sort(known.begin(), known.end());
        failWith(badRequest(m_context, it.key(),
                            QStringLiteral("is not a field this request takes. Remove it; the fields are: %1")
                                .arg(known.join(QStringLiteral(", ")))));
        break;
    }
    return ok();
}

void FieldReader::fail(const QString& name, const QString& expected, const QJsonValue& value) {
    if (!ok()) {
        return;  // the first problem is the one worth reporting
    }
    const QString found = value.isUndefined() ? QStringLiteral("it is missing")
                                              : QStringLiteral("it is %1").arg(typeName(value));
    if (m_mode == Mode::Request) {
        m_error = badRequest(m_context, name, QStringLiteral("must be %1, but %2").arg(expected, found));
        return;
    }
    m_error = Error::make(QStringLiteral("bad_response"),
                          QStringLiteral("The server's %1 has a bad field \"%2\": expected %3, but %4. "
                                         "Check that the client and the server versions match.")
                              .arg(m_context, name, expected, found));
}

void FieldReader::failWith(const Error& error) {
    if (ok()) {
        m_error = error;
    }
}

Error FieldReader::badRequest(const QString& context, const QString& name, const QString& problem) {
    return Error::make(QStringLiteral("bad_request"),
                       QStringLiteral("The %1's field \"%2\" %3. Send the request as %4 describes it.")
                           .arg(context, name, problem, kApiHint));
}

QString FieldReader::typeName(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            return QStringLiteral("missing");
    }
    return QStringLiteral("unknown");
}

QString nullableId(FieldReader& read, const QJsonObject& json, const QString& name) {
    if (json.value(name).isNull()) {
        read.has(name);
        return {};
    }
    return read.string(name);
}

QJsonValue idOrNull(const QString& id) {
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

}  // namespace vigil::core::model
