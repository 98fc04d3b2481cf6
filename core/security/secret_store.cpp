#include "security/secret_store.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <qt6keychain/keychain.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "common/logging.h"

namespace vigil::core::security {

namespace {

constexpr int kKeychainTimeoutMs = 5000;
constexpr mode_t kPrivateDirMode = 0700;
constexpr mode_t kPrivateFileMode = 0600;
constexpr QFileDevice::Permissions kOwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Error notFound(const QString& name) {
    return Error::make(QStringLiteral("secret_not_found"),
                       QStringLiteral("The secret \"%1\" is not stored in the keyring nor in the secrets "
                                      "folder. Restore it from a backup, or reinitialise the installation.")
                           .arg(name));
}

Error fileError(const QString& what, const QString& path, const QString& reason) {
    return Error::make(QStringLiteral("secret_file_failed"),
                       QStringLiteral("Cannot %1 the secret file %2: %3. Check that the folder exists, "
                                      "belongs to the user running Vigil and that the disk is not full.")
                           .arg(what, path, reason));
}

// Names become file names: keep them to a safe alphabet so none can climb out of the folder.
bool validName(const QString& name) {
    if (name.isEmpty() || name.startsWith(QLatin1Char('.'))) {
        return false;
    }
    for (const QChar c : name) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                          (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                          (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                          c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!safe) {
            return false;
        }
    }
    return true;
}

Status checkName(const QString& name) {
    if (validName(name)) {
        return {};
    }
    return Error::make(QStringLiteral("secret_bad_name"),
                       QStringLiteral("\"%1\" is not a valid secret name: use letters, digits, '-', '_' and "
                                      "'.', not starting with '.'. This is a defect.")
                           .arg(name));
}

// Makes the folder with 0700 from the start (mkdir applies the mode atomically) and tightens an
// existing one that is looser.
Status ensurePrivateDir(const QString& dir) {
    const QFileInfo info(dir);
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath())) {
            return fileError(QStringLiteral("create the folder for"), dir, QStringLiteral("mkpath failed"));
        }
        if (::mkdir(QFile::encodeName(dir).constData(), kPrivateDirMode) != 0 && errno != EEXIST) {
            return fileError(QStringLiteral("create the folder for"), dir,
                             QString::fromLocal8Bit(std::strerror(errno)));
        }
    }
    const QFileDevice::Permissions wanted = kOwnerReadWrite | QFileDevice::ExeOwner;
    const QFileDevice::Permissions loose = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                           QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                           QFileDevice::WriteOther | QFileDevice::ExeOther;
    if ((QFile::permissions(dir) & loose) != 0 && !QFile::setPermissions(dir, wanted)) {
        return fileError(QStringLiteral("restrict the folder for"), dir, QStringLiteral("chmod failed"));
    }
    return {};
}

// Creates the target empty with 0600 when it is missing. QSaveFile then makes its temporary file
// 0600 too (it only uses 0666 & ~umask for brand-new targets), so the secret never sits in a file
// others could open. An empty file left by a crash reads as "no secret".
Status precreatePrivateFile(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                          kPrivateFileMode);
    if (fd < 0 && errno != EEXIST) {
        return fileError(QStringLiteral("create"), path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (fd >= 0) {
        ::close(fd);
    }
    return {};
}

// Runs a QtKeychain job to completion. QtKeychain is asynchronous only; the guard stops a hung
// D-Bus peer (a keyring waiting on an unlock prompt nobody sees) from blocking the start.
// Returns false on timeout; the job then deletes itself whenever it does finish.
bool runJob(std::unique_ptr<QKeychain::Job>& job) {
    bool finished = false;
    QEventLoop loop;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    guard.start(kKeychainTimeoutMs);
    if (!finished) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!finished) {
        job->setAutoDelete(true);
        job.release();  // NOLINT(bugprone-unused-return-value): owned by QtKeychain from here on
        return false;
    }
    return true;
}

bool keychainMissing(QKeychain::Error error) {
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

}  // namespace

SecretStore::SecretStore(QString service, QString scope, QString fileDir, Policy policy)
    : m_service(std::move(service)),
      m_scope(std::move(scope)),
      m_fileDir(std::move(fileDir)),
      m_policy(policy) {}

QString SecretStore::backendName(Backend backend) {
    return backend == Backend::Keychain ? QStringLiteral("keychain") : QStringLiteral("file");
}

