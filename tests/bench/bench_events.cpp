// Events (issue 6, docs/design/events.md), against the targets of the issue:
//  1. ingest: events raised as fast as the engine takes them with 50 rules loaded and 20 sessions
//     on the events WebSocket: events/s stored (target 10,000/s) and until every session had every
//     event;
//  2. delivery: events raised at a steady rate; time from raise() to arrival at each of 20 sessions
//     (their sockets run on a thread of their own), p50/p99 (target p99 < 50 ms);
//  3. search: 10 million stored events (500 sources, 30 days, 2 % alarms); a page of 100 as
//     GET /api/v1/events asks for it (parseEventQuery, EventRepository::search) by time range, source,
//     kind, alarm state, severity, and for a role that reaches 20 cameras: p50/p95/p99 (target p95
//     < 100 ms).
// Run on demand: bench_events [--ingest N] [--rate N] [--seconds N] [--search-events N] [--queries N]
//                [--search-db DIR]  (DIR keeps the filled database: a second run skips the fill)

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>
#include <QWebSocket>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>

#include "accounts/api_session.h"
#include "bench/bench_support.h"
#include "engine/engine.h"
#include "engine/schema.h"
#include "events/event_repository.h"
#include "events/event_rule.h"
#include "events/event_service.h"
#include "events/events_routes.h"
#include "events/rule_engine.h"
#include "http/https_service.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/test_engine.h"

using namespace vigil;
using core::model::Event;

namespace {

const QString kAdminPassword = QStringLiteral("Bench-Admin-Pass-2024");

qint64 steadyUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(values.size())));
    return values[index];
}

// The sessions' sockets, on a thread of their own so arrival times are not held up by the engine.
class Clients : public QObject {
public:
    void open(const QUrl& base, const QSslConfiguration& tls, const QStringList& tokens) {
        for (const QString& token : tokens) {
            auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            socket->setProxy(QNetworkProxy::NoProxy);
            socket->setSslConfiguration(tls);
            connect(socket, &QWebSocket::connected, this, [this] { ++connected; });
            connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [socket] {
                std::fprintf(stderr, "session socket: %s\n", qPrintable(socket->errorString()));
            });
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) { received(text); });
            QUrl url = base;
            url.setScheme(QStringLiteral("wss"));
            url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
            url.setQuery(QStringLiteral("token=") + token);
            socket->open(url);
        }
    }
    void received(const QString& text) {
        const qint64 now = steadyUs();
        // Events only ({"data":{"alarmState"... in QJsonDocument's sorted order), without parsing
        // each of them again in every session.
        if (!text.startsWith(QLatin1String("{\"data\":{\"alarmState\""))) {
            return;
        }
        ++events;
        const qsizetype at = text.indexOf(QLatin1String("\"sentUs\":"));
        if (at >= 0 && measuring) {
            qsizetype end = at + 9;
            while (end < text.size() && text[end].isDigit()) {
                ++end;
            }
            const qint64 sent = QStringView(text).mid(at + 9, end - at - 9).toLongLong();
            std::lock_guard lock(mutex);
            latenciesMs.push_back(static_cast<double>(now - sent) / 1000.0);
        }
    }
    std::atomic<int> connected{0};
    std::atomic<qint64> events{0};
    std::atomic<bool> measuring{false};
    std::mutex mutex;
    std::vector<double> latenciesMs;
};

Event makeEvent(int i, bool stamped) {
    static const QStringList kinds = {QStringLiteral("motion"), QStringLiteral("motion_ended"), QStringLiteral("camera_event"),
                                      QStringLiteral("stream_error"), QStringLiteral("device_online")};
    Event event;
    event.sourceType = QStringLiteral("device");
    event.sourceId = QStringLiteral("cam-%1").arg(i % 500);
    event.sourceName = event.sourceId;
    event.kind = kinds[i % kinds.size()];
    event.severity = QStringLiteral("info");
    event.message = QStringLiteral("bench event %1").arg(i);
    if (stamped) {
        event.details = QJsonObject{{QStringLiteral("sentUs"), steadyUs()}};
    }
    return event;
}

