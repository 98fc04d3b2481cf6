#include "audit/audit_report.h"

#include <QBuffer>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include "audit/audit_service.h"
#include "engine/engine.h"

namespace vigil::server {

using core::model::AuditItem;

namespace {

QString utc(qint64 ms) {
    return ms <= 0 ? QStringLiteral("-")
                   : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

// Colours a printed page keeps readable in black and white too (the words carry the meaning).
QString stateCell(const QString& state) {
    static const QHash<QString, QString> kColour = {{QStringLiteral("pass"), QStringLiteral("#1b7a3a")},
                                                    {QStringLiteral("fail"), QStringLiteral("#b3261e")},
                                                    {QStringLiteral("attested"), QStringLiteral("#1f5fa8")},
                                                    {QStringLiteral("not_applicable"), QStringLiteral("#666666")},
                                                    {QStringLiteral("unknown"), QStringLiteral("#9a6700")}};
    QString label = state;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    return QStringLiteral("<td style=\"color:%1;font-weight:bold\">%2</td>")
        .arg(kColour.value(state, QStringLiteral("#000000")), esc(label.toUpper()));
}

}  // namespace

AuditReport AuditReport::gather(AuditService& audit, Engine& engine, const QJsonObject& run, const QString& requestedBy) {
    AuditReport report;
    report.platformName = engine.serverName();
    report.platformId = engine.serverId();
    report.generatedMs = QDateTime::currentMSecsSinceEpoch();
    report.generatedBy = requestedBy;
    report.targetLevel = audit.settings().targetLevel;
    report.run = run;
    report.catalogue = audit.catalogue();
    report.functions = audit.functions();
    return report;
}

QString AuditReport::html() const {
    const int level = run.value(QStringLiteral("level")).toInt();
    const QJsonObject counts = run.value(QStringLiteral("counts")).toObject();
    QString out;
    out += QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Vigil security report</title>"
                          "<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}"
                          "td,th{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}"
                          "th{background:#e6e6e6}h1{font-size:16pt}h2{font-size:13pt}</style></head><body>");
    out += QStringLiteral("<h1>Security report: %1</h1>").arg(esc(platformName));
    out += QStringLiteral("<table><tr><th>Platform</th><td>%1 (%2)</td></tr>").arg(esc(platformName), esc(platformId));
    out += QStringLiteral("<tr><th>Level audited</th><td>%1</td></tr>").arg(level);
    out += QStringLiteral("<tr><th>Chosen level</th><td>%1</td></tr>")
               .arg(targetLevel > 0 ? QString::number(targetLevel) : QStringLiteral("none chosen"));
    out += QStringLiteral("<tr><th>Result</th><td><b>%1</b> - %2 pass, %3 fail, %4 attested, %5 not applicable, %6 unknown</td></tr>")
               .arg(run.value(QStringLiteral("met")).toBool() ? QStringLiteral("Level %1 met").arg(level)
                                                              : QStringLiteral("Level %1 NOT met").arg(level))
               .arg(counts.value(QStringLiteral("pass")).toInt())
               .arg(counts.value(QStringLiteral("fail")).toInt())
               .arg(counts.value(QStringLiteral("attested")).toInt())
               .arg(counts.value(QStringLiteral("not_applicable")).toInt())
               .arg(counts.value(QStringLiteral("unknown")).toInt());
    out += QStringLiteral("<tr><th>Audit</th><td>%1, started %2, finished %3, by %4</td></tr>")
               .arg(esc(run.value(QStringLiteral("id")).toString()), utc(qint64(run.value(QStringLiteral("startedMs")).toDouble())),
                    utc(qint64(run.value(QStringLiteral("finishedMs")).toDouble())),
                    esc(run.value(QStringLiteral("userName")).toString().isEmpty() ? QStringLiteral("the schedule")
                                                                                    : run.value(QStringLiteral("userName")).toString()));
    out += QStringLiteral("<tr><th>Report</th><td>made %1 by %2</td></tr></table>").arg(utc(generatedMs), esc(generatedBy));

