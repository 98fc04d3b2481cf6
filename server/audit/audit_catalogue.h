#pragma once
// The security audit's catalogue (issue 8): one item per SEC requirement, or per part of one, that
// applies to the platform or to its devices, as data. Items are ordered as the wizard walks them
// (by level, then requirement). Ids are stable: results, fixes, attestations and other parts' checks
// refer to them (server/audit/README.md lists who checks what).

#include <QList>

#include "model/audit_model.h"

namespace vigil::server {

const QList<core::model::AuditItem>& auditCatalogue();
// The item with that id, nullptr when there is none.
const core::model::AuditItem* auditItem(const QString& id);

}  // namespace vigil::server