void loadRules(server::RuleEngine& rules, int count) {
    static const QStringList kinds = {QStringLiteral("motion"), QStringLiteral("camera_event"), QStringLiteral("stream_error"),
                                      QStringLiteral("login_failed"), QStringLiteral("storage_problem")};
    for (int i = 0; i < count; ++i) {
        // Mixed: some sound on workstations (debounced per source), some make alarms, the rest filter on
        // kinds and severities that rarely match, as a site's rule list does.
        QJsonArray actions;
        if (i % 10 == 0) {
            actions.append(QJsonObject{{"type", "sound"}});
        } else if (i % 10 == 1) {
            actions.append(QJsonObject{{"type", "alarm"}});
        } else {
            actions.append(QJsonObject{{"type", i % 5 < 3 ? "popup" : "sound"}});  // pop-ups need camera kinds
        }
        QJsonObject filter{{"kinds", QJsonArray{kinds[i % kinds.size()]}}};
        if (i % 10 >= 2) {
            filter.insert("severities", QJsonArray{"critical"});
        }
        auto rule = server::EventRule::fromRequest(QJsonObject{{"name", QStringLiteral("bench rule %1").arg(i)},
                                                               {"filter", filter},
                                                               {"actions", actions},
                                                               {"debounceMs", 1000}});
        if (!rule || !rules.create(rule.value())) {
            std::fprintf(stderr, "cannot make rule %d\n", i);
        }
    }
}

void ingestAndDelivery(int ingest, int sessions, int rate, int seconds) {
    QTemporaryDir dir;
    server::EngineOptions options = test::engineOptions(dir.path());
    options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
    server::Engine engine(options);
    if (!engine.start()) {
        std::fprintf(stderr, "engine did not start\n");
        return;
    }
    test::ApiSession admin(engine);
    admin.post("/api/v1/setup", test::setupBody("chief", kAdminPassword));
    admin.login("chief", kAdminPassword);
    // One account, `sessions` workstations: its session limit (4 by default) raised to fit them.
    QJsonObject security = admin.get("/api/v1/settings/security").json;
    QJsonObject limits = security.value("sessions").toObject();
    limits.insert("maxPerUser", sessions + 2);
    security.insert("sessions", limits);
    const test::ApiReply limitSet = admin.put("/api/v1/settings/security", security);
    if (limitSet.status != 200) {
        std::fprintf(stderr, "cannot raise the session limit: %s\n", qPrintable(test::describe(limitSet)));
    }
    QStringList tokens;
    for (int i = 0; i < sessions; ++i) {
        test::ApiSession session(engine);
        const test::ApiReply reply = session.login("chief", kAdminPassword);
        if (session.token().isEmpty()) {
            std::fprintf(stderr, "login %d failed: %s\n", i, qPrintable(test::describe(reply)));
        }
        tokens << session.token();
    }
    loadRules(*engine.rules(), 50);

    QThread clientThread;
    Clients clients;
    clients.moveToThread(&clientThread);
    clientThread.start();
    QMetaObject::invokeMethod(&clients, [&] { clients.open(engine.baseUrl(), admin.tls(), tokens); });
    QElapsedTimer wait;
    wait.start();
    while (clients.connected < sessions && wait.elapsed() < 30000) {
        bench::wait(50);
    }
    std::printf("events: %d sessions connected, %zu rules loaded\n", clients.connected.load(),
                static_cast<size_t>(engine.rules()->rules()->size()));

    // 1. Ingest.
    const double cpu0 = bench::processCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < ingest; ++i) {
        engine.events()->raise(makeEvent(i, false));
        if (i % 1000 == 999) {
            QCoreApplication::processEvents();  // the sockets write as they would between bursts
        }
    }
    (void)engine.events()->flush();
    const double stored = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const qint64 expected = static_cast<qint64>(ingest) * sessions;
    while (clients.events < expected && timer.elapsed() < 600000) {
        bench::wait(20);
    }
    const double delivered = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double cpu = bench::processCpuSeconds() - cpu0;
    std::printf("ingest: %d events with 50 rules: %.0f events/s stored (target 10000/s); all %d sessions had every "
                "event after %.2f s = %.0f events/s end to end (%lld of %lld arrived); CPU %.2f s\n",
                ingest, ingest / stored, sessions, delivered, ingest / delivered,
                static_cast<long long>(clients.events.load()), static_cast<long long>(expected), cpu);
    auto stats = engine.rules()->stats();
    std::printf("        rules matched %lld times (%lld held back by debounce), %lld actions\n",
                static_cast<long long>(stats.matched), static_cast<long long>(stats.debounced),
                static_cast<long long>(stats.actions));

    // 2. Delivery latency at a steady rate.
    bench::wait(1500);  // the debounce windows of the ingest close
    clients.measuring = true;
    const int total = rate * seconds;
    const int perTick = std::max(1, rate / 200);  // every 5 ms
    int raised = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        for (int i = 0; i < perTick && raised < total; ++i, ++raised) {
            engine.events()->raise(makeEvent(ingest + raised, true));
        }
    });
    tick.start(5);
    while (raised < total) {
        bench::wait(50);
    }
    tick.stop();
    bench::wait(2000);
    clients.measuring = false;
    std::vector<double> latencies;
    {
        std::lock_guard lock(clients.mutex);
        latencies = clients.latenciesMs;
    }
    std::printf("delivery: %d events at %d/s to %d sessions: %zu arrivals, event -> arrival p50 %.2f ms, p99 %.2f ms, "
                "max %.2f ms (target p99 < 50 ms)\n",
                total, rate, sessions, latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end()));
    clientThread.quit();
    clientThread.wait();
    engine.stop();
}

