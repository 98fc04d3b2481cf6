// Helper for tst_crash_durability: commits one row per transaction, forever, and acknowledges each
// commit on stdout only after commit() returned. The test kills it with SIGKILL at a random moment
// and checks that every acknowledged row survived.
// Usage: store_writer <database path> <64 hex digit key>

#include <QByteArray>
#include <QString>
#include <cstdio>

#include "store/database.h"

using vigil::core::store::Database;
using vigil::core::store::Transaction;

namespace {

constexpr qint64 kMaxRows = 10'000'000;  // a runaway helper stops eventually even if nobody kills it

int fail(const QString& message) {
    std::fprintf(stderr, "store_writer: %s\n", message.toLocal8Bit().constData());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        return fail(QStringLiteral("usage: store_writer <database path> <64 hex digit key>"));
    }
    auto db = Database::open(QString::fromLocal8Bit(argv[1]), QByteArray::fromHex(argv[2]));
    if (!db) {
        return fail(db.error().message);
    }
    Database& store = *db.value();
    if (auto made = store.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS rows ("
                                              "n INTEGER PRIMARY KEY, payload TEXT NOT NULL)"));
        !made) {
        return fail(made.error().message);
    }
    auto last = store.prepare(QStringLiteral("SELECT coalesce(max(n), 0) FROM rows"));
    if (!last || !last->step().ok()) {
        return fail(QStringLiteral("cannot read the last row"));
    }
    const qint64 first = last->int64(0) + 1;
    auto insert = store.prepare(QStringLiteral("INSERT INTO rows (n, payload) VALUES (?1, ?2)"));
    if (!insert) {
        return fail(insert.error().message);
    }
    for (qint64 n = first; n < kMaxRows; ++n) {
        Transaction transaction(store);
        insert->bind(1, n).bind(2, QStringLiteral("row %1").arg(n));
        if (auto inserted = insert->run(); !inserted) {
            return fail(inserted.error().message);
        }
        insert->reset();
        if (auto committed = transaction.commit(); !committed) {
            return fail(committed.error().message);
        }
        std::printf("committed %lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
    return 0;
}
