#include "platform/data_location.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace vigil::core::platform {

namespace {
constexpr auto kPortableMarker = "portable";

bool makePrivateDir(const QString& path, QString* error) {
    QDir dir;
    if (!dir.mkpath(path)) {
        if (error) {
            *error = QStringLiteral("Cannot create the folder %1. Check that the disk is writable and that "
                                    "this user may write there, or choose another data folder.")
                         .arg(path);
        }
        return false;
    }
    // Owner only: the folder holds the database, certificates and maybe secret files.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}
}  // namespace

QString DataLocation::serverDir() const { return root + QStringLiteral("/server"); }
QString DataLocation::clientDir() const { return root + QStringLiteral("/client"); }
QString DataLocation::secretsDir() const { return root + QStringLiteral("/secrets"); }
QString DataLocation::logsDir() const { return root + QStringLiteral("/logs"); }

DataLocation DataLocation::resolve(bool portableFlag) {
    const QString exeDir = QCoreApplication::applicationDirPath();
    const bool marker = QFileInfo::exists(exeDir + QLatin1Char('/') + QLatin1String(kPortableMarker));
    if (portableFlag || marker) {
        return at(exeDir + QStringLiteral("/data"), true);
    }
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty()) {
        base = QDir::homePath() + QStringLiteral("/.local/share");
    }
    return at(base + QStringLiteral("/Vigil"), false);
}

DataLocation DataLocation::at(const QString& root, bool portable) {
    DataLocation location;
    location.root = QDir::cleanPath(QDir(root).absolutePath());
    location.portable = portable;
    return location;
}

bool DataLocation::ensureExists(QString* error) const {
    for (const QString& dir : {root, serverDir(), clientDir(), logsDir()}) {
        if (!makePrivateDir(dir, error)) {
            return false;
        }
    }
    qCInfo(lcPlatform).noquote() << "data folder" << root << (portable ? "(portable)" : "");
    return true;
}

}  // namespace vigil::core::platform
