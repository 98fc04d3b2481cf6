// Events (issue 6, docs/design/events.md), against the targets of the issue:
//  1. ingest: events raised as fast as the engine takes them with 50 rules loaded and 20 sessions
//     on the events WebSocket: events/s stored (target 10,000/s) and until every session had every
//     event;
//  2. delivery: events raised at a steady rate; time from raise() to arrival at each of 20 sessions
//     (their sockets run on a thread of their own), p50/p99 (target p99 < 50 ms);
//  3. search: 10 million stored events (500 sources, 30 days); a page of 100 by time range (1 h),
//     by time range (1 h) and source, and by source alone: p50/p95 (target p95 < 100 ms).
// Run on demand: bench_events [--ingest N] [--rate N] [--seconds N] [--search-events N] [--queries N]

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
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
#include <mutex>

#include "accounts/api_session.h"
#include "bench/bench_support.h"
#include "engine/engine.h"
#include "engine/schema.h"
#include "events/event_repository.h"
#include "events/event_rule.h"
#include "events/event_service.h"
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

void search(qint64 count, int queries) {
    QTemporaryDir dir;
    QByteArray key(core::store::Database::kKeyBytes, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(key.data()), key.size() / 4);
    auto db = core::store::Database::open(dir.filePath("events.db"), key);
    if (!db || !core::store::Migrator::migrate(*db.value(), server::serverMigrations())) {
        std::fprintf(stderr, "cannot make the database\n");
        return;
    }
    core::store::Database& database = *db.value();
    const qint64 endMs = 1'790'000'000'000;
    const qint64 spanMs = 30LL * 24 * 3600 * 1000;
    const qint64 startMs = endMs - spanMs;
    QElapsedTimer timer;
    timer.start();
    {
        // Written like the service writes (its batch insert), in large transactions.
        server::EventRepository repository(database);
        QList<Event> batch;
        for (qint64 i = 0; i < count; ++i) {
            Event event = makeEvent(static_cast<int>(i % 1'000'000), false);
            event.id = i + 1;
            event.timeMs = startMs + spanMs * i / count;
            event.details = QJsonObject{{QStringLiteral("active"), true}};
            batch.append(event);
            if (batch.size() == 50000 || i == count - 1) {
                if (!repository.insert(batch)) {
                    std::fprintf(stderr, "insert failed\n");
                    return;
                }
                batch.clear();
                if ((i + 1) % 1'000'000 == 0) {
                    std::fprintf(stderr, "  %lld events stored\n", static_cast<long long>(i + 1));
                }
            }
        }
    }
    const double fillS = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::printf("search: %lld events stored in %.0f s (%.0f/s in batches of 50000)\n", static_cast<long long>(count),
                fillS, static_cast<double>(count) / fillS);
    (void)database.exec(QStringLiteral("ANALYZE"));

    server::EventRepository repository(database);
    auto measure = [&](const char* what, auto makeQuery) {
        std::vector<double> times;
        qint64 rows = 0;
        for (int i = 0; i < queries; ++i) {
            server::EventQuery query = makeQuery();
            QElapsedTimer one;
            one.start();
            auto found = repository.search(query);
            times.push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
            rows += found ? found->size() : 0;
        }
        std::printf("search: %-32s p50 %7.2f ms  p95 %7.2f ms  (target p95 < 100 ms), %lld rows per query on average\n",
                    what, percentile(times, 50), percentile(times, 95), static_cast<long long>(rows / queries));
    };
    auto randomHour = [&](server::EventQuery& query) {
        query.fromMs = startMs + QRandomGenerator::global()->bounded(spanMs - 3'600'000);
        query.toMs = query.fromMs + 3'600'000;
    };
    measure("time range (1 h), page of 100", [&] {
        server::EventQuery query;
        randomHour(query);
        return query;
    });
    measure("time range (1 h) and source", [&] {
        server::EventQuery query;
        randomHour(query);
        query.sourceIds = {QStringLiteral("cam-%1").arg(QRandomGenerator::global()->bounded(500))};
        return query;
    });
    measure("time range (1 day) and source", [&] {
        server::EventQuery query;
        query.fromMs = startMs + QRandomGenerator::global()->bounded(spanMs - 86'400'000);
        query.toMs = query.fromMs + 86'400'000;
        query.sourceIds = {QStringLiteral("cam-%1").arg(QRandomGenerator::global()->bounded(500))};
        return query;
    });
    measure("source alone, newest 100", [&] {
        server::EventQuery query;
        query.sourceIds = {QStringLiteral("cam-%1").arg(QRandomGenerator::global()->bounded(500))};
        return query;
    });
    measure("time range (1 h), page 10 (offset 900)", [&] {
        server::EventQuery query;
        randomHour(query);
        query.offset = 900;
        return query;
    });
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
    parser.addOptions({ingest, sessions, rate, seconds, searchEvents, queries});
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    if (parser.value(ingest).toInt() > 0) {
        ingestAndDelivery(parser.value(ingest).toInt(), parser.value(sessions).toInt(), parser.value(rate).toInt(),
                          parser.value(seconds).toInt());
    }
    if (parser.value(searchEvents).toLongLong() > 0) {
        search(parser.value(searchEvents).toLongLong(), parser.value(queries).toInt());
    }
    return 0;
}
