#pragma once
// MotionSettingsModel: the Devices page's motion panel for one camera channel (issue 6, "Event
// sources"): server-side motion detection on or off, its sensitivity, what the detector is doing
// (which stream it reads, why not the sub stream, why it failed) and the 16 x 12 region grid the
// admin paints over the live picture. The rows are the grid's cells, top left first (role
// `included`), so the grid's cells repaint one by one while painting.
//
// Edits stay here until save() (PUT /api/v1/channels/{id}/motion through core/client/motion_api.h);
// a refusal keeps them and shows the server's words in errorMessage; revert() goes back to what the
// server holds. While a channel is open its status is read again every kStatusPollMs, and motion
// events of the channel (events.event pushes, from the server's detector or the camera's own) light
// motionNow at once.

#include <QPointer>
#include <QStringList>

#include "client/motion_api.h"
#include "model/motion_model.h"
#include "model/system_model.h"
#include "request_list_model.h"

class QTimer;

namespace vigil::app {

class MotionSettingsModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(QString channelId READ channelId NOTIFY openedChanged)
    Q_PROPERTY(QString channelName READ channelName NOTIFY openedChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY openedChanged)
    Q_PROPERTY(int columns READ columns CONSTANT)
    Q_PROPERTY(int rows READ rows CONSTANT)
    Q_PROPERTY(int minSensitivity READ minSensitivity CONSTANT)
    Q_PROPERTY(int maxSensitivity READ maxSensitivity CONSTANT)
    // The edited settings; `dirty` when they differ from what the server holds.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY editChanged)
    Q_PROPERTY(int sensitivity READ sensitivity WRITE setSensitivity NOTIFY editChanged)
    Q_PROPERTY(int includedCount READ includedCount NOTIFY editChanged)
    Q_PROPERTY(QStringList regionRows READ regionRows NOTIFY editChanged)  // the API's form
    Q_PROPERTY(bool dirty READ dirty NOTIFY editChanged)
    // The detector: its state (off, waiting, watching, motion, failed), a line for people, a colour
    // for a VStatusDot (neutral, connecting, online, alarm, error), and the counters.
    Q_PROPERTY(QString state READ state NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QString statusKind READ statusKind NOTIFY statusChanged)
    Q_PROPERTY(QString countersText READ countersText NOTIFY statusChanged)
    Q_PROPERTY(bool motionNow READ motionNow NOTIFY statusChanged)
    Q_PROPERTY(QString lastMotionText READ lastMotionText NOTIFY statusChanged)
    // "Saved." after a save the server accepted ("" again on the next edit).
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    enum Role { IncludedRole = Qt::UserRole + 1, ColumnRole, RowRole };

    static constexpr int kStatusPollMs = 2000;

    // `client` must outlive this model.
    explicit MotionSettingsModel(core::client::ApiClient* client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString channelId() const { return m_channelId; }
    QString channelName() const { return m_channelName; }
    bool loaded() const { return m_loaded; }
    static int columns() { return core::model::MotionRegions::kColumns; }
    static int rows() { return core::model::MotionRegions::kRows; }
    static int minSensitivity() { return core::model::MotionSettings::kMinSensitivity; }
    static int maxSensitivity() { return core::model::MotionSettings::kMaxSensitivity; }
    bool enabled() const { return m_edited.enabled; }
    void setEnabled(bool enabled);
    int sensitivity() const { return m_edited.sensitivity; }
    void setSensitivity(int sensitivity);  // clamped to min..max
    int includedCount() const { return m_edited.regions.count(); }
    QStringList regionRows() const { return m_edited.regions.toRows(); }
    bool dirty() const;
    QString state() const { return m_status.state; }
    QString statusText() const;
    QString statusKind() const;
    QString countersText() const;
    // The detector's state says motion, or a motion event of the channel has not ended yet.
    bool motionNow() const {
        return m_motionNow || m_status.state == QLatin1String(core::model::MotionStatus::kMotion);
    }
    QString lastMotionText() const;
    QString notice() const { return m_notice; }

    // Reads the channel's settings and starts following its status; `name` is for the title.
    Q_INVOKABLE void open(const QString& channelId, const QString& name);
    Q_INVOKABLE void close();  // stops following; forgets the channel
    // One cell; false (and errorMessage) outside the grid.
    Q_INVOKABLE bool setCell(int column, int row, bool included);
    Q_INVOKABLE bool isIncluded(int column, int row) const;
    Q_INVOKABLE void setAll(bool included);
    // The grid from the API's form (12 rows of 16 '0'/'1'): false and errorMessage saying what is
    // wrong, the grid unchanged.
    Q_INVOKABLE bool setRegionRows(const QStringList& rows);
    Q_INVOKABLE void save();
    Q_INVOKABLE void revert();

    // What an events.event push means for the open channel (public for tests).
    void applyPush(const core::model::PushMessage& message);

signals:
    void openedChanged();
    void editChanged();
    void statusChanged();
    void noticeChanged();
    void saved();

private:
    // The model behind an answer, when it still exists and still has the channel the request was for.
    static MotionSettingsModel* current(const QPointer<MotionSettingsModel>& self, int generation);
    void onAnswer(const core::Result<core::client::ChannelMotion>& answer, bool takeSettings);
    void pollStatus();
    void setRegions(const core::model::MotionRegions& regions);
    void edited();
    void setNotice(const QString& notice);

    core::client::MotionApi* m_api;
    QTimer* m_poll;
    QString m_channelId;
    QString m_channelName;
    bool m_loaded = false;
    core::model::MotionSettings m_server;  // what the server holds
    core::model::MotionSettings m_edited;
    core::model::MotionStatus m_status;
    bool m_motionNow = false;  // from the pushes: motion started and not ended
    qint64 m_lastMotionMs = 0;
    QString m_notice;
    int m_generation = 0;  // answers for a channel no longer open are dropped
};

}  // namespace vigil::app
