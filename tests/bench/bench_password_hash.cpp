// bench_password_hash: what a login costs with Argon2id parameter sets around the chosen one
// (PasswordHasher::kDefaultParameters), beside OWASP's PBKDF2-HMAC-SHA256 figure (600,000
// iterations) as a reference. Each set runs in its own child process so "peak RSS" is that set's
// own high-water mark (getrusage ru_maxrss), not the largest set run before it.
//
//   bench_password_hash [--runs N] [--parallel-rounds N]
//
// Prints medians of N runs; "unknown user" is dummyVerify(), which must cost what verify costs.
// Run on an otherwise idle machine.

#include <openssl/evp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

#include "security/password_hasher.h"

using vigil::core::security::Argon2Parameters;
using vigil::core::security::PasswordHasher;

namespace {

constexpr int kPbkdf2Iterations = 600'000;
const QString kPassword = QStringLiteral("Vigil-bench#2024");

struct Options {
    int runs = 7;
    int parallelRounds = 4;
};

struct NamedSet {
    const char* label;
    Argon2Parameters parameters;
};

double medianMs(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double timeMs(const std::function<void()>& work) {
    QElapsedTimer timer;
    timer.start();
    work();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Runs `body` in a child so its peak RSS is its own; the child prints its row itself.
void inChild(const std::function<void()>& body) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        body();
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

void benchArgon2(const NamedSet& set, const Options& options) {
    inChild([&set, &options] {
        const long baseline = peakRssKiB();
        const PasswordHasher hasher(set.parameters);
        QString encoded;
        std::vector<double> hashes;
        std::vector<double> verifies;
        std::vector<double> dummies;
        for (int i = 0; i < options.runs; ++i) {
            hashes.push_back(timeMs([&] { encoded = hasher.hash(kPassword).value(); }));
            verifies.push_back(timeMs([&] { (void)hasher.verify(kPassword, encoded); }));
            dummies.push_back(timeMs([&] { hasher.dummyVerify(kPassword); }));
        }
        const auto& p = set.parameters;
        std::printf(
            "%-22s m=%6u KiB t=%u p=%u  hash %6.1f ms  verify %6.1f ms  unknown user %6.1f ms  "
            "peak RSS +%6ld KiB\n",
            set.label, p.memoryKiB, p.iterations, p.parallelism, medianMs(hashes), medianMs(verifies),
            medianMs(dummies), peakRssKiB() - baseline);
    });
}

void benchPbkdf2(const Options& options) {
    inChild([&options] {
        const long baseline = peakRssKiB();
        const QByteArray password = kPassword.toUtf8();
        const QByteArray salt(16, 'S');
        unsigned char out[32];
        std::vector<double> samples;
        for (int i = 0; i < options.runs; ++i) {
            samples.push_back(timeMs([&] {
                PKCS5_PBKDF2_HMAC(password.constData(), static_cast<int>(password.size()),
                                  reinterpret_cast<const unsigned char*>(salt.constData()),
                                  static_cast<int>(salt.size()), kPbkdf2Iterations, EVP_sha256(), sizeof out,
                                  out);
            }));
        }
        // PBKDF2's verify is one more derivation plus a compare: the same time as a hash.
        std::printf(
            "%-22s %u iterations        hash %6.1f ms  verify %6.1f ms                          "
            "peak RSS +%6ld KiB\n",
            "PBKDF2-HMAC-SHA256", kPbkdf2Iterations, medianMs(samples), medianMs(samples),
            peakRssKiB() - baseline);
    });
}

// `threads` logins at once, each verifying `rounds` times: the wall time a user waits and the
// logins per second the box sustains, with the memory all of them hold together.
void benchParallel(const Argon2Parameters& parameters, int threads, const Options& options) {
    inChild([&parameters, threads, &options] {
        const PasswordHasher hasher(parameters);
        const QString encoded = hasher.hash(kPassword).value();
        const long baseline = peakRssKiB();
        const double wallMs = timeMs([&] {
            std::vector<std::thread> workers;
            for (int t = 0; t < threads; ++t) {
                workers.emplace_back([&] {
                    for (int r = 0; r < options.parallelRounds; ++r) {
                        (void)hasher.verify(kPassword, encoded);
                    }
                });
            }
            for (auto& worker : workers) {
                worker.join();
            }
        });
        const double logins = threads * options.parallelRounds;
        std::printf(
            "  %2d concurrent logins: %8.1f ms each as seen by a user, %6.1f logins/s, peak RSS +%6ld KiB\n",
            threads, wallMs / options.parallelRounds, logins * 1000.0 / wallMs, peakRssKiB() - baseline);
    });
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--runs") == 0) {
            options.runs = std::max(1, std::atoi(argv[i + 1]));
        } else if (std::strcmp(argv[i], "--parallel-rounds") == 0) {
            options.parallelRounds = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    const Argon2Parameters chosen = PasswordHasher::kDefaultParameters;
    const NamedSet sets[] = {
        {"OWASP 12 MiB t=3", {12 * 1024, 3, 1}}, {"OWASP 19 MiB t=2", {19 * 1024, 2, 1}},
        {"OWASP 46 MiB t=1", {46 * 1024, 1, 1}}, {"64 MiB t=3 (RFC 9106)", {64 * 1024, 3, 1}},
        {"64 MiB t=3 p=2", {64 * 1024, 3, 2}},   {"CHOSEN (default)", chosen},
    };
    std::printf("Argon2id vs PBKDF2, median of %d runs, %u hardware threads\n", options.runs,
                std::thread::hardware_concurrency());
    for (const NamedSet& set : sets) {
        benchArgon2(set, options);
    }
    benchPbkdf2(options);
    std::printf(
        "Parallel logins with the chosen parameters (m=%u KiB t=%u p=%u), %d verifies per login slot:\n",
        chosen.memoryKiB, chosen.iterations, chosen.parallelism, options.parallelRounds);
    for (const int threads : {1, 2, 4, 8}) {
        benchParallel(chosen, threads, options);
    }
    return 0;
}
