#include "motion_settings_model.h"

#include <QPointer>
#include <QTimer>
#include <algorithm>

#include "app_logging.h"
#include "display_format.h"
#include "model/event_model.h"

namespace vigil::app {

using core::Result;
using core::client::ChannelMotion;
using core::model::EventKinds;
using core::model::MotionRegions;
using core::model::MotionSettings;
using core::model::MotionStatus;

MotionSettingsModel::MotionSettingsModel(core::client::ApiClient* client, QObject* parent)
    : RequestListModel(parent), m_api(new core::client::MotionApi(client, this)), m_poll(new QTimer(this)) {
    m_poll->setInterval(kStatusPollMs);
    connect(m_poll, &QTimer::timeout, this, &MotionSettingsModel::pollStatus);
    connect(client, &core::client::ApiClient::pushReceived, this, &MotionSettingsModel::applyPush);
}

int MotionSettingsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : MotionRegions::kCells;
}

QVariant MotionSettingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= MotionRegions::kCells) {
        return {};
    }
    const int cell = index.row();
    switch (role) {
    case IncludedRole:
        return m_edited.regions.cells.test(static_cast<size_t>(cell));
    case ColumnRole:
        return cell % MotionRegions::kColumns;
    case RowRole:
        return cell / MotionRegions::kColumns;
    default:
        return {};
    }
}

QHash<int, QByteArray> MotionSettingsModel::roleNames() const {
    return {{IncludedRole, "included"}, {ColumnRole, "column"}, {RowRole, "row"}};
}

void MotionSettingsModel::setEnabled(bool enabled) {
    if (m_edited.enabled != enabled) {
        m_edited.enabled = enabled;
        edited();
    }
}

void MotionSettingsModel::setSensitivity(int sensitivity) {
    sensitivity = std::clamp(sensitivity, minSensitivity(), maxSensitivity());
    if (m_edited.sensitivity != sensitivity) {
        m_edited.sensitivity = sensitivity;
        edited();
    }
}

bool MotionSettingsModel::dirty() const {
    return m_edited.enabled != m_server.enabled || m_edited.sensitivity != m_server.sensitivity ||
           m_edited.regions != m_server.regions;
}

QString MotionSettingsModel::statusText() const {
    if (!m_loaded) {
        return {};
    }
    QStringList lines;
    const QString& state = m_status.state;
    if (state == QLatin1String(MotionStatus::kOff)) {
        lines << (m_server.enabled ? tr("Off.") : tr("Off. Turn it on to have the server watch this camera's picture."));
    } else if (state == QLatin1String(MotionStatus::kWaiting)) {
        lines << tr("Waiting for the stream.");
    } else if (state == QLatin1String(MotionStatus::kWatching)) {
        lines << tr("Watching; no motion.");
    } else if (state == QLatin1String(MotionStatus::kMotion)) {
        lines << tr("Motion now.");
    } else if (state == QLatin1String(MotionStatus::kFailed)) {
        lines << tr("Failed: the server cannot read the stream.");
    } else {
        lines << state;
    }
    if (m_status.stream == QLatin1String("sub")) {
        lines << tr("Reads the sub stream.");
    } else if (m_status.stream == QLatin1String("main")) {
        lines << tr("Reads the main stream.");
    }
    // The server's own reason (why the main stream, why off, why it failed), in its words.
    if (!m_status.message.isEmpty()) {
        lines << m_status.message;
    }
    return lines.join(QLatin1Char(' '));
}

QString MotionSettingsModel::statusKind() const {
    const QString& state = m_status.state;
    if (motionNow()) {
        return QStringLiteral("alarm");
    }
    if (state == QLatin1String(MotionStatus::kWatching)) {
        return QStringLiteral("online");
    }
    if (state == QLatin1String(MotionStatus::kWaiting)) {
        return QStringLiteral("connecting");
    }
    if (state == QLatin1String(MotionStatus::kFailed)) {
        return QStringLiteral("error");
    }
    return QStringLiteral("neutral");
}

