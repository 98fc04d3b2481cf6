// The Live view's models without a server (issue 5, VID-1): DeviceTreeModel builds groups -> devices
// -> channels with their status (online, offline, recording, alarm, disabled), filters by search with
// the parents kept, follows device changes and removals (a status change keeps the rows) and alarm
// pushes; LiveView's
// tiles follow grid changes, double-click fills the next free tile, and a small tile plays the sub
// stream.

#include <QSignalSpy>
#include <QTest>

#include "client/api_client.h"
#include "client/trust_store.h"
#include "device_tree_model.h"
#include "live_tile_model.h"
#include "live_view.h"
#include "model/event_model.h"

using namespace vigil;
using core::model::Channel;
using core::model::Device;
using core::model::DeviceGroup;

namespace {

Channel channel(const QString& id, const QString& name, const QString& state, bool ptz = false) {
    Channel c;
    c.id = id;
    c.name = name;
    c.ptz = ptz;
    c.status.state = state;
    c.status.reason = state == "online" ? QString() : QStringLiteral("The camera refused the password.");
    return c;
}

Device device(const QString& id, const QString& name, const QString& groupId, QList<Channel> channels) {
    Device d;
    d.id = id;
    d.name = name;
    d.groupId = groupId;
    d.channels = std::move(channels);
    return d;
}

QStringList names(const app::DeviceTreeModel& model) {
    QStringList list;
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex index = model.index(i);
        list << QString(model.data(index, app::DeviceTreeModel::DepthRole).toInt(), QLatin1Char(' ')) +
                    model.data(index, app::DeviceTreeModel::NameRole).toString();
    }
    return list;
}

QString statusOf(const app::DeviceTreeModel& model, const QString& name) {
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.data(model.index(i), app::DeviceTreeModel::NameRole).toString() == name) {
            return model.data(model.index(i), app::DeviceTreeModel::StatusRole).toString();
        }
    }
    return QStringLiteral("<absent>");
}

}  // namespace

class TstDeviceTreeModel : public QObject {
    Q_OBJECT

private:
    void fill(app::DeviceTreeModel& model) {
        model.setGroups({DeviceGroup{"org", "", "organisation", "Site", 0}, DeviceGroup{"g1", "org", "group", "Gate", 0}});
        model.setDevices({device("d1", "Gate camera", "g1", {channel("c1", "Main", "online", true)}),
                          device("d2", "Encoder", "org", {channel("c2", "Lobby", "online"), channel("c3", "Yard", "unauthorised")}),
                          device("d3", "Loose camera", "", {channel("c4", "Main", "online")})});
    }

private slots:
    void groupsDevicesAndChannelsInOrder() {
        app::DeviceTreeModel model;
        fill(model);
        // One-channel cameras are one row named after the device; an encoder shows its channels.
        QCOMPARE(names(model), (QStringList{"Site", " Gate", "  Gate camera", " Encoder", "  Encoder · Lobby",
                                            "  Encoder · Yard", "Loose camera"}));
        QCOMPARE(model.channelCount(), 4);
        QCOMPARE(statusOf(model, "Gate camera"), QStringLiteral("online"));
        QCOMPARE(statusOf(model, "Encoder · Yard"), QStringLiteral("offline"));
        QCOMPARE(statusOf(model, "Encoder"), QStringLiteral("offline"));  // its worst channel
        QCOMPARE(model.channel("c1").value("ptz").toBool(), true);
        QCOMPARE(model.channelNames().value("c3"), QStringLiteral("Encoder · Yard"));
    }

    void recordingAndAlarmShow() {
        app::DeviceTreeModel model;
        fill(model);
        model.setRecordingChannels({"c1", "c3"});
        QCOMPARE(statusOf(model, "Gate camera"), QStringLiteral("recording"));
        QCOMPARE(statusOf(model, "Encoder · Yard"), QStringLiteral("offline"));  // not recording what it cannot read
        model.setAlarmChannels({"c2"});
        QCOMPARE(statusOf(model, "Encoder · Lobby"), QStringLiteral("alarm"));
        QCOMPARE(statusOf(model, "Encoder"), QStringLiteral("alarm"));
    }

