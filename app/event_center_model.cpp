#include "event_center_model.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QVariantMap>

#include "alarm_sound.h"
#include "app_logging.h"
#include "client_settings.h"
#include "display_format.h"
#include "event_kind_name.h"
#include "site_counts.h"

namespace vigil::app {

using core::Result;
using core::model::Event;
using core::model::EventKinds;

namespace {

// Two sounds closer than this are one: a burst of alarms should not stutter.
constexpr qint64 kSoundGapMs = 1500;

QString stateName(const QString& state) {
    if (state == QLatin1String("new")) {
        return EventCenterModel::tr("New");
    }
    if (state == QLatin1String("acknowledged")) {
        return EventCenterModel::tr("Acknowledged");
    }
    if (state == QLatin1String("handled")) {
        return EventCenterModel::tr("Handled");
    }
    return {};
}

QString actionName(const QString& action) {
    if (action == QLatin1String("raised")) {
        return EventCenterModel::tr("raised");
    }
    if (action == QLatin1String("acknowledged")) {
        return EventCenterModel::tr("acknowledged");
    }
    if (action == QLatin1String("handled")) {
        return EventCenterModel::tr("handled");
    }
    return EventCenterModel::tr("commented");
}

QString trailText(const Event& event) {
    QStringList lines;
    for (const core::model::AlarmStep& step : event.trail) {
        QString line = DisplayFormat::dateTimeSeconds(step.timeMs) + QStringLiteral("  ") +
                       (step.userName.isEmpty() ? EventCenterModel::tr("server") : step.userName) +
                       QLatin1Char(' ') + actionName(step.action);
        if (!step.comment.isEmpty()) {
            line += QStringLiteral(": ") + step.comment;
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

}  // namespace

EventCenterModel::EventCenterModel(core::client::ApiClient* client, const SiteCounts* counts,
                                   ClientSettings* settings, QObject* parent)
    : RequestListModel(parent),
      m_client(client),
      m_api(new core::client::EventsApi(client, this)),
      m_sound(new AlarmSound(this)),
      m_counts(counts),
      m_settings(settings) {
    connect(counts, &SiteCounts::alarmsChanged, this, &EventCenterModel::countersChanged);
    // One mute for the workstation: M here, the top bar's button, its key and the Settings page.
    connect(settings, &ClientSettings::alarmSoundChanged, this, [this] {
        qCInfo(lcApp).noquote() << "Event Center: sound" << (muted() ? "muted" : "on");
        emit mutedChanged();
    });
    connect(client, &core::client::ApiClient::pushReceived, this, &EventCenterModel::onPush);
    // Back after a drop: the socket replays the events raised meanwhile (ApiClient asks with
    // ?since=, so critical alarms still sound), and the newest page is read again because alarms
    // acknowledged or handled meanwhile are not replayed. A catch-up repeats no row: addLive skips
    // known ids.
    connect(client, &core::client::ApiClient::eventsConnectedChanged, this, [this](bool connected) {
        if (connected && !m_live.isEmpty()) {
            refresh();
        }
    });
}

EventCenterModel::~EventCenterModel() = default;

QString EventCenterModel::kindName(const QString& kind) {
    return eventKindName(kind);
}

int EventCenterModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant EventCenterModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const Event& event = rows().at(index.row());
    switch (role) {
        case IdRole:
            return event.id;
        case TimeMsRole:
            return event.timeMs;
        case TimeTextRole:
            return DisplayFormat::dateTimeSeconds(event.timeMs);
        case KindRole:
            return event.kind;
        case KindTextRole:
            return kindName(event.kind);
        case SeverityRole:
            return event.severity;
        case SourceNameRole:
            return event.sourceName.isEmpty() ? tr("Server") : event.sourceName;
        case ChannelIdRole:
            return event.channelId;
        case MessageRole:
            return event.message;
        case AlarmStateRole:
            return event.alarmState;
        case StateTextRole:
            return stateName(event.alarmState);
        case TrailTextRole:
            return trailText(event);
        case CheckedRole:
            return m_checked.contains(event.id);
        default:
            return {};
    }
}

QHash<int, QByteArray> EventCenterModel::roleNames() const {
    return {{IdRole, "eventId"},         {TimeMsRole, "timeMs"},       {TimeTextRole, "timeText"},
            {KindRole, "kind"},          {KindTextRole, "kindText"},   {SeverityRole, "severity"},
            {SourceNameRole, "sourceName"}, {ChannelIdRole, "channelId"}, {MessageRole, "message"},
            {AlarmStateRole, "alarmState"}, {StateTextRole, "stateText"}, {TrailTextRole, "trailText"},
            {CheckedRole, "checked"}};
}

void EventCenterModel::setMode(const QString& mode) {
    if (mode == m_mode || (mode != QLatin1String("live") && mode != QLatin1String("history"))) {
        return;
    }
    beginResetModel();
    m_mode = mode;
    m_checked.clear();
    endResetModel();
    emit modeChanged();
    emit countChanged();
    emit checkedChanged();
}

QString EventCenterModel::summary() const {
    if (m_mode == QLatin1String("live")) {
        return tr("%n events, newest first", nullptr, count());
    }
    if (!m_searched) {
        return tr("Choose a time range and search.");
    }
    if (m_history.isEmpty()) {
        return tr("No events match.");
    }
    return tr("Page %1: events %2 to %3").arg(pageIndex() + 1).arg(m_search.offset + 1).arg(m_search.offset + count());
}

qint64 EventCenterModel::pending() const {
    return m_counts->alarms().pending();
}

qint64 EventCenterModel::fresh() const {
    return m_counts->alarms().fresh;
}

bool EventCenterModel::muted() const {
    return !m_settings->alarmSound();
}

void EventCenterModel::setMuted(bool muted) {
    m_settings->setAlarmSound(!muted);
}

QVariantList EventCenterModel::kinds() const {
    QVariantList list{QVariantMap{{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("Every kind")}}};
    for (const QString& kind : EventKinds::all()) {
        list.append(QVariantMap{{QStringLiteral("id"), kind}, {QStringLiteral("name"), kindName(kind)}});
    }
    return list;
}

QString EventCenterModel::defaultExportPath() const {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QDir::homePath();
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QDir(folder).filePath(QStringLiteral("vigil-events-%1.csv").arg(stamp));
}

void EventCenterModel::say(const QString& text) {
    if (text != m_message) {
        m_message = text;
        emit messageChanged();
    }
}

void EventCenterModel::setFilters(const QString& kind, const QString& severity, const QString& state) {
    m_kind = kind;
    m_severity = severity;
    m_state = state;
    if (m_mode == QLatin1String("live")) {
        refresh();
    } else if (m_searched) {
        m_search.offset = 0;
        runSearch();
    }
}

bool EventCenterModel::matches(const Event& event) const {
    if (!m_kind.isEmpty() && event.kind != m_kind) {
        return false;
    }
    if (!m_severity.isEmpty() && event.severity != m_severity) {
        return false;
    }
    if (m_state.isEmpty()) {
        return true;
    }
    if (m_state == QLatin1String("alarms")) {
        return event.isAlarm();
    }
    if (m_state == QLatin1String("pending")) {
        return event.alarmState == QLatin1String("new") || event.alarmState == QLatin1String("acknowledged");
    }
    return event.alarmState == m_state;
}

void EventCenterModel::applyFilters(core::client::EventSearch& search) const {
    search.kinds = m_kind.isEmpty() ? QStringList() : QStringList{m_kind};
    search.severities = m_severity.isEmpty() ? QStringList() : QStringList{m_severity};
    search.alarmsOnly = m_state == QLatin1String("alarms");
    search.states = m_state.isEmpty() || search.alarmsOnly ? QStringList() : QStringList{m_state};
}

void EventCenterModel::resetRows(QList<Event> events, bool history) {
    const bool shown = history == (m_mode == QLatin1String("history"));
    if (shown) {
        beginResetModel();
    }
    (history ? m_history : m_live) = std::move(events);
    if (shown) {
        m_checked.clear();
        endResetModel();
        emit countChanged();
        emit checkedChanged();
    }
}

void EventCenterModel::refresh() {
    core::client::EventSearch newest;
    applyFilters(newest);
    newest.limit = 200;
    setBusy(true);
    m_api->search(newest, [this](Result<core::client::EventPage> page) {
        setBusy(false);
        if (!page) {
            setError(page.error().message);
            return;
        }
        setError({});
        resetRows(page->events, false);
    });
}

void EventCenterModel::search(const QString& from, const QString& to) {
    const auto fromMs = DisplayFormat::parse(from);
    const auto toMs = DisplayFormat::parse(to, true);
    if (!fromMs || !toMs) {
        setError(tr("Write times as %1 or %2, or leave them empty.")
                     .arg(QLatin1String(DisplayFormat::kDate), QLatin1String(DisplayFormat::kDateTime)));
        return;
    }
    if (*fromMs > 0 && *toMs > 0 && *toMs < *fromMs) {
        setError(tr("The end of the time range is before its start."));
        return;
    }
    m_search = {};
    m_search.fromMs = *fromMs;
    // The API's end is exclusive; a typed end (a day, a minute) includes its last millisecond.
    m_search.toMs = *toMs > 0 ? *toMs + 1 : 0;
    m_search.limit = kPageSize;
    runSearch();
}

void EventCenterModel::runSearch() {
    applyFilters(m_search);
    setBusy(true);
    m_api->search(m_search, [this](Result<core::client::EventPage> page) {
        setBusy(false);
        if (!page) {
            setError(page.error().message);
            return;
        }
        setError({});
        m_searched = true;
        m_more = page->more;
        resetRows(page->events, true);
        qCInfo(lcApp).noquote() << "Event Center: history page" << pageIndex() + 1 << "with" << page->events.size()
                                << "events" << (m_more ? "and more" : "");
    });
}

void EventCenterModel::nextPage() {
    if (m_searched && m_more) {
        m_search.offset += kPageSize;
        runSearch();
    }
}

void EventCenterModel::previousPage() {
    if (m_searched && m_search.offset > 0) {
        m_search.offset = std::max(0, m_search.offset - kPageSize);
        runSearch();
    }
}

void EventCenterModel::setChecked(int row, bool checked) {
    if (row < 0 || row >= count() || !rows().at(row).isAlarm()) {
        return;
    }
    const qint64 id = rows().at(row).id;
    if (checked == m_checked.contains(id)) {
        return;
    }
    checked ? (void)m_checked.insert(id) : (void)m_checked.remove(id);
    emit dataChanged(index(row), index(row), {CheckedRole});
    emit checkedChanged();
}

void EventCenterModel::checkAllAlarms() {
    for (int row = 0; row < count(); ++row) {
        setChecked(row, rows().at(row).alarmState != QLatin1String("handled"));
    }
}

void EventCenterModel::clearChecked() {
    if (m_checked.isEmpty()) {
        return;
    }
    m_checked.clear();
    emit dataChanged(index(0), index(count() - 1), {CheckedRole});
    emit checkedChanged();
}

void EventCenterModel::act(const QString& action, const QString& comment, int row) {
    QList<qint64> ids(m_checked.cbegin(), m_checked.cend());
    if (ids.isEmpty() && row >= 0 && row < count() && rows().at(row).isAlarm()) {
        ids.append(rows().at(row).id);
    }
    if (ids.isEmpty()) {
        setError(tr("Check the alarms to act on first."));
        return;
    }
    if (action == QLatin1String("comment") && comment.trimmed().isEmpty()) {
        setError(tr("Write the comment first."));
        return;
    }
    std::sort(ids.begin(), ids.end());
    setBusy(true);
    m_api->act(action, ids, comment.trimmed(), [this, action](Result<QList<Event>> changed) {
        setBusy(false);
        if (!changed) {
            setError(changed.error().message);
            return;
        }
        setError({});
        for (const Event& event : changed.value()) {
            updateAlarm(event);
        }
        clearChecked();
        say(tr("%n alarms %1.", nullptr, static_cast<int>(changed->size()))
                .arg(action == QLatin1String("acknowledge") ? tr("acknowledged")
                     : action == QLatin1String("handle")    ? tr("handled")
                                                            : tr("commented")));
        qCInfo(lcApp).noquote() << "Event Center:" << action << changed->size() << "alarms";
    });
}

void EventCenterModel::raiseAlarm(const QString& text) {
    if (text.trimmed().isEmpty()) {
        setError(tr("Say what the alarm is about."));
        return;
    }
    m_api->raiseAlarm({}, text.trimmed(), [this](Result<Event> event) {
        if (!event) {
            setError(event.error().message);
            return;
        }
        setError({});
        say(tr("Alarm raised."));
    });
}

void EventCenterModel::exportCsv(const QString& path) {
    const QString file = path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile() : path;
    if (file.trimmed().isEmpty()) {
        setError(tr("Name the file to export to."));
        return;
    }
    core::client::EventSearch all = m_mode == QLatin1String("history") ? m_search : core::client::EventSearch{};
    applyFilters(all);
    setBusy(true);
    m_api->exportCsv(all, [this, file](Result<QByteArray> csv) {
        setBusy(false);
        if (!csv) {
            setError(csv.error().message);
            return;
        }
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(csv.value()) != csv->size() || !out.commit()) {
            setError(tr("Cannot write %1: %2. Choose another folder.").arg(file, out.errorString()));
            return;
        }
        setError({});
        const int lines = static_cast<int>(csv->count('\n')) - 1;
        say(tr("%n events exported to %1.", nullptr, std::max(0, lines)).arg(file));
        qCInfo(lcApp).noquote() << "Event Center: exported" << lines << "events to" << file;
    });
}

QVariantMap EventCenterModel::eventAt(int row) const {
    if (row < 0 || row >= count()) {
        return {};
    }
    QVariantMap map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return map;
}

void EventCenterModel::clear() {
    beginResetModel();
    m_live.clear();
    m_history.clear();
    m_checked.clear();
    m_searched = false;
    m_more = false;
    endResetModel();
    emit countChanged();
    emit checkedChanged();
    say({});
    setError({});
}

void EventCenterModel::onPush(const core::model::PushMessage& message) {
    if (message.type == QLatin1String("events.event")) {
        auto event = Event::fromJson(message.data);
        if (event) {
            addLive(event.value());
            if (event->alarmState == QLatin1String("new") && event->severity == QLatin1String("critical")) {
                play(QStringLiteral("alarm"));
            }
        }
    } else if (message.type == QLatin1String("events.alarm")) {
        auto event = Event::fromJson(message.data);
        if (event) {
            updateAlarm(event.value());
        }
    } else if (message.type == QLatin1String("events.sound")) {
        play(message.data.value(QStringLiteral("sound")).toString());
    }
}

void EventCenterModel::addLive(const Event& event) {
    if (!matches(event)) {
        return;
    }
    for (const Event& known : std::as_const(m_live)) {
        if (known.id == event.id) {
            return;  // a catch-up can repeat what a refresh brought
        }
    }
    const bool shown = m_mode == QLatin1String("live");
    if (shown) {
        beginInsertRows({}, 0, 0);
    }
    m_live.prepend(event);
    if (shown) {
        endInsertRows();
    }
    if (m_live.size() > kMaxLive) {
        if (shown) {
            beginRemoveRows({}, kMaxLive, static_cast<int>(m_live.size()) - 1);
        }
        m_checked.remove(m_live.last().id);
        m_live.resize(kMaxLive);
        if (shown) {
            endRemoveRows();
        }
    }
    if (shown) {
        emit countChanged();
    }
}

void EventCenterModel::updateAlarm(const Event& event) {
    for (QList<Event>* list : {&m_live, &m_history}) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            if ((*list)[i].id == event.id) {
                (*list)[i] = event;
                if (list == &rows()) {
                    emit dataChanged(index(static_cast<int>(i)), index(static_cast<int>(i)));
                }
            }
        }
    }
}

void EventCenterModel::play(const QString& sound) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (muted() || now - m_lastSoundMs < kSoundGapMs) {
        return;
    }
    m_lastSoundMs = now;
    m_lastSound = sound.isEmpty() ? QStringLiteral("alarm") : sound;
    ++m_soundsPlayed;
    qCInfo(lcApp).noquote() << "Event Center: sound" << m_lastSound;
    m_sound->play(m_lastSound);
    emit soundPlayed(m_lastSound);
}

}  // namespace vigil::app
