#pragma once
// Where a Vigil program keeps its data (MODE-3). Normal installs use the user's data folder
// (~/.local/share/Vigil). Portable mode, switched on by --portable or a file named "portable"
// beside the executable, keeps everything in "data/" beside the executable so a technician can
// carry the whole thing on a USB stick.

#include <QString>

namespace vigil::core::platform {

struct DataLocation {
    QString root;        // everything lives below this folder
    bool portable = false;

    QString serverDir() const;   // the embedded engine's data (database, certificates, recordings)
    QString clientDir() const;   // workstation settings, pinned certificates of sites
    QString secretsDir() const;  // 0600 secret files where no keyring runs
    QString logsDir() const;

    // Resolves the location for this process: portable when `portableFlag` or the marker file
    // exists beside the executable, else the platform's user data folder.
    static DataLocation resolve(bool portableFlag);
    // An explicit root (vigild --data-dir, tests).
    static DataLocation at(const QString& root, bool portable = false);

    // Makes the folders (0700: they hold keys and recordings) and reports the first failure.
    bool ensureExists(QString* error) const;
};

}  // namespace vigil::core::platform
