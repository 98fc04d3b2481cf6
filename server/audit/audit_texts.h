#pragma once
// The tables behind AuditTranslation (audit_translation.h): one per language, keyed by the ids of
// items, fixes and network functions and by ReportText. Texts are UTF-8. Internal to server/audit.

#include <span>

#include "audit/audit_translation.h"

namespace vigil::server {

struct AuditItemText {
    const char* id;
    const char* title;
    const char* why;
};

struct AuditFixText {
    const char* id;
    const char* title;
};

struct AuditFunctionText {
    const char* id;
    const char* title;
    const char* description;
    const char* note;
};

struct AuditLabelText {
    ReportText key;
    const char* text;
};

struct AuditTextTable {
    std::span<const AuditItemText> items;
    std::span<const AuditFixText> fixes;
    std::span<const AuditFunctionText> functions;
    std::span<const AuditLabelText> labels;
};

const AuditTextTable& englishAuditTexts();  // the report's labels only: the rest is English where defined
const AuditTextTable& germanAuditTexts();
const AuditTextTable& chineseAuditTexts();

}  // namespace vigil::server
