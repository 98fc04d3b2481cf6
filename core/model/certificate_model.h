#pragma once
// API value types for /api/v1/system/certificates (SEC-2.3): the server certificate in use, the
// chain sent with it and the platform CA; the request for a new platform-made server certificate;
// the import of a CA-signed one; the expiry warning setting.

#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::model {

struct CertificateInfo {
    QString commonName;
    QString organization;
    QString organizationalUnit;
    QString country;
    QString state;
    QString locality;
    QString issuer;       // the issuer's common name (or its whole name when it has none)
    QStringList names;    // DNS subject alternative names
    QStringList addresses;  // IP subject alternative names
    qint64 notBeforeMs = 0;
    qint64 notAfterMs = 0;
    int daysLeft = 0;     // whole days until expiry, rounded down; negative once expired
    QString fingerprint;  // SHA-256, "AB:CD:..."

    static CertificateInfo of(const QSslCertificate& certificate, qint64 nowMs);
    QJsonObject toJson() const;
};

struct CertificateStatus {
    static constexpr auto kSourcePlatform = "platform";  // made and signed by the platform CA
    static constexpr auto kSourceImported = "imported";  // signed by another CA, imported

    CertificateInfo server;
    QString source;
    QList<CertificateInfo> chain;  // sent after the server certificate
    CertificateInfo authority;     // the platform CA (GET /api/v1/system/ca.pem)
    int expiryWarningDays = 30;
    bool expiring = false;  // within expiryWarningDays of expiry, or expired

    QJsonObject toJson() const;
};

// POST /api/v1/system/certificates/server: subject fields and extra names/addresses; the platform's
// own names and addresses are always included.
struct ServerCertificateRequest {
    static constexpr int kMaxValidDays = 825;  // what browsers accept for a server certificate
    static constexpr int kMaxNames = 32;

    QString commonName;  // "" = the server's name
    QString organization;
    QString organizationalUnit;
    QString country;
    QString state;
    QString locality;
    QStringList names;
    QStringList addresses;
    int validDays = kMaxValidDays;

    static Result<ServerCertificateRequest> fromRequest(const QJsonObject& json);
};

// POST /api/v1/system/certificates/import: the PEM bundle (server certificate first, then its CAs)
// and its unencrypted private key.
struct CertificateImportRequest {
    QByteArray certificatePem;
    QByteArray keyPem;

    static Result<CertificateImportRequest> fromRequest(const QJsonObject& json);
};

// PUT /api/v1/system/certificates/settings.
struct CertificateSettings {
    static constexpr int kDefaultWarningDays = 30;
    int expiryWarningDays = kDefaultWarningDays;  // 1..365

    QJsonObject toJson() const;
    static Result<CertificateSettings> fromRequest(const QJsonObject& json);
};

}  // namespace vigil::core::model
