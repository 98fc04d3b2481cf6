#include "devices/driver_registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <algorithm>

#include "platform/plugin_paths.h"

Q_LOGGING_CATEGORY(lcDrivers, "vigil.core.devices")

namespace vigil::core::devices {

QStringList DriverRegistry::defaultSearchPaths() {
#ifdef VIGIL_BUILD_PLUGIN_DIR
    return platform::pluginSearchPaths("VIGIL_PLUGIN_PATH", QStringLiteral("devices"), QStringLiteral(VIGIL_BUILD_PLUGIN_DIR));
#else
    return platform::pluginSearchPaths("VIGIL_PLUGIN_PATH", QStringLiteral("devices"), QString());
#endif
}

DriverRegistry::DriverRegistry(QStringList searchPaths) : m_searchPaths(std::move(searchPaths)) {}

DriverRegistry::~DriverRegistry() = default;

void DriverRegistry::load() {
    if (m_loaded) {
        return;
    }
    m_loaded = true;
    for (const QString& folder : std::as_const(m_searchPaths)) {
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo& file : files) {
            if (QLibrary::isLibrary(file.fileName())) {
                loadFile(file.absoluteFilePath());
            }
        }
    }
    std::sort(m_entries.begin(), m_entries.end(),
              [](const Entry& a, const Entry& b) { return a.info.id < b.info.id; });
    QStringList loaded;
    for (const Entry& entry : m_entries) {
        loaded.append(entry.info.id);
    }
    qCInfo(lcDrivers).noquote() << "device drivers:" << (loaded.isEmpty() ? QStringLiteral("none") : loaded.join(u", "))
                                << "from" << m_searchPaths.join(u", ");
}

void DriverRegistry::loadFile(const QString& path) {
    auto loader = std::make_unique<QPluginLoader>(path);
    const QString iid = loader->metaData().value(QStringLiteral("IID")).toString();
    if (iid.isEmpty()) {
        problem(path, QStringLiteral("not a Qt plugin (%1)").arg(loader->errorString()));
        return;
    }
    if (iid != QLatin1String(VIGIL_DEVICE_DRIVER_IID)) {
        problem(path, QStringLiteral("a plugin of another kind (%1), not a device driver (%2)")
                          .arg(iid, QLatin1String(VIGIL_DEVICE_DRIVER_IID)));
        return;
    }
    QObject* root = loader->instance();
    auto* factory = qobject_cast<DeviceDriverFactory*>(root);
    if (!factory) {
        problem(path, root ? QStringLiteral("its root object does not implement the device driver interface")
                           : QStringLiteral("it does not load: %1").arg(loader->errorString()));
        return;
    }
    std::unique_ptr<DeviceDriver> sample = factory->create();
    if (!sample || sample->id().isEmpty()) {
        problem(path, QStringLiteral("its factory made no driver, or one without an id"));
        return;
    }
    const QString id = sample->id();
    for (const Entry& entry : m_entries) {
        if (entry.info.id == id) {
            problem(path, QStringLiteral("driver \"%1\" is already loaded from %2, which comes first in the "
                                         "search path").arg(id, entry.info.file));
            return;
        }
    }
    qCDebug(lcDrivers).noquote() << "loaded driver" << id << "from" << path;
    m_entries.push_back(Entry{DriverInfo{id, sample->displayName(), path}, factory, std::move(loader)});
}

void DriverRegistry::problem(const QString& path, const QString& reason) {
    qCWarning(lcDrivers).noquote() << "skipped" << path << "-" << reason;
    m_problems.append(Problem{path, reason});
}

QList<DriverRegistry::DriverInfo> DriverRegistry::drivers() const {
    QList<DriverInfo> infos;
    for (const Entry& entry : m_entries) {
        infos.append(entry.info);
    }
    return infos;
}

bool DriverRegistry::has(const QString& id) const {
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&id](const Entry& e) { return e.info.id == id; });
}

QStringList DriverRegistry::ids() const {
    QStringList ids;
    for (const Entry& entry : m_entries) {
        ids.append(entry.info.id);
    }
    return ids;
}

std::unique_ptr<DeviceDriver> DriverRegistry::create(const QString& id) const {
    for (const Entry& entry : m_entries) {
        if (entry.info.id == id) {
            return entry.factory->create();
        }
    }
    return nullptr;
}

}  // namespace vigil::core::devices
