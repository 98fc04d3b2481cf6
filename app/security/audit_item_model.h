#pragma once
// AuditItemModel: the items of the chosen protection level as the Security wizard lists them (WIZ-1):
// the server's catalogue (data: a new check shows up with no change here) joined with the latest
// audit's results and attestations, in catalogue order, grouped by level. A text filter and "only
// what needs attention" narrow the rows; which fixes the administrator chose is kept per item.
// States are the server's words (pass, fail, not_applicable, attested, unknown; "" not audited yet).

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <optional>

#include "model/audit_model.h"

namespace vigil::app {

class AuditItemModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int chosenFixCount READ chosenFixCount NOTIFY fixesChanged)
public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        RequirementRole,
        LevelRole,
        GroupRole,
        ScopeRole,
        KindRole,
        TitleRole,
        WhyRole,
        StateRole,
        StateTextRole,
        EvidenceRole,
        FindingsRole,
        FixIdRole,
        FixTitleRole,
        FixableRole,
        FixChosenRole,
        AttestableRole,
        AttestedByRole,
        AttestedTextRole,
        CheckAvailableRole,
    };

    explicit AuditItemModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCatalogue(const QList<core::model::AuditItem>& items);
    const QList<core::model::AuditItem>& catalogue() const { return m_catalogue; }
    // The items shown are those of `level` and below (levels nest).
    void setLevel(int level);
    // The results of a finished run; fixes of items that no longer fail are unchosen, new fails chosen.
    void setRun(const core::model::AuditRun& run);
    void clearRun();
    void setAttestation(const QString& itemId, const std::optional<core::model::Attestation>& attestation);
    void setFilter(const QString& text, bool onlyOpen);

    // Items per state among the chosen level's items (filter ignored).
    int stateCount(const QString& state) const;
    int itemCount(int level) const;  // catalogue items of `level` and below
    QStringList titles(int level) const;  // the titles of `level`'s own items
    QString state(const QString& itemId) const { return m_results.value(itemId).state; }
    QString title(const QString& itemId) const;
    QString fixFor(const QString& itemId) const;
    QString fixTitle(const QString& itemId) const;  // what the item's fix does; its id if the server gave no title
    int chosenFixCount() const { return int(chosenFixes().size()); }
    // The chosen fixes of failing items, in catalogue order, with the item each fixes.
    QList<std::pair<QString, QString>> chosenFixes() const;  // {fixId, itemId}
    void setFixChosen(const QString& itemId, bool chosen);
    Q_INVOKABLE int rowOf(const QString& itemId) const;
    Q_INVOKABLE QVariantMap get(int row) const;

    static QString stateText(const QString& state);

signals:
    void countChanged();
    void fixesChanged();

private:
    void rebuild();
    bool visible(const core::model::AuditItem& item) const;
    bool fixable(const QString& itemId) const;
    QString evidence(const QString& itemId) const;

    QList<core::model::AuditItem> m_catalogue;
    QHash<QString, core::model::AuditItemResult> m_results;  // by item id
    QSet<QString> m_chosen;                                  // item ids whose fix is chosen
    QList<int> m_rows;                                       // catalogue indexes shown
    int m_level = 1;
    QString m_filter;
    bool m_onlyOpen = false;
};

}  // namespace vigil::app
