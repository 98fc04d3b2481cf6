#pragma once
// Where a kind of Vigil plugin is searched, in order (device drivers, player backends):
//   1. each folder of the environment variable (colon-separated)
//   2. <executable dir>/../lib/vigil/plugins/<kind>   (installed: bin/ and lib/ side by side)
//   3. <executable dir>/plugins/<kind>                (portable: plugins beside the executable)
//   4. `buildTreeDir`                                 (tests and running from the build)
// Only folders that exist, each once.

#include <QString>
#include <QStringList>

namespace vigil::core::platform {

QStringList pluginSearchPaths(const char* environmentVariable, const QString& kind, const QString& buildTreeDir);

}  // namespace vigil::core::platform
