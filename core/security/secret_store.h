#pragma once
// SecretStore keeps small secrets (the database key, ...) out of the data they protect.
// Preferred backend: the OS keyring through QtKeychain. Where no keyring runs (headless servers,
// containers, portable mode) it falls back to one file per secret in a private folder, mode 0600
// (folder 0700). A secret found in either backend is read from there; a new one goes to the keyring
// when it works, else to the file. The backend in use is logged once (never the secret).

#include <QByteArray>
#include <QString>

#include "common/result.h"

namespace vigil::core::security {

class SecretStore {
public:
    enum class Backend { Keychain, File };
    enum class Policy {
        PreferKeychain,  // try the keyring, fall back to files
        FileOnly,        // portable mode and tests: never touch the keyring
    };

    // `service` names the application in the keyring ("vigil"); `scope` separates installations
    // (a hash of the data folder), `fileDir` is where fallback files live.
    SecretStore(QString service, QString scope, QString fileDir, Policy policy = Policy::PreferKeychain);

    // Reads a secret; error secret_not_found when absent in every backend.
    Result<QByteArray> read(const QString& name);
    // Writes (or replaces) a secret in the backend chosen as described above.
    Status write(const QString& name, const QByteArray& secret);
    // Reads the secret, or makes `bytes` random bytes (CSPRNG), stores and returns them.
    Result<QByteArray> readOrCreateRandom(const QString& name, int bytes);
    Status remove(const QString& name);

    // The backend the last successful read or write used.
    Backend backend() const { return m_backend; }
    static QString backendName(Backend backend);

private:
    Result<QByteArray> readKeychain(const QString& name);
    Status writeKeychain(const QString& name, const QByteArray& secret);
    Result<QByteArray> readFile(const QString& name) const;
    Status writeFile(const QString& name, const QByteArray& secret) const;
    QString filePath(const QString& name) const;
    QString keychainKey(const QString& name) const;
    // True while the keyring may be tried: policy allows it, a session bus exists, and it has not
    // failed in a way that means it is missing here.
    bool keychainEnabled() const;
    void disableKeychain(const QString& reason);
    void useBackend(Backend backend);

    QString m_service;
    QString m_scope;
    QString m_fileDir;
    Policy m_policy;
    Backend m_backend = Backend::File;
    bool m_keychainUsable = true;
    bool m_backendLogged = false;
};

}  // namespace vigil::core::security
