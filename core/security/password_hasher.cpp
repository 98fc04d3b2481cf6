#include "security/password_hasher.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <QList>
#include <QStringView>
#include <optional>

namespace vigil::core::security {

// m = 19 MiB, t = 2, p = 1: OWASP Password Storage Cheat Sheet's first Argon2id configuration. OWASP
// rates its listed m/t pairs (46 MiB/t=1, 19 MiB/t=2, 12 MiB/t=3, ...) as equally strong; among them
// this one keeps per-login memory low, which matters most here: the engine also runs inside the
// workstation (next to video decoding) and on modest 2-core servers, and must survive bursts of
// parallel logins. p = 1 because lanes only split one login over cores that other logins need.
//
// Measured with bench_password_hash (tests/bench) on the 2-core development VM, Debian 12,
// libargon2 0~20171227, medians of 11 runs, shared machine so figures vary by about 20 %:
//   Argon2id m=19 MiB t=2 p=1 (chosen)  hash 20-23 ms, verify 20-22 ms, dummyVerify 20-22 ms, +24 MiB RSS
//   Argon2id m=12 MiB t=3 p=1           19-26 ms, +17 MiB
//   Argon2id m=46 MiB t=1 p=1           55-61 ms, +51 MiB
//   Argon2id m=64 MiB t=3 p=1 (RFC 9106) 158-199 ms, +69 MiB
//   Argon2id m=64 MiB t=3 p=2            86-123 ms, +70 MiB
//   PBKDF2-HMAC-SHA256 600,000 iter.    136-175 ms, +4 MiB (OWASP's PBKDF2 figure, for reference)
//   chosen, concurrent logins: 2 at once 25-35 ms each, 4 at once 50-64 ms, 8 at once 100-127 ms
//   and +157 MiB; the box sustains 60-80 logins/s.
// So a login costs ~20 ms, far under the 0.5 s budget even 8 at a time, while 64 MiB/t=3 would
// take ~0.7-0.8 s per user and ~560 MiB with 8 at once. Offline, every guess still needs 19 MiB of
// memory-hard work, and the hashes sit inside the SQLCipher database whose key is kept elsewhere.
// Raise the costs here when hardware allows: stored hashes upgrade on the next login (needsRehash).
const Argon2Parameters PasswordHasher::kDefaultParameters{19 * 1024, 2, 1};

namespace {

constexpr quint32 kMinSaltBytes = 8;      // libargon2's ARGON2_MIN_SALT_LENGTH
constexpr quint32 kMinHashBytes = 4;      // libargon2's ARGON2_MIN_OUTLEN
constexpr quint32 kMinMemoryPerLane = 8;  // Argon2 needs 8 KiB blocks per lane at least
const QString kPrefix = QStringLiteral("argon2id");
const QString kVersion = QStringLiteral("v=19");

Error malformed(const QString& why) {
    return Error::make(QStringLiteral("password_hash_malformed"),
                       QStringLiteral("The stored password hash is not a valid Argon2id hash (%1), so this "
                                      "password cannot be checked. An administrator must set a new password "
                                      "for this account.")
                           .arg(why));
}

Error argonFailed(const QString& what, int code) {
    return Error::make(QStringLiteral("password_hash_failed"),
                       QStringLiteral("Could not %1 the password: %2. The server may be short of memory; "
                                      "try again, and check the server's memory if it persists.")
                           .arg(what, QString::fromLatin1(argon2_error_message(code))));
}

// Digits only, no sign, no leading zero: the PHC format is canonical, anything else is tampering.
std::optional<quint32> parseNumber(QStringView text) {
    if (text.isEmpty() || text.size() > 10 || (text.size() > 1 && text.front() == u'0')) {
        return std::nullopt;
    }
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return std::nullopt;
        }
        value = value * 10 + static_cast<quint64>(c.unicode() - u'0');
    }
    if (value > 0xFFFFFFFFULL) {
        return std::nullopt;
    }
    return static_cast<quint32>(value);
}

std::optional<quint32> parseField(QStringView field, QStringView name) {
    if (field.size() <= name.size() + 1 || !field.startsWith(name) || field[name.size()] != u'=') {
        return std::nullopt;
    }
    return parseNumber(field.mid(name.size() + 1));
}

// Unpadded standard base64, as libargon2 writes it; returns the decoded length or nothing.
std::optional<quint32> decodedLength(const QString& text) {
    if (text.isEmpty() || text.contains(u'=')) {
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return static_cast<quint32>(decoded.decoded.size());
}

struct Decoded {
    Argon2Parameters parameters;
    quint32 saltBytes = 0;
    quint32 hashBytes = 0;
};

Result<Argon2Parameters> checkLimits(const Argon2Parameters& p) {
    if (p.parallelism < 1 || p.parallelism > PasswordHasher::kMaxParallelism) {
        return malformed(QStringLiteral("parallelism out of range"));
    }
    if (p.iterations < 1 || p.iterations > PasswordHasher::kMaxIterations) {
        return malformed(QStringLiteral("iterations out of range"));
    }
    if (p.memoryKiB < kMinMemoryPerLane * p.parallelism || p.memoryKiB > PasswordHasher::kMaxMemoryKiB) {
        return malformed(QStringLiteral("memory cost out of range"));
    }
    return p;
}

Result<Decoded> decode(const QString& encoded) {
    // "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" splits into 6 parts, the first empty.
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 6 || !parts[0].isEmpty()) {
        return malformed(QStringLiteral("expected $argon2id$v=19$m=..,t=..,p=..$salt$hash"));
    }
    if (parts[1] != kPrefix) {
        return malformed(QStringLiteral("the algorithm is not argon2id"));
    }
    if (parts[2] != kVersion) {
        return malformed(QStringLiteral("the version is not 19"));
    }
    const QStringList fields = parts[3].split(u',');
    if (fields.size() != 3) {
        return malformed(QStringLiteral("expected m=..,t=..,p=.."));
    }
    const auto m = parseField(fields[0], u"m");
    const auto t = parseField(fields[1], u"t");
    const auto p = parseField(fields[2], u"p");
    if (!m || !t || !p) {
        return malformed(QStringLiteral("the cost parameters are not numbers"));
    }
    auto limits = checkLimits(Argon2Parameters{*m, *t, *p});
    if (!limits) {
        return limits.error();
    }
    const auto salt = decodedLength(parts[4]);
    const auto hash = decodedLength(parts[5]);
    if (!salt || *salt < kMinSaltBytes || !hash || *hash < kMinHashBytes) {
        return malformed(QStringLiteral("the salt or hash is not valid base64 of a usable length"));
    }
    return Decoded{limits.value(), *salt, *hash};
}

