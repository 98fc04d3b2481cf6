#include "media/rtsp/rtsp_auth.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <utility>

#include "media/rtsp/rtsp_message.h"

namespace vigil::core::media::rtsp {

namespace {

constexpr qsizetype kMaxParams = 32;

bool isToken68Char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '+' || c == '/';
}

// One scheme with its token68 or its name=value parameters (RFC 7235 section 2.1).
struct AuthItem {
    QByteArray scheme;
    QByteArray token68;
    QList<QPair<QByteArray, QByteArray>> params;  // names lower case, values unquoted

    QByteArray param(QByteArrayView name) const {
        for (const auto& [key, value] : params) {
            if (key == name) {
                return value;
            }
        }
        return {};
    }
};

class AuthListParser {
public:
    explicit AuthListParser(QByteArrayView text) : m_text(text) {}

    Result<QList<AuthItem>> parse() {
        QList<AuthItem> items;
        while (true) {
            skipSpaceAndCommas();
            if (atEnd()) {
                break;
            }
            const QByteArray token = readToken();
            if (token.isEmpty()) {
                return error(QStringLiteral("an unexpected character"));
            }
            skipSpace();
            if (!atEnd() && peek() == '=') {
                if (items.isEmpty()) {
                    return error(QStringLiteral("a parameter before any scheme"));
                }
                ++m_at;
                skipSpace();
                Result<QByteArray> value = readValue();
                if (!value) {
                    return value.error();
                }
                if (items.last().params.size() >= kMaxParams) {
                    return error(QStringLiteral("too many parameters"));
                }
                items.last().params.append({token.toLower(), std::move(value).value()});
                continue;
            }
            AuthItem item;
            item.scheme = token;
            readToken68(item);
            items.append(item);
        }
        return items;
    }

private:
    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return m_text[m_at]; }
    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            ++m_at;
        }
    }
    void skipSpaceAndCommas() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ',')) {
            ++m_at;
        }
    }
    QByteArray readToken() {
        const qsizetype start = m_at;
        while (!atEnd() && isTokenChar(peek())) {
            ++m_at;
        }
        return m_text.sliced(start, m_at - start).toByteArray();
    }
    // After a scheme: "Basic dXNlcjpw==" carries a token68; "Digest realm=..." does not, and the
    // position is left where the parameters start.
    void readToken68(AuthItem& item) {
        const qsizetype start = m_at;
        while (!atEnd() && isToken68Char(peek())) {
            ++m_at;
        }
        if (m_at == start) {
            return;
        }
        while (!atEnd() && peek() == '=') {
            ++m_at;
        }
        const qsizetype end = m_at;
        skipSpace();
        if (atEnd() || peek() == ',') {
            item.token68 = m_text.sliced(start, end - start).toByteArray();
            return;
        }
        m_at = start;
    }
    Result<QByteArray> readValue() {
        if (atEnd()) {
            return QByteArray();
        }
        if (peek() != '"') {
            return readToken();
        }
        ++m_at;
        QByteArray value;
        while (!atEnd()) {
            char c = peek();
            ++m_at;
            if (c == '"') {
                return value;
            }
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                c = peek();
                ++m_at;
            }
            value += c;
        }
        return error(QStringLiteral("a quoted value without its closing quote"));
    }
    Error error(const QString& what) const {
        return malformedError(QStringLiteral("The authentication header \"%1\" has %2 at character %3.")
                             .arg(cleanPeerText(m_text))
                             .arg(what)
                             .arg(m_at + 1));
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
};

AuthScheme schemeOf(QByteArrayView name) {
    if (name.compare("Basic", Qt::CaseInsensitive) == 0) {
        return AuthScheme::Basic;
    }
    if (name.compare("Digest", Qt::CaseInsensitive) == 0) {
        return AuthScheme::Digest;
    }
    return AuthScheme::Other;
}

std::optional<QCryptographicHash::Algorithm> hashOf(QByteArrayView algorithm) {
    QByteArrayView base = algorithm;
    if (base.endsWith("-sess") || base.endsWith("-SESS")) {
        base.chop(5);
    }
    if (base.compare("MD5", Qt::CaseInsensitive) == 0) {
        return QCryptographicHash::Md5;
    }
    if (base.compare("SHA-256", Qt::CaseInsensitive) == 0) {
        return QCryptographicHash::Sha256;
    }
    return std::nullopt;
}

