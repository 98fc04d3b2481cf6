#pragma once
// AuditTranslation: the security audit's texts for people in the language one request asked for
// (issue 8, WIZ-1, WIZ-3): the items' titles and why they matter, the fixes' titles, the network
// functions' titles, descriptions and notes, and the report's own labels. English is the source (the
// texts where they are defined: audit_catalogue.cpp, the fixes and functions where they are registered);
// German and Simplified Chinese are tables in audit_texts_de.cpp and audit_texts_zh_cn.cpp, keyed by id.
//
// Per request, never through a process-wide QTranslator: the engine runs inside the workstation and
// headless vigild serves clients with different languages at once. Ids, requirement ids, states and
// evidence stay as they are (evidence is measured data, in English).

#include <QList>
#include <QString>
#include <QStringList>

#include "model/audit_model.h"

class QHttpServerRequest;

namespace vigil::server {

struct AuditTextTable;

// Every text of the report that is not data. Placeholders (%1, %2, ...) as in the English.
enum class ReportText {
    DocumentTitle,     // "Vigil security report"
    PdfTitle,          // "Vigil security report: %1" (platform name)
    Heading,           // "Security report: %1"
    Platform,
    LevelAudited,
    ChosenLevel,
    NoneChosen,
    Result,
    LevelMet,          // "Level %1 met"
    LevelNotMet,       // "Level %1 NOT met"
    Counts,            // "%1 pass, %2 fail, %3 attested, %4 not applicable, %5 not checked"
    Audit,
    AuditLine,         // "%1, started %2, finished %3, by %4" (run id, times, who)
    BySchedule,        // %4 of AuditLine when the schedule started the audit
    Report,
    ReportLine,        // "made %1 by %2"
    Items,
    Item,
    Level,
    State,
    Evidence,
    AttestedBy,        // "Attested by %1 on %2: %3" (who, when, comment)
    FixAvailable,      // "Fix available: %1"
    FunctionsHeading,
    Function,
    SecureDefault,
    Note,
    NotProvided,
    On,
    Off,
    DeclaredNeeded,    // "Declared needed by %1 on %2."
    Footer,
    StatePass,
    StateFail,
    StateAttested,
    StateNotApplicable,
    StateUnknown,
    Count_
};

class AuditTranslation {
public:
    static constexpr auto kQueryItem = "lang";

    // `language`: a language or locale name ("de", "de-AT", "zh_CN", "zh-Hans"); anything Vigil has no
    // translation for (also "") is English.
    explicit AuditTranslation(const QString& language = {});
    // The language a request asked for with ?lang=.
    static AuditTranslation of(const QHttpServerRequest& request);

    QString language() const { return m_language; }  // "en", "de" or "zh_CN"

    core::model::AuditItem item(core::model::AuditItem item) const;  // title, why, fixTitle
    QList<core::model::AuditItem> items(QList<core::model::AuditItem> items) const;
    core::model::NetworkFunction function(core::model::NetworkFunction function) const;
    QList<core::model::NetworkFunction> functions(QList<core::model::NetworkFunction> functions) const;
    QString fixTitle(const QString& fixId, const QString& english) const;
    QString label(ReportText text) const;
    // A state as the report prints it ("PASS", "BESTANDEN", ...).
    QString state(const QString& state) const;

    // What this language has no text for among these items (with their fixes), functions and the
    // report's labels, as "item <id> title", "fix <id>", "label <n>"...: empty when complete. Tests
    // call it for every language, so a new check cannot come without its translations.
    QStringList missing(const QList<core::model::AuditItem>& items,
                        const QList<core::model::NetworkFunction>& functions) const;

private:
    QString m_language;
    const AuditTextTable* m_table = nullptr;  // nullptr: English
};

}  // namespace vigil::server
