// SecretStore: the database key lives outside the database, in the OS keyring or, where none runs
// (headless servers, portable mode: MODE-3/USR-4), in a 0600 file inside a 0700 folder. The keyring
// cases run as their own ctest entries under a private D-Bus session with gnome-keyring
// (VIGIL_TEST_KEYCHAIN=1); elsewhere they are skipped.

#include <sys/stat.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "security/secret_store.h"

using vigil::core::security::SecretStore;

namespace {

int fileMode(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return static_cast<int>(info.st_mode & 0777);
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

}  // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private:
    QString secretsDir() const { return m_dir.path() + QStringLiteral("/data/secrets"); }

    SecretStore fileStore() const {
        return SecretStore(QStringLiteral("vigil-test"), QStringLiteral("scope-a"), secretsDir(),
                           SecretStore::Policy::FileOnly);
    }

    QTemporaryDir m_dir;

private slots:
    void init() { QDir(m_dir.path() + QStringLiteral("/data")).removeRecursively(); }

    void fileOnlyCreatesAndKeepsARandomSecret() {
        SecretStore store = fileStore();
        auto made = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        QCOMPARE(made.value().size(), 32);
        QVERIFY(made.value() != QByteArray(32, '\0'));
        QCOMPARE(store.backend(), SecretStore::Backend::File);
        QCOMPARE(SecretStore::backendName(store.backend()), QStringLiteral("file"));

        auto again = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), made.value());

        SecretStore restarted = fileStore();  // as after a restart
        auto reread = restarted.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY(reread.ok());
        QCOMPARE(reread.value(), made.value());
        QCOMPARE(restarted.read(QStringLiteral("database-key")).value(), made.value());

        // A different name gets a different secret.
        auto other = store.readOrCreateRandom(QStringLiteral("other-key"), 32);
        QVERIFY(other.ok());
        QVERIFY(other.value() != made.value());
    }

    void fileAndFolderArePrivate() {
        SecretStore store = fileStore();
        QVERIFY(store.readOrCreateRandom(QStringLiteral("database-key"), 32).ok());
        QCOMPARE(fileMode(secretsDir()), 0700);
        const QStringList files = filesIn(secretsDir());
        QCOMPARE(files, QStringList{QStringLiteral("database-key")});  // no temporary left behind
        QCOMPARE(fileMode(secretsDir() + QStringLiteral("/database-key")), 0600);

        // Replacing keeps the mode even if someone loosened it in between.
        QVERIFY(::chmod(QFile::encodeName(secretsDir() + QStringLiteral("/database-key")).constData(),
                        0644) == 0);
        QVERIFY(store.write(QStringLiteral("database-key"), QByteArray(32, 'k')).ok());
        QCOMPARE(fileMode(secretsDir() + QStringLiteral("/database-key")), 0600);
        QCOMPARE(store.read(QStringLiteral("database-key")).value(), QByteArray(32, 'k'));
    }

    void binarySecretsRoundTrip() {
        SecretStore store = fileStore();
        const QByteArray secret("\0\n\r\xff key \0", 10);
        QVERIFY(store.write(QStringLiteral("binary"), secret).ok());
        QCOMPARE(fileStore().read(QStringLiteral("binary")).value(), secret);
        QVERIFY(!store.write(QStringLiteral("empty"), QByteArray()).ok());
    }

    void missingSecretIsReported() {
        SecretStore store = fileStore();
        auto missing = store.read(QStringLiteral("never-written"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("secret_not_found"));
        QVERIFY(!missing.error().message.isEmpty());
    }

    void removeDeletesTheSecret() {
        SecretStore store = fileStore();
        auto first = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY(first.ok());
        QVERIFY(store.remove(QStringLiteral("database-key")).ok());
        QCOMPARE(store.read(QStringLiteral("database-key")).error().code, QStringLiteral("secret_not_found"));
        QVERIFY(!QFile::exists(secretsDir() + QStringLiteral("/database-key")));
        QVERIFY(store.remove(QStringLiteral("database-key")).ok());  // removing twice is fine
        auto second = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY(second.ok());
        QVERIFY(second.value() != first.value());
    }

    void namesCannotEscapeTheFolder() {
        SecretStore store = fileStore();
        for (const QString& name :
             {QStringLiteral("../escape"), QStringLiteral("a/b"), QStringLiteral(".hidden"), QString()}) {
            QVERIFY(!store.write(name, QByteArrayLiteral("x")).ok());
        }
        QVERIFY(!QFile::exists(m_dir.path() + QStringLiteral("/data/escape")));
    }

    void preferKeychainWithoutDbusFallsBackToFile() {
        // Headless servers and containers have no session bus: the keyring is skipped, not waited on.
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        SecretStore store(QStringLiteral("vigil-test"), QStringLiteral("scope-b"), secretsDir(),
                          SecretStore::Policy::PreferKeychain);
        auto made = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        if (!saved.isEmpty()) {
            qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
        }
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        QCOMPARE(store.backend(), SecretStore::Backend::File);
        QVERIFY(QFile::exists(secretsDir() + QStringLiteral("/database-key")));
    }

    void keychainHoldsTheSecretWhenAKeyringRuns() {
        if (qEnvironmentVariable("VIGIL_TEST_KEYCHAIN") != QLatin1String("1")) {
            QSKIP(
                "needs a D-Bus session with an unlocked keyring: run by the tst_secret_store_keychain entry");
        }
        QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
        // A unique scope per run, so a keyring kept from an earlier run cannot make this pass.
        const QString scope = QUuid::createUuid().toString(QUuid::WithoutBraces);
        SecretStore store(QStringLiteral("vigil-test"), scope, secretsDir(),
                          SecretStore::Policy::PreferKeychain);
        QCOMPARE(store.read(QStringLiteral("database-key")).error().code, QStringLiteral("secret_not_found"));
        auto made = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        QCOMPARE(made.value().size(), 32);
        QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
        QCOMPARE(SecretStore::backendName(store.backend()), QStringLiteral("keychain"));
        QVERIFY(filesIn(secretsDir()).isEmpty());  // nothing on disk outside the keyring

        SecretStore restarted(QStringLiteral("vigil-test"), scope, secretsDir(),
                              SecretStore::Policy::PreferKeychain);
        auto reread = restarted.read(QStringLiteral("database-key"));
        QVERIFY(reread.ok());
        QCOMPARE(reread.value(), made.value());
        QCOMPARE(restarted.backend(), SecretStore::Backend::Keychain);

        // The same name under another scope (another installation) is another secret.
        SecretStore otherScope(QStringLiteral("vigil-test"), scope + QStringLiteral("-other"), secretsDir(),
                               SecretStore::Policy::PreferKeychain);
        QCOMPARE(otherScope.read(QStringLiteral("database-key")).error().code,
                 QStringLiteral("secret_not_found"));

        QVERIFY(restarted.remove(QStringLiteral("database-key")).ok());
        QCOMPARE(store.read(QStringLiteral("database-key")).error().code, QStringLiteral("secret_not_found"));
        QVERIFY(filesIn(secretsDir()).isEmpty());
    }

    void unusableKeyringFallsBackToFile() {
        if (qEnvironmentVariable("VIGIL_TEST_KEYCHAIN") != QLatin1String("1")) {
            QSKIP(
                "needs a D-Bus session without a usable keyring: run by tst_secret_store_keychain_unusable");
        }
        QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
        // A bus is there but no keyring can serve: the store must neither hang nor fail, and use files.
        QElapsedTimer clock;
        clock.start();
        SecretStore store(QStringLiteral("vigil-test"), QStringLiteral("scope-c"), secretsDir(),
                          SecretStore::Policy::PreferKeychain);
        auto made = store.readOrCreateRandom(QStringLiteral("database-key"), 32);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        QCOMPARE(store.backend(), SecretStore::Backend::File);
        QCOMPARE(fileMode(secretsDir() + QStringLiteral("/database-key")), 0600);
        QCOMPARE(store.read(QStringLiteral("database-key")).value(), made.value());
        QVERIFY(clock.elapsed() < 15000);  // bounded by the 5 s guard per keyring call
    }
};

// QTEST_GUILESS_MAIN makes the QCoreApplication whose event loop QtKeychain's D-Bus calls need.
QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secret_store.moc"
