#pragma once
// PasswordHasher: Argon2id (libargon2) for account passwords and security-question answers.
// Output is the standard PHC string "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"
// (16-byte random salt, 32-byte hash) so the parameters travel with each hash and can change later:
// verify() reports needsRehash when a stored hash was made with other parameters, and the login
// path stores a fresh hash while it holds the plaintext.
//
// Default parameters m=19 MiB, t=2, p=1 (OWASP's Argon2id baseline): ~20 ms and ~24 MiB per login
// on a 2-core box. Why, with the measured figures: the comment on kDefaultParameters in the .cpp.
//
// Thread safety: every member is const after construction; one hasher serves all threads. Each
// hash or verify holds memoryKiB of RAM while it runs, so the server bounds how many run at once.

#include <QByteArray>
#include <QString>

#include "common/result.h"

namespace vigil::core::security {

struct Argon2Parameters {
    quint32 memoryKiB = 0;    // m: memory cost in KiB
    quint32 iterations = 0;   // t: passes over the memory
    quint32 parallelism = 0;  // p: lanes (and threads)

    bool operator==(const Argon2Parameters&) const = default;
};

struct PasswordVerification {
    bool ok = false;           // the password matches
    bool needsRehash = false;  // it matches, but the stored hash uses other parameters: store hash() now
};

class PasswordHasher {
public:
    static const Argon2Parameters kDefaultParameters;
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;
    // Stored hashes asking for more than this are refused as malformed: a tampered row must not
    // make one login allocate gigabytes or spin for minutes.
    static constexpr quint32 kMaxMemoryKiB = 1024 * 1024;
    static constexpr quint32 kMaxIterations = 64;
    static constexpr quint32 kMaxParallelism = 16;

    // Precomputes the hash dummyVerify() checks against (costs one hash).
    explicit PasswordHasher(Argon2Parameters parameters = kDefaultParameters);

    const Argon2Parameters& parameters() const { return m_parameters; }

    // Errors: password_hash_failed (no randomness, out of memory, parameters libargon2 refuses).
    Result<QString> hash(const QString& password) const;

    // Ok with {ok=false} for a wrong password. Errors: password_hash_malformed (not a PHC Argon2id
    // string this hasher accepts), password_hash_failed (libargon2 failed, e.g. out of memory).
    Result<PasswordVerification> verify(const QString& password, const QString& encoded) const;

    // Spends the time of a real verify() against a hash that matches nothing, for logins naming an
    // unknown user, so the answer time does not reveal which user names exist.
    void dummyVerify(const QString& password) const;

    // Reads m, t and p from an encoded hash; password_hash_malformed when it is not one we accept.
    static Result<Argon2Parameters> parseParameters(const QString& encoded);

    // Overwrites then clears a buffer that held a password. Best effort for QString: copies made
    // elsewhere (implicit sharing, the network buffer) are the owner's to wipe.
    static void wipe(QByteArray& buffer);
    static void wipe(QString& text);

private:
    Result<QString> hashWithSalt(const QByteArray& password, const QByteArray& salt) const;

    Argon2Parameters m_parameters;
    QByteArray m_dummyEncoded;  // NUL-terminated PHC string of a random, discarded password
};

}  // namespace vigil::core::security