QString MotionSettingsModel::countersText() const {
    if (m_status.packets == 0) {
        return {};
    }
    return tr("%1 video packets received, %2 dropped before decoding, %3 pictures compared.")
        .arg(QString::number(m_status.packets), QString::number(m_status.dropped), QString::number(m_status.compared));
}

QString MotionSettingsModel::lastMotionText() const {
    if (m_lastMotionMs <= 0) {
        return tr("No motion seen yet.");
    }
    return tr("Last motion %1.").arg(DisplayFormat::dateTimeSeconds(m_lastMotionMs));
}

MotionSettingsModel* MotionSettingsModel::current(const QPointer<MotionSettingsModel>& self, int generation) {
    MotionSettingsModel* model = self.data();
    return model != nullptr && model->m_generation == generation ? model : nullptr;
}

void MotionSettingsModel::open(const QString& channelId, const QString& name) {
    ++m_generation;
    m_channelId = channelId;
    m_channelName = name;
    m_loaded = false;
    m_motionNow = false;
    m_lastMotionMs = 0;
    m_status = MotionStatus{};
    setError({});
    setNotice({});
    emit openedChanged();
    emit statusChanged();
    qCInfo(lcApp).noquote() << "motion: opened" << channelId;
    setBusy(true);
    QPointer<MotionSettingsModel> self(this);
    const int generation = m_generation;
    m_api->fetch(channelId, [self, generation](const Result<ChannelMotion>& answer) {
        if (MotionSettingsModel* model = current(self, generation)) {
            model->setBusy(false);
            model->onAnswer(answer, true);
        }
    });
    m_poll->start();
}

void MotionSettingsModel::close() {
    ++m_generation;
    m_poll->stop();
    m_channelId.clear();
    m_channelName.clear();
    m_loaded = false;
    m_motionNow = false;
    setBusy(false);
    setError({});
    setNotice({});
    emit openedChanged();
    emit statusChanged();
}

void MotionSettingsModel::onAnswer(const Result<ChannelMotion>& answer, bool takeSettings) {
    if (!answer) {
        // A failed poll stays quiet (the next one may pass), unless the channel is gone: then what
        // the panel shows of its detector is stale.
        const bool gone = answer.error().code == QLatin1String("channel_not_found");
        if (takeSettings || gone) {
            setError(answer.error().message);
            qCInfo(lcApp).noquote() << "motion: cannot read" << m_channelId << answer.error().code;
        }
        if (gone) {
            m_poll->stop();
            m_status = MotionStatus{};
            m_motionNow = false;
            emit statusChanged();
        }
        return;
    }
    // A poll takes the settings too while nothing is edited, so a change from elsewhere shows.
    if (takeSettings || !dirty()) {
        const bool first = !m_loaded;
        m_server = answer->settings;
        m_edited.enabled = m_server.enabled;
        m_edited.sensitivity = m_server.sensitivity;
        setRegions(m_server.regions);
        m_loaded = true;
        emit editChanged();
        if (first) {
            emit openedChanged();
            qCInfo(lcApp).noquote() << "motion: loaded" << m_channelId << "enabled" << m_server.enabled << "sensitivity"
                                    << m_server.sensitivity << "cells" << m_server.regions.count();
        }
    }
    m_status = answer->status;
    m_lastMotionMs = std::max(m_lastMotionMs, m_status.lastMotionMs);
    emit statusChanged();
}

void MotionSettingsModel::pollStatus() {
    if (m_channelId.isEmpty() || busy()) {
        return;
    }
    QPointer<MotionSettingsModel> self(this);
    const int generation = m_generation;
    m_api->fetch(m_channelId, [self, generation](const Result<ChannelMotion>& answer) {
        MotionSettingsModel* model = current(self, generation);
        if (model && !model->busy()) {
            model->onAnswer(answer, false);
        }
    });
}