    out += QStringLiteral("<h2>Items</h2><table><tr><th>Item</th><th>Level</th><th>State</th><th>Evidence</th></tr>");
    for (const QJsonValue& value : run.value(QStringLiteral("results")).toArray()) {
        const QJsonObject result = value.toObject();
        const QString itemId = result.value(QStringLiteral("itemId")).toString();
        const auto item = std::find_if(catalogue.cbegin(), catalogue.cend(), [&](const AuditItem& i) { return i.id == itemId; });
        QString evidence;
        for (const QJsonValue& f : result.value(QStringLiteral("findings")).toArray()) {
            const QJsonObject finding = f.toObject();
            const QString subject = finding.value(QStringLiteral("subjectName")).toString();
            evidence += QStringLiteral("<div>%1%2</div>")
                            .arg(subject.isEmpty() ? QString() : QStringLiteral("<b>%1:</b> ").arg(esc(subject)),
                                 esc(finding.value(QStringLiteral("evidence")).toString()));
        }
        const QJsonObject attestation = result.value(QStringLiteral("attestation")).toObject();
        if (!attestation.isEmpty()) {
            evidence += QStringLiteral("<div><i>Attested by %1 on %2: %3</i></div>")
                            .arg(esc(attestation.value(QStringLiteral("userName")).toString()),
                                 utc(qint64(attestation.value(QStringLiteral("timeMs")).toDouble())),
                                 esc(attestation.value(QStringLiteral("comment")).toString()));
        }
        const QString fixId = result.value(QStringLiteral("fixId")).toString();
        if (!fixId.isEmpty()) {
            const bool titled = item != catalogue.cend() && !item->fixTitle.isEmpty();
            evidence += QStringLiteral("<div>Fix available: %1</div>")
                            .arg(titled ? QStringLiteral("%1 (%2)").arg(esc(item->fixTitle), esc(fixId)) : esc(fixId));
        }
        const QString title = item != catalogue.cend()
                                  ? QStringLiteral("<b>%1</b> %2<br><small>%3</small>")
                                        .arg(esc(item->requirement), esc(item->title), esc(item->why))
                                  : esc(itemId);
        out += QStringLiteral("<tr><td>%1</td><td>%2</td>%3<td>%4</td></tr>")
                   .arg(title, QString::number(item != catalogue.cend() ? item->level : 0),
                        stateCell(result.value(QStringLiteral("state")).toString()), evidence);
    }
    out += QStringLiteral("</table>");

    out += QStringLiteral("<h2>Network functions (SEC-1.6), as of the report</h2><table><tr><th>Function</th><th>State</th>"
                          "<th>Secure default</th><th>Note</th></tr>");
    for (const auto& function : functions) {
        const QString state = !function.provided ? QStringLiteral("not in this platform")
                              : function.enabled ? QStringLiteral("on") : QStringLiteral("off");
        QString note = function.note;
        if (!function.confirmedBy.isEmpty()) {
            note += QStringLiteral(" Declared needed by %1 on %2.").arg(function.confirmedBy, utc(function.confirmedMs));
        }
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                   .arg(esc(function.title), state, function.secureDefault ? QStringLiteral("on") : QStringLiteral("off"),
                        esc(note));
    }
    out += QStringLiteral("</table><p><small>Level 2 includes level 1 and level 3 includes level 2. Unknown: no check for "
                          "the item in this build, so it cannot count as met. Report security problems in Vigil to its "
                          "maintainers through the project's issue tracker, marked security.</small></p></body></html>");
    return out;
}

core::Result<QByteArray> AuditReport::pdf() const {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        return core::Error::make(QStringLiteral("pdf_unavailable"),
                                 QStringLiteral("This server runs without a graphics context and cannot draw a PDF; "
                                                "take the HTML report (GET /api/v1/security/report) and print it."));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(QStringLiteral("Vigil security report: %1").arg(platformName));
    writer.setCreator(QStringLiteral("Vigil"));
    QTextDocument document;
    document.setHtml(html());
    document.print(&writer);
    buffer.close();
    return bytes;
}

}  // namespace vigil::server
