#pragma once
// The languages Vigil speaks to people: English (the source), German, Simplified Chinese. The
// workstation loads its translation by these ids (app/interface_language) and the server answers the
// security audit's texts in them (server/audit/audit_translation, `?lang=`), so both match a language
// name the same way.

#include <QString>

namespace vigil::core {

namespace languages {
inline constexpr auto kEnglish = "en";
inline constexpr auto kGerman = "de";
inline constexpr auto kChinese = "zh_CN";  // Simplified
}  // namespace languages

// The language of ours that fits a locale or language name ("de", "de_AT", "de-CH" -> "de";
// "zh", "zh_CN", "zh-Hans-CN" -> "zh_CN"), "en" when none does (also for "" and Traditional Chinese,
// whose readers get English rather than a script they may not read).
QString matchLanguage(const QString& localeName);

}  // namespace vigil::core
