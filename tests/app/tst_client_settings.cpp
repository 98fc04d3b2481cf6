// ClientSettings (CLI-3): this workstation's settings are stored in <data>/client/settings.ini and
// come back after a restart; values that do not fit are refused with a message and change nothing;
// a file that cannot be written says so.

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client_settings.h"

using vigil::app::ClientSettings;
using vigil::core::platform::DataLocation;

class TstClientSettings : public QObject {
    Q_OBJECT

private:
    static DataLocation location(const QTemporaryDir& dir, bool portable = true) {
        DataLocation where = DataLocation::at(dir.path() + QStringLiteral("/data"), portable);
        QString problem;
        if (!where.ensureExists(&problem)) {
            qFatal("%s", qPrintable(problem));
        }
        return where;
    }

private slots:
    void defaultsBeforeAnythingIsStored() {
        QTemporaryDir dir;
        const DataLocation where = location(dir);
        ClientSettings settings(where);
        QCOMPARE(settings.defaultStream(), QStringLiteral("auto"));
        QCOMPARE(settings.bufferingMs(), ClientSettings::kDefaultBufferingMs);
        QVERIFY(settings.alarmSound());
        QCOMPARE(settings.language(), QString());
        // Portable: the pictures travel with the stick.
        QCOMPARE(settings.snapshotFolder(), where.root + QStringLiteral("/snapshots"));
        QCOMPARE(settings.exportFolder(), where.root + QStringLiteral("/exports"));
        QCOMPARE(settings.shortcut(QStringLiteral("lock")), QStringLiteral("Ctrl+L"));
        QCOMPARE(settings.shortcut(QStringLiteral("fullScreen")), QStringLiteral("F11"));
        QCOMPARE(settings.shortcut(QStringLiteral("nothing")), QString());
        QCOMPARE(settings.shortcuts().size(), ClientSettings::shortcutActions().size());
        QCOMPARE(settings.filePath(), where.clientDir() + QStringLiteral("/settings.ini"));
        QVERIFY(settings.problem().isEmpty());
    }

    void installedDefaultsUseTheUsersFolders() {
        QTemporaryDir dir;
        ClientSettings settings(location(dir, false));
        QVERIFY2(settings.snapshotFolder().endsWith(QStringLiteral("/Vigil")), qPrintable(settings.snapshotFolder()));
        QVERIFY(!settings.snapshotFolder().startsWith(dir.path()));
    }

    void everySettingSurvivesARestart() {
        QTemporaryDir dir;
        const DataLocation where = location(dir);
        const QString snapshots = dir.path() + QStringLiteral("/pictures");
        const QString exports = dir.path() + QStringLiteral("/clips/");
        {
            ClientSettings settings(where);
            QSignalSpy video(&settings, &ClientSettings::videoChanged);
            QSignalSpy folders(&settings, &ClientSettings::foldersChanged);
            QSignalSpy sound(&settings, &ClientSettings::alarmSoundChanged);
            QSignalSpy keys(&settings, &ClientSettings::shortcutsChanged);
            settings.setDefaultStream(QStringLiteral("sub"));
            settings.setBufferingMs(750);
            settings.setSnapshotFolder(snapshots);
            settings.setExportFolder(exports);
            settings.setAlarmSound(false);
            settings.setLanguage(QStringLiteral("zh_CN"));
            QVERIFY(settings.setShortcut(QStringLiteral("lock"), QStringLiteral("ctrl+shift+k")));
            QCOMPARE(video.count(), 2);
            QCOMPARE(folders.count(), 2);
            QCOMPARE(sound.count(), 1);
            QCOMPARE(keys.count(), 1);
            QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
        }
        QVERIFY(QFile::exists(where.clientDir() + QStringLiteral("/settings.ini")));
        ClientSettings again(where);
        QCOMPARE(again.defaultStream(), QStringLiteral("sub"));
        QCOMPARE(again.bufferingMs(), 750);
        QCOMPARE(again.snapshotFolder(), snapshots);
        QCOMPARE(again.exportFolder(), dir.path() + QStringLiteral("/clips"));  // cleaned
        QCOMPARE(again.snapshotFolderUrl(), QUrl::fromLocalFile(snapshots));
        QVERIFY(!again.alarmSound());
        QCOMPARE(again.language(), QStringLiteral("zh_CN"));
        QCOMPARE(again.shortcut(QStringLiteral("lock")), QStringLiteral("Ctrl+Shift+K"));
    }