bool MotionSettingsModel::setCell(int column, int row, bool included) {
    if (column < 0 || column >= columns() || row < 0 || row >= rows()) {
        setError(tr("There is no cell at column %1, row %2: the grid has %3 columns and %4 rows.")
                     .arg(QString::number(column + 1), QString::number(row + 1), QString::number(columns()),
                          QString::number(rows())));
        return false;
    }
    if (m_edited.regions.includes(column, row) != included) {
        m_edited.regions.set(column, row, included);
        const QModelIndex at = index(row * columns() + column);
        emit dataChanged(at, at, {IncludedRole});
        edited();
    }
    return true;
}

bool MotionSettingsModel::isIncluded(int column, int row) const {
    return column >= 0 && column < columns() && row >= 0 && row < rows() && m_edited.regions.includes(column, row);
}

void MotionSettingsModel::setAll(bool included) {
    MotionRegions regions;
    if (included) {
        regions = MotionRegions::all();
    }
    if (regions != m_edited.regions) {
        setRegions(regions);
        edited();
    }
}

bool MotionSettingsModel::setRegionRows(const QStringList& rows) {
    auto regions = MotionRegions::fromRows(rows);
    if (!regions) {
        setError(tr("These regions cannot be used: %1").arg(regions.error().message));
        return false;
    }
    if (regions.value() != m_edited.regions) {
        setRegions(regions.value());
        edited();
    }
    return true;
}

void MotionSettingsModel::setRegions(const MotionRegions& regions) {
    if (regions == m_edited.regions) {
        return;
    }
    m_edited.regions = regions;
    emit dataChanged(index(0), index(MotionRegions::kCells - 1), {IncludedRole});
}

void MotionSettingsModel::edited() {
    setNotice({});
    emit editChanged();
}

void MotionSettingsModel::setNotice(const QString& notice) {
    if (m_notice != notice) {
        m_notice = notice;
        emit noticeChanged();
    }
}

void MotionSettingsModel::save() {
    if (m_channelId.isEmpty() || !m_loaded) {
        return;
    }
    setBusy(true);
    setError({});
    QPointer<MotionSettingsModel> self(this);
    const int generation = m_generation;
    const QString channelId = m_channelId;
    m_api->save(channelId, m_edited, [self, generation, channelId](const Result<ChannelMotion>& answer) {
        MotionSettingsModel* model = current(self, generation);
        if (!model) {
            return;
        }
        model->setBusy(false);
        if (!answer) {
            // The edits stay, so the admin can correct them; the server says what it refused.
            model->setError(answer.error().message);
            qCInfo(lcApp).noquote() << "motion: save refused" << channelId << answer.error().code;
            return;
        }
        model->onAnswer(answer, true);
        model->setNotice(tr("Saved."));
        qCInfo(lcApp).noquote() << "motion: saved" << channelId << "enabled" << answer->settings.enabled
                                << "sensitivity" << answer->settings.sensitivity << "cells"
                                << answer->settings.regions.count();
        emit model->saved();
    });

}

void MotionSettingsModel::revert() {
    m_edited.enabled = m_server.enabled;
    m_edited.sensitivity = m_server.sensitivity;
    setRegions(m_server.regions);
    setError({});
    edited();
    qCInfo(lcApp).noquote() << "motion: reverted" << m_channelId;
}

void MotionSettingsModel::applyPush(const core::model::PushMessage& message) {
    if (m_channelId.isEmpty() || message.type != QLatin1String("events.event")) {
        return;
    }
    auto event = core::model::Event::fromJson(message.data);
    if (!event || event->channelId != m_channelId) {
        return;
    }
    if (event->kind == QLatin1String(EventKinds::kMotion)) {
        m_motionNow = true;
        m_lastMotionMs = std::max(m_lastMotionMs, event->timeMs);
        emit statusChanged();
        qCInfo(lcApp).noquote() << "motion: motion started on" << m_channelId;
    } else if (event->kind == QLatin1String(EventKinds::kMotionEnded)) {
        m_motionNow = false;
        emit statusChanged();
        qCInfo(lcApp).noquote() << "motion: motion ended on" << m_channelId;
    }
}

}  // namespace vigil::app
