#pragma once
// DriverRegistry: finds the device driver plugins (IID VIGIL_DEVICE_DRIVER_IID, device_driver.h) and
// makes drivers from them. Folders are searched in this order, and the first plugin with a driver id
// wins (a later one with the same id is logged and skipped):
//   1. each folder of $VIGIL_PLUGIN_PATH (colon-separated)
//   2. <executable dir>/../lib/vigil/plugins/devices   (installed: bin/ and lib/ side by side)
//   3. <executable dir>/plugins/devices                (portable: plugins beside the executable)
//   4. the build tree's plugins/devices                (tests and running from the build)
// A file that is not a plugin, has another IID or fails to load is logged with the reason, kept in
// problems() and skipped; the others still load.
//
// Threads: load() runs once, on the thread that owns the registry. Afterwards the registry is only
// read, and create() may be called from any thread (the devices service's workers do): each call
// makes a new driver object, so a driver never has to be shared between threads.

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

#include "devices/device_driver.h"

class QPluginLoader;

namespace vigil::core::devices {

class DriverRegistry {
public:
    struct DriverInfo {
        QString id;           // "rtsp", "onvif", "virtual"
        QString displayName;  // for people
        QString file;         // the plugin's path
    };
    struct Problem {
        QString file;
        QString reason;
    };

    // The folders above that exist, in search order.
    static QStringList defaultSearchPaths();

    explicit DriverRegistry(QStringList searchPaths = defaultSearchPaths());
    ~DriverRegistry();
    DriverRegistry(const DriverRegistry&) = delete;
    DriverRegistry& operator=(const DriverRegistry&) = delete;

    // Loads every plugin in the search paths; a second call does nothing.
    void load();

    QList<DriverInfo> drivers() const;  // by id
    bool has(const QString& id) const;
    QStringList ids() const;
    // A new driver, or nullptr when no plugin offers `id`.
    std::unique_ptr<DeviceDriver> create(const QString& id) const;
    const QList<Problem>& problems() const { return m_problems; }
    const QStringList& searchPaths() const { return m_searchPaths; }

private:
    struct Entry {
        DriverInfo info;
        DeviceDriverFactory* factory = nullptr;  // owned by the plugin's root object
        std::unique_ptr<QPluginLoader> loader;   // kept: drivers' code must stay loaded
    };

    void loadFile(const QString& path);
    void problem(const QString& path, const QString& reason);

    QStringList m_searchPaths;
    std::vector<Entry> m_entries;  // sorted by id once loaded
    QList<Problem> m_problems;
    bool m_loaded = false;
};

}  // namespace vigil::core::devices
