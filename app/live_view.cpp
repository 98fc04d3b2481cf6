#include "live_view.h"

#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QScreen>
#include <QWindow>
#include <QRegularExpression>

#include "app_logging.h"
#include "client/api_client.h"
#include "client/devices_api.h"
#include "client/layouts_api.h"
#include "event_popup.h"
#include "live_tile_model.h"

namespace vigil::app {

using core::model::Layout;
using core::model::LayoutGrid;
using core::model::LayoutInput;
using core::model::LayoutTile;
using core::model::TourStep;

namespace {
const QString kDefaultGrid = QStringLiteral("4");
}

LiveView::LiveView(core::client::ApiClient* client, core::client::DevicesApi* devices, QString snapshotFolder,
                   QObject* parent)
    : QObject(parent),
      m_api(new core::client::LayoutsApi(client, this)),
      m_devices(devices),
      m_tiles(new LiveTileModel(this)),
      m_popup(new EventPopup(this)),
      m_grid(kDefaultGrid),
      m_snapshotFolder(std::move(snapshotFolder)) {
    m_tiles->reset(LayoutGrid::standardCells(m_grid), {});
    connect(&m_tourTimer, &QTimer::timeout, this, &LiveView::nextTourStep);
    if (client) {
        connect(client, &core::client::ApiClient::pushReceived, m_popup, &EventPopup::apply);
    }
}

QObject* LiveView::tiles() const {
    return m_tiles;
}

QObject* LiveView::popup() const {
    return m_popup;
}

int LiveView::rows() const {
    return LayoutGrid::rowCount(m_tiles->cells());
}

int LiveView::columns() const {
    return LayoutGrid::columnCount(m_tiles->cells());
}

QStringList LiveView::gridKinds() const {
    return LayoutGrid::standardKinds();
}

QVariantList LiveView::layouts() const {
    QVariantList list;
    for (const Layout& layout : m_layouts) {
        list.append(QVariantMap{{QStringLiteral("id"), layout.id},
                                {QStringLiteral("name"), layout.name},
                                {QStringLiteral("grid"), layout.grid},
                                {QStringLiteral("tiles"), layout.tiles.size()}});
    }
    return list;
}

void LiveView::setSnapshotFolder(const QString& folder) {
    if (folder != m_snapshotFolder) {
        m_snapshotFolder = folder;
        emit snapshotFolderChanged();
    }
}

void LiveView::setTourSeconds(int seconds) {
    seconds = std::clamp(seconds, TourStep::kMinDwellSeconds, TourStep::kMaxDwellSeconds);
    if (seconds != m_tourSeconds) {
        m_tourSeconds = seconds;
        emit tourChanged();
    }
}

void LiveView::setGrid(const QString& kind) {
    if (!LayoutGrid::isStandard(kind) || kind == m_grid) {
        return;
    }
    // The channels move along in tile order; those that no longer fit are dropped from the view.
    const QList<LayoutTile> before = m_tiles->tiles();
    const QList<core::model::LayoutCell> cells = LayoutGrid::standardCells(kind);
    QList<LayoutTile> kept;
    for (const LayoutTile& tile : before) {
        if (kept.size() < cells.size()) {
            kept.append(LayoutTile{static_cast<int>(kept.size()), tile.channelId, tile.stream});
        }
    }
    m_grid = kind;
    m_tiles->reset(cells, kept);
    qCInfo(lcApp).noquote() << "live: grid" << kind;
    emit gridChanged();
}

void LiveView::assign(int tile, const QString& channelId) {
    if (channelId.isEmpty() || tile < 0 || tile >= m_tiles->rowCount()) {
        return;
    }
    m_tiles->setTile(tile, channelId, QStringLiteral("auto"));
    qCInfo(lcApp).noquote() << "live: tile" << tile + 1 << "shows channel" << channelId;
}

int LiveView::assignNext(const QString& channelId) {
    const int tile = m_tiles->firstEmpty();
    if (tile < 0) {
        setMessage(tr("Every tile is in use. Drag the camera onto a tile to replace its picture, or choose a "
                      "larger layout."),
                   true);
        return -1;
    }
    assign(tile, channelId);
    return tile;
}

void LiveView::clearTile(int tile) {
    if (!m_tiles->channelAt(tile).isEmpty()) {
        m_tiles->clearTile(tile);
        qCInfo(lcApp).noquote() << "live: tile" << tile + 1 << "cleared";
    }
}

bool LiveView::mergeTiles(int a, int b) {
    const QList<core::model::LayoutCell>& cells = m_tiles->cells();
    if (a < 0 || b < 0 || a >= cells.size() || b >= cells.size() || a == b) {
        return false;
    }
    const core::model::LayoutCell& first = cells.at(a);
    const core::model::LayoutCell& second = cells.at(b);
    const int top = std::min(first.row, second.row);
    const int left = std::min(first.column, second.column);
    const int bottom = std::max(first.row + first.rowSpan, second.row + second.rowSpan);
    const int right = std::max(first.column + first.columnSpan, second.column + second.columnSpan);
    const core::model::LayoutCell merged{top, left, bottom - top, right - left};
    QList<core::model::LayoutCell> kept;
    QList<LayoutTile> tiles;
    QString channel;  // the first channel inside the merged cell, in tile order
    QString stream = QStringLiteral("auto");
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const core::model::LayoutCell& cell = cells.at(i);
        const bool inside = cell.row >= top && cell.column >= left && cell.row + cell.rowSpan <= bottom &&
                            cell.column + cell.columnSpan <= right;
        const bool outside = cell.row >= bottom || cell.column >= right || cell.row + cell.rowSpan <= top ||
                             cell.column + cell.columnSpan <= left;
        if (!inside && !outside) {
            setMessage(tr("Those tiles cannot be joined: tile %1 would be cut in two. Choose tiles that make a "
                          "rectangle.")
                           .arg(i + 1),
                       true);
            return false;
        }
        const QString id = m_tiles->channelAt(static_cast<int>(i));
        if (inside) {
            if (channel.isEmpty() && !id.isEmpty()) {
                channel = id;
            }
            if (kept.isEmpty() || !kept.contains(merged)) {
                kept.append(merged);
            }
        } else {
            if (!id.isEmpty()) {
                tiles.append(LayoutTile{static_cast<int>(kept.size()), id, stream});
            }
            kept.append(cell);
        }
    }
    if (!channel.isEmpty()) {
        tiles.append(LayoutTile{static_cast<int>(kept.indexOf(merged)), channel, stream});
    }
    setCustomCells(kept, tiles);
    return true;
}