    void alarmPushesMarkTheChannelUntilHandled() {
        app::DeviceTreeModel model;
        fill(model);
        core::model::Event alarm;
        alarm.id = 41;
        alarm.timeMs = 1700000000000;
        alarm.sourceType = "channel";
        alarm.sourceId = "c2";
        alarm.channelId = "c2";
        alarm.kind = "motion";
        alarm.severity = "critical";
        alarm.alarmState = "new";
        model.applyEventPush({"events.event", alarm.toJson()});
        QCOMPARE(statusOf(model, "Encoder · Lobby"), QStringLiteral("alarm"));
        alarm.alarmState = "acknowledged";
        model.applyEventPush({"events.alarm", alarm.toJson()});
        QCOMPARE(statusOf(model, "Encoder · Lobby"), QStringLiteral("alarm"));  // still pending
        core::model::Event plain = alarm;  // an event that is no alarm changes nothing
        plain.id = 42;
        plain.alarmState.clear();
        model.applyEventPush({"events.event", plain.toJson()});
        alarm.alarmState = "handled";
        model.applyEventPush({"events.alarm", alarm.toJson()});
        QCOMPARE(statusOf(model, "Encoder · Lobby"), QStringLiteral("online"));
    }

    void searchKeepsParentsAndExpands() {
        app::DeviceTreeModel model;
        fill(model);
        model.toggle(0);  // fold the site
        QCOMPARE(names(model), (QStringList{"Site", "Loose camera"}));
        model.setFilter("lob");
        QCOMPARE(names(model), (QStringList{"Site", " Encoder", "  Encoder · Lobby"}));
        model.setFilter("GATE");  // a group's name finds what is in it, whatever the case
        QCOMPARE(names(model), (QStringList{"Site", " Gate", "  Gate camera"}));
        model.setFilter("nothing like it");
        QCOMPARE(model.rowCount(), 0);
        model.setFilter("");
        QCOMPARE(names(model), (QStringList{"Site", "Loose camera"}));  // folded again
    }

