#include "model/layout_model.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <array>
#include <optional>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

using Mode = FieldReader::Mode;

const QString kContext = QStringLiteral("layout");
constexpr int kMaxChannelIdLength = 128;

const QStringList& streamChoices() {
    static const QStringList kChoices = {QStringLiteral("auto"), QStringLiteral("main"), QStringLiteral("sub")};
    return kChoices;
}

const QStringList& tourKinds() {
    static const QStringList kKinds = {QStringLiteral("layout"), QStringLiteral("channel")};
    return kKinds;
}

// An optional integer field: `fallback` when absent.
int optionalInteger(FieldReader& read, const QString& name, int fallback) {
    return read.has(name) ? read.smallInteger(name) : fallback;
}

LayoutCell readCell(FieldReader& read) {
    LayoutCell cell;
    cell.row = read.smallInteger(QStringLiteral("row"));
    cell.column = read.smallInteger(QStringLiteral("column"));
    cell.rowSpan = optionalInteger(read, QStringLiteral("rowSpan"), 1);
    cell.columnSpan = optionalInteger(read, QStringLiteral("columnSpan"), 1);
    return cell;
}

LayoutTile readTile(FieldReader& read) {
    LayoutTile tile;
    tile.cell = read.smallInteger(QStringLiteral("cell"));
    tile.channelId = read.string(QStringLiteral("channelId"));
    if (read.has(QStringLiteral("stream"))) {
        tile.stream = read.string(QStringLiteral("stream"));
    }
    return tile;
}

TourStep readStep(FieldReader& read) {
    TourStep step;
    step.kind = read.string(QStringLiteral("kind"));
    step.id = read.string(QStringLiteral("id"));
    step.dwellSeconds = optionalInteger(read, QStringLiteral("dwellSeconds"), step.dwellSeconds);
    return step;
}

// Reads the array `name` of objects, each with its own reader in the parent's mode so an error
// names the entry ("layout tile 2's field \"cell\"").
template <typename T>
QList<T> readObjects(FieldReader& read, const QString& name, const QString& itemContext, T (*readFields)(FieldReader&)) {
    const QJsonArray values = read.array(name);
    QList<T> items;
    for (qsizetype i = 0; read.ok() && i < values.size(); ++i) {
        if (!values.at(i).isObject()) {
            read.fail(QStringLiteral("%1[%2]").arg(name, QString::number(i)), QStringLiteral("an object"),
                      values.at(i));
            break;
        }
        FieldReader item(values.at(i).toObject(),
                         QStringLiteral("%1 %2").arg(itemContext, QString::number(i)), read.mode());
        T value = readFields(item);
        item.finish();
        if (!item.ok()) {
            read.failWith(item.error());
            break;
        }
        items.append(value);
    }
    return items;
}

Error badField(const QString& name, const QString& problem) {
    return FieldReader::badRequest(kContext, name, problem);
}

// The rules a request must meet beyond field types; the first broken one, or nullopt.
std::optional<Error> layoutProblem(const LayoutInput& input) {
    if (input.name.isEmpty() || input.name.size() > LayoutInput::kMaxNameLength) {
        return badField(QStringLiteral("name"),
                        QStringLiteral("must have 1 to %1 characters (it has %2)")
                            .arg(LayoutInput::kMaxNameLength)
                            .arg(input.name.size()));
    }
    if (const QString problem = LayoutGrid::problem(input.cells); !problem.isEmpty()) {
        return badField(QStringLiteral("cells"), problem);
    }
    QSet<int> filled;
    for (qsizetype i = 0; i < input.tiles.size(); ++i) {
        const LayoutTile& tile = input.tiles.at(i);
        const QString field = QStringLiteral("tiles[%1]").arg(i);
        if (tile.cell < 0 || tile.cell >= input.cells.size()) {
            return badField(field, QStringLiteral("names cell %1, but the grid has cells 0 to %2")
                                       .arg(tile.cell)
                                       .arg(input.cells.size() - 1));
        }
        if (filled.contains(tile.cell)) {
            return badField(field, QStringLiteral("puts a second channel into cell %1; a cell holds one").arg(tile.cell));
        }
        filled.insert(tile.cell);
        if (tile.channelId.isEmpty() || tile.channelId.size() > kMaxChannelIdLength) {
            return badField(field, QStringLiteral("needs a channelId of 1 to %1 characters").arg(kMaxChannelIdLength));
        }
        if (!streamChoices().contains(tile.stream)) {
            return badField(field, QStringLiteral("has stream \"%1\"; it must be auto, main or sub").arg(tile.stream));
        }
    }
    if (input.tour.size() > LayoutInput::kMaxTourSteps) {
        return badField(QStringLiteral("tour"),
                        QStringLiteral("has %1 steps; a tour has at most %2").arg(input.tour.size()).arg(LayoutInput::kMaxTourSteps));
    }
    for (qsizetype i = 0; i < input.tour.size(); ++i) {
        const TourStep& step = input.tour.at(i);
        const QString field = QStringLiteral("tour[%1]").arg(i);
        if (!tourKinds().contains(step.kind)) {
            return badField(field, QStringLiteral("has kind \"%1\"; it must be layout or channel").arg(step.kind));
        }
        if (step.id.isEmpty() || step.id.size() > kMaxChannelIdLength) {
            return badField(field, QStringLiteral("needs an id of 1 to %1 characters").arg(kMaxChannelIdLength));
        }
        if (step.dwellSeconds < TourStep::kMinDwellSeconds || step.dwellSeconds > TourStep::kMaxDwellSeconds) {
            return badField(field, QStringLiteral("has dwellSeconds %1; it must be %2 to %3")
                                       .arg(step.dwellSeconds)
                                       .arg(TourStep::kMinDwellSeconds)
                                       .arg(TourStep::kMaxDwellSeconds));
        }
    }
    return std::nullopt;
}