bool LiveView::splitTile(int tile) {
    const QList<core::model::LayoutCell>& cells = m_tiles->cells();
    if (tile < 0 || tile >= cells.size() || (cells.at(tile).rowSpan == 1 && cells.at(tile).columnSpan == 1)) {
        return false;
    }
    QList<core::model::LayoutCell> split;
    QList<LayoutTile> tiles;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const core::model::LayoutCell& cell = cells.at(i);
        const QString id = m_tiles->channelAt(static_cast<int>(i));
        if (!id.isEmpty()) {
            tiles.append(LayoutTile{static_cast<int>(split.size()), id, QStringLiteral("auto")});
        }
        if (i != tile) {
            split.append(cell);
            continue;
        }
        for (int row = cell.row; row < cell.row + cell.rowSpan; ++row) {
            for (int column = cell.column; column < cell.column + cell.columnSpan; ++column) {
                split.append(core::model::LayoutCell{row, column, 1, 1});
            }
        }
    }
    setCustomCells(split, tiles);
    return true;
}

void LiveView::setCustomCells(const QList<core::model::LayoutCell>& cells, const QList<LayoutTile>& tiles) {
    m_grid = QString::fromLatin1(LayoutGrid::kCustom);
    m_tiles->reset(cells, tiles);
    qCInfo(lcApp).noquote() << "live: grid custom with" << cells.size() << "cells";
    emit gridChanged();
}

void LiveView::clearAll() {
    m_tiles->reset(m_tiles->cells(), {});
}

QString LiveView::streamFor(const QString& choice, qreal width, qreal height) const {
    if (choice == QLatin1String("main") || choice == QLatin1String("sub")) {
        return choice;
    }
    const bool small = width < kSubStreamMaxWidth || height < kSubStreamMaxHeight;
    return small ? QStringLiteral("sub") : QStringLiteral("main");
}