    void followsDeviceChangesLive() {
        app::DeviceTreeModel model;
        fill(model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        // A status push: same rows, new status.
        model.applyDevice(device("d1", "Gate camera", "g1", {channel("c1", "Main", "unreachable", true)}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(statusOf(model, "Gate camera"), QStringLiteral("offline"));
        // A new camera and a removed one change the shape.
        model.applyDevice(device("d4", "Back door", "g1", {channel("c5", "Main", "online")}));
        QCOMPARE(statusOf(model, "Back door"), QStringLiteral("online"));
        model.removeDevice("d2");
        QCOMPARE(names(model), (QStringList{"Site", " Gate", "  Back door", "  Gate camera", "Loose camera"}));
        QVERIFY(resets.count() >= 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void liveViewTilesAndStreams() {
        core::client::TrustStore trust(QDir::tempPath() + "/tst_device_tree_model_trust.json");
        core::client::ApiClient client(&trust);
        app::LiveView live(&client, nullptr, QDir::tempPath() + "/tst_device_tree_model_snapshots");
        auto* tiles = live.tileModel();
        QCOMPARE(live.grid(), QStringLiteral("4"));
        QCOMPARE(tiles->rowCount(), 4);
        QCOMPARE(live.assignNext("c1"), 0);
        QCOMPARE(live.assignNext("c2"), 1);
        live.clearTile(0);
        QCOMPARE(live.assignNext("c3"), 0);  // the first free tile
        live.assign(3, "c4");
        QCOMPARE(tiles->channelAt(3), QStringLiteral("c4"));
        QCOMPARE(live.assignNext("c5"), 2);
        QCOMPARE(live.assignNext("c6"), -1);  // full: says so
        QVERIFY(live.messageIsError());

        // A smaller grid keeps the channels in order as far as they fit; a larger one keeps them all.
        live.setGrid("1");
        QCOMPARE(tiles->rowCount(), 1);
        QCOMPARE(tiles->channelAt(0), QStringLiteral("c3"));
        live.setGrid("9");
        QCOMPARE(live.rows(), 3);
        QCOMPARE(tiles->channelAt(0), QStringLiteral("c3"));
        QCOMPARE(tiles->channelAt(1), QString());
        live.setGrid("6");
        QCOMPARE(tiles->rowCount(), 6);
        QCOMPARE(tiles->data(tiles->index(0), app::LiveTileModel::RowSpanRole).toInt(), 2);

        QCOMPARE(live.streamFor("auto", 1600, 900), QStringLiteral("main"));
        QCOMPARE(live.streamFor("auto", 640, 360), QStringLiteral("sub"));
        QCOMPARE(live.streamFor("main", 320, 180), QStringLiteral("main"));  // the layout's choice wins
        QCOMPARE(live.streamFor("sub", 1920, 1080), QStringLiteral("sub"));

        const QString path = live.snapshotPath("Gate / camera");
        QVERIFY2(path.endsWith(".jpg") && path.contains("Gate_camera_"), qPrintable(path));
    }

    void joinAndSplitTilesMakeACustomGrid() {
        core::client::TrustStore trust(QDir::tempPath() + "/tst_device_tree_model_trust.json");
        core::client::ApiClient client(&trust);
        app::LiveView live(&client, nullptr, QDir::tempPath() + "/tst_device_tree_model_snapshots");
        live.setGrid("9");
        live.assign(4, "c-centre");
        live.assign(8, "c-corner");
        // Tiles 4 and 8 (the centre and the bottom-right corner of 3x3) become one 2x2 cell.
        QVERIFY(live.mergeTiles(8, 4));
        QCOMPARE(live.grid(), QStringLiteral("custom"));
        auto* tiles = live.tileModel();
        QCOMPARE(tiles->rowCount(), 6);
        QVERIFY(tiles->cells().contains(core::model::LayoutCell{1, 1, 2, 2}));
        QVERIFY(core::model::LayoutGrid::problem(tiles->cells()).isEmpty());
        const int big = static_cast<int>(tiles->cells().indexOf(core::model::LayoutCell{1, 1, 2, 2}));
        QCOMPARE(tiles->channelAt(big), QStringLiteral("c-centre"));  // the first channel inside stays
        QCOMPARE(live.rows(), 3);
        // A join that would cut the big cell in two is refused and changes nothing.
        using core::model::LayoutCell;
        const auto at = [tiles](LayoutCell cell) { return static_cast<int>(tiles->cells().indexOf(cell)); };
        const QList<LayoutCell> before = tiles->cells();
        QVERIFY(!live.mergeTiles(at({1, 0, 1, 1}), at({0, 1, 1, 1})));
        QVERIFY(live.messageIsError());
        QCOMPARE(tiles->cells(), before);
        // Split: back to single cells, the channel in the first of them.
        QVERIFY(live.splitTile(at({1, 1, 2, 2})));
        QCOMPARE(tiles->rowCount(), 9);
        QVERIFY(core::model::LayoutGrid::problem(tiles->cells()).isEmpty());
        QCOMPARE(tiles->channelAt(at({1, 1, 1, 1})), QStringLiteral("c-centre"));
        QCOMPARE(tiles->channelAt(at({1, 2, 1, 1})), QString());
        QVERIFY(!live.splitTile(at({0, 0, 1, 1})));  // a single cell stays as it is
    }

    void aTourShowsEachTileInTurn() {
        core::client::TrustStore trust(QDir::tempPath() + "/tst_device_tree_model_trust.json");
        core::client::ApiClient client(&trust);
        app::LiveView live(&client, nullptr, QDir::tempPath() + "/tst_device_tree_model_snapshots");
        QSignalSpy shown(&live, &app::LiveView::tourShowsChannel);
        live.startTour();  // nothing to show: says so, does not run
        QVERIFY(!live.touring());
        QVERIFY(live.messageIsError());

        live.assign(0, "c1");
        live.assign(2, "c2");
        live.setTourSeconds(1);
        QCOMPARE(live.tourSeconds(), 2);  // the shortest dwell
        live.startTour();
        QVERIFY(live.touring());
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.last().first().toString(), QStringLiteral("c1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 10000);
        QCOMPARE(shown.last().first().toString(), QStringLiteral("c2"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 3, 10000);
        QCOMPARE(shown.last().first().toString(), QStringLiteral("c1"));  // round again
        live.stopTour();
        QVERIFY(!live.touring());
        QCOMPARE(shown.last().first().toString(), QString());  // back to the grid
    }
};

QTEST_GUILESS_MAIN(TstDeviceTreeModel)
#include "tst_device_tree_model.moc"