bool isSession(QByteArrayView algorithm) {
    return algorithm.size() > 5 && algorithm.sliced(algorithm.size() - 5).compare("-sess", Qt::CaseInsensitive) == 0;
}

QByteArray hexHash(QCryptographicHash::Algorithm hash, QByteArrayView data) {
    return QCryptographicHash::hash(data, hash).toHex();
}

QByteArray quoted(QByteArrayView value) {
    QByteArray out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '"';
}

}  // namespace

bool AuthChallenge::isSupported() const {
    if (scheme == AuthScheme::Basic) {
        return true;
    }
    if (scheme != AuthScheme::Digest || nonce.isEmpty() || !hashOf(algorithm)) {
        return false;
    }
    return qop.isEmpty() || qop.contains("auth");
}

int AuthChallenge::strength() const {
    if (!isSupported()) {
        return 0;
    }
    if (scheme == AuthScheme::Basic) {
        return 1;
    }
    return hashOf(algorithm) == QCryptographicHash::Sha256 ? 3 : 2;
}

Result<QList<AuthChallenge>> parseWwwAuthenticate(QByteArrayView value) {
    Result<QList<AuthItem>> items = AuthListParser(value).parse();
    if (!items) {
        return items.error();
    }
    if (items->isEmpty()) {
        return malformedError(QStringLiteral("A WWW-Authenticate header is empty."));
    }
    QList<AuthChallenge> challenges;
    for (const AuthItem& item : std::as_const(items.value())) {
        AuthChallenge challenge;
        challenge.schemeName = item.scheme;
        challenge.scheme = schemeOf(item.scheme);
        challenge.realm = item.param("realm");
        challenge.nonce = item.param("nonce");
        challenge.opaque = item.param("opaque");
        challenge.domain = item.param("domain");
        if (const QByteArray algorithm = item.param("algorithm"); !algorithm.isEmpty()) {
            challenge.algorithm = algorithm;
        }
        for (const QByteArray& qop : item.param("qop").split(',')) {
            if (!qop.trimmed().isEmpty()) {
                challenge.qop.append(qop.trimmed().toLower());
            }
        }
        challenge.stale = item.param("stale").compare("true", Qt::CaseInsensitive) == 0;
        if (challenge.scheme == AuthScheme::Digest && challenge.nonce.isEmpty()) {
            return malformedError(QStringLiteral("The Digest challenge \"%1\" has no nonce.").arg(cleanPeerText(value)));
        }
        challenges.append(challenge);
    }
    return challenges;
}

std::optional<AuthChallenge> strongestChallenge(const QList<QByteArray>& headerValues) {
    std::optional<AuthChallenge> best;
    for (const QByteArray& value : headerValues) {
        Result<QList<AuthChallenge>> parsed = parseWwwAuthenticate(value);
        if (!parsed) {
            continue;  // one bad header does not hide a good one
        }
        for (const AuthChallenge& challenge : std::as_const(parsed.value())) {
            if (challenge.strength() > (best ? best->strength() : 0)) {
                best = challenge;
            }
        }
    }
    return best;
}

QByteArray digestResponse(const AuthChallenge& challenge, const QString& user, const QString& password,
                          QByteArrayView method, QByteArrayView uri, QByteArrayView qop, QByteArrayView nc,
                          QByteArrayView cnonce) {
    const auto hash = hashOf(challenge.algorithm);
    if (!hash) {
        return {};
    }
    QByteArray ha1 = hexHash(*hash, user.toUtf8() + ':' + challenge.realm + ':' + password.toUtf8());
    if (isSession(challenge.algorithm)) {
        ha1 = hexHash(*hash, ha1 + ':' + challenge.nonce + ':' + cnonce.toByteArray());
    }
    const QByteArray ha2 = hexHash(*hash, method.toByteArray() + ':' + uri.toByteArray());
    if (qop.isEmpty()) {
        return hexHash(*hash, ha1 + ':' + challenge.nonce + ':' + ha2);
    }
    return hexHash(*hash, ha1 + ':' + challenge.nonce + ':' + nc.toByteArray() + ':' + cnonce.toByteArray() + ':' +
                              qop.toByteArray() + ':' + ha2);
}

