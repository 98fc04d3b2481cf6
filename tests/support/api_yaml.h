#pragma once
// Test helper: the "required: [...]" lists of a flat shapes file (server/api/accounts.yaml,
// devices.yaml), so a test can check that the model sends exactly the fields the document names.
// A line reader relying on the files' two-space indentation, not a YAML parser.

#include <QFile>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace vigil::test {

// schema name -> the names in its "required: [...]" line, sorted.
inline QMap<QString, QStringList> requiredFields(const QString& path) {
    QFile file(path);
    QMap<QString, QStringList> result;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return result;
    }
    static const QRegularExpression schemaLine(QStringLiteral("^    (\\w+):$"));
    static const QRegularExpression requiredLine(QStringLiteral("^      required: \\[(.*)\\]$"));
    QString schema;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (auto m = schemaLine.match(line); m.hasMatch()) {
            schema = m.captured(1);
        } else if (auto r = requiredLine.match(line); r.hasMatch()) {
            for (const QString& name : r.captured(1).split(QLatin1Char(','))) {
                result[schema].append(name.trimmed());
            }
            result[schema].sort();
        }
    }
    return result;
}

// The object's field names, sorted, to compare with requiredFields().
inline QStringList sortedKeys(const QJsonObject& json) {
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

}  // namespace vigil::test
