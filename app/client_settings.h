#pragma once
// ClientSettings: this workstation's own settings (CLI-3), not the server's: video (default stream,
// buffering), where snapshots and exported clips go, the alarm sound, the shortcut keys of the common
// actions and the interface language. Kept with QSettings in <data>/client/settings.ini, so a
// portable workstation carries them along. QML reads them as `workstation.clientSettings`; the Live
// and Playback pages read snapshotFolder/exportFolder and defaultStream/bufferingMs from here.
//
// Every change is written at once. A value that does not fit is refused with a message in `problem`
// (for people) and the stored value stays; a file that cannot be written says so the same way.

#include <QObject>
#include <QSettings>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "platform/data_location.h"

namespace vigil::app {

class ClientSettings : public QObject {
    Q_OBJECT
    // "auto" (main stream in large tiles, sub stream in small ones), "main" or "sub".
    Q_PROPERTY(QString defaultStream READ defaultStream WRITE setDefaultStream NOTIFY videoChanged)
    Q_PROPERTY(QVariantList streamChoices READ streamChoices NOTIFY languageChanged)
    // How much live video the player holds before it shows it: latency against smoothness.
    Q_PROPERTY(int bufferingMs READ bufferingMs WRITE setBufferingMs NOTIFY videoChanged)
    Q_PROPERTY(int minBufferingMs READ minBufferingMs CONSTANT)
    Q_PROPERTY(int maxBufferingMs READ maxBufferingMs CONSTANT)
    Q_PROPERTY(QString snapshotFolder READ snapshotFolder WRITE setSnapshotFolder NOTIFY foldersChanged)
    Q_PROPERTY(QString exportFolder READ exportFolder WRITE setExportFolder NOTIFY foldersChanged)
    Q_PROPERTY(QUrl snapshotFolderUrl READ snapshotFolderUrl NOTIFY foldersChanged)
    Q_PROPERTY(QUrl exportFolderUrl READ exportFolderUrl NOTIFY foldersChanged)
    Q_PROPERTY(bool alarmSound READ alarmSound WRITE setAlarmSound NOTIFY alarmSoundChanged)
    // "" until chosen (the system's language when we have it, else English), "en", "zh_CN", "de".
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    // [{id, name, sequence, defaultSequence}] for the settings page; shortcut(id) for a Shortcut item.
    Q_PROPERTY(QVariantList shortcuts READ shortcuts NOTIFY shortcutsChanged)
    // {action: sequence} for bindings: `sequence: settings.keys.lock`.
    Q_PROPERTY(QVariantMap keys READ keys NOTIFY shortcutsChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)
    Q_PROPERTY(QString filePath READ filePath CONSTANT)

public:
    static constexpr int kDefaultBufferingMs = 200;
    static constexpr int kMinBufferingMs = 0;
    static constexpr int kMaxBufferingMs = 5000;

    explicit ClientSettings(const core::platform::DataLocation& location, QObject* parent = nullptr);
    ~ClientSettings() override;

    QString defaultStream() const;
    void setDefaultStream(const QString& stream);
    QVariantList streamChoices() const;
    int bufferingMs() const;
    void setBufferingMs(int ms);
    int minBufferingMs() const { return kMinBufferingMs; }
    int maxBufferingMs() const { return kMaxBufferingMs; }

    QString snapshotFolder() const;
    void setSnapshotFolder(const QString& path);
    QString exportFolder() const;
    void setExportFolder(const QString& path);
    QUrl snapshotFolderUrl() const { return QUrl::fromLocalFile(snapshotFolder()); }
    QUrl exportFolderUrl() const { return QUrl::fromLocalFile(exportFolder()); }
    // Makes the folder when it does not exist yet; false (and `problem`) when it cannot be made.
    Q_INVOKABLE bool ensureSnapshotFolder();
    Q_INVOKABLE bool ensureExportFolder();

    bool alarmSound() const;
    void setAlarmSound(bool on);
    Q_INVOKABLE void toggleAlarmSound() { setAlarmSound(!alarmSound()); }

    QString language() const;
    // Stored only; InterfaceLanguage (interface_language.h) loads the translation and calls this.
    void setLanguage(const QString& language);

    QVariantList shortcuts() const;
    QVariantMap keys() const;
    // The key sequence for an action ("lock", "fullScreen", ...), in the portable text form
    // ("Ctrl+L"); empty for an unknown action.
    Q_INVOKABLE QString shortcut(const QString& action) const;
    // Sets an action's keys. Refused (false, `problem` says why) when the text is no key sequence or
    // another action already has it; empty text returns the action to its default.
    Q_INVOKABLE bool setShortcut(const QString& action, const QString& sequence);
    Q_INVOKABLE void resetShortcuts();

    QString problem() const { return m_problem; }
    Q_INVOKABLE void clearProblem() { setProblem({}); }
    QString filePath() const;

    // The actions whose keys can be changed, in the settings page's order.
    static QStringList shortcutActions();
    static QString defaultShortcut(const QString& action);

signals:
    void videoChanged();
    void foldersChanged();
    void alarmSoundChanged();
    void languageChanged();
    void shortcutsChanged();
    void problemChanged();

private:
    bool setFolder(const QString& key, const QString& path);
    bool ensureFolder(const QString& path);
    bool write(const QString& key, const QVariant& value);
    void setProblem(const QString& problem);

    core::platform::DataLocation m_location;
    std::unique_ptr<QSettings> m_settings;
    QString m_problem;
};

}  // namespace vigil::app