// One stored event of the search run (i of count, spread evenly over [startMs, startMs + spanMs)):
// 500 cameras, mostly motion and its end, some stream errors and camera events, rare storage
// problems; one in 50 an alarm (new, acknowledged or handled, with its raised step), one in 20 a
// server event of no channel; severities mostly info, some warning, rare critical.
Event storedEvent(qint64 i, qint64 count, qint64 startMs, qint64 spanMs) {
    static const QStringList kinds = {QStringLiteral("motion"), QStringLiteral("motion_ended"), QStringLiteral("stream_error"),
                                      QStringLiteral("camera_event"), QStringLiteral("device_offline")};
    static const QStringList states = {QStringLiteral("new"), QStringLiteral("acknowledged"), QStringLiteral("handled")};
    Event event;
    event.id = i + 1;
    event.timeMs = startMs + static_cast<qint64>(static_cast<double>(spanMs) * static_cast<double>(i) / static_cast<double>(count));
    const int roll = static_cast<int>(i % 1000);
    if (roll < 50) {
        event.sourceType = QStringLiteral("server");
        event.sourceName = QStringLiteral("server");
        event.kind = roll < 2 ? QStringLiteral("storage_problem") : QStringLiteral("health_threshold");
    } else {
        event.sourceType = QStringLiteral("channel");
        event.sourceId = QStringLiteral("cam-%1").arg((i * 7919) % 500);  // sources interleaved in time
        event.channelId = event.sourceId;
        event.sourceName = QStringLiteral("Camera %1").arg((i * 7919) % 500);
        event.kind = roll < 450 ? kinds[0] : roll < 850 ? kinds[1] : roll < 950 ? kinds[2] : roll < 990 ? kinds[3] : kinds[4];
    }
    event.severity = roll % 200 == 7 ? QStringLiteral("critical") : roll % 10 == 3 ? QStringLiteral("warning") : QStringLiteral("info");
    event.message = QStringLiteral("%1 at %2").arg(event.kind, event.sourceName);
    event.details = QJsonObject{{QStringLiteral("active"), true}};
    if (i % 50 == 11) {
        event.alarmState = states[(i / 50) % 3];
        event.trail.append(core::model::AlarmStep{event.timeMs, QString(), QStringLiteral("raised"), QStringLiteral("rule")});
    }
    return event;
}

