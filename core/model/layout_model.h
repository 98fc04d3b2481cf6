#pragma once
// API value types for Live view layouts (issue 5, VID-1): a named arrangement of tiles that a user
// saves on the server and opens again on any workstation. server/api/layouts.yaml describes the same
// shapes. Times are UTC milliseconds.
//
// A layout has a grid: one of the standard ones ("1", "4", "6", "8", "9", "16", "25", "36"), whose
// cells follow from the name (standardCells), or "custom" with its own cells, each a rectangle of
// the grid with row and column spans. Tiles put a channel (and which stream: auto picks by the tile's
// size) into a cell. A tour, when it has steps, cycles the Live view through layouts or single
// channels, each shown for its dwell time.
//
// As elsewhere in the model: fromJson reads what a server sent (tolerant), fromRequest what a client
// sent (strict: unknown fields, wrong types and impossible grids are refused, naming the field).

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::model {

struct LayoutCell {
    int row = 0;
    int column = 0;
    int rowSpan = 1;
    int columnSpan = 1;

    QJsonObject toJson() const;
    bool operator==(const LayoutCell& other) const = default;
};

struct LayoutTile {
    int cell = 0;  // index into the layout's cells
    QString channelId;
    QString stream = QStringLiteral("auto");  // auto | main | sub

    QJsonObject toJson() const;
    bool operator==(const LayoutTile& other) const = default;
};

struct TourStep {
    QString kind;  // "layout" | "channel"
    QString id;    // the layout's or the channel's id
    int dwellSeconds = 10;

    static constexpr int kMinDwellSeconds = 2;
    static constexpr int kMaxDwellSeconds = 3600;

    QJsonObject toJson() const;
    bool operator==(const TourStep& other) const = default;
};

// The grid part of a layout, shared by the server's checks and the workstation's tile grid.
struct LayoutGrid {
    static constexpr auto kCustom = "custom";
    static constexpr int kMaxSide = 8;    // custom grids: at most 8 x 8
    static constexpr int kMaxCells = 64;  // custom grids: at most 64 cells

    // "1", "4", "6", "8", "9", "16", "25", "36".
    static const QStringList& standardKinds();
    static bool isStandard(const QString& kind);
    // The cells of a standard grid, row by row; 6 and 8 have one big cell first (2x2 of 3x3, 3x3 of
    // 4x4) and small ones around it. Empty for an unknown kind.
    static QList<LayoutCell> standardCells(const QString& kind);
    // Rows and columns the cells span (the bounding box from 0,0).
    static int rowCount(const QList<LayoutCell>& cells);
    static int columnCount(const QList<LayoutCell>& cells);
    // Empty when the cells are a valid custom grid, else what is wrong (for people).
    static QString problem(const QList<LayoutCell>& cells);
};

// POST /api/v1/layouts and PUT /api/v1/layouts/{id}: the whole layout (a PUT replaces it).
struct LayoutInput {
    QString name;
    QString grid;
    QList<LayoutCell> cells;  // custom only; for a standard grid filled in from standardCells
    QList<LayoutTile> tiles;
    QList<TourStep> tour;

    static constexpr int kMaxNameLength = 64;
    static constexpr int kMaxTourSteps = 100;

    // Standard grids leave their cells out: they follow from the grid's name.
    QJsonObject toJson() const;
    static Result<LayoutInput> fromRequest(const QJsonObject& json);
};

struct Layout {
    QString id;
    QString name;
    QString grid;
    QList<LayoutCell> cells;  // always present, for standard grids too, so clients just lay them out
    QList<LayoutTile> tiles;
    QList<TourStep> tour;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    int rows() const { return LayoutGrid::rowCount(cells); }
    int columns() const { return LayoutGrid::columnCount(cells); }
    LayoutInput input() const;

    QJsonObject toJson() const;
    static Result<Layout> fromJson(const QJsonObject& json);
};

}  // namespace vigil::core::model