bool SecretStore::keychainEnabled() const {
    // Without a session bus QtKeychain can hang or fail slowly; without an application object it
    // has no event loop to run on.
    return m_policy == Policy::PreferKeychain && m_keychainUsable &&
           !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
           QCoreApplication::instance() != nullptr;
}

void SecretStore::disableKeychain(const QString& reason) {
    m_keychainUsable = false;
    qCWarning(lcSecrets).noquote() << "OS keyring not usable (" + reason + "); secrets go to files in"
                                   << m_fileDir;
}

void SecretStore::useBackend(Backend backend) {
    m_backend = backend;
    if (!m_backendLogged) {
        m_backendLogged = true;
        if (backend == Backend::Keychain) {
            qCInfo(lcSecrets).noquote() << "secrets of" << m_scope << "are kept in the OS keyring";
        } else {
            qCInfo(lcSecrets).noquote()
                << "secrets of" << m_scope << "are kept in private files in" << m_fileDir;
        }
    }
}

QString SecretStore::keychainKey(const QString& name) const {
    return m_scope + QLatin1Char('/') + name;
}

QString SecretStore::filePath(const QString& name) const {
    return m_fileDir + QLatin1Char('/') + name;
}

Result<QByteArray> SecretStore::read(const QString& name) {
    if (Status valid = checkName(name); !valid) {
        return valid.error();
    }
    std::optional<Error> keychainRefused;
    if (keychainEnabled()) {
        auto fromKeychain = readKeychain(name);
        if (fromKeychain) {
            useBackend(Backend::Keychain);
            return fromKeychain;
        }
        if (fromKeychain.error().code != QLatin1String("secret_not_found")) {
            keychainRefused = fromKeychain.error();
        }
    }
    auto fromFile = readFile(name);
    if (fromFile) {
        useBackend(Backend::File);
        return fromFile;
    }
    // A locked keyring may hold the secret: saying "not found" would make the caller create a new
    // one and lose access to what the old one protects.
    if (keychainRefused && fromFile.error().code == QLatin1String("secret_not_found")) {
        return *keychainRefused;
    }
    return fromFile;
}

Status SecretStore::write(const QString& name, const QByteArray& secret) {
    if (Status valid = checkName(name); !valid) {
        return valid;
    }
    if (secret.isEmpty()) {
        return Error::make(
            QStringLiteral("secret_invalid"),
            QStringLiteral("Refusing to store an empty secret \"%1\". This is a defect.").arg(name));
    }
    if (keychainEnabled()) {
        if (Status stored = writeKeychain(name, secret); stored) {
            // A file copy would be stale from now on (the keyring is read first); do not keep it around.
            QFile::remove(filePath(name));
            useBackend(Backend::Keychain);
            return stored;
        }
    }
    Status stored = writeFile(name, secret);
    if (stored) {
        useBackend(Backend::File);
    }
    return stored;
}

Result<QByteArray> SecretStore::readOrCreateRandom(const QString& name, int bytes) {
    auto existing = read(name);
    if (existing || existing.error().code != QLatin1String("secret_not_found")) {
        return existing;
    }
    if (bytes <= 0) {
        return Error::make(QStringLiteral("secret_invalid"),
                           QStringLiteral("Cannot make a secret of %1 bytes. This is a defect.").arg(bytes));
    }
    QByteArray secret(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), bytes) != 1) {
        return Error::make(QStringLiteral("secret_random_failed"),
                           QStringLiteral("The system's random generator failed, so no secret was made. "
                                          "Check that /dev/urandom is available."));
    }
    if (Status stored = write(name, secret); !stored) {
        return stored.error();
    }
    qCInfo(lcSecrets).noquote() << "made a new secret" << name;
    return secret;
}

Status SecretStore::remove(const QString& name) {
    if (Status valid = checkName(name); !valid) {
        return valid;
    }
    if (keychainEnabled()) {
        auto job = std::unique_ptr<QKeychain::Job>(new QKeychain::DeletePasswordJob(m_service));
        job->setKey(keychainKey(name));
        if (!runJob(job)) {
            disableKeychain(QStringLiteral("no answer within %1 ms").arg(kKeychainTimeoutMs));
        } else if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            if (keychainMissing(job->error())) {
                disableKeychain(job->errorString());
            } else {
                return Error::make(QStringLiteral("secret_keychain_failed"),
                                   QStringLiteral("Cannot remove the secret \"%1\" from the OS keyring: %2. "
                                                  "Unlock the keyring and try again.")
                                       .arg(name, job->errorString()));
            }
        }
    }
    const QString path = filePath(name);
    if (QFile::exists(path) && !QFile::remove(path)) {
        return fileError(QStringLiteral("remove"), path, QStringLiteral("permission denied"));
    }
    return {};
}