bool RtspAuthenticator::takeChallenge(const QList<QByteArray>& wwwAuthenticate) {
    if (!hasCredentials()) {
        return false;
    }
    const std::optional<AuthChallenge> challenge = strongestChallenge(wwwAuthenticate);
    if (!challenge) {
        return false;
    }
    const bool sameNonce = m_challenge && m_challenge->scheme == challenge->scheme && m_challenge->nonce == challenge->nonce;
    const bool newNonceAfterStale = m_challenge && challenge->stale && !sameNonce;
    if (m_answered > 0 && !newNonceAfterStale) {
        // Already answered and refused again: the credentials are wrong.
        return false;
    }
    m_answered = newNonceAfterStale ? 0 : m_answered;
    ++m_answered;
    m_challenge = challenge;
    m_nonceCount = 0;
    return true;
}

QByteArray RtspAuthenticator::authorization(QByteArrayView method, QByteArrayView uri) {
    if (!m_challenge) {
        return {};
    }
    if (m_challenge->scheme == AuthScheme::Basic) {
        return "Basic " + (m_user.toUtf8() + ':' + m_password.toUtf8()).toBase64();
    }
    const bool withQop = m_challenge->qop.contains("auth");
    QByteArray out = "Digest username=" + quoted(m_user.toUtf8()) + ", realm=" + quoted(m_challenge->realm) +
                     ", nonce=" + quoted(m_challenge->nonce) + ", uri=" + quoted(uri);
    QByteArray nc;
    if (withQop) {
        ++m_nonceCount;
        nc = QByteArray::number(m_nonceCount, 16).rightJustified(8, '0');
        if (m_cnonce.isEmpty()) {
            m_cnonce = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        }
    }
    const QByteArray response = digestResponse(*m_challenge, m_user, m_password, method, uri,
                                               withQop ? QByteArrayView("auth") : QByteArrayView(), nc, m_cnonce);
    out += ", response=" + quoted(response);
    if (!m_challenge->algorithm.isEmpty()) {
        out += ", algorithm=" + m_challenge->algorithm;
    }
    if (!m_challenge->opaque.isEmpty()) {
        out += ", opaque=" + quoted(m_challenge->opaque);
    }
    if (withQop) {
        out += ", qop=auth, nc=" + nc + ", cnonce=" + quoted(m_cnonce);
    }
    return out;
}

Result<AuthorizationHeader> parseAuthorization(QByteArrayView value) {
    Result<QList<AuthItem>> items = AuthListParser(value).parse();
    if (!items) {
        return items.error();
    }
    if (items->size() != 1) {
        return malformedError(QStringLiteral("The Authorization header \"%1\" does not hold exactly one credential.")
                             .arg(cleanPeerText(value)));
    }
    const AuthItem& item = items->first();
    AuthorizationHeader header;
    header.scheme = schemeOf(item.scheme);
    if (header.scheme == AuthScheme::Basic) {
        const QByteArray decoded = QByteArray::fromBase64(item.token68, QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.indexOf(':');
        if (item.token68.isEmpty() || colon < 0) {
            return malformedError(QStringLiteral("The Basic credentials in the Authorization header are not "
                                            "base64 of \"user:password\"."));
        }
        header.basicUser = QString::fromUtf8(decoded.first(colon));
        header.basicPassword = QString::fromUtf8(decoded.sliced(colon + 1));
        return header;
    }
    for (const auto& [name, parameter] : item.params) {
        header.params.insert(name, parameter);
    }
    return header;
}

bool verifyDigest(const AuthorizationHeader& authorization, const AuthChallenge& challenge, const QString& user,
                  const QString& password, QByteArrayView method) {
    if (authorization.scheme != AuthScheme::Digest || authorization.param("username") != user.toUtf8() ||
        authorization.param("realm") != challenge.realm || authorization.param("nonce") != challenge.nonce) {
        return false;
    }
    const QByteArray qop = authorization.param("qop");
    if (!qop.isEmpty() && qop != "auth") {
        return false;
    }
    const QByteArray expected =
        digestResponse(challenge, user, password, method, authorization.param("uri"), qop, authorization.param("nc"),
                       authorization.param("cnonce"));
    const QByteArray given = authorization.param("response").toLower();
    if (expected.isEmpty() || expected.size() != given.size()) {
        return false;
    }
    // Constant-time comparison: the answer must not tell how many leading characters matched.
    int difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        difference |= expected[i] ^ given[i];
    }
    return difference == 0;
}

}  // namespace vigil::core::media::rtsp
