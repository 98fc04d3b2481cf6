#pragma once
// RTSP authentication as cameras do it: HTTP Basic and Digest (RFC 2617, RFC 7616) carried in
// WWW-Authenticate / Authorization headers. Parses challenges, computes Digest responses (MD5,
// MD5-sess, SHA-256, SHA-256-sess; qop "auth" or none), and checks a client's Authorization on the
// server side (vigil-testcamera). Hashes come from QCryptographicHash.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

#include "common/result.h"

namespace vigil::core::media::rtsp {

enum class AuthScheme { Basic, Digest, Other };

struct AuthChallenge {
    AuthScheme scheme = AuthScheme::Other;
    QByteArray schemeName;  // as sent
    QByteArray realm;
    QByteArray nonce;
    QByteArray opaque;
    QByteArray algorithm = "MD5";  // RFC 2617 default when absent
    QList<QByteArray> qop;         // offered qop values, lower case ("auth", "auth-int")
    QByteArray domain;
    bool stale = false;

    // A scheme and algorithm we can answer: Basic, or Digest with a known algorithm whose qop
    // offer is empty or includes "auth".
    bool isSupported() const;
    // Larger is stronger: used to pick among several challenges.
    int strength() const;
};

// One WWW-Authenticate header value; RFC 7235 allows several challenges in one value
// ("Digest realm=..., nonce=..., Basic realm=...").
Result<QList<AuthChallenge>> parseWwwAuthenticate(QByteArrayView value);
// The strongest supported challenge from every WWW-Authenticate header of a 401.
std::optional<AuthChallenge> strongestChallenge(const QList<QByteArray>& headerValues);

// Hex digest of the Digest response (RFC 7616 section 3.4.1). `qop` empty means RFC 2069 style
// (no nc/cnonce). Returns empty for an unknown algorithm.
QByteArray digestResponse(const AuthChallenge& challenge, const QString& user, const QString& password,
                          QByteArrayView method, QByteArrayView uri, QByteArrayView qop, QByteArrayView nc,
                          QByteArrayView cnonce);

// A client's credentials answering one challenge: builds the Authorization value for each request,
// counting nc for Digest as RFC 7616 asks.
class RtspAuthenticator {
public:
    RtspAuthenticator() = default;
    RtspAuthenticator(QString user, QString password) : m_user(std::move(user)), m_password(std::move(password)) {}

    bool hasCredentials() const { return !m_user.isEmpty(); }
    // Takes the challenges of a 401. False when there is nothing to answer with: no credentials,
    // no supported scheme, or these credentials were already refused for this challenge (a
    // Digest challenge marked stale=true may be answered again).
    bool takeChallenge(const QList<QByteArray>& wwwAuthenticate);
    bool hasChallenge() const { return m_challenge.has_value(); }
    std::optional<AuthChallenge> challenge() const { return m_challenge; }
    // "Basic ..." or "Digest ..." for a request, empty before a challenge was taken.
    QByteArray authorization(QByteArrayView method, QByteArrayView uri);

    void setCnonceForTest(QByteArray cnonce) { m_cnonce = std::move(cnonce); }

private:
    QString m_user;
    QString m_password;
    std::optional<AuthChallenge> m_challenge;
    int m_nonceCount = 0;
    int m_answered = 0;  // 401s answered for the current nonce
    QByteArray m_cnonce;
};

// What a client sent in an Authorization header (server side).
struct AuthorizationHeader {
    AuthScheme scheme = AuthScheme::Other;
    // Basic
    QString basicUser;
    QString basicPassword;
    // Digest: every parameter, names lower case, values unquoted.
    QMap<QByteArray, QByteArray> params;

    QByteArray param(const QByteArray& name) const { return params.value(name); }
};
Result<AuthorizationHeader> parseAuthorization(QByteArrayView value);

// Whether a Digest Authorization answers `challenge` for this user, password, method and the
// request's URI (the uri parameter must be the one the client put on the request line).
bool verifyDigest(const AuthorizationHeader& authorization, const AuthChallenge& challenge, const QString& user,
                  const QString& password, QByteArrayView method);

}  // namespace vigil::core::media::rtsp