int clampedExtent(qint64 extent) {
    return static_cast<int>(std::clamp<qint64>(extent, 0, LayoutGrid::kMaxSide * 1024LL));
}

}  // namespace

// --- LayoutCell, LayoutTile, TourStep --------------------------------------------------------------

QJsonObject LayoutCell::toJson() const {
    return QJsonObject{{QStringLiteral("row"), row},
                       {QStringLiteral("column"), column},
                       {QStringLiteral("rowSpan"), rowSpan},
                       {QStringLiteral("columnSpan"), columnSpan}};
}

QJsonObject LayoutTile::toJson() const {
    return QJsonObject{{QStringLiteral("cell"), cell}, {QStringLiteral("channelId"), channelId}, {QStringLiteral("stream"), stream}};
}

QJsonObject TourStep::toJson() const {
    return QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("id"), id}, {QStringLiteral("dwellSeconds"), dwellSeconds}};
}

// --- LayoutGrid ----------------------------------------------------------------------------------

const QStringList& LayoutGrid::standardKinds() {
    static const QStringList kKinds = {QStringLiteral("1"),  QStringLiteral("4"),  QStringLiteral("6"),
                                       QStringLiteral("8"),  QStringLiteral("9"),  QStringLiteral("16"),
                                       QStringLiteral("25"), QStringLiteral("36")};
    return kKinds;
}

bool LayoutGrid::isStandard(const QString& kind) {
    return standardKinds().contains(kind);
}

QList<LayoutCell> LayoutGrid::standardCells(const QString& kind) {
    if (!isStandard(kind)) {
        return {};
    }
    const int count = kind.toInt();
    QList<LayoutCell> cells;
    if (count == 6 || count == 8) {
        // One big cell in the top-left corner, then the small ones down the right and along the bottom.
        const int side = count == 6 ? 3 : 4;
        const int big = side - 1;
        cells.append(LayoutCell{0, 0, big, big});
        for (int row = 0; row < big; ++row) {
            cells.append(LayoutCell{row, big, 1, 1});
        }
        for (int column = 0; column < side; ++column) {
            cells.append(LayoutCell{big, column, 1, 1});
        }
        return cells;
    }
    int side = 1;
    while (side * side < count) {
        ++side;
    }
    for (int row = 0; row < side; ++row) {
        for (int column = 0; column < side; ++column) {
            cells.append(LayoutCell{row, column, 1, 1});
        }
    }
    return cells;
}

int LayoutGrid::rowCount(const QList<LayoutCell>& cells) {
    qint64 rows = 0;
    for (const LayoutCell& cell : cells) {
        rows = std::max(rows, static_cast<qint64>(cell.row) + cell.rowSpan);
    }
    return clampedExtent(rows);
}

int LayoutGrid::columnCount(const QList<LayoutCell>& cells) {
    qint64 columns = 0;
    for (const LayoutCell& cell : cells) {
        columns = std::max(columns, static_cast<qint64>(cell.column) + cell.columnSpan);
    }
    return clampedExtent(columns);
}

