#pragma once
// LiveTileModel: the tiles of the Live view's current layout (VID-1), one row per grid cell, for the
// QML tile grid (qml/controls/VLayoutGrid.qml). A row carries the cell's place in the grid and what
// it shows (channel, its name, the stream the layout asks for). Changing one tile changes one row, so
// the other tiles keep their video playing; a new grid resets the model.

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include "model/layout_model.h"

namespace vigil::app {

class LiveTileModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        RowRole = Qt::UserRole + 1,
        ColumnRole,
        RowSpanRole,
        ColumnSpanRole,
        ChannelIdRole,
        ChannelNameRole,
        StreamChoiceRole,  // the layout's choice: auto | main | sub
    };

    explicit LiveTileModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A new grid: `tiles` go into their cells; the rest are empty.
    void reset(const QList<core::model::LayoutCell>& cells, const QList<core::model::LayoutTile>& tiles);
    void setTile(int index, const QString& channelId, const QString& stream);
    void clearTile(int index);
    // Names shown for channels (from the device tree); ids without one show the id.
    void setChannelNames(const QHash<QString, QString>& names);

    const QList<core::model::LayoutCell>& cells() const { return m_cells; }
    QList<core::model::LayoutTile> tiles() const;  // the filled cells
    QString channelAt(int index) const;
    int firstEmpty() const;  // -1 when every tile is filled

signals:
    void countChanged();

private:
    struct Slot {
        QString channelId;
        QString stream = QStringLiteral("auto");
    };
    QList<core::model::LayoutCell> m_cells;
    QList<Slot> m_slots;
    QHash<QString, QString> m_names;
};

}  // namespace vigil::app
