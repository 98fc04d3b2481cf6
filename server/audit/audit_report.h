#pragma once
// AuditReport: the security report an auditor keeps (WIZ-3, SEC-4.3): the platform, the level
// audited and the chosen one, every item with its state, evidence and attestation, the network
// function table, when the audit ran, who ran it and who made the report. HTML, and PDF drawn from
// the same HTML with QTextDocument and QPdfWriter (needs a QGuiApplication: the workstation, tests,
// or vigild, which starts one with the offscreen platform). In the language the request asked for
// (AuditTranslation): the labels, the items' and functions' texts; evidence stays as measured.

#include <QJsonObject>
#include <QList>
#include <QString>

#include "audit/audit_translation.h"
#include "common/result.h"
#include "model/audit_model.h"

namespace vigil::server {

class AuditService;
class Engine;

class AuditReport {
public:
    static AuditReport gather(AuditService& audit, Engine& engine, const QJsonObject& run, const QString& requestedBy,
                              const AuditTranslation& translation = AuditTranslation());

    QString html() const;
    core::Result<QByteArray> pdf() const;

    QString platformName;
    QString platformId;
    qint64 generatedMs = 0;
    QString generatedBy;
    int targetLevel = 0;
    QJsonObject run;  // a stored AuditRun with its results
    QList<core::model::AuditItem> catalogue;
    QList<core::model::NetworkFunction> functions;
    AuditTranslation translation;

private:
    QString label(ReportText text) const { return translation.label(text); }
    QString stateCell(const QString& state) const;
};

}  // namespace vigil::server
