#pragma once
// LiveView: the Live page's view model (VID-1), context property `workstation.live`. It holds the
// current layout (grid and tiles, LiveTileModel), the user's saved layouts on the server (LayoutsApi)
// and the rules QML must not decide: which stream a tile plays for its size, where a snapshot goes,
// which tile a double-clicked camera fills, the tour's steps and timing, and PTZ through DevicesApi.

#include <QObject>
#include <QTimer>
#include <QVariantList>

#include "model/layout_model.h"

namespace vigil::core::client {
class ApiClient;
class DevicesApi;
class LayoutsApi;
}  // namespace vigil::core::client

namespace vigil::app {

class EventPopup;
class LiveTileModel;

class LiveView : public QObject {
    Q_OBJECT
    Q_PROPERTY(QObject* tiles READ tiles CONSTANT)
    Q_PROPERTY(QString grid READ grid NOTIFY gridChanged)
    Q_PROPERTY(int rows READ rows NOTIFY gridChanged)
    Q_PROPERTY(int columns READ columns NOTIFY gridChanged)
    Q_PROPERTY(QStringList gridKinds READ gridKinds CONSTANT)
    Q_PROPERTY(QVariantList layouts READ layouts NOTIFY layoutsChanged)
    Q_PROPERTY(QString layoutId READ layoutId NOTIFY layoutChanged)
    Q_PROPERTY(QString layoutName READ layoutName NOTIFY layoutChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(QString snapshotFolder READ snapshotFolder NOTIFY snapshotFolderChanged)
    Q_PROPERTY(bool touring READ touring NOTIFY tourChanged)
    Q_PROPERTY(int tourSeconds READ tourSeconds WRITE setTourSeconds NOTIFY tourChanged)
    Q_PROPERTY(QVariantList ptzPresets READ ptzPresets NOTIFY ptzPresetsChanged)
    Q_PROPERTY(QObject* popup READ popup CONSTANT)  // a rule's pop-up of a camera (event_popup.h)

public:
    // A tile smaller than this (in device pixels) plays the sub stream when its layout says "auto":
    // a sub stream (typically 640x360) fills it without visible loss, at a fraction of the decoding.
    static constexpr int kSubStreamMaxWidth = 960;
    static constexpr int kSubStreamMaxHeight = 540;

    // `devices` (for PTZ) may be null: the PTZ calls then say that they cannot be made.
    LiveView(core::client::ApiClient* client, core::client::DevicesApi* devices, QString snapshotFolder,
             QObject* parent = nullptr);

    QObject* tiles() const;
    LiveTileModel* tileModel() const { return m_tiles; }
    EventPopup* eventPopup() const { return m_popup; }
    QObject* popup() const;
    QString grid() const { return m_grid; }
    int rows() const;
    int columns() const;
    QStringList gridKinds() const;
    QVariantList layouts() const;
    QString layoutId() const { return m_layoutId; }
    QString layoutName() const { return m_layoutName; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    QString snapshotFolder() const { return m_snapshotFolder; }
    void setSnapshotFolder(const QString& folder);
    bool touring() const { return m_tourTimer.isActive(); }
    int tourSeconds() const { return m_tourSeconds; }
    void setTourSeconds(int seconds);

    // A standard grid ("1" ... "36"): tiles keep their channels in order as far as they fit.
    Q_INVOKABLE void setGrid(const QString& kind);
    Q_INVOKABLE void assign(int tile, const QString& channelId);
    // Puts the channel into the first empty tile (double-click in the tree); -1 when all are full.
    Q_INVOKABLE int assignNext(const QString& channelId);
    Q_INVOKABLE void clearTile(int tile);
    // Custom grids: one cell spanning the rectangle from tile `a` to tile `b` (the cells inside go,
    // their first channel stays), or a spanning cell split back into single cells. The grid becomes
    // "custom"; false (with the reason in `message`) when a cell would be cut in two.
    Q_INVOKABLE bool mergeTiles(int a, int b);
    Q_INVOKABLE bool splitTile(int tile);
    Q_INVOKABLE void clearAll();
    // "main" or "sub" for a tile of this size, following the layout's choice ("auto" | "main" | "sub").
    Q_INVOKABLE QString streamFor(const QString& choice, qreal width, qreal height) const;
    // <snapshot folder>/<channel name>_<local time>.jpg, the folder made when missing; "" on failure.
    Q_INVOKABLE QString snapshotPath(const QString& channelName);
    // Which of the application's screens (its index in Qt.application.screens) a layout window opened
    // from `here` should go to: the next screen after the one `here` is on, or that same screen when
    // there is only one. Screens are told apart by identity, not by name: separate X screens of one
    // display all call themselves "screen" and sit at 0,0.
    Q_INVOKABLE int otherScreen(QObject* here) const;  // here: a QWindow (QML's Window.window)

    Q_INVOKABLE void refreshLayouts();
    Q_INVOKABLE void saveAs(const QString& name);  // a new layout
    Q_INVOKABLE void save();                       // over the open one (saveAs when none is open)
    Q_INVOKABLE void openLayout(const QString& id);
    Q_INVOKABLE void deleteLayout(const QString& id);
    Q_INVOKABLE void newLayout();

    // The tour: the open layout's steps, else each filled tile's camera alone, tourSeconds each.
    Q_INVOKABLE void startTour();
    Q_INVOKABLE void stopTour();

    // PTZ of a channel (permission ptz): speeds -1..1; the server answers at once and the camera
    // moves until ptzStop. A refused call shows its reason in `message`.
    Q_INVOKABLE void ptzMove(const QString& channelId, double pan, double tilt, double zoom);
    Q_INVOKABLE void ptzStop(const QString& channelId);
    Q_INVOKABLE void loadPtzPresets(const QString& channelId);  // -> ptzPresets [{token, name}]
    Q_INVOKABLE void ptzGotoPreset(const QString& channelId, const QString& token);
    Q_INVOKABLE void ptzSavePreset(const QString& channelId, const QString& name);
    QVariantList ptzPresets() const { return m_ptzPresets; }

    void setChannelNames(const QHash<QString, QString>& names);
    void clear();  // signed out

signals:
    void gridChanged();
    void layoutsChanged();
    void layoutChanged();
    void messageChanged();
    void snapshotFolderChanged();
    void tourChanged();
    void ptzPresetsChanged();
    // Tour step: show this channel alone (the page opens its tile full screen) or "" to end that.
    void tourShowsChannel(const QString& channelId);

private:
    void applyLayout(const core::model::Layout& layout);
    void setCustomCells(const QList<core::model::LayoutCell>& cells, const QList<core::model::LayoutTile>& tiles);
    void setMessage(const QString& text, bool error);
    core::model::LayoutInput currentInput(const QString& name) const;
    void nextTourStep();

    core::client::LayoutsApi* m_api;
    core::client::DevicesApi* m_devices;
    QVariantList m_ptzPresets;
    QString m_ptzPresetsChannel;
    LiveTileModel* m_tiles;
    EventPopup* m_popup;
    QString m_grid;
    QList<core::model::Layout> m_layouts;
    QString m_layoutId;
    QString m_layoutName;
    QList<core::model::TourStep> m_tour;  // the open layout's
    QString m_message;
    bool m_messageIsError = false;
    QString m_snapshotFolder;
    QTimer m_tourTimer;
    int m_tourSeconds = 10;
    int m_tourIndex = -1;
    QList<core::model::TourStep> m_running;  // the steps of the tour that runs
};

}  // namespace vigil::app