// The bench's fast path for filling: the rows still go through EventRepository::insert (the service's
// own batch insert), but with the event indexes dropped during the fill and made again afterwards from
// their stored SQL (sorting once instead of 10 million random index updates), a large page cache, and
// no fsync (a crash only loses the bench's scratch database).
bool bulkFill(core::store::Database& database, qint64 from, qint64 count, qint64 startMs, qint64 spanMs) {
    QStringList indexes;
    {
        auto listed = database.prepare(QStringLiteral(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL"));
        if (!listed) {
            return false;
        }
        for (auto row = listed->step(); row && row.value(); row = listed->step()) {
            indexes << listed->text(0);
        }
    }
    for (const QString& index : std::as_const(indexes)) {
        const QString name = index.section(QLatin1Char(' '), 2, 2);
        if (!database.exec(QStringLiteral("DROP INDEX ") + name)) {
            std::fprintf(stderr, "cannot drop %s\n", qPrintable(name));
            return false;
        }
    }
    (void)database.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    (void)database.exec(QStringLiteral("PRAGMA cache_size = -262144"));  // 256 MiB
    server::EventRepository repository(database);
    QElapsedTimer timer;
    timer.start();
    QList<Event> batch;
    for (qint64 i = from; i < count; ++i) {
        batch.append(storedEvent(i, count, startMs, spanMs));
        if (batch.size() == 200000 || i == count - 1) {
            if (core::Status inserted = repository.insert(batch); !inserted) {
                std::fprintf(stderr, "insert failed: %s\n", qPrintable(inserted.error().message));
                return false;
            }
            batch.clear();
            if ((i + 1) % 1'000'000 == 0) {
                std::fprintf(stderr, "  %lld events stored, %.0f s\n", static_cast<long long>(i + 1),
                             static_cast<double>(timer.nsecsElapsed()) / 1e9);
            }
        }
    }
    for (const QString& index : std::as_const(indexes)) {
        if (!database.exec(index)) {
            std::fprintf(stderr, "cannot make again: %s\n", qPrintable(index));
            return false;
        }
        std::fprintf(stderr, "  %s: %.0f s\n", qPrintable(index.section(QLatin1Char(' '), 2, 2)),
                     static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    (void)database.exec(QStringLiteral("ANALYZE"));
    (void)database.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    (void)database.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    return true;
}

// The search run's database: made and filled once in `folder` (kept for the next run with --search-db),
// or in a temporary folder. Filled through EventRepository::insert, as the service writes.
std::unique_ptr<core::store::Database> searchDatabase(const QString& folder, qint64 count, qint64 startMs, qint64 spanMs) {
    QFile keyFile(folder + QStringLiteral("/key.bin"));
    QByteArray key;
    if (keyFile.open(QIODevice::ReadOnly)) {
        key = keyFile.readAll();
        keyFile.close();
    } else {
        key = QByteArray(core::store::Database::kKeyBytes, '\0');
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(key.data()), key.size() / 4);
        if (!keyFile.open(QIODevice::WriteOnly) || keyFile.write(key) != key.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(keyFile.fileName()));
            return nullptr;
        }
        keyFile.close();
    }
    QElapsedTimer timer;
    timer.start();
    auto db = core::store::Database::open(folder + QStringLiteral("/events.db"), key);
    if (!db || !core::store::Migrator::migrate(*db.value(), server::serverMigrations())) {
        std::fprintf(stderr, "cannot open or migrate the database in %s\n", qPrintable(folder));
        return nullptr;
    }
    std::unique_ptr<core::store::Database> database = std::move(db.value());
    server::EventRepository repository(*database);
    const auto last = repository.lastId();
    const qint64 stored = last ? last.value() : 0;
    if (stored > 0) {
        std::printf("search: %lld events already stored in %s (opened and migrated in %.1f s)\n",
                    static_cast<long long>(stored), qPrintable(folder), static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    if (count > stored) {
        timer.restart();
        if (!bulkFill(*database, stored, count, startMs, spanMs)) {
            return nullptr;
        }
        const double fillS = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        std::printf("search: %lld events stored in %.0f s (%.0f/s: EventRepository::insert, 200,000 a transaction, "
                    "the event indexes dropped and made again afterwards)\n",
                    static_cast<long long>(count - stored), fillS, static_cast<double>(count - stored) / fillS);
    }
    return database;
}

// Searches as GET /api/v1/events runs them: the query string through parseEventQuery, one more row
// than the page to see whether another follows, the caller's channel scope, EventRepository::search
// (EventService::search adds only a flush of its pending batch, empty here).
void search(qint64 count, int queries, const QString& keep) {
    QTemporaryDir temporary;
    const QString folder = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(folder);
    const qint64 endMs = 1'790'000'000'000;
    const qint64 spanMs = 30LL * 24 * 3600 * 1000;
    const qint64 startMs = endMs - spanMs;
    std::unique_ptr<core::store::Database> database = searchDatabase(folder, count, startMs, spanMs);
    if (!database) {
        return;
    }
    server::EventRepository repository(*database);
    auto random = [](qint64 bound) { return static_cast<qint64>(QRandomGenerator::global()->bounded(static_cast<quint64>(bound))); };
    auto camera = [&random] { return QStringLiteral("cam-%1").arg(random(500)); };
    auto range = [&](qint64 ms) {
        const qint64 from = startMs + random(spanMs - ms);
        return QStringLiteral("from=%1&to=%2").arg(from).arg(from + ms);
    };
    const qint64 hour = 3'600'000;
    const qint64 day = 24 * hour;
    server::EventScope operatorScope;  // a role that reaches 20 of the 500 cameras
    operatorScope.all = false;
    for (int i = 0; i < 20; ++i) {
        operatorScope.channels.insert(QStringLiteral("cam-%1").arg(i * 25));
    }
    struct Case {
        const char* what;
        std::function<QString()> query;
        bool scoped = false;
    };
    const QList<Case> cases = {
        {"time range 1 h", [&] { return range(hour); }},
        {"time range 1 h + source", [&] { return range(hour) + "&source=" + camera(); }},
        {"time range 1 day + source", [&] { return range(day) + "&source=" + camera(); }},
        {"time range 7 days + source", [&] { return range(7 * day) + "&source=" + camera(); }},
        {"source, newest", [&] { return "source=" + camera(); }},
        {"2 sources, newest", [&] { return "source=" + camera() + "," + camera(); }},
        {"time range 1 h + kind", [&] { return range(hour) + "&kind=motion"; }},
        {"time range 1 day + 2 kinds", [&] { return range(day) + "&kind=stream_error,device_offline"; }},
        {"time range 1 day + source + 2 kinds", [&] { return range(day) + "&source=" + camera() + "&kind=motion,stream_error"; }},
        {"rare kind, newest", [&] { return QStringLiteral("kind=storage_problem"); }},
        {"state pending", [&] { return QStringLiteral("state=pending"); }},
        {"time range 1 day + state new", [&] { return range(day) + "&state=new"; }},
        {"time range 7 days + alarms", [&] { return range(7 * day) + "&alarms=true"; }},
        {"severity critical, newest", [&] { return QStringLiteral("severity=critical"); }},
        {"time range 1 h, page 10", [&] { return range(hour) + "&offset=900"; }},
        {"operator (20 cameras), 1 day", [&] { return range(day); }, true},
        {"operator (20 cameras), newest", [&] { return QString(); }, true},
    };
    std::printf("search over %lld events, %d queries each, as GET /api/v1/events (page of 100); target p95 < 100 ms\n",
                static_cast<long long>(count), queries);
    std::printf("  %-38s %9s %9s %9s %9s  %s\n", "query", "p50 ms", "p95 ms", "p99 ms", "rows", "p95 < 100 ms");
    for (const Case& each : cases) {
        std::vector<double> times;
        qint64 rows = 0;
        for (int i = 0; i < queries; ++i) {
            auto query = server::parseEventQuery(QUrlQuery(each.query()), 1000);
            if (!query) {
                std::fprintf(stderr, "%s: %s\n", each.what, qPrintable(query.error().message));
                return;
            }
            if (each.scoped) {
                query->scope = operatorScope;
            }
            query->limit += 1;
            QElapsedTimer one;
            one.start();
            auto found = repository.search(query.value());
            times.push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
            rows += found ? found->size() : 0;
        }
        const double p95 = percentile(times, 95);
        std::printf("  %-38s %9.2f %9.2f %9.2f %9lld  %s\n", each.what, percentile(times, 50), p95, percentile(times, 99),
                    static_cast<long long>(rows / queries), p95 < 100 ? "yes" : "NO");
    }
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Event ingest, delivery latency and search (issue 6)."));
    parser.addHelpOption();
    const QCommandLineOption ingest({QStringLiteral("ingest")}, QStringLiteral("events for the ingest run"), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption sessions({QStringLiteral("sessions")}, QStringLiteral("WebSocket sessions"), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption rate({QStringLiteral("rate")}, QStringLiteral("events/s for the latency run"), QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption seconds({QStringLiteral("seconds")}, QStringLiteral("length of the latency run"), QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption searchEvents({QStringLiteral("search-events")}, QStringLiteral("stored events for the search run (0: skip)"), QStringLiteral("n"), QStringLiteral("10000000"));
    const QCommandLineOption queries({QStringLiteral("queries")}, QStringLiteral("queries per search kind"), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption searchDb({QStringLiteral("search-db")}, QStringLiteral("folder that keeps the search run's database for the next run (filled up to --search-events)"), QStringLiteral("dir"));
    parser.addOptions({ingest, sessions, rate, seconds, searchEvents, queries, searchDb});
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    if (parser.value(ingest).toInt() > 0) {
        ingestAndDelivery(parser.value(ingest).toInt(), parser.value(sessions).toInt(), parser.value(rate).toInt(),
                          parser.value(seconds).toInt());
    }
    if (parser.value(searchEvents).toLongLong() > 0) {
        search(parser.value(searchEvents).toLongLong(), parser.value(queries).toInt(), parser.value(searchDb));
    }
    return 0;
}