    void badValuesAreRefusedAndChangeNothing() {
        QTemporaryDir dir;
        ClientSettings settings(location(dir));
        const QString before = settings.snapshotFolder();

        settings.setDefaultStream(QStringLiteral("hd"));
        QCOMPARE(settings.defaultStream(), QStringLiteral("auto"));
        QVERIFY(settings.problem().contains(QStringLiteral("hd")));

        settings.setBufferingMs(ClientSettings::kMaxBufferingMs + 1);
        QCOMPARE(settings.bufferingMs(), ClientSettings::kDefaultBufferingMs);
        QVERIFY(settings.problem().contains(QStringLiteral("ms")));

        settings.setSnapshotFolder(QStringLiteral("relative/folder"));
        QCOMPARE(settings.snapshotFolder(), before);
        QVERIFY(settings.problem().contains(QStringLiteral("full path")));

        QFile file(dir.path() + QStringLiteral("/a-file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        settings.setSnapshotFolder(file.fileName());
        QCOMPARE(settings.snapshotFolder(), before);
        QVERIFY(settings.problem().contains(QStringLiteral("is a file")));

        // A good value clears the message.
        settings.setBufferingMs(0);
        QCOMPARE(settings.bufferingMs(), 0);
        QVERIFY(settings.problem().isEmpty());
    }

    void shortcutsAreCheckedAndCanBeReset() {
        QTemporaryDir dir;
        ClientSettings settings(location(dir));
        QVERIFY(!settings.setShortcut(QStringLiteral("lock"), QStringLiteral("Ctrl+Banana")));
        QVERIFY(settings.problem().contains(QStringLiteral("not a key combination")));
        QVERIFY(!settings.setShortcut(QStringLiteral("lock"), QStringLiteral("F11")));  // full screen has it
        QVERIFY(settings.problem().contains(QStringLiteral("already used")));
        QVERIFY(!settings.setShortcut(QStringLiteral("lock"), QStringLiteral("Ctrl+3")));  // a page of the rail
        QVERIFY(!settings.setShortcut(QStringLiteral("nothing"), QStringLiteral("F2")));
        QCOMPARE(settings.shortcut(QStringLiteral("lock")), QStringLiteral("Ctrl+L"));

        QSignalSpy changed(&settings, &ClientSettings::shortcutsChanged);
        QVERIFY(settings.setShortcut(QStringLiteral("alarmSound"), QStringLiteral("F9")));
        QCOMPARE(settings.shortcut(QStringLiteral("alarmSound")), QStringLiteral("F9"));
        QCOMPARE(settings.keys().value(QStringLiteral("alarmSound")).toString(), QStringLiteral("F9"));  // for QML
        QCOMPARE(settings.keys().value(QStringLiteral("lock")).toString(), QStringLiteral("Ctrl+L"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(settings.setShortcut(QStringLiteral("alarmSound"), QString()));  // empty: the default
        QCOMPARE(settings.shortcut(QStringLiteral("alarmSound")), QStringLiteral("Ctrl+M"));

        QVERIFY(settings.setShortcut(QStringLiteral("lock"), QStringLiteral("F8")));
        QVERIFY(settings.setShortcut(QStringLiteral("eventCenter"), QStringLiteral("F7")));
        settings.resetShortcuts();
        ClientSettings again(location(dir));
        QCOMPARE(again.shortcut(QStringLiteral("lock")), QStringLiteral("Ctrl+L"));
        QCOMPARE(again.shortcut(QStringLiteral("eventCenter")), QStringLiteral("Ctrl+E"));
    }

    void foldersAreMadeOnDemand() {
        QTemporaryDir dir;
        ClientSettings settings(location(dir));
        const QString folder = dir.path() + QStringLiteral("/deep/snapshots");
        settings.setSnapshotFolder(folder);
        QVERIFY(!QDir(folder).exists());  // choosing a folder does not make it
        QVERIFY(settings.ensureSnapshotFolder());
        QVERIFY(QDir(folder).exists());
        settings.setExportFolder(dir.path() + QStringLiteral("/a-file/clips"));
        QFile blocker(dir.path() + QStringLiteral("/a-file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!settings.ensureExportFolder());
        QVERIFY(settings.problem().contains(QStringLiteral("cannot be created")));
    }

    void anUnwritableFileIsReported() {
        QTemporaryDir dir;
        const DataLocation where = location(dir);
        // A folder where the file should be: QSettings cannot write it, whoever runs the test (root too).
        QVERIFY(QDir().mkpath(where.clientDir() + QStringLiteral("/settings.ini")));
        ClientSettings settings(where);
        QSignalSpy sound(&settings, &ClientSettings::alarmSoundChanged);
        settings.setAlarmSound(false);
        QVERIFY2(settings.problem().contains(QStringLiteral("could not be saved")), qPrintable(settings.problem()));
        QCOMPARE(sound.count(), 0);
        QVERIFY(settings.alarmSound());  // still what a restart would find
    }
};

QTEST_MAIN(TstClientSettings)
#include "tst_client_settings.moc"
