#pragma once
// Test helper: a whole file in or out, in one call.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace vigil::test {

// The file's bytes; empty when it cannot be read.
inline QByteArray readFileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes (replacing) the file; false when it cannot be written whole.
inline bool writeFileBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace vigil::test
