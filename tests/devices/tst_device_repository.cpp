// The devices tables (migration 4, server/devices/devices_schema.cpp) through their repositories:
// devices with credentials and channels, cascades on removal, one device per address, the group
// tree's sibling names, and camera passwords unreadable in the database files without the key
// (ARCHITECTURE.md "Data": secrets the server must replay are encrypted with a key from the secret
// store; issue 4 "credentials kept encrypted").

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "devices/device_repository.h"
#include "devices/group_repository.h"
#include "engine/schema.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace vigil;
using core::model::Channel;
using core::model::Device;
using core::model::DeviceGroup;

namespace {

const QByteArray kKey = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
const QString kPassword = QStringLiteral("Camera-Secret-5Yq8");

Device sampleDevice(const QString& id, const QString& groupId = {}) {
    Device device;
    device.id = id;
    device.name = QStringLiteral("Gate ") + id;
    device.driver = QStringLiteral("rtsp");
    device.address = QStringLiteral("rtsp://127.0.0.1:8554/") + id;
    device.groupId = groupId;
    device.userName = QStringLiteral("admin");
    device.createdMs = 1000;
    device.updatedMs = 1000;
    return device;
}

Channel sampleChannel(const QString& id, const QString& deviceId, const QString& token) {
    Channel channel;
    channel.id = id;
    channel.deviceId = deviceId;
    channel.token = token;
    channel.name = QStringLiteral("Channel ") + token;
    channel.mainUrl = QStringLiteral("rtsp://127.0.0.1:8554/main");
    channel.mainProfileToken = QStringLiteral("profile_1");
    channel.createdMs = 1000;
    channel.updatedMs = 1000;
    return channel;
}

}  // namespace

