#include "common/language.h"

#include <QLocale>

namespace vigil::core {

QString matchLanguage(const QString& localeName) {
    if (localeName.trimmed().isEmpty()) {
        return QLatin1String(languages::kEnglish);  // QLocale("") would be the system's, not "none asked"
    }
    const QLocale locale(localeName.trimmed());
    if (locale.language() == QLocale::Chinese) {
        return locale.script() == QLocale::TraditionalChineseScript ? QLatin1String(languages::kEnglish)
                                                                     : QLatin1String(languages::kChinese);
    }
    if (locale.language() == QLocale::German) {
        return QLatin1String(languages::kGerman);
    }
    return QLatin1String(languages::kEnglish);
}

}  // namespace vigil::core
