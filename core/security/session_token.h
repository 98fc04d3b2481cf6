#pragma once
// SessionToken: the bearer token a login returns (SEC-1.9 sessions). 32 bytes from the OS CSPRNG
// (256 bits: unguessable even at billions of tries per second), sent as base64url without padding
// (43 characters, safe in headers and URLs). The server stores only hashForStorage(token), so a copy
// of the database does not hand out live sessions; SHA-256 is enough here (no slow hash) because the
// token is random and long, unlike a password.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "common/result.h"

namespace vigil::core::security {

class SessionToken {
public:
    static constexpr int kRandomBytes = 32;
    static constexpr int kEncodedLength = 43;  // ceil(32 * 4 / 3) without '=' padding
    static constexpr int kHashHexLength = 64;

    // A fresh token; error token_random_failed when the CSPRNG cannot deliver (no entropy).
    static Result<QString> generate();

    // True when `token` has the shape generate() makes (length and base64url alphabet). Lets the
    // server refuse junk before touching the session table.
    static bool isWellFormed(const QString& token);

    // Lower-case hex SHA-256 of the token's ASCII: what the session table keeps.
    static QString hashForStorage(const QString& token);

    // Compares in time that depends only on the lengths, never on where the contents differ.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
    static bool constantTimeEquals(const QString& a, const QString& b);
};

}  // namespace vigil::core::security