Result<QByteArray> SecretStore::readKeychain(const QString& name) {
    auto job = std::unique_ptr<QKeychain::Job>(new QKeychain::ReadPasswordJob(m_service));
    job->setKey(keychainKey(name));
    job->setInsecureFallback(false);
    if (!runJob(job)) {
        // Usually a locked keyring waiting on a prompt: it may well hold the secret, so this is no
        // "not found" that would let a caller replace it.
        disableKeychain(QStringLiteral("no answer within %1 ms").arg(kKeychainTimeoutMs));
        return Error::make(
            QStringLiteral("secret_keychain_failed"),
            QStringLiteral("The OS keyring did not answer within %1 s when asked for the secret "
                           "\"%2\". Unlock the keyring and start again.")
                .arg(QString::number(kKeychainTimeoutMs / 1000), name));
    }
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError) {
        const QByteArray secret = static_cast<QKeychain::ReadPasswordJob*>(job.get())->binaryData();
        return secret.isEmpty() ? Result<QByteArray>(notFound(name)) : Result<QByteArray>(secret);
    }
    if (error == QKeychain::EntryNotFound) {
        return notFound(name);
    }
    if (keychainMissing(error)) {
        disableKeychain(job->errorString());
        return notFound(name);
    }
    return Error::make(QStringLiteral("secret_keychain_failed"),
                       QStringLiteral("The OS keyring refused to give the secret \"%1\": %2. Unlock the "
                                      "keyring (or allow Vigil access) and start again.")
                           .arg(name, job->errorString()));
}

Status SecretStore::writeKeychain(const QString& name, const QByteArray& secret) {
    auto job = std::unique_ptr<QKeychain::Job>(new QKeychain::WritePasswordJob(m_service));
    job->setKey(keychainKey(name));
    job->setInsecureFallback(false);
    static_cast<QKeychain::WritePasswordJob*>(job.get())->setBinaryData(secret);
    if (!runJob(job)) {
        disableKeychain(QStringLiteral("no answer within %1 ms").arg(kKeychainTimeoutMs));
        return Error::make(QStringLiteral("secret_keychain_failed"), QStringLiteral("keyring timed out"));
    }
    if (job->error() != QKeychain::NoError) {
        disableKeychain(job->errorString());
        return Error::make(QStringLiteral("secret_keychain_failed"), job->errorString());
    }
    return {};
}

Result<QByteArray> SecretStore::readFile(const QString& name) const {
    const QString path = filePath(name);
    QFile file(path);
    if (!file.exists()) {
        return notFound(name);
    }
    if ((file.permissions() & ~(kOwnerReadWrite | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0) {
        qCWarning(lcSecrets).noquote() << "secret file" << path << "was readable by others; restricting it";
        file.setPermissions(kOwnerReadWrite);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(QStringLiteral("read"), path, file.errorString());
    }
    const QByteArray encoded = file.readAll().trimmed();
    if (encoded.isEmpty()) {
        return notFound(name);
    }
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        return Error::make(QStringLiteral("secret_file_damaged"),
                           QStringLiteral("The secret file %1 is damaged (not base64). Restore it from a "
                                          "backup.")
                               .arg(path));
    }
    return decoded.decoded;
}

Status SecretStore::writeFile(const QString& name, const QByteArray& secret) const {
    if (Status dir = ensurePrivateDir(m_fileDir); !dir) {
        return dir;
    }
    const QString path = filePath(name);
    if (Status created = precreatePrivateFile(path); !created) {
        return created;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fileError(QStringLiteral("write"), path, file.errorString());
    }
    // Also covers an existing target with a looser mode, whose mode QSaveFile would copy.
    if (!file.setPermissions(kOwnerReadWrite)) {
        file.cancelWriting();
        return fileError(QStringLiteral("restrict"), path, file.errorString());
    }
    file.write(secret.toBase64() + '\n');
    if (!file.commit()) {
        return fileError(QStringLiteral("write"), path, file.errorString());
    }
    return {};
}

}  // namespace vigil::core::security