QByteArray randomBytes(int count) {
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1) {
        return {};
    }
    return bytes;
}

// Owns the UTF-8 copy of a password for one call and wipes it however the call ends.
class PasswordBytes {
public:
    explicit PasswordBytes(const QString& password) : m_bytes(password.toUtf8()) {}
    ~PasswordBytes() { PasswordHasher::wipe(m_bytes); }
    PasswordBytes(const PasswordBytes&) = delete;
    PasswordBytes& operator=(const PasswordBytes&) = delete;
    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

}  // namespace

PasswordHasher::PasswordHasher(Argon2Parameters parameters) : m_parameters(parameters) {
    QByteArray secret = randomBytes(kHashBytes);
    const QByteArray salt = randomBytes(kSaltBytes);
    // Should the CSPRNG fail here, hashing fails later too; the dummy then stays empty and
    // dummyVerify() falls back to hashing, which costs the same.
    if (!secret.isEmpty() && !salt.isEmpty()) {
        auto encoded = hashWithSalt(secret, salt);
        if (encoded) {
            m_dummyEncoded = encoded.value().toLatin1();
        }
    }
    wipe(secret);
}

Result<QString> PasswordHasher::hash(const QString& password) const {
    const QByteArray salt = randomBytes(kSaltBytes);
    if (salt.isEmpty()) {
        return Error::make(QStringLiteral("password_hash_failed"),
                           QStringLiteral("The system's random number generator failed, so no password hash "
                                          "can be made. Check the server's entropy source and try again."));
    }
    const PasswordBytes bytes(password);
    return hashWithSalt(bytes.bytes(), salt);
}

Result<QString> PasswordHasher::hashWithSalt(const QByteArray& password, const QByteArray& salt) const {
    const auto& p = m_parameters;
    const size_t length =
        argon2_encodedlen(p.iterations, p.memoryKiB, p.parallelism, kSaltBytes, kHashBytes, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(length), '\0');
    const int rc = argon2id_hash_encoded(
        p.iterations, p.memoryKiB, p.parallelism, password.constData(), static_cast<size_t>(password.size()),
        salt.constData(), static_cast<size_t>(salt.size()), kHashBytes, encoded.data(), length);
    if (rc != ARGON2_OK) {
        return argonFailed(QStringLiteral("hash"), rc);
    }
    return QString::fromLatin1(encoded.constData());
}

Result<PasswordVerification> PasswordHasher::verify(const QString& password, const QString& encoded) const {
    auto decoded = decode(encoded);
    if (!decoded) {
        return decoded.error();
    }
    const QByteArray encodedAscii = encoded.toLatin1();
    const PasswordBytes bytes(password);
    const int rc = argon2id_verify(encodedAscii.constData(), bytes.bytes().constData(),
                                   static_cast<size_t>(bytes.bytes().size()));
    if (rc == ARGON2_VERIFY_MISMATCH) {
        return PasswordVerification{false, false};
    }
    if (rc != ARGON2_OK) {
        return rc == ARGON2_DECODING_FAIL
                   ? Result<PasswordVerification>(malformed(QStringLiteral("undecodable")))
                   : Result<PasswordVerification>(argonFailed(QStringLiteral("check"), rc));
    }
    const bool current = decoded->parameters == m_parameters &&
                         decoded->saltBytes == static_cast<quint32>(kSaltBytes) &&
                         decoded->hashBytes == static_cast<quint32>(kHashBytes);
    return PasswordVerification{true, !current};
}

void PasswordHasher::dummyVerify(const QString& password) const {
    const PasswordBytes bytes(password);
    if (m_dummyEncoded.isEmpty()) {
        const QByteArray salt(kSaltBytes, '\0');
        (void)hashWithSalt(bytes.bytes(), salt);
        return;
    }
    (void)argon2id_verify(m_dummyEncoded.constData(), bytes.bytes().constData(),
                          static_cast<size_t>(bytes.bytes().size()));
}

Result<Argon2Parameters> PasswordHasher::parseParameters(const QString& encoded) {
    auto decoded = decode(encoded);
    if (!decoded) {
        return decoded.error();
    }
    return decoded->parameters;
}

void PasswordHasher::wipe(QByteArray& buffer) {
    if (!buffer.isEmpty() && buffer.isDetached()) {
        OPENSSL_cleanse(buffer.data(), static_cast<size_t>(buffer.size()));
    }
    buffer.clear();
}

void PasswordHasher::wipe(QString& text) {
    if (!text.isEmpty() && text.isDetached()) {
        OPENSSL_cleanse(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    }
    text.clear();
}

}  // namespace vigil::core::security
