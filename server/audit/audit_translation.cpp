#include "audit/audit_translation.h"

#include <QHttpServerRequest>
#include <QUrlQuery>

#include "audit/audit_texts.h"
#include "common/language.h"

namespace vigil::server {

using core::model::AuditItem;
using core::model::NetworkFunction;

namespace {

constexpr AuditLabelText kEnglishLabels[] = {
    {ReportText::DocumentTitle, "Vigil security report"},
    {ReportText::PdfTitle, "Vigil security report: %1"},
    {ReportText::Heading, "Security report: %1"},
    {ReportText::Platform, "Platform"},
    {ReportText::LevelAudited, "Level audited"},
    {ReportText::ChosenLevel, "Chosen level"},
    {ReportText::NoneChosen, "none chosen"},
    {ReportText::Result, "Result"},
    {ReportText::LevelMet, "Level %1 met"},
    {ReportText::LevelNotMet, "Level %1 NOT met"},
    {ReportText::Counts, "%1 pass, %2 fail, %3 attested, %4 not applicable, %5 not checked"},
    {ReportText::Audit, "Audit"},
    {ReportText::AuditLine, "%1, started %2, finished %3, by %4"},
    {ReportText::BySchedule, "the schedule"},
    {ReportText::Report, "Report"},
    {ReportText::ReportLine, "made %1 by %2"},
    {ReportText::Items, "Items"},
    {ReportText::Item, "Item"},
    {ReportText::Level, "Level"},
    {ReportText::State, "State"},
    {ReportText::Evidence, "Evidence"},
    {ReportText::AttestedBy, "Attested by %1 on %2: %3"},
    {ReportText::FixAvailable, "Fix available: %1"},
    {ReportText::FunctionsHeading, "Network functions (SEC-1.6), as of the report"},
    {ReportText::Function, "Function"},
    {ReportText::SecureDefault, "Secure default"},
    {ReportText::Note, "Note"},
    {ReportText::NotProvided, "not in this platform"},
    {ReportText::On, "on"},
    {ReportText::Off, "off"},
    {ReportText::DeclaredNeeded, "Declared needed by %1 on %2."},
    {ReportText::Footer,
     "Level 2 includes level 1 and level 3 includes level 2. Not checked: this build has no check for the item, or "
     "what the check needs could not be read, so it cannot count as met. Report security problems in Vigil to its maintainers through the project's issue "
     "tracker, marked security."},
    {ReportText::StatePass, "PASS"},
    {ReportText::StateFail, "FAIL"},
    {ReportText::StateAttested, "ATTESTED"},
    {ReportText::StateNotApplicable, "NOT APPLICABLE"},
    {ReportText::StateUnknown, "NOT CHECKED"},
};

template <typename Entry>
const Entry* find(std::span<const Entry> entries, const QString& id) {
    for (const Entry& entry : entries) {
        if (id == QLatin1String(entry.id)) {
            return &entry;
        }
    }
    return nullptr;
}

const char* findLabel(const AuditTextTable& table, ReportText text) {
    for (const AuditLabelText& entry : table.labels) {
        if (entry.key == text) {
            return entry.text;
        }
    }
    return nullptr;
}

bool blank(const char* text) {
    return !text || !*text;
}

template <typename T, typename Translate>
QList<T> translateEach(QList<T> list, Translate translate) {
    for (T& entry : list) {
        entry = translate(std::move(entry));
    }
    return list;
}

// A translated text, or the English when the table has none (a gap shows in English, never empty).
QString pick(const char* translated, const QString& english) {
    return blank(translated) ? english : QString::fromUtf8(translated);
}

}  // namespace

const AuditTextTable& englishAuditTexts() {
    static const AuditTextTable kTable{{}, {}, {}, kEnglishLabels};
    return kTable;
}

AuditTranslation::AuditTranslation(const QString& language) : m_language(core::matchLanguage(language)) {
    if (m_language == QLatin1String(core::languages::kGerman)) {
        m_table = &germanAuditTexts();
    } else if (m_language == QLatin1String(core::languages::kChinese)) {
        m_table = &chineseAuditTexts();
    }
}

AuditTranslation AuditTranslation::of(const QHttpServerRequest& request) {
    return AuditTranslation(QUrlQuery(request.url()).queryItemValue(QLatin1String(kQueryItem)));
}

AuditItem AuditTranslation::item(AuditItem item) const {
    if (!m_table) {
        return item;
    }
    if (const AuditItemText* text = find(m_table->items, item.id)) {
        item.title = pick(text->title, item.title);
        item.why = pick(text->why, item.why);
    }
    item.fixTitle = fixTitle(item.fixId, item.fixTitle);
    return item;
}

QList<AuditItem> AuditTranslation::items(QList<AuditItem> items) const {
    return translateEach(std::move(items), [this](AuditItem entry) { return item(std::move(entry)); });
}

NetworkFunction AuditTranslation::function(NetworkFunction function) const {
    if (!m_table) {
        return function;
    }
    if (const AuditFunctionText* text = find(m_table->functions, function.id)) {
        function.title = pick(text->title, function.title);
        function.description = pick(text->description, function.description);
        function.note = pick(text->note, function.note);
    }
    return function;
}

QList<NetworkFunction> AuditTranslation::functions(QList<NetworkFunction> functions) const {
    return translateEach(std::move(functions), [this](NetworkFunction entry) { return function(std::move(entry)); });
}

QString AuditTranslation::fixTitle(const QString& fixId, const QString& english) const {
    const AuditFixText* text = m_table && !fixId.isEmpty() ? find(m_table->fixes, fixId) : nullptr;
    return text ? pick(text->title, english) : english;
}

QString AuditTranslation::label(ReportText text) const {
    const QString english = QString::fromUtf8(findLabel(englishAuditTexts(), text));
    return m_table ? pick(findLabel(*m_table, text), english) : english;
}

QString AuditTranslation::state(const QString& state) const {
    static const QHash<QString, ReportText> kStates = {
        {QLatin1String(core::model::AuditStates::kPass), ReportText::StatePass},
        {QLatin1String(core::model::AuditStates::kFail), ReportText::StateFail},
        {QLatin1String(core::model::AuditStates::kAttested), ReportText::StateAttested},
        {QLatin1String(core::model::AuditStates::kNotApplicable), ReportText::StateNotApplicable},
        {QLatin1String(core::model::AuditStates::kUnknown), ReportText::StateUnknown}};
    const auto known = kStates.constFind(state);
    return known == kStates.cend() ? state.toUpper() : label(*known);
}

QStringList AuditTranslation::missing(const QList<AuditItem>& items, const QList<NetworkFunction>& functions) const {
    const AuditTextTable& table = m_table ? *m_table : englishAuditTexts();
    QStringList gaps;
    for (int n = 0; n < int(ReportText::Count_); ++n) {
        if (blank(findLabel(table, ReportText(n)))) {
            gaps << QStringLiteral("label %1").arg(n);
        }
    }
    if (!m_table) {
        return gaps;  // English: the items, fixes and functions are the source texts
    }
    for (const AuditItem& item : items) {
        const AuditItemText* text = find(table.items, item.id);
        if (!text || blank(text->title) || blank(text->why)) {
            gaps << QStringLiteral("item %1").arg(item.id);
        }
        if (!item.fixId.isEmpty()) {
            const AuditFixText* fix = find(table.fixes, item.fixId);
            if (!fix || blank(fix->title)) {
                gaps << QStringLiteral("fix %1").arg(item.fixId);
            }
        }
    }
    for (const NetworkFunction& function : functions) {
        const AuditFunctionText* text = find(table.functions, function.id);
        if (!text || blank(text->title) || blank(text->description) || blank(text->note)) {
            gaps << QStringLiteral("function %1").arg(function.id);
        }
    }
    return gaps;
}

}  // namespace vigil::server
