#include "player/backend_registry.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPluginLoader>

#include "platform/plugin_paths.h"

Q_LOGGING_CATEGORY(lcPlayerPlugins, "vigil.player")

namespace vigil::app::player {

BackendRegistry& BackendRegistry::instance() {
    static BackendRegistry registry;
    return registry;
}

BackendRegistry::BackendRegistry()
    : m_searchPaths(core::platform::pluginSearchPaths("VIGIL_PLAYER_PLUGIN_PATH", QStringLiteral("player"),
                                                      QStringLiteral(VIGIL_BUILD_PLAYER_PLUGIN_DIR))) {
    for (const QString& folder : std::as_const(m_searchPaths)) {
        for (const QFileInfo& file : QDir(folder).entryInfoList(QDir::Files | QDir::Readable, QDir::Name)) {
            if (QLibrary::isLibrary(file.fileName())) {
                loadFile(file.absoluteFilePath());
            }
        }
    }
    qCInfo(lcPlayerPlugins).noquote() << "player backends:" << (ids().isEmpty() ? QStringLiteral("none") : ids().join(u", "))
                                      << "from" << m_searchPaths.join(u", ");
}

void BackendRegistry::loadFile(const QString& path) {
    // Kept loaded for the life of the process: backends' code runs until the end.
    auto* loader = new QPluginLoader(path);
    const QString iid = loader->metaData().value(QStringLiteral("IID")).toString();
    auto* factory = iid == QLatin1String(VIGIL_PLAYER_BACKEND_IID) ? qobject_cast<PlayerBackendFactory*>(loader->instance())
                                                                    : nullptr;
    if (!factory) {
        if (iid == QLatin1String(VIGIL_PLAYER_BACKEND_IID)) {
            m_problems.append(QStringLiteral("%1 does not load: %2").arg(path, loader->errorString()));
            qCWarning(lcPlayerPlugins).noquote() << m_problems.last();
        }
        delete loader;
        return;
    }
    const QString id = factory->id();
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.id == id) {
            qCInfo(lcPlayerPlugins).noquote() << "skipped" << path << "- backend" << id << "already loaded from" << entry.file;
            return;
        }
    }
    m_entries.append(Entry{id, path, factory});
}

QStringList BackendRegistry::ids() const {
    QStringList ids;
    for (const Entry& entry : m_entries) {
        ids.append(entry.id);
    }
    return ids;
}

std::unique_ptr<PlayerBackend> BackendRegistry::create(const QString& id, PlayerEvents* events) {
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.id == id) {
            return entry.factory->create(events);
        }
    }
    return nullptr;
}

QString BackendRegistry::problem(const QString& id) const {
    QString text = QStringLiteral("No player backend \"%1\" was found in %2.").arg(id, m_searchPaths.join(u", "));
    if (!m_problems.isEmpty()) {
        text += QLatin1Char(' ') + m_problems.join(u' ');
    }
    return text;
}

}  // namespace vigil::app::player