class TestDeviceRepository : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::store::Database> m_db;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("vigil.db")); }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        QFile::remove(dbPath());
        auto db = core::store::Database::open(dbPath(), kKey);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        m_db = std::move(db.value());
        auto version = core::store::Migrator::migrate(*m_db, server::serverMigrations());
        QVERIFY2(version.ok(), version.ok() ? "" : qPrintable(version.error().message));
        QVERIFY(version.value() >= 4);
    }

    void cleanup() { m_db.reset(); }

    void devicesKeepTheirChannelsAndCredentials() {
        server::DeviceRepository repository(*m_db);
        QVERIFY(repository.insert(sampleDevice("d1"), QStringLiteral("rtsp rtsp://127.0.0.1:8554/d1"), kPassword));
        QVERIFY(repository.insertChannel(sampleChannel("c1", "d1", "0")));
        Channel second = sampleChannel("c2", "d1", "1");
        second.position = 1;
        QVERIFY(repository.insertChannel(second));

        auto found = repository.find(QStringLiteral("d1"));
        QVERIFY(found.ok() && found.value().has_value());
        const Device& device = *found.value();
        QCOMPARE(device.userName, QStringLiteral("admin"));
        QVERIFY(device.passwordSet);
        QCOMPARE(device.channels.size(), 2);
        QCOMPARE(device.channels.at(0).id, QStringLiteral("c1"));
        QCOMPARE(device.channels.at(0).mainProfileToken, QStringLiteral("profile_1"));
        QCOMPARE(device.channels.at(1).position, 1);
        // The API shape never carries the password, only whether one is set.
        QVERIFY(!device.toJson().contains(QStringLiteral("password")));
        QVERIFY(!QJsonDocument(device.toJson()).toJson().contains(kPassword.toUtf8()));
        QCOMPARE(repository.password(QStringLiteral("d1")).value(), kPassword);

        QVERIFY(repository.setPassword(QStringLiteral("d1"), QString()));
        QVERIFY(!repository.find(QStringLiteral("d1")).value()->passwordSet);
    }

    void oneDevicePerAddress() {
        server::DeviceRepository repository(*m_db);
        const QString key = QStringLiteral("rtsp rtsp://127.0.0.1:8554/same");
        QVERIFY(repository.insert(sampleDevice("a"), key, {}));
        QVERIFY(!repository.insert(sampleDevice("b"), key, {}).ok());
        QCOMPARE(repository.findByAddressKey(key).value().value_or(QString()), QStringLiteral("a"));
    }

    void channelTokensAreUniquePerDevice() {
        server::DeviceRepository repository(*m_db);
        QVERIFY(repository.insert(sampleDevice("d"), QStringLiteral("k"), {}));
        QVERIFY(repository.insertChannel(sampleChannel("c1", "d", "0")));
        QVERIFY(!repository.insertChannel(sampleChannel("c2", "d", "0")).ok());
    }

    void removingADeviceRemovesItsChannelsAndCredentials() {
        server::DeviceRepository repository(*m_db);
        QVERIFY(repository.insert(sampleDevice("d"), QStringLiteral("k"), kPassword));
        QVERIFY(repository.insertChannel(sampleChannel("c1", "d", "0")));
        QVERIFY(repository.remove(QStringLiteral("d")));
        QVERIFY(!repository.channel(QStringLiteral("c1")).value().has_value());
        auto left = m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM device_credentials"));
        QVERIFY(left.ok() && left->step().value());
        QCOMPARE(left->int64(0), 0);
    }

    void groupTree() {
        server::GroupRepository groups(*m_db);
        server::DeviceRepository devices(*m_db);
        QVERIFY(groups.insert(DeviceGroup{"org", {}, "organisation", "Harbour", 1}));
        QVERIFY(groups.insert(DeviceGroup{"g1", "org", "group", "North gate", 1}));
        // Sibling names are unique whatever the case; the same name elsewhere is fine.
        QVERIFY(!groups.insert(DeviceGroup{"g2", "org", "group", "NORTH GATE", 1}).ok());
        QVERIFY(groups.insert(DeviceGroup{"g3", {}, "group", "North gate", 1}));
        QCOMPARE(groups.siblingNamed(QStringLiteral("org"), QStringLiteral("north Gate")).value().value_or(""),
                 QStringLiteral("g1"));
        // Organisations are top-level only (a CHECK in the schema).
        QVERIFY(!groups.insert(DeviceGroup{"o2", "org", "organisation", "Nested", 1}).ok());
        // A parent that does not exist is refused (foreign keys are on).
        QVERIFY(!groups.insert(DeviceGroup{"g4", "missing", "group", "Lost", 1}).ok());

        QVERIFY(devices.insert(sampleDevice("d1", "g1"), QStringLiteral("k1"), {}));
        QCOMPARE(devices.countInGroup(QStringLiteral("g1")).value(), 1);
        // A group holding a device cannot simply go: the foreign key stops it.
        QVERIFY(!groups.remove(QStringLiteral("g1")).ok());
        QVERIFY(groups.moveContents(QStringLiteral("g1"), QStringLiteral("org")));
        QCOMPARE(devices.find(QStringLiteral("d1")).value()->groupId, QStringLiteral("org"));
        QVERIFY(groups.remove(QStringLiteral("g1")));
        QCOMPARE(groups.list().value().size(), 2);
    }

    void passwordsAreNotInTheFilesWithoutTheKey() {
        server::DeviceRepository repository(*m_db);
        QVERIFY(repository.insert(sampleDevice("d"), QStringLiteral("k"), kPassword));
        m_db.reset();  // closed: the WAL is checkpointed into the file
        QByteArray everything;
        for (const QFileInfo& file : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            everything += f.readAll();
        }
        QVERIFY(everything.size() > 0);
        QVERIFY(!everything.contains(kPassword.toUtf8()));
        QVERIFY(!everything.contains(QByteArrayLiteral("device_credentials")));
        // With the key it is all there.
        auto reopened = core::store::Database::open(dbPath(), kKey);
        QVERIFY(reopened.ok());
        m_db = std::move(reopened.value());
        QCOMPARE(server::DeviceRepository(*m_db).password(QStringLiteral("d")).value(), kPassword);
    }
};

QTEST_GUILESS_MAIN(TestDeviceRepository)
#include "tst_device_repository.moc"
