#include "security/session_token.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <QCryptographicHash>

namespace vigil::core::security {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool isBase64UrlChar(QChar c) {
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_');
}

}  // namespace

Result<QString> SessionToken::generate() {
    QByteArray bytes(kRandomBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), kRandomBytes) != 1) {
        return Error::make(QStringLiteral("token_random_failed"),
                           QStringLiteral("The system's random number generator failed, so no session can be "
                                          "opened. Check the server's entropy source and try again."));
    }
    QString token = QString::fromLatin1(bytes.toBase64(kBase64Url));
    OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    return token;
}

bool SessionToken::isWellFormed(const QString& token) {
    if (token.size() != kEncodedLength) {
        return false;
    }
    for (const QChar c : token) {
        if (!isBase64UrlChar(c)) {
            return false;
        }
    }
    return true;
}

QString SessionToken::hashForStorage(const QString& token) {
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool SessionToken::constantTimeEquals(QByteArrayView a, QByteArrayView b) {
    if (a.size() != b.size()) {
        return false;
    }
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

bool SessionToken::constantTimeEquals(const QString& a, const QString& b) {
    return constantTimeEquals(QByteArrayView(a.toUtf8()), QByteArrayView(b.toUtf8()));
}

}  // namespace vigil::core::security
