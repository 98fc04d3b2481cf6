#include "http/route.h"

namespace vigil::server {

using StatusCode = QHttpServerResponse::StatusCode;

std::optional<QHash<QString, QString>> matchRoutePath(const QString& pattern, const QString& path) {
    const QStringList wanted = pattern.split(QLatin1Char('/'));
    const QStringList given = path.split(QLatin1Char('/'));
    if (wanted.size() != given.size()) {
        return std::nullopt;
    }
    QHash<QString, QString> params;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString& segment = wanted.at(i);
        const bool isParameter =
            segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
        if (isParameter && !given.at(i).isEmpty()) {
            params.insert(segment.mid(1, segment.size() - 2), given.at(i));
        } else if (isParameter || segment != given.at(i)) {
            return std::nullopt;
        }
    }
    return params;
}

QHttpServerResponse errorResponse(StatusCode status, const QString& code, const QString& message) {
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}}, status);
}

QHttpServerResponse errorResponse(const core::Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("bad_request"), StatusCode::BadRequest},
        {QStringLiteral("password_policy"), StatusCode::BadRequest},
        {QStringLiteral("login_failed"), StatusCode::Unauthorized},
        {QStringLiteral("unauthenticated"), StatusCode::Unauthorized},
        {QStringLiteral("wrong_password"), StatusCode::Forbidden},
        {QStringLiteral("forbidden"), StatusCode::Forbidden},
        {QStringLiteral("not_initialised"), StatusCode::Forbidden},
        {QStringLiteral("password_change_required"), StatusCode::Forbidden},
        {QStringLiteral("not_found"), StatusCode::NotFound},
        {QStringLiteral("user_not_found"), StatusCode::NotFound},
        {QStringLiteral("role_not_found"), StatusCode::NotFound},
        {QStringLiteral("session_not_found"), StatusCode::NotFound},
        {QStringLiteral("already_initialised"), StatusCode::Conflict},
        {QStringLiteral("user_exists"), StatusCode::Conflict},
        {QStringLiteral("role_exists"), StatusCode::Conflict},
        {QStringLiteral("role_builtin"), StatusCode::Conflict},
        {QStringLiteral("role_in_use"), StatusCode::Conflict},
        {QStringLiteral("last_administrator"), StatusCode::Conflict},
        {QStringLiteral("own_session"), StatusCode::Conflict},
        {QStringLiteral("would_lock_out_self"), StatusCode::Conflict},
        {QStringLiteral("address_refused"), StatusCode::Forbidden},
        {QStringLiteral("reset_disabled"), StatusCode::Forbidden},
        {QStringLiteral("reset_local_only"), StatusCode::Forbidden},
        {QStringLiteral("reset_failed"), StatusCode::Unauthorized},
        {QStringLiteral("smtp_not_configured"), StatusCode::Conflict},
        {QStringLiteral("smtp_failed"), StatusCode::BadGateway},
        {QStringLiteral("session_limit"), StatusCode::TooManyRequests},
        {QStringLiteral("accounts_unavailable"), StatusCode::ServiceUnavailable},
    };
    return errorResponse(kStatusByCode.value(error.code, StatusCode::InternalServerError), error.code,
                         error.message);
}

QHttpServerResponse jsonResponse(const QJsonObject& json, StatusCode status) {
    return QHttpServerResponse(json, status);
}

QHttpServerResponse noContentResponse() {
    return QHttpServerResponse(StatusCode::NoContent);
}

const QList<std::pair<QByteArray, QByteArray>>& securityHeaders() {
    static const QList<std::pair<QByteArray, QByteArray>> kHeaders = {
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
        {QByteArrayLiteral("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000")},
        {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
    };
    return kHeaders;
}

}  // namespace vigil::server
