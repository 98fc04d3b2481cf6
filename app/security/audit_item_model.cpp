#include "security/audit_item_model.h"

#include <QVariantMap>
#include <algorithm>

#include "display_format.h"

namespace vigil::app {

using core::model::AuditItem;
using core::model::AuditStates;

AuditItemModel::AuditItemModel(QObject* parent) : QAbstractListModel(parent) {}

int AuditItemModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AuditItemModel::roleNames() const {
    return {{ItemIdRole, "itemId"},
            {RequirementRole, "requirement"},
            {LevelRole, "level"},
            {GroupRole, "group"},
            {ScopeRole, "scope"},
            {KindRole, "kind"},
            {TitleRole, "title"},
            {WhyRole, "why"},
            {StateRole, "state"},
            {StateTextRole, "stateText"},
            {EvidenceRole, "evidence"},
            {FindingsRole, "findings"},
            {FixIdRole, "fixId"},
            {FixTitleRole, "fixTitle"},
            {FixableRole, "fixable"},
            {FixChosenRole, "fixChosen"},
            {AttestableRole, "attestable"},
            {AttestedByRole, "attestedBy"},
            {AttestedTextRole, "attestedText"},
            {CheckAvailableRole, "checkAvailable"}};
}

QString AuditItemModel::stateText(const QString& state) {
    if (state == QLatin1String(AuditStates::kPass)) {
        return tr("Pass");
    }
    if (state == QLatin1String(AuditStates::kFail)) {
        return tr("Fail");
    }
    if (state == QLatin1String(AuditStates::kNotApplicable)) {
        return tr("Not applicable");
    }
    if (state == QLatin1String(AuditStates::kAttested)) {
        return tr("Confirmed");
    }
    if (state == QLatin1String(AuditStates::kUnknown)) {
        return tr("Not checked");
    }
    return tr("Not audited yet");
}

QVariant AuditItemModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const AuditItem& item = m_catalogue.at(m_rows.at(index.row()));
    const auto result = m_results.constFind(item.id);
    const bool hasResult = result != m_results.cend();
    const bool attestation = item.kind == QLatin1String(AuditItem::kAttestation);
    switch (role) {
    case ItemIdRole:
        return item.id;
    case RequirementRole:
        return item.requirement;
    case LevelRole:
    case GroupRole:  // the list's sections: levels nest, so a level's own items are its group
        return item.level;
    case ScopeRole:
        return item.scope;
    case KindRole:
        return item.kind;
    case TitleRole:
        return item.title;
    case WhyRole:
        return item.why;
    case StateRole:
        return hasResult ? result->state : QString();
    case StateTextRole:
        return stateText(hasResult ? result->state : QString());
    case EvidenceRole:
        return evidence(item.id);
    case FindingsRole: {
        QVariantList list;
        if (hasResult) {
            for (const auto& finding : result->findings) {
                list.append(QVariantMap{{QStringLiteral("subject"), finding.subjectName.isEmpty()
                                                                        ? (finding.subject == QLatin1String("platform")
                                                                               ? tr("Platform")
                                                                               : finding.subject)
                                                                        : finding.subjectName},
                                        {QStringLiteral("state"), finding.state},
                                        {QStringLiteral("stateText"), stateText(finding.state)},
                                        {QStringLiteral("evidence"), finding.evidence}});
            }
        }
        return list;
    }
    case FixIdRole:
        return item.fixId;
    case FixTitleRole:
        return item.fixTitle;
    case FixableRole:
        return fixable(item.id);
    case FixChosenRole:
        return fixable(item.id) && m_chosen.contains(item.id);
    case AttestableRole:
        return attestation;
    case AttestedByRole:
        return hasResult && result->attestation ? result->attestation->userName : QString();
    case AttestedTextRole:
        if (hasResult && result->attestation) {
            return tr("Confirmed by %1 on %2").arg(result->attestation->userName,
                                                   DisplayFormat::dateTime(result->attestation->timeMs));
        }
        return QString();
    case CheckAvailableRole:
        return item.checkAvailable;
    default:
        return {};
    }
}

QVariantMap AuditItemModel::get(int row) const {
    QVariantMap map;
    if (row < 0 || row >= m_rows.size()) {
        return map;
    }
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return map;
}

int AuditItemModel::rowOf(const QString& itemId) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_catalogue.at(m_rows.at(row)).id == itemId) {
            return row;
        }
    }
    return -1;
}

QString AuditItemModel::evidence(const QString& itemId) const {
    const auto result = m_results.constFind(itemId);
    if (result == m_results.cend()) {
        return {};
    }
    QStringList lines;
    for (const auto& finding : result->findings) {
        if (finding.evidence.isEmpty()) {
            continue;
        }
        lines.append(finding.subject == QLatin1String("platform") || finding.subjectName.isEmpty()
                         ? finding.evidence
                         : QStringLiteral("%1: %2").arg(finding.subjectName, finding.evidence));
    }
    return lines.join(QLatin1Char('\n'));
}

bool AuditItemModel::fixable(const QString& itemId) const {
    const auto result = m_results.constFind(itemId);
    return result != m_results.cend() && !result->fixId.isEmpty() &&
           result->state == QLatin1String(AuditStates::kFail);
}

QString AuditItemModel::fixFor(const QString& itemId) const {
    return fixable(itemId) ? m_results.value(itemId).fixId : QString();
}

QString AuditItemModel::title(const QString& itemId) const {
    for (const AuditItem& item : m_catalogue) {
        if (item.id == itemId) {
            return item.title;
        }
    }
    return itemId;
}