int LiveView::otherScreen(QObject* here) const {
    const QList<QScreen*> screens = QGuiApplication::screens();
    const auto* window = qobject_cast<QWindow*>(here);
    const qsizetype current = window ? screens.indexOf(window->screen()) : -1;
    if (screens.size() < 2 || current < 0) {
        return 0;
    }
    return int((current + 1) % screens.size());
}

QString LiveView::snapshotPath(const QString& channelName) {
    if (!QDir().mkpath(m_snapshotFolder)) {
        setMessage(tr("The snapshot folder %1 cannot be created. Choose another folder in the settings.")
                       .arg(m_snapshotFolder),
                   true);
        return {};
    }
    static const QRegularExpression kUnsafe(QStringLiteral("[^\\w.-]+"));
    QString base = channelName;
    base.replace(kUnsafe, QStringLiteral("_"));
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    return QDir(m_snapshotFolder).filePath(QStringLiteral("%1_%2.jpg").arg(base.isEmpty() ? QStringLiteral("camera") : base, stamp));
}

void LiveView::setMessage(const QString& text, bool error) {
    m_message = text;
    m_messageIsError = error;
    emit messageChanged();
}

LayoutInput LiveView::currentInput(const QString& name) const {
    return LayoutInput{name.trimmed(), m_grid, m_tiles->cells(), m_tiles->tiles(), m_tour};
}

void LiveView::applyLayout(const Layout& layout) {
    qCInfo(lcApp).noquote() << "live: layout opened" << layout.id << "grid" << layout.grid;
    m_layoutId = layout.id;
    m_layoutName = layout.name;
    m_tour = layout.tour;
    m_grid = layout.grid;
    m_tiles->reset(layout.cells, layout.tiles);
    emit gridChanged();
    emit layoutChanged();
}

void LiveView::refreshLayouts() {
    m_api->fetchLayouts([this](core::Result<QList<Layout>> layouts) {
        if (!layouts) {
            qCWarning(lcApp).noquote() << "layouts:" << layouts.error().message;
            setMessage(layouts.error().message, true);
            return;
        }
        m_layouts = layouts.value();
        qCInfo(lcApp).noquote() << "live:" << m_layouts.size() << "saved layouts";
        emit layoutsChanged();
    });
}

void LiveView::saveAs(const QString& name) {
    m_api->createLayout(currentInput(name), [this](core::Result<Layout> saved) {
        if (!saved) {
            setMessage(saved.error().message, true);
            return;
        }
        m_layoutId = saved->id;
        m_layoutName = saved->name;
        qCInfo(lcApp).noquote() << "live: layout saved" << saved->id;
        emit layoutChanged();
        setMessage(tr("Layout \u201c%1\u201d saved.").arg(saved->name), false);
        refreshLayouts();
    });
}

void LiveView::save() {
    if (m_layoutId.isEmpty()) {
        setMessage(tr("Give the layout a name to save it."), true);
        return;
    }
    m_api->replaceLayout(m_layoutId, currentInput(m_layoutName), [this](core::Result<Layout> saved) {
        if (!saved) {
            setMessage(saved.error().message, true);
            return;
        }
        setMessage(tr("Layout \u201c%1\u201d saved.").arg(saved->name), false);
        refreshLayouts();
    });
}

void LiveView::openLayout(const QString& id) {
    for (const Layout& layout : std::as_const(m_layouts)) {
        if (layout.id == id) {
            applyLayout(layout);
            return;
        }
    }
    setMessage(tr("That layout is gone; it may have been deleted on another workstation."), true);
    refreshLayouts();
}

void LiveView::deleteLayout(const QString& id) {
    m_api->deleteLayout(id, [this, id](core::Status status) {
        if (!status) {
            setMessage(status.error().message, true);
            return;
        }
        if (id == m_layoutId) {
            m_layoutId.clear();
            m_layoutName.clear();
            emit layoutChanged();
        }
        refreshLayouts();
    });
}

