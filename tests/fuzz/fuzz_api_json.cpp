// Fuzz target: the API's JSON model, parsed by clients from servers (fromJson, tolerant) and by the
// server from clients (fromRequest, strict: the login and user-management bodies of issue 3, the device
// bodies of issue 4, the layout bodies of issue 5, the time, certificate and security audit bodies of issue 8; unknown fields and bad types are refused, never
// guessed). Every model type gets the document; whatever parses must survive toJson -> parse again unchanged, and every refusal must
// say why.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "model/account_model.h"
#include "model/audit_model.h"
#include "model/device_model.h"
#include "model/certificate_model.h"
#include "model/layout_model.h"
#include "model/system_model.h"
#include "model/time_model.h"

namespace model = vigil::core::model;

namespace {

template <typename T, typename Parse>
void roundTrip(const QJsonObject& json, Parse parse) {
    const auto parsed = parse(json);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().code.isEmpty() && !parsed.error().message.isEmpty());
        return;
    }
    const QJsonObject written = parsed->toJson();
    const auto again = parse(written);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->toJson() == written);
}

template <typename T>
void response(const QJsonObject& json) {
    roundTrip<T>(json, [](const QJsonObject& object) { return T::fromJson(object); });
}

template <typename T>
void request(const QJsonObject& json) {
    roundTrip<T>(json, [](const QJsonObject& object) { return T::fromRequest(object); });
}

// Request types the server only reads (no toJson): parsed, and a refusal must say why.
template <typename T>
void requestOnly(const QJsonObject& json) {
    const auto parsed = T::fromRequest(json);
    FUZZ_CHECK(parsed.ok() || (!parsed.error().code.isEmpty() && !parsed.error().message.isEmpty()));
}

void parseAll(const QJsonObject& json) {
    response<model::SystemInfo>(json);
    response<model::HealthSnapshot>(json);
    response<model::ServiceStatus>(json);
    response<model::PushMessage>(json);
    response<model::User>(json);
    response<model::Role>(json);
    response<model::Session>(json);
    response<model::LogEntry>(json);
    response<model::SecuritySettings>(json);
    response<model::SetupStatus>(json);
    response<model::LoginResponse>(json);
    response<model::MeResponse>(json);
    request<model::UserInput>(json);
    request<model::RoleInput>(json);
    request<model::SecuritySettings>(json);
    request<model::SetupRequest>(json);
    request<model::LoginRequest>(json);
    request<model::PasswordChangeRequest>(json);
    // Devices (issue 4).
    response<model::Device>(json);
    response<model::Channel>(json);
    response<model::DeviceGroup>(json);
    response<model::DeviceJob>(json);
    response<model::StateInfo>(json);
    response<model::StreamInfoJson>(json);
    request<model::DeviceInput>(json);
    request<model::GroupInput>(json);
    request<model::DiscoveryInput>(json);
    requestOnly<model::ChannelInput>(json);
    requestOnly<model::ConnectionTestInput>(json);
    requestOnly<model::PtzMoveInput>(json);
    // Live view layouts (issue 5).
    response<model::Layout>(json);
    request<model::LayoutInput>(json);
    // Time and certificates (issue 8): PUT bodies over the current settings, and request-only bodies.
    roundTrip<model::TimeSettings>(json, [](const QJsonObject& object) {
        return model::TimeSettings::fromRequest(object, model::TimeSettings{});
    });
    request<model::CertificateSettings>(json);
    requestOnly<model::ServerCertificateRequest>(json);
    requestOnly<model::CertificateImportRequest>(json);
    // The security audit (issue 8).
    request<model::AuditSettings>(json);
    requestOnly<model::AuditStartInput>(json);
    requestOnly<model::AttestationInput>(json);
    requestOnly<model::FixInput>(json);
    requestOnly<model::FunctionSwitchInput>(json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    if (!document.isObject()) {
        return 0;
    }
    const QJsonObject json = document.object();
    parseAll(json);
    // A push message carries another model object in "data".
    parseAll(json.value(QStringLiteral("data")).toObject());
    return 0;
}