QString AuditItemModel::fixTitle(const QString& itemId) const {
    for (const AuditItem& item : m_catalogue) {
        if (item.id == itemId && !item.fixTitle.isEmpty()) {
            return item.fixTitle;
        }
    }
    return fixFor(itemId);
}

bool AuditItemModel::visible(const AuditItem& item) const {
    if (item.level > m_level) {
        return false;
    }
    if (m_onlyOpen) {
        const QString state = m_results.value(item.id).state;
        if (!state.isEmpty() && AuditStates::meets(state)) {
            return false;
        }
    }
    if (m_filter.isEmpty()) {
        return true;
    }
    return item.title.contains(m_filter, Qt::CaseInsensitive) || item.id.contains(m_filter, Qt::CaseInsensitive) ||
           item.requirement.contains(m_filter, Qt::CaseInsensitive) ||
           item.why.contains(m_filter, Qt::CaseInsensitive);
}

void AuditItemModel::rebuild() {
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < m_catalogue.size(); ++i) {
        if (visible(m_catalogue.at(i))) {
            m_rows.append(i);
        }
    }
    endResetModel();
    if (before != m_rows.size()) {
        emit countChanged();
    }
    emit fixesChanged();
}

void AuditItemModel::setCatalogue(const QList<AuditItem>& items) {
    m_catalogue = items;
    // Catalogue order is the walk's order; levels first so each level's items stay together.
    std::stable_sort(m_catalogue.begin(), m_catalogue.end(),
                     [](const AuditItem& a, const AuditItem& b) { return a.level < b.level; });
    rebuild();
}

void AuditItemModel::setLevel(int level) {
    if (level != m_level) {
        m_level = level;
        rebuild();
    }
}

void AuditItemModel::setRun(const core::model::AuditRun& run) {
    QHash<QString, core::model::AuditItemResult> results;
    for (const auto& result : run.results) {
        results.insert(result.itemId, result);
    }
    // A fix is chosen by default the first time its item fails; what the administrator unticked stays so.
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        const bool failsNow = !it->fixId.isEmpty() && it->state == QLatin1String(AuditStates::kFail);
        const bool failedBefore = fixable(it.key());
        if (failsNow && !failedBefore) {
            m_chosen.insert(it.key());
        } else if (!failsNow) {
            m_chosen.remove(it.key());
        }
    }
    m_results = std::move(results);
    rebuild();
}

void AuditItemModel::clearRun() {
    m_results.clear();
    m_chosen.clear();
    rebuild();
}

void AuditItemModel::setAttestation(const QString& itemId, const std::optional<core::model::Attestation>& attestation) {
    core::model::AuditItemResult& result = m_results[itemId];
    result.itemId = itemId;
    result.attestation = attestation;
    result.state = QLatin1String(attestation ? AuditStates::kAttested : AuditStates::kFail);
    // The first finding is the confirmation itself (the server words it the same way at the next audit).
    core::model::AuditFinding confirmation;
    confirmation.state = result.state;
    confirmation.evidence = attestation ? tr("Confirmed by %1: %2").arg(attestation->userName, attestation->comment)
                                        : tr("Nobody has confirmed this yet.");
    if (!result.findings.isEmpty() && result.findings.first().subject == QLatin1String("platform")) {
        result.findings.removeFirst();
    }
    // What a check saw stays as evidence; a person's word decides the state of all of it.
    for (auto& finding : result.findings) {
        finding.state = result.state;
    }
    result.findings.prepend(confirmation);
    const int row = rowOf(itemId);
    if (row >= 0) {
        emit dataChanged(index(row), index(row));
    }
}

void AuditItemModel::setFilter(const QString& text, bool onlyOpen) {
    if (text.trimmed() == m_filter && onlyOpen == m_onlyOpen) {
        return;
    }
    m_filter = text.trimmed();
    m_onlyOpen = onlyOpen;
    rebuild();
}

int AuditItemModel::stateCount(const QString& state) const {
    int count = 0;
    for (const AuditItem& item : m_catalogue) {
        if (item.level <= m_level && m_results.value(item.id).state == state) {
            ++count;
        }
    }
    return count;
}

int AuditItemModel::itemCount(int level) const {
    return int(std::count_if(m_catalogue.cbegin(), m_catalogue.cend(),
                             [level](const AuditItem& item) { return item.level <= level; }));
}

QStringList AuditItemModel::titles(int level) const {
    QStringList list;
    for (const AuditItem& item : m_catalogue) {
        if (item.level == level) {
            list.append(item.title);
        }
    }
    return list;
}

QList<std::pair<QString, QString>> AuditItemModel::chosenFixes() const {
    QList<std::pair<QString, QString>> list;
    QSet<QString> seen;  // one fix may mend several items: apply it once
    for (const AuditItem& item : m_catalogue) {
        if (item.level > m_level || !m_chosen.contains(item.id) || !fixable(item.id)) {
            continue;
        }
        const QString fixId = m_results.value(item.id).fixId;
        if (!seen.contains(fixId)) {
            seen.insert(fixId);
            list.append({fixId, item.id});
        }
    }
    return list;
}

void AuditItemModel::setFixChosen(const QString& itemId, bool chosen) {
    if (!fixable(itemId) || chosen == m_chosen.contains(itemId)) {
        return;
    }
    if (chosen) {
        m_chosen.insert(itemId);
    } else {
        m_chosen.remove(itemId);
    }
    const int row = rowOf(itemId);
    if (row >= 0) {
        emit dataChanged(index(row), index(row), {FixChosenRole});
    }
    emit fixesChanged();
}

}  // namespace vigil::app
