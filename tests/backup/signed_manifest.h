#pragma once
// Test helper (SEC-1.4): an update manifest signed by vigil-license with the development vendor key,
// as the vendor makes one: platform, client and one firmware (Vigil TestCamera unless `model` names another). Needs
// VIGIL_LICENSE_BINARY and VIGIL_TEST_SOURCE_DIR_LITERAL (licence_fixture.h).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "../license/licence_fixture.h"
#include "support/file_bytes.h"

namespace vigil::test {

// The signed file's bytes; empty (with vigil-license's complaint logged) when it could not be made.
inline QByteArray signedManifest(const QString& folder, const QString& platform, const QString& client,
                                 const QString& firmware, qint64 issuedMs,
                                 const QString& model = QStringLiteral("TestCamera")) {
    const QJsonObject draft{
        {"issuedMs", issuedMs},
        {"platform", QJsonObject{{"version", platform}, {"releasedMs", issuedMs}, {"notes", "Platform notes."}}},
        {"client", QJsonObject{{"version", client}, {"releasedMs", issuedMs}, {"notes", "Client notes."}}},
        {"firmware", QJsonArray{QJsonObject{{"manufacturer", "Vigil"},
                                            {"model", model},
                                            {"version", firmware},
                                            {"releasedMs", issuedMs},
                                            {"notes", "Closes plain HTTP."}}}}};
    const QString in = folder + QStringLiteral("/draft.json");
    const QString out = folder + QStringLiteral("/manifest.json");
    writeFileBytes(in, QJsonDocument(draft).toJson());
    QFile::remove(out);
    Vendor vendor(folder);
    int exitCode = -1;
    vendor.run({QStringLiteral("manifest"), QStringLiteral("--key"), developmentKey(1), QStringLiteral("--in"), in,
                QStringLiteral("--out"), out},
               &exitCode);
    return exitCode == 0 ? readFileBytes(out) : QByteArray();
}

}  // namespace vigil::test