QString LayoutGrid::problem(const QList<LayoutCell>& cells) {
    if (cells.isEmpty() || cells.size() > kMaxCells) {
        return QStringLiteral("must hold 1 to %1 cells (it has %2)").arg(kMaxCells).arg(cells.size());
    }
    std::array<int, kMaxSide * kMaxSide> owner{};  // 0: free, else the cell's index + 1
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const LayoutCell& cell = cells.at(i);
        const bool inside = cell.row >= 0 && cell.row < kMaxSide && cell.column >= 0 && cell.column < kMaxSide &&
                            cell.rowSpan >= 1 && cell.rowSpan <= kMaxSide - cell.row && cell.columnSpan >= 1 &&
                            cell.columnSpan <= kMaxSide - cell.column;
        if (!inside) {
            return QStringLiteral("has cell %1 outside the %2 x %2 grid a custom layout may use (rows and columns "
                                  "from 0, spans from 1)")
                .arg(i)
                .arg(kMaxSide);
        }
        for (int row = cell.row; row < cell.row + cell.rowSpan; ++row) {
            for (int column = cell.column; column < cell.column + cell.columnSpan; ++column) {
                int& slot = owner.at(static_cast<size_t>(row * kMaxSide + column));
                if (slot != 0) {
                    return QStringLiteral("has cells %1 and %2 overlapping at row %3, column %4")
                        .arg(slot - 1)
                        .arg(i)
                        .arg(row)
                        .arg(column);
                }
                slot = static_cast<int>(i) + 1;
            }
        }
    }
    return {};
}

// --- LayoutInput ---------------------------------------------------------------------------------

QJsonObject LayoutInput::toJson() const {
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("grid"), grid},
                     {QStringLiteral("tiles"), toJsonArray(tiles)},
                     {QStringLiteral("tour"), toJsonArray(tour)}};
    if (!LayoutGrid::isStandard(grid)) {
        json.insert(QStringLiteral("cells"), toJsonArray(cells));
    }
    return json;
}

Result<LayoutInput> LayoutInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, kContext, Mode::Request);
    LayoutInput input;
    input.name = read.string(QStringLiteral("name")).trimmed();
    input.grid = read.string(QStringLiteral("grid"));
    const bool standard = LayoutGrid::isStandard(input.grid);
    if (read.ok() && !standard && input.grid != QLatin1String(LayoutGrid::kCustom)) {
        read.failWith(badField(QStringLiteral("grid"), QStringLiteral("is \"%1\"; it must be one of %2 or custom")
                                                           .arg(input.grid, LayoutGrid::standardKinds().join(QStringLiteral(", ")))));
    }
    if (read.has(QStringLiteral("cells"))) {
        if (standard && read.ok()) {
            read.failWith(badField(QStringLiteral("cells"),
                                   QStringLiteral("is only for grid \"custom\"; a %1 grid's cells follow from its name. "
                                                  "Leave cells out or send grid \"custom\"")
                                       .arg(input.grid)));
        }
        input.cells = readObjects(read, QStringLiteral("cells"), QStringLiteral("layout cell"), &readCell);
    } else if (standard) {
        input.cells = LayoutGrid::standardCells(input.grid);
    } else if (read.ok()) {
        read.fail(QStringLiteral("cells"), QStringLiteral("an array of cells for a custom grid"), QJsonValue::Undefined);
    }
    if (read.has(QStringLiteral("tiles"))) {
        input.tiles = readObjects(read, QStringLiteral("tiles"), QStringLiteral("layout tile"), &readTile);
    }
    if (read.has(QStringLiteral("tour"))) {
        input.tour = readObjects(read, QStringLiteral("tour"), QStringLiteral("tour step"), &readStep);
    }
    if (!read.finish()) {
        return read.error();
    }
    if (auto problem = layoutProblem(input)) {
        return *problem;
    }
    return input;
}

// --- Layout --------------------------------------------------------------------------------------

LayoutInput Layout::input() const {
    return LayoutInput{name, grid, cells, tiles, tour};
}

QJsonObject Layout::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("grid"), grid},
                       {QStringLiteral("rows"), rows()},
                       {QStringLiteral("columns"), columns()},
                       {QStringLiteral("cells"), toJsonArray(cells)},
                       {QStringLiteral("tiles"), toJsonArray(tiles)},
                       {QStringLiteral("tour"), toJsonArray(tour)},
                       {QStringLiteral("createdMs"), createdMs},
                       {QStringLiteral("updatedMs"), updatedMs}};
}

Result<Layout> Layout::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("layout"));
    Layout layout;
    layout.id = read.string(QStringLiteral("id"));
    layout.name = read.string(QStringLiteral("name"));
    layout.grid = read.string(QStringLiteral("grid"));
    layout.cells = readObjects(read, QStringLiteral("cells"), QStringLiteral("layout cell"), &readCell);
    layout.tiles = readObjects(read, QStringLiteral("tiles"), QStringLiteral("layout tile"), &readTile);
    layout.tour = readObjects(read, QStringLiteral("tour"), QStringLiteral("tour step"), &readStep);
    layout.createdMs = read.integer(QStringLiteral("createdMs"));
    layout.updatedMs = read.integer(QStringLiteral("updatedMs"));
    return finished(read, layout);
}

}  // namespace vigil::core::model
