// The Devices page's motion panel model without a server (issue 6, "Event sources"; server-side
// motion detection settings): painting and erasing cells of the 16 x 12 region grid, the grid as the
// API's row strings (MotionSettings::toInput, what the PUT sends) and back, bad grids and cells
// refused with the grid unchanged, dirty and revert, the sensitivity's range, the server's answer
// read (and a bad one refused), and motion pushes of the open channel lighting the indicator.
// The round trip through a real engine is tests/ui/tst_ui_motion.sh.

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "client/api_client.h"
#include "client/motion_api.h"
#include "client/trust_store.h"
#include "model/event_model.h"
#include "model/motion_model.h"
#include "motion_settings_model.h"

using namespace vigil;
using app::MotionSettingsModel;
using core::model::MotionRegions;
using core::model::MotionSettings;

namespace {

const QString kEmptyRow(MotionRegions::kColumns, QLatin1Char('0'));
const QString kFullRow(MotionRegions::kColumns, QLatin1Char('1'));

bool included(const MotionSettingsModel& model, int column, int row) {
    return model.data(model.index(row * MotionRegions::kColumns + column), MotionSettingsModel::IncludedRole).toBool();
}

core::model::PushMessage motionPush(const QString& channelId, const char* kind, qint64 timeMs) {
    core::model::Event event;
    event.id = timeMs;
    event.timeMs = timeMs;
    event.sourceType = QStringLiteral("channel");
    event.sourceId = channelId;
    event.channelId = channelId;
    event.kind = QString::fromLatin1(kind);
    event.severity = QStringLiteral("info");
    return {QStringLiteral("events.event"), event.toJson()};
}

}  // namespace

class TstMotionSettingsModel : public QObject {
    Q_OBJECT

private:
    core::client::TrustStore m_trust{QDir::tempPath() + "/tst_motion_settings_model_trust.json"};
    core::client::ApiClient m_client{&m_trust};

private slots:
    void theGridIsOneRowACellTopLeftFirst() {
        MotionSettingsModel model(&m_client);
        QCOMPARE(model.rowCount(), 192);
        QCOMPARE(model.columns(), 16);
        QCOMPARE(model.rows(), 12);
        const QModelIndex last = model.index(191);
        QCOMPARE(model.data(last, MotionSettingsModel::ColumnRole).toInt(), 15);
        QCOMPARE(model.data(last, MotionSettingsModel::RowRole).toInt(), 11);
        QCOMPARE(model.roleNames().value(MotionSettingsModel::IncludedRole), QByteArray("included"));
        // The server's default: motion counts everywhere.
        QCOMPARE(model.includedCount(), 192);
        QCOMPARE(model.regionRows(), QStringList(12, kFullRow));
    }

    void paintAndEraseCellsAsRowStrings() {
        MotionSettingsModel model(&m_client);
        model.setAll(false);
        QCOMPARE(model.includedCount(), 0);
        QCOMPARE(model.regionRows(), QStringList(12, kEmptyRow));

        QSignalSpy cellChanged(&model, &MotionSettingsModel::dataChanged);
        QVERIFY(model.setCell(0, 0, true));
        QVERIFY(model.setCell(15, 11, true));
        QVERIFY(model.setCell(3, 5, true));
        QCOMPARE(cellChanged.count(), 3);
        // One cell repaints, not the grid.
        QCOMPARE(cellChanged.at(2).at(0).toModelIndex().row(), 5 * 16 + 3);
        QCOMPARE(cellChanged.at(2).at(1).toModelIndex().row(), 5 * 16 + 3);
        QVERIFY(model.setCell(3, 5, true));  // painting a painted cell changes nothing
        QCOMPARE(cellChanged.count(), 3);
        QVERIFY(included(model, 3, 5));
        QVERIFY(model.isIncluded(15, 11));

        QStringList expected(12, kEmptyRow);
        expected[0] = QStringLiteral("1000000000000000");
        expected[5] = QStringLiteral("0001000000000000");
        expected[11] = QStringLiteral("0000000000000001");
        QCOMPARE(model.regionRows(), expected);
        QCOMPARE(model.includedCount(), 3);

        QVERIFY(model.setCell(0, 0, false));  // erase
        expected[0] = kEmptyRow;
        QCOMPARE(model.regionRows(), expected);
        QVERIFY(!included(model, 0, 0));

        model.setAll(true);
        QCOMPARE(model.regionRows(), QStringList(12, kFullRow));
    }

