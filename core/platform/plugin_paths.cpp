#include "platform/plugin_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vigil::core::platform {

namespace {

void appendIfDirectory(QStringList& paths, const QString& path) {
    const QString clean = QDir::cleanPath(path);
    if (!clean.isEmpty() && QFileInfo(clean).isDir() && !paths.contains(clean)) {
        paths.append(clean);
    }
}

}  // namespace

QStringList pluginSearchPaths(const char* environmentVariable, const QString& kind, const QString& buildTreeDir) {
    QStringList paths;
    for (const QString& path : qEnvironmentVariable(environmentVariable).split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        appendIfDirectory(paths, path);
    }
    // applicationDirPath needs a QCoreApplication; without one only the environment and the build tree count.
    if (QCoreApplication::instance()) {
        const QString executableDir = QCoreApplication::applicationDirPath();
        appendIfDirectory(paths, executableDir + QStringLiteral("/../lib/vigil/plugins/") + kind);
        appendIfDirectory(paths, executableDir + QStringLiteral("/plugins/") + kind);
    }
    appendIfDirectory(paths, buildTreeDir);
    return paths;
}

}  // namespace vigil::core::platform
