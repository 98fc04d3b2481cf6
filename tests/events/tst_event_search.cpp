// EventRepository::search against a brute-force reference (issue 6, EVT-1): 3,000 stored events
// with random sources, kinds, severities, alarm states and channels; random searches with lists of
// several values (which search() runs as a merged UNION ALL of one ordered branch per value), time
// ranges, a role's channel scope, pages and offsets must give exactly the events, in exactly the
// order (newest first, then the higher id), that filtering and sorting all of them in memory gives.

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "engine/schema.h"
#include "events/event_repository.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace vigil;
using core::model::Event;

namespace {

const QStringList kSources = {"cam-a", "cam-b", "cam-c", "cam-d", "cam-e", ""};
const QStringList kKinds = {"motion", "motion_ended", "stream_error", "camera_event"};
const QStringList kSeverities = {"info", "warning", "critical"};
const QStringList kStates = {"", "", "", "new", "acknowledged", "handled"};

QStringList pick(QRandomGenerator& random, const QStringList& from, int most) {
    QStringList picked;
    const int count = static_cast<int>(random.bounded(most + 1));
    for (int i = 0; i < count; ++i) {
        const QString value = from[static_cast<int>(random.bounded(static_cast<int>(from.size())))];
        if (!picked.contains(value)) {
            picked << value;
        }
    }
    return picked;
}

bool matches(const Event& event, const server::EventQuery& query) {
    QStringList states = query.alarmStates;
    if (states.removeAll("pending") > 0) {
        states << "new" << "acknowledged";
    }
    return (query.fromMs == 0 || event.timeMs >= query.fromMs) && (query.toMs == 0 || event.timeMs < query.toMs) &&
           (query.sourceIds.isEmpty() || query.sourceIds.contains(event.sourceId)) &&
           (query.kinds.isEmpty() || query.kinds.contains(event.kind)) &&
           (query.severities.isEmpty() || query.severities.contains(event.severity)) &&
           (states.isEmpty() || states.contains(event.alarmState)) &&
           (!query.alarmsOnly || !states.isEmpty() || !event.alarmState.isEmpty()) && query.scope.reaches(event);
}

}  // namespace

class TstEventSearch : public QObject {
    Q_OBJECT

private slots:
    void searchesMatchAReferenceInOrder() {
        QTemporaryDir dir;
        QByteArray key(core::store::Database::kKeyBytes, '\x5a');
        auto db = core::store::Database::open(dir.filePath("events.db"), key);
        QVERIFY(db.ok());
        QVERIFY(core::store::Migrator::migrate(*db.value(), server::serverMigrations()).ok());
        server::EventRepository repository(*db.value());

        QRandomGenerator random(20261123);
        QList<Event> stored;
        for (int i = 0; i < 3000; ++i) {
            Event event;
            event.id = i + 1;
            event.timeMs = 1'790'000'000'000 + random.bounded(600) * 1000;  // many equal times: the id decides
            event.sourceId = kSources[static_cast<int>(random.bounded(static_cast<int>(kSources.size())))];
            event.sourceType = event.sourceId.isEmpty() ? "server" : "channel";
            event.channelId = event.sourceId;
            event.kind = kKinds[static_cast<int>(random.bounded(static_cast<int>(kKinds.size())))];
            event.severity = kSeverities[static_cast<int>(random.bounded(static_cast<int>(kSeverities.size())))];
            event.alarmState = kStates[static_cast<int>(random.bounded(static_cast<int>(kStates.size())))];
            if (event.isAlarm()) {
                event.trail.append(core::model::AlarmStep{event.timeMs, QString(), "raised", "test"});
            }
            stored.append(event);
        }
        QVERIFY(repository.insert(stored).ok());
        std::sort(stored.begin(), stored.end(), [](const Event& a, const Event& b) {
            return a.timeMs != b.timeMs ? a.timeMs > b.timeMs : a.id > b.id;
        });

        for (int round = 0; round < 400; ++round) {
            server::EventQuery query;
            query.sourceIds = pick(random, kSources, 3);
            query.kinds = pick(random, kKinds, 3);
            query.severities = pick(random, kSeverities, 2);
            query.alarmStates = pick(random, {"new", "acknowledged", "handled", "pending"}, 2);
            query.alarmsOnly = random.bounded(4) == 0;
            if (random.bounded(2) == 0) {
                query.fromMs = 1'790'000'000'000 + random.bounded(300) * 1000;
                query.toMs = query.fromMs + random.bounded(1, 400) * 1000;
            }
            if (random.bounded(3) == 0) {
                query.scope.all = false;
                for (const QString& channel : pick(random, kSources, 3)) {
                    if (!channel.isEmpty()) {
                        query.scope.channels.insert(channel);
                    }
                }
            }
            query.limit = static_cast<int>(random.bounded(1, 60));
            query.offset = static_cast<int>(random.bounded(40));

            QList<qint64> expected;
            int skipped = 0;
            for (const Event& event : std::as_const(stored)) {
                if (matches(event, query) && skipped++ >= query.offset && expected.size() < query.limit) {
                    expected << event.id;
                }
            }
            auto found = repository.search(query);
            QVERIFY(found.ok());
            QList<qint64> ids;
            for (const Event& event : found.value()) {
                ids << event.id;
                QCOMPARE(event.trail.size(), event.isAlarm() ? 1 : 0);
            }
            QVERIFY2(ids == expected, qPrintable(QStringLiteral("round %1: sources %2 kinds %3 states %4 scope %5")
                                                     .arg(round)
                                                     .arg(query.sourceIds.join(','), query.kinds.join(','),
                                                          query.alarmStates.join(','))
                                                     .arg(query.scope.all ? "all" : "some")));
        }
    }
};

QTEST_GUILESS_MAIN(TstEventSearch)
#include "tst_event_search.moc"
