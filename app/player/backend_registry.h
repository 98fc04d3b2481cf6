#pragma once
// BackendRegistry: the player backend plugins (IID VIGIL_PLAYER_BACKEND_IID, player_backend.h),
// loaded once per process on first use. Folders, first plugin with an id wins:
//   1. each folder of $VIGIL_PLAYER_PLUGIN_PATH (colon-separated)
//   2. <executable dir>/../lib/vigil/plugins/player   (installed)
//   3. <executable dir>/plugins/player                (portable)
//   4. the build tree's plugins/player                (tests and running from the build)
// A file that does not load is logged and skipped. Used from the GUI thread only.

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

#include "player/player_backend.h"

namespace vigil::app::player {

class BackendRegistry {
public:
    static BackendRegistry& instance();

    QStringList ids() const;
    // A backend from the plugin with `id`, or nullptr (problem() then says why).
    std::unique_ptr<PlayerBackend> create(const QString& id, PlayerEvents* events);
    QString problem(const QString& id) const;
    QStringList searchPaths() const { return m_searchPaths; }

private:
    BackendRegistry();
    void loadFile(const QString& path);

    struct Entry {
        QString id;
        QString file;
        PlayerBackendFactory* factory = nullptr;  // owned by the plugin's root object, kept loaded
    };
    QStringList m_searchPaths;
    QList<Entry> m_entries;
    QStringList m_problems;
};

}  // namespace vigil::app::player
