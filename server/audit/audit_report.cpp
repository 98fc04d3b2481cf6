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
using core::model::AuditStates;

namespace {

QString utc(qint64 ms) {
    return ms <= 0 ? QStringLiteral("-")
                   : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString number(const QJsonObject& counts, const char* state) {
    return QString::number(counts.value(QLatin1String(state)).toInt());
}

}  // namespace

// Colours a printed page keeps readable in black and white too (the words carry the meaning).
QString AuditReport::stateCell(const QString& state) const {
    static const QHash<QString, QString> kColour = {{QStringLiteral("pass"), QStringLiteral("#1b7a3a")},
                                                    {QStringLiteral("fail"), QStringLiteral("#b3261e")},
                                                    {QStringLiteral("attested"), QStringLiteral("#1f5fa8")},
                                                    {QStringLiteral("not_applicable"), QStringLiteral("#666666")},
                                                    {QStringLiteral("unknown"), QStringLiteral("#9a6700")}};
    return QStringLiteral("<td style=\"color:%1;font-weight:bold\">%2</td>")
        .arg(kColour.value(state, QStringLiteral("#000000")), esc(translation.state(state)));
}

AuditReport AuditReport::gather(AuditService& audit, Engine& engine, const QJsonObject& run, const QString& requestedBy,
                                const AuditTranslation& translation) {
    AuditReport report;
    report.platformName = engine.serverName();
    report.platformId = engine.serverId();
    report.generatedMs = QDateTime::currentMSecsSinceEpoch();
    report.generatedBy = requestedBy;
    report.targetLevel = audit.settings().targetLevel;
    report.run = run;
    report.catalogue = translation.items(audit.catalogue());
    report.functions = translation.functions(audit.functions());
    report.translation = translation;
    return report;
}

QString AuditReport::html() const {
    const int level = run.value(QStringLiteral("level")).toInt();
    const QJsonObject counts = run.value(QStringLiteral("counts")).toObject();
    const QString levelText = QString::number(level);
    QString out;
    out += QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>"
                          "<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}"
                          "td,th{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}"
                          "th{background:#e6e6e6}h1{font-size:16pt}h2{font-size:13pt}</style></head><body>")
               .arg(QString(translation.language()).replace(QLatin1Char('_'), QLatin1Char('-')),
                    esc(label(ReportText::DocumentTitle)));
    out += QStringLiteral("<h1>%1</h1>").arg(esc(label(ReportText::Heading).arg(platformName)));
    out += QStringLiteral("<table><tr><th>%1</th><td>%2 (%3)</td></tr>")
               .arg(esc(label(ReportText::Platform)), esc(platformName), esc(platformId));
    out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(label(ReportText::LevelAudited)), levelText);
    out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>")
               .arg(esc(label(ReportText::ChosenLevel)),
                    targetLevel > 0 ? QString::number(targetLevel) : esc(label(ReportText::NoneChosen)));
    const QString verdict =
        label(run.value(QStringLiteral("met")).toBool() ? ReportText::LevelMet : ReportText::LevelNotMet).arg(levelText);
    const QString tally = label(ReportText::Counts)
                              .arg(number(counts, AuditStates::kPass), number(counts, AuditStates::kFail),
                                   number(counts, AuditStates::kAttested), number(counts, AuditStates::kNotApplicable),
                                   number(counts, AuditStates::kUnknown));
    out += QStringLiteral("<tr><th>%1</th><td><b>%2</b> - %3</td></tr>")
               .arg(esc(label(ReportText::Result)), esc(verdict), esc(tally));
    const QString starter = run.value(QStringLiteral("userName")).toString();
    out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>")
               .arg(esc(label(ReportText::Audit)),
                    esc(label(ReportText::AuditLine)
                            .arg(run.value(QStringLiteral("id")).toString(),
                                 utc(qint64(run.value(QStringLiteral("startedMs")).toDouble())),
                                 utc(qint64(run.value(QStringLiteral("finishedMs")).toDouble())),
                                 starter.isEmpty() ? label(ReportText::BySchedule) : starter)));
    out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr></table>")
               .arg(esc(label(ReportText::Report)), esc(label(ReportText::ReportLine).arg(utc(generatedMs), generatedBy)));

    out += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
               .arg(esc(label(ReportText::Items)), esc(label(ReportText::Item)), esc(label(ReportText::Level)),
                    esc(label(ReportText::State)), esc(label(ReportText::Evidence)));
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
            evidence += QStringLiteral("<div><i>%1</i></div>")
                            .arg(esc(label(ReportText::AttestedBy)
                                         .arg(attestation.value(QStringLiteral("userName")).toString(),
                                              utc(qint64(attestation.value(QStringLiteral("timeMs")).toDouble())),
                                              attestation.value(QStringLiteral("comment")).toString())));
        }
        const QString fixId = result.value(QStringLiteral("fixId")).toString();
        if (!fixId.isEmpty()) {
            const bool titled = item != catalogue.cend() && !item->fixTitle.isEmpty();
            evidence += QStringLiteral("<div>%1</div>")
                            .arg(esc(label(ReportText::FixAvailable)
                                         .arg(titled ? QStringLiteral("%1 (%2)").arg(item->fixTitle, fixId) : fixId)));
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

    out += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
               .arg(esc(label(ReportText::FunctionsHeading)), esc(label(ReportText::Function)), esc(label(ReportText::State)),
                    esc(label(ReportText::SecureDefault)), esc(label(ReportText::Note)));
    const QString on = esc(label(ReportText::On));
    const QString off = esc(label(ReportText::Off));
    for (const auto& function : functions) {
        const QString state = !function.provided ? esc(label(ReportText::NotProvided)) : function.enabled ? on : off;
        QString note = function.note;
        if (!function.confirmedBy.isEmpty()) {
            note += QLatin1Char(' ') + label(ReportText::DeclaredNeeded).arg(function.confirmedBy, utc(function.confirmedMs));
        }
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                   .arg(esc(function.title), state, function.secureDefault ? on : off, esc(note));
    }
    out += QStringLiteral("</table><p><small>%1</small></p></body></html>").arg(esc(label(ReportText::Footer)));
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
    writer.setTitle(label(ReportText::PdfTitle).arg(platformName));
    writer.setCreator(QStringLiteral("Vigil"));
    QTextDocument document;
    document.setHtml(html());
    document.print(&writer);
    buffer.close();
    return bytes;
}

}  // namespace vigil::server
