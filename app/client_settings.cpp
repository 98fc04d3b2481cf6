#include "client_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QKeySequence>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVariantMap>

#include "app_logging.h"

namespace vigil::app {

namespace {

constexpr auto kDefaultStream = "video/defaultStream";
constexpr auto kBuffering = "video/bufferingMs";
constexpr auto kSnapshotFolder = "folders/snapshots";
constexpr auto kExportFolder = "folders/exports";
constexpr auto kAlarmSound = "alarm/sound";
constexpr auto kLanguage = "interface/language";
constexpr auto kShortcutGroup = "shortcuts/";

struct ShortcutEntry {
    const char* id;
    const char* name;
    const char* sequence;
};

// The common actions whose keys the operator may change. Page keys (Ctrl+1...) stay fixed: they
// follow the rail's order.
constexpr ShortcutEntry kShortcuts[] = {
    {"lock", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Lock the workstation"), "Ctrl+L"},
    {"fullScreen", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Full screen"), "F11"},
    {"alarmSound", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Alarm sound on or off"), "Ctrl+M"},
    {"eventCenter", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Open the Event Center"), "Ctrl+E"},
    {"snapshot", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Snapshot of the selected tile"),
     "Ctrl+Shift+S"},
    {"localFiles", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Local files"), "Ctrl+Shift+F"},
    {"settings", QT_TRANSLATE_NOOP("vigil::app::ClientSettings", "Workstation settings"), "Ctrl+,"},
};

const ShortcutEntry* findShortcut(const QString& id) {
    for (const ShortcutEntry& entry : kShortcuts) {
        if (id == QLatin1String(entry.id)) {
            return &entry;
        }
    }
    return nullptr;
}

// Beside the data in portable mode (the stick carries the pictures too), else the user's folders.
QString defaultFolder(const core::platform::DataLocation& location, QStandardPaths::StandardLocation kind,
                      const QString& portableName) {
    if (location.portable) {
        return location.root + QLatin1Char('/') + portableName;
    }
    QString base = QStandardPaths::writableLocation(kind);
    if (base.isEmpty()) {
        base = QDir::homePath();
    }
    return base + QStringLiteral("/Vigil");
}

}  // namespace

ClientSettings::ClientSettings(const core::platform::DataLocation& location, QObject* parent)
    : QObject(parent),
      m_location(location),
      m_settings(std::make_unique<QSettings>(location.clientDir() + QStringLiteral("/settings.ini"),
                                             QSettings::IniFormat)) {
    if (m_settings->status() != QSettings::NoError) {
        // The defaults apply; the next change says whether the file can be written.
        qCWarning(lcApp).noquote() << "client settings: cannot read" << m_settings->fileName();
    }
}

ClientSettings::~ClientSettings() = default;

QString ClientSettings::filePath() const {
    return m_settings->fileName();
}

void ClientSettings::setProblem(const QString& problem) {
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged();
    }
}

bool ClientSettings::write(const QString& key, const QVariant& value) {
    const QVariant before = m_settings->value(key);
    m_settings->setValue(key, value);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        // What the workstation uses must match what a restart would find.
        if (before.isValid()) {
            m_settings->setValue(key, before);
        } else {
            m_settings->remove(key);
        }
        setProblem(tr("The settings could not be saved to %1. Check that the folder is writable.")
                       .arg(m_settings->fileName()));
        return false;
    }
    setProblem({});
    return true;
}

// --- video -------------------------------------------------------------------------------------------

QString ClientSettings::defaultStream() const {
    const QString stream = m_settings->value(QLatin1String(kDefaultStream)).toString();
    return stream == QLatin1String("main") || stream == QLatin1String("sub") ? stream : QStringLiteral("auto");
}

void ClientSettings::setDefaultStream(const QString& stream) {
    if (stream != QLatin1String("auto") && stream != QLatin1String("main") && stream != QLatin1String("sub")) {
        setProblem(tr("The default stream must be automatic, main or sub, not \"%1\".").arg(stream));
        return;
    }
    if (stream != defaultStream() && write(QLatin1String(kDefaultStream), stream)) {
        emit videoChanged();
    }
}

QVariantList ClientSettings::streamChoices() const {
    auto choice = [](const char* id, const QString& name) {
        return QVariantMap{{QStringLiteral("id"), QString::fromLatin1(id)}, {QStringLiteral("name"), name}};
    };
    return {choice("auto", tr("Automatic (by tile size)")), choice("main", tr("Main stream")),
            choice("sub", tr("Sub stream"))};
}

int ClientSettings::bufferingMs() const {
    bool ok = false;
    const int ms = m_settings->value(QLatin1String(kBuffering)).toInt(&ok);
    return ok && ms >= kMinBufferingMs && ms <= kMaxBufferingMs ? ms : kDefaultBufferingMs;
}

void ClientSettings::setBufferingMs(int ms) {
    if (ms < kMinBufferingMs || ms > kMaxBufferingMs) {
        setProblem(tr("Buffering must be from %1 to %2 ms.").arg(kMinBufferingMs).arg(kMaxBufferingMs));
        return;
    }
    if (ms != bufferingMs() && write(QLatin1String(kBuffering), ms)) {
        emit videoChanged();
    }
}

// --- folders -----------------------------------------------------------------------------------------

QString ClientSettings::snapshotFolder() const {
    const QString stored = m_settings->value(QLatin1String(kSnapshotFolder)).toString();
    return stored.isEmpty() ? defaultFolder(m_location, QStandardPaths::PicturesLocation,
                                            QStringLiteral("snapshots"))
                            : stored;
}

QString ClientSettings::exportFolder() const {
    const QString stored = m_settings->value(QLatin1String(kExportFolder)).toString();
    return stored.isEmpty() ? defaultFolder(m_location, QStandardPaths::MoviesLocation, QStringLiteral("exports"))
                            : stored;
}

void ClientSettings::setSnapshotFolder(const QString& path) {
    if (setFolder(QLatin1String(kSnapshotFolder), path)) {
        emit foldersChanged();
    }
}

void ClientSettings::setExportFolder(const QString& path) {
    if (setFolder(QLatin1String(kExportFolder), path)) {
        emit foldersChanged();
    }
}

bool ClientSettings::setFolder(const QString& key, const QString& path) {
    QString text = path.trimmed();
    if (text.startsWith(QLatin1String("file:"))) {
        text = QUrl(text).toLocalFile();  // a folder dropped or picked as a URL
    }
    if (text.isEmpty() || !QDir::isAbsolutePath(text)) {
        setProblem(tr("Give the folder's full path, for example %1.").arg(QDir::homePath() + QStringLiteral("/Pictures")));
        return false;
    }
    const QFileInfo info(text);
    if (info.exists() && !info.isDir()) {
        setProblem(tr("%1 is a file, not a folder. Choose a folder.").arg(text));
        return false;
    }
    const QString clean = QDir::cleanPath(text);
    if (clean == m_settings->value(key).toString()) {
        return false;
    }
    return write(key, clean);
}

bool ClientSettings::ensureFolder(const QString& path) {
    if (QDir().mkpath(path)) {
        return true;
    }
    setProblem(tr("The folder %1 cannot be created. Check that the disk is writable, or choose another folder "
                  "in Settings.")
                   .arg(path));
    return false;
}

bool ClientSettings::ensureSnapshotFolder() {
    return ensureFolder(snapshotFolder());
}

bool ClientSettings::ensureExportFolder() {
    return ensureFolder(exportFolder());
}

// --- alarm sound and language ------------------------------------------------------------------------

bool ClientSettings::alarmSound() const {
    return m_settings->value(QLatin1String(kAlarmSound), true).toBool();
}

void ClientSettings::setAlarmSound(bool on) {
    if (on != alarmSound() && write(QLatin1String(kAlarmSound), on)) {
        qCInfo(lcApp).noquote() << "alarm sound" << (on ? "on" : "off");
        emit alarmSoundChanged();
    }
}

QString ClientSettings::language() const {
    return m_settings->value(QLatin1String(kLanguage)).toString();
}

void ClientSettings::setLanguage(const QString& language) {
    if (language != this->language() && write(QLatin1String(kLanguage), language)) {
        emit languageChanged();
    }
}

// --- shortcuts ---------------------------------------------------------------------------------------

QStringList ClientSettings::shortcutActions() {
    QStringList ids;
    for (const ShortcutEntry& entry : kShortcuts) {
        ids << QString::fromLatin1(entry.id);
    }
    return ids;
}

QString ClientSettings::defaultShortcut(const QString& action) {
    const ShortcutEntry* entry = findShortcut(action);
    return entry ? QString::fromLatin1(entry->sequence) : QString();
}

QString ClientSettings::shortcut(const QString& action) const {
    if (!findShortcut(action)) {
        return {};
    }
    const QString stored = m_settings->value(QLatin1String(kShortcutGroup) + action).toString();
    return stored.isEmpty() ? defaultShortcut(action) : stored;
}

QVariantList ClientSettings::shortcuts() const {
    QVariantList list;
    for (const ShortcutEntry& entry : kShortcuts) {
        const QString id = QString::fromLatin1(entry.id);
        list.append(QVariantMap{{QStringLiteral("id"), id},
                                {QStringLiteral("name"), tr(entry.name)},
                                {QStringLiteral("sequence"), shortcut(id)},
                                {QStringLiteral("defaultSequence"), QString::fromLatin1(entry.sequence)}});
    }
    return list;
}

QVariantMap ClientSettings::keys() const {
    QVariantMap map;
    for (const ShortcutEntry& entry : kShortcuts) {
        const QString id = QString::fromLatin1(entry.id);
        map.insert(id, shortcut(id));
    }
    return map;
}

bool ClientSettings::setShortcut(const QString& action, const QString& sequence) {
    const ShortcutEntry* entry = findShortcut(action);
    if (!entry) {
        setProblem(tr("There is no action \"%1\" to give keys to.").arg(action));
        return false;
    }
    QString portable;
    if (!sequence.trimmed().isEmpty()) {
        // The portable form ("Ctrl+Shift+S") is what QML's Shortcut takes and what we store.
        // Parsing skips what it does not know ("Ctrl+Banana"): only a text that comes back the same
        // (but for case and spaces) names keys.
        const QString typed = QString(sequence).remove(QLatin1Char(' '));
        const QKeySequence keys = QKeySequence::fromString(typed, QKeySequence::PortableText);
        portable = keys.toString(QKeySequence::PortableText);
        if (keys.isEmpty() || keys.count() != 1 || portable.compare(typed, Qt::CaseInsensitive) != 0) {
            setProblem(tr("\"%1\" is not a key combination. Write it like Ctrl+Shift+S or F5.").arg(sequence));
            return false;
        }
    }
    const QString wanted = portable.isEmpty() ? QString::fromLatin1(entry->sequence) : portable;
    static const QRegularExpression pageKeys(QStringLiteral("^Ctrl\\+([0-9]|P)$"));
    if (pageKeys.match(wanted).hasMatch()) {
        setProblem(tr("%1 opens a page of the rail. Choose other keys.").arg(wanted));
        return false;
    }
    for (const ShortcutEntry& other : kShortcuts) {
        if (&other != entry && shortcut(QString::fromLatin1(other.id)) == wanted) {
            setProblem(tr("%1 is already used for \"%2\". Change that one first.").arg(wanted, tr(other.name)));
            return false;
        }
    }
    const QString key = QLatin1String(kShortcutGroup) + action;
    bool saved = true;
    if (wanted == QLatin1String(entry->sequence)) {
        m_settings->remove(key);
        m_settings->sync();
        setProblem({});
    } else {
        saved = write(key, wanted);
    }
    if (saved) {
        emit shortcutsChanged();
    }
    return saved;
}

void ClientSettings::resetShortcuts() {
    m_settings->remove(QStringLiteral("shortcuts"));
    m_settings->sync();
    emit shortcutsChanged();
}

}  // namespace vigil::app
