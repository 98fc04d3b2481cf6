// LocalFilesModel (CLI-3): the snapshots and clips in the folders the settings name, newest first,
// with subfolders; other files left out; the filter; a new file shows after the folder changes;
// removing goes to the trash (the desktop's, under a private HOME here) so the file can be restored.

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client_settings.h"
#include "local_files_model.h"

using vigil::app::ClientSettings;
using vigil::app::LocalFilesModel;
using vigil::core::platform::DataLocation;

namespace {

void makeFile(const QString& path, const QDateTime& modified) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("x", 1) != 1) {
        qFatal("cannot write %s", qPrintable(path));
    }
    file.close();  // closing writes, which would set the time again
    if (!file.open(QIODevice::ReadOnly) || !file.setFileTime(modified, QFileDevice::FileModificationTime)) {
        qFatal("cannot set the time of %s", qPrintable(path));
    }
}

QStringList names(const LocalFilesModel& model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row) {
        list << model.data(model.index(row), LocalFilesModel::NameRole).toString();
    }
    return list;
}

}  // namespace

class TstLocalFilesModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ClientSettings> m_settings;
    QString m_snapshots;
    QString m_exports;

private slots:
    void init() {
        // The trash is $XDG_DATA_HOME/Trash: keep it inside the test's folder.
        qputenv("HOME", (m_dir.path() + QStringLiteral("/home")).toUtf8());
        qputenv("XDG_DATA_HOME", (m_dir.path() + QStringLiteral("/home/.local/share")).toUtf8());
        QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/home/.local/share")));
        const DataLocation where = DataLocation::at(m_dir.path() + QStringLiteral("/data"), true);
        QString problem;
        QVERIFY(where.ensureExists(&problem));
        m_settings = std::make_unique<ClientSettings>(where);
        m_snapshots = m_dir.path() + QStringLiteral("/snapshots");
        m_exports = m_dir.path() + QStringLiteral("/exports");
        QDir(m_snapshots).removeRecursively();
        QDir(m_exports).removeRecursively();
        m_settings->setSnapshotFolder(m_snapshots);
        m_settings->setExportFolder(m_exports);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);
        makeFile(m_snapshots + QStringLiteral("/gate/2026-11-23/gate_101500.jpg"), t0.addSecs(10));
        makeFile(m_snapshots + QStringLiteral("/lobby.PNG"), t0.addSecs(30));
        makeFile(m_snapshots + QStringLiteral("/notes.txt"), t0.addSecs(40));
        makeFile(m_exports + QStringLiteral("/gate_1015-1020.mp4"), t0.addSecs(20));
        makeFile(m_exports + QStringLiteral("/running.mp4.part"), t0.addSecs(50));
    }

    void listsPicturesAndClipsNewestFirst() {
        LocalFilesModel model(m_settings.get());
        model.refresh();
        QCOMPARE(names(model), (QStringList{"lobby.PNG", "gate_1015-1020.mp4", "gate_101500.jpg"}));
        QCOMPARE(model.snapshotCount(), 2);
        QCOMPARE(model.clipCount(), 1);
        const QModelIndex clip = model.index(1);
        QCOMPARE(model.data(clip, LocalFilesModel::KindRole).toString(), QStringLiteral("clip"));
        QCOMPARE(model.data(clip, LocalFilesModel::IsImageRole).toBool(), false);
        QCOMPARE(model.data(clip, LocalFilesModel::UrlRole).toUrl(),
                 QUrl::fromLocalFile(m_exports + QStringLiteral("/gate_1015-1020.mp4")));
        QCOMPARE(model.data(clip, LocalFilesModel::FolderUrlRole).toUrl(), QUrl::fromLocalFile(m_exports));
        QCOMPARE(model.data(model.index(2), LocalFilesModel::KindRole).toString(), QStringLiteral("snapshot"));
        QVERIFY(model.data(model.index(2), LocalFilesModel::IsImageRole).toBool());
    }

    void filtersByKind() {
        LocalFilesModel model(m_settings.get());
        model.refresh();
        model.setFilter(QStringLiteral("clips"));
        QCOMPARE(names(model), QStringList{"gate_1015-1020.mp4"});
        model.setFilter(QStringLiteral("snapshots"));
        QCOMPARE(names(model), (QStringList{"lobby.PNG", "gate_101500.jpg"}));
        model.setFilter(QStringLiteral("nonsense"));
        QCOMPARE(model.filter(), QStringLiteral("snapshots"));
        QCOMPARE(model.snapshotCount(), 2);  // counts are of everything, whatever the filter
        QCOMPARE(model.clipCount(), 1);
    }

    void aNewFileShowsAfterTheFolderChanges() {
        LocalFilesModel model(m_settings.get());
        model.refresh();
        makeFile(m_snapshots + QStringLiteral("/new.jpg"), QDateTime::currentDateTimeUtc());
        QTRY_COMPARE_WITH_TIMEOUT(model.count(), 4, 10000);
        QCOMPARE(names(model).first(), QStringLiteral("new.jpg"));
    }

    void anotherFolderIsReadWhenTheSettingChanges() {
        LocalFilesModel model(m_settings.get());
        model.refresh();
        const QString other = m_dir.path() + QStringLiteral("/other");
        makeFile(other + QStringLiteral("/one.jpeg"), QDateTime::currentDateTimeUtc());
        m_settings->setSnapshotFolder(other);
        QCOMPARE(names(model), (QStringList{"one.jpeg", "gate_1015-1020.mp4"}));
    }

    void removingMovesToTheTrash() {
        LocalFilesModel model(m_settings.get());
        model.refresh();
        QVERIFY(model.remove(0));  // lobby.PNG
        QVERIFY(!QFile::exists(m_snapshots + QStringLiteral("/lobby.PNG")));
        QCOMPARE(model.count(), 2);
        const bool inTrash =
            QFile::exists(m_dir.path() + QStringLiteral("/home/.local/share/Trash/files/lobby.PNG"));
        QVERIFY2(inTrash, "the removed file is in the trash, where it can be restored");
        QVERIFY(!model.remove(42));
    }
};

QTEST_GUILESS_MAIN(TstLocalFilesModel)
#include "tst_local_files_model.moc"
