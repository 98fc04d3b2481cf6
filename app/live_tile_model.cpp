#include "live_tile_model.h"

namespace vigil::app {

using core::model::LayoutCell;
using core::model::LayoutTile;

LiveTileModel::LiveTileModel(QObject* parent) : QAbstractListModel(parent) {}

int LiveTileModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_cells.size());
}

QVariant LiveTileModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_cells.size()) {
        return {};
    }
    const LayoutCell& cell = m_cells.at(index.row());
    const Slot& slot = m_slots.at(index.row());
    switch (role) {
        case RowRole:
            return cell.row;
        case ColumnRole:
            return cell.column;
        case RowSpanRole:
            return cell.rowSpan;
        case ColumnSpanRole:
            return cell.columnSpan;
        case ChannelIdRole:
            return slot.channelId;
        case ChannelNameRole:
            return m_names.value(slot.channelId, slot.channelId);
        case StreamChoiceRole:
            return slot.stream;
        default:
            return {};
    }
}

QHash<int, QByteArray> LiveTileModel::roleNames() const {
    return {{RowRole, "row"},
            {ColumnRole, "column"},
            {RowSpanRole, "rowSpan"},
            {ColumnSpanRole, "columnSpan"},
            {ChannelIdRole, "channelId"},
            {ChannelNameRole, "channelName"},
            {StreamChoiceRole, "streamChoice"}};
}

void LiveTileModel::reset(const QList<LayoutCell>& cells, const QList<LayoutTile>& tiles) {
    const bool countMoves = cells.size() != m_cells.size();
    beginResetModel();
    m_cells = cells;
    m_slots = QList<Slot>(cells.size());
    for (const LayoutTile& tile : tiles) {
        if (tile.cell >= 0 && tile.cell < m_slots.size()) {
            m_slots[tile.cell] = Slot{tile.channelId, tile.stream};
        }
    }
    endResetModel();
    if (countMoves) {
        emit countChanged();
    }
}

void LiveTileModel::setTile(int index, const QString& channelId, const QString& stream) {
    if (index < 0 || index >= m_slots.size()) {
        return;
    }
    m_slots[index] = Slot{channelId, stream.isEmpty() ? QStringLiteral("auto") : stream};
    emit dataChanged(this->index(index), this->index(index));
}

void LiveTileModel::clearTile(int index) {
    setTile(index, {}, {});
}

void LiveTileModel::setChannelNames(const QHash<QString, QString>& names) {
    m_names = names;
    if (!m_cells.isEmpty()) {
        emit dataChanged(index(0), index(static_cast<int>(m_cells.size()) - 1), {ChannelNameRole});
    }
}

QList<LayoutTile> LiveTileModel::tiles() const {
    QList<LayoutTile> tiles;
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        if (!m_slots.at(i).channelId.isEmpty()) {
            tiles.append(LayoutTile{static_cast<int>(i), m_slots.at(i).channelId, m_slots.at(i).stream});
        }
    }
    return tiles;
}

QString LiveTileModel::channelAt(int index) const {
    return index >= 0 && index < m_slots.size() ? m_slots.at(index).channelId : QString();
}

int LiveTileModel::firstEmpty() const {
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        if (m_slots.at(i).channelId.isEmpty()) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace vigil::app
