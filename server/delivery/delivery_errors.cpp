#include "delivery/delivery_errors.h"

#include <QHash>

#include "http/route.h"

namespace vigil::server {

QHttpServerResponse deliveryFailure(const core::Error& error) {
    using StatusCode = QHttpServerResponse::StatusCode;
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("channel_not_found"), StatusCode::NotFound},
        {QStringLiteral("stream_not_found"), StatusCode::NotFound},
        {QStringLiteral("nothing_recorded"), StatusCode::NotFound},
        {QStringLiteral("export_not_found"), StatusCode::NotFound},
        {QStringLiteral("export_not_ready"), StatusCode::Conflict},
        {QStringLiteral("stream_unsupported"), StatusCode::UnsupportedMediaType},
        {QStringLiteral("stream_unavailable"), StatusCode::ServiceUnavailable},
        {QStringLiteral("delivery_unavailable"), StatusCode::ServiceUnavailable},
        {QStringLiteral("devices_unavailable"), StatusCode::ServiceUnavailable},
        {QStringLiteral("recording_unavailable"), StatusCode::ServiceUnavailable},
        {QStringLiteral("snapshot_timeout"), StatusCode::ServiceUnavailable},
        {QStringLiteral("archive_unreadable"), StatusCode::InternalServerError},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        QHttpServerResponse response = errorResponse(*status, error.code, error.message);
        if (*status == StatusCode::ServiceUnavailable) {
            response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2"));
        }
        return response;
    }
    return errorResponse(error);
}

}  // namespace vigil::server