void LiveView::newLayout() {
    stopTour();
    m_layoutId.clear();
    m_layoutName.clear();
    m_tour.clear();
    m_grid = kDefaultGrid;
    m_tiles->reset(LayoutGrid::standardCells(m_grid), {});
    emit gridChanged();
    emit layoutChanged();
}

void LiveView::startTour() {
    m_running = m_tour;
    if (m_running.isEmpty()) {
        for (const LayoutTile& tile : m_tiles->tiles()) {
            m_running.append(TourStep{QStringLiteral("channel"), tile.channelId, m_tourSeconds});
        }
    }
    if (m_running.isEmpty()) {
        setMessage(tr("Put cameras into tiles first: the tour shows each of them in turn."), true);
        return;
    }
    m_tourIndex = -1;
    qCInfo(lcApp).noquote() << "live: tour of" << m_running.size() << "steps";
    nextTourStep();
    emit tourChanged();
}

void LiveView::stopTour() {
    if (!m_tourTimer.isActive()) {
        return;
    }
    m_tourTimer.stop();
    m_running.clear();
    emit tourShowsChannel(QString());
    emit tourChanged();
}

void LiveView::nextTourStep() {
    if (m_running.isEmpty()) {
        return;
    }
    m_tourIndex = (m_tourIndex + 1) % static_cast<int>(m_running.size());
    const TourStep step = m_running.at(m_tourIndex);
    if (step.kind == QLatin1String("layout")) {
        emit tourShowsChannel(QString());
        for (const Layout& layout : std::as_const(m_layouts)) {
            if (layout.id == step.id) {
                const QList<TourStep> running = m_running;  // opening a layout must not change the tour
                applyLayout(layout);
                m_running = running;
            }
        }
    } else {
        emit tourShowsChannel(step.id);
    }
    m_tourTimer.start(step.dwellSeconds * 1000);
}

void LiveView::ptzMove(const QString& channelId, double pan, double tilt, double zoom) {
    if (!m_devices || channelId.isEmpty()) {
        return;
    }
    m_devices->ptzMove(channelId, pan, tilt, zoom, [this](core::Status status) {
        if (!status) {
            setMessage(status.error().message, true);
        }
    });
}

void LiveView::ptzStop(const QString& channelId) {
    if (!m_devices || channelId.isEmpty()) {
        return;
    }
    m_devices->ptzStop(channelId, [this](core::Status status) {
        if (!status) {
            setMessage(status.error().message, true);
        }
    });
}

void LiveView::loadPtzPresets(const QString& channelId) {
    m_ptzPresetsChannel = channelId;
    m_ptzPresets.clear();
    emit ptzPresetsChanged();
    if (!m_devices || channelId.isEmpty()) {
        return;
    }
    m_devices->fetchPtzPresets(channelId, [this, channelId](core::Result<core::client::PtzPresets> presets) {
        if (channelId != m_ptzPresetsChannel || !presets) {
            return;  // another camera was selected meanwhile, or it has none to show
        }
        QVariantList list;
        for (const auto& preset : presets->presets) {
            list.append(QVariantMap{{QStringLiteral("token"), preset.token}, {QStringLiteral("name"), preset.name}});
        }
        m_ptzPresets = list;
        emit ptzPresetsChanged();
    });
}

void LiveView::ptzGotoPreset(const QString& channelId, const QString& token) {
    if (!m_devices) {
        return;
    }
    m_devices->ptzGotoPreset(channelId, token, [this](core::Status status) {
        if (!status) {
            setMessage(status.error().message, true);
        }
    });
}

void LiveView::ptzSavePreset(const QString& channelId, const QString& name) {
    if (!m_devices) {
        return;
    }
    m_devices->ptzSetPreset(channelId, name, [this, channelId](core::Status status) {
        if (!status) {
            setMessage(status.error().message, true);
            return;
        }
        loadPtzPresets(channelId);
    });
}

void LiveView::setChannelNames(const QHash<QString, QString>& names) {
    m_tiles->setChannelNames(names);
}

void LiveView::clear() {
    stopTour();
    m_popup->clear();
    m_layouts.clear();
    emit layoutsChanged();
    newLayout();
    setMessage({}, false);
}

}  // namespace vigil::app