    void theSavedBodyCarriesTheRowsAndReadsBack() {
        MotionSettingsModel model(&m_client);
        QStringList rows(12, kEmptyRow);
        rows[2] = QStringLiteral("0011110000000000");
        rows[3] = QStringLiteral("0011110000000000");
        QVERIFY(model.setRegionRows(rows));
        QCOMPARE(model.regionRows(), rows);
        QVERIFY(included(model, 2, 2));
        QVERIFY(!included(model, 6, 3));

        // What save() sends: MotionSettings::toInput of the edited settings.
        MotionSettings settings;
        settings.enabled = true;
        settings.sensitivity = 72;
        settings.regions = MotionRegions::fromRows(rows).value();
        const QJsonObject body = settings.toInput();
        QCOMPARE(body.keys(), (QStringList{"enabled", "regions", "sensitivity"}));
        QCOMPARE(body.value("regions").toArray().size(), 12);
        QCOMPARE(body.value("regions").toArray().at(2).toString(), rows[2]);
        // The server takes exactly that body.
        auto taken = MotionSettings::fromRequest(body, MotionSettings{});
        QVERIFY2(taken, taken ? "" : qPrintable(taken.error().message));
        QCOMPARE(taken->regions, settings.regions);
        QCOMPARE(taken->sensitivity, 72);

        // And its answer reads back, with the status beside the settings.
        QJsonObject answer = taken->toJson();
        answer.insert("channelId", "c1");
        core::model::MotionStatus status;
        status.state = "watching";
        status.stream = "main";
        answer.insert("status", status.toJson());
        auto read = core::client::ChannelMotion::fromJson(answer);
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read->settings.regions.toRows(), rows);
        QCOMPARE(read->status.stream, QStringLiteral("main"));
    }

    void badGridsAndCellsAreRefusedAndChangeNothing() {
        MotionSettingsModel model(&m_client);
        const QStringList before = model.regionRows();

        QVERIFY(!model.setCell(16, 0, false));
        QVERIFY2(model.errorMessage().contains("16 columns"), qPrintable(model.errorMessage()));
        QVERIFY(!model.setCell(0, -1, false));
        QVERIFY(!model.isIncluded(16, 0));

        model.clearError();
        QVERIFY(!model.setRegionRows(QStringList(11, kEmptyRow)));
        QVERIFY2(model.errorMessage().contains("11 rows"), qPrintable(model.errorMessage()));

        QStringList badCharacter(12, kEmptyRow);
        badCharacter[4] = QStringLiteral("00000000x0000000");
        QVERIFY(!model.setRegionRows(badCharacter));
        QVERIFY2(model.errorMessage().contains("row 5 holds 'x'"), qPrintable(model.errorMessage()));

        QStringList longRow(12, kEmptyRow);
        longRow[0] += QLatin1Char('0');
        QVERIFY(!model.setRegionRows(longRow));
        QVERIFY2(model.errorMessage().contains("17 characters"), qPrintable(model.errorMessage()));

        QCOMPARE(model.regionRows(), before);
        QVERIFY(!model.dirty());

        // The server's side of the same checks, and a server answer with a bad grid.
        QVERIFY(!MotionSettings::fromRequest({{"sensitivity", 0}}, {}));
        QVERIFY(!MotionSettings::fromRequest({{"sensitivity", 101}}, {}));
        QVERIFY(!MotionSettings::fromRequest({{"regions", QJsonArray{"1"}}}, {}));
        QVERIFY(!MotionSettings::fromRequest({{"zones", true}}, {}));
        QJsonObject answer = MotionSettings{}.toJson();
        answer.insert("regions", QJsonArray{"111"});
        auto bad = MotionSettings::fromJson(answer);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("bad_response"));
    }

    void editsAreDirtyUntilReverted() {
        MotionSettingsModel model(&m_client);
        QVERIFY(!model.dirty());
        QSignalSpy edits(&model, &MotionSettingsModel::editChanged);
        model.setSensitivity(500);
        QCOMPARE(model.sensitivity(), 100);  // clamped to the range
        model.setSensitivity(-3);
        QCOMPARE(model.sensitivity(), 1);
        model.setEnabled(true);
        model.setAll(false);
        QVERIFY(model.dirty());
        QVERIFY(edits.count() >= 4);
        model.revert();
        QVERIFY(!model.dirty());
        QCOMPARE(model.includedCount(), 192);
        QCOMPARE(model.sensitivity(), 50);
        QVERIFY(!model.enabled());
    }

    void motionPushesOfTheOpenChannelLightTheIndicator() {
        MotionSettingsModel model(&m_client);
        model.applyPush(motionPush("c1", core::model::EventKinds::kMotion, 1700000000000));
        QVERIFY(!model.motionNow());  // no channel open
        model.open("c1", "Gate");
        // No site is set: the read fails, and says so.
        QTRY_VERIFY(!model.errorMessage().isEmpty());
        QVERIFY(!model.loaded());

        QSignalSpy status(&model, &MotionSettingsModel::statusChanged);
        model.applyPush(motionPush("c2", core::model::EventKinds::kMotion, 1700000000000));
        QVERIFY(!model.motionNow());  // another channel's
        model.applyPush(motionPush("c1", core::model::EventKinds::kMotion, 1700000001000));
        QVERIFY(model.motionNow());
        QCOMPARE(model.statusKind(), QStringLiteral("alarm"));
        QVERIFY(model.lastMotionText() != MotionSettingsModel::tr("No motion seen yet."));
        model.applyPush(motionPush("c1", core::model::EventKinds::kMotionEnded, 1700000004000));
        QVERIFY(!model.motionNow());
        QCOMPARE(status.count(), 2);

        model.close();
        QVERIFY(model.channelId().isEmpty());
        model.applyPush(motionPush("c1", core::model::EventKinds::kMotion, 1700000005000));
        QVERIFY(!model.motionNow());
    }
};

QTEST_MAIN(TstMotionSettingsModel)
#include "tst_motion_settings_model.moc"
