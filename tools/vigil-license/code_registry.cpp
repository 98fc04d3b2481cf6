#include "code_registry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

#include "license/licence_document.h"

namespace vigil::tools {

using core::Error;
using core::Result;

const QStringList& CodeRecord::kinds() {
    static const QStringList kKinds = {QLatin1String(kStandard), QLatin1String(kUpgrade), QLatin1String(kRenewal),
                                       QLatin1String(kCapacity)};
    return kKinds;
}

QJsonObject CodeRecord::toJson() const {
    return QJsonObject{{QStringLiteral("code"), code},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("edition"), edition},
                       {QStringLiteral("channels"), channels},
                       {QStringLiteral("features"), QJsonArray::fromStringList(features)},
                       {QStringLiteral("days"), days},
                       {QStringLiteral("licensee"), licensee},
                       {QStringLiteral("createdMs"), createdMs},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("platformId"), platformId},
                       {QStringLiteral("fingerprint"), fingerprint.toJson()},
                       {QStringLiteral("fingerprintId"), fingerprintId},
                       {QStringLiteral("activatedMs"), activatedMs},
                       {QStringLiteral("licenceId"), licenceId},
                       {QStringLiteral("expiresMs"), expiresMs},
                       {QStringLiteral("deactivatedMs"), deactivatedMs},
                       {QStringLiteral("deactivationReason"), deactivationReason}};
}

Result<CodeRecord> CodeRecord::fromJson(const QJsonObject& json) {
    CodeRecord r;
    r.code = json.value(QStringLiteral("code")).toString();
    r.kind = json.value(QStringLiteral("kind")).toString();
    r.edition = json.value(QStringLiteral("edition")).toString();
    r.channels = json.value(QStringLiteral("channels")).toInt();
    for (const QJsonValue& feature : json.value(QStringLiteral("features")).toArray()) {
        r.features.append(feature.toString());
    }
    r.days = json.value(QStringLiteral("days")).toInt();
    r.licensee = json.value(QStringLiteral("licensee")).toString();
    r.createdMs = json.value(QStringLiteral("createdMs")).toInteger();
    r.state = json.value(QStringLiteral("state")).toString();
    r.platformId = json.value(QStringLiteral("platformId")).toString();
    auto fingerprint = core::license::MachineFingerprint::fromJson(json.value(QStringLiteral("fingerprint")).toObject());
    if (fingerprint) {
        r.fingerprint = fingerprint.value();
    }
    r.fingerprintId = json.value(QStringLiteral("fingerprintId")).toString();
    r.activatedMs = json.value(QStringLiteral("activatedMs")).toInteger();
    r.licenceId = json.value(QStringLiteral("licenceId")).toString();
    r.expiresMs = json.value(QStringLiteral("expiresMs")).toInteger();
    r.deactivatedMs = json.value(QStringLiteral("deactivatedMs")).toInteger();
    r.deactivationReason = json.value(QStringLiteral("deactivationReason")).toString();
    if (!core::license::isActivationCode(r.code) || !kinds().contains(r.kind)) {
        return Error::make(QStringLiteral("registry_corrupt"),
                           QStringLiteral("The code record \"%1\" is damaged (code or kind). Restore the registry "
                                          "file from a backup.")
                               .arg(r.code.left(40)));
    }
    return r;
}

Result<CodeRegistry> CodeRegistry::open(const QString& path) {
    CodeRegistry registry;
    registry.m_path = path;
    QFile file(path);
    if (!file.exists()) {
        return registry;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(QStringLiteral("registry_unreadable"),
                           QStringLiteral("Cannot read the code registry %1: %2.").arg(path, file.errorString()));
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    for (const QJsonValue& value : document.object().value(QStringLiteral("codes")).toArray()) {
        auto record = CodeRecord::fromJson(value.toObject());
        if (!record) {
            return record.error();
        }
        registry.m_records.append(record.value());
    }
    return registry;
}

core::Status CodeRegistry::save() const {
    QJsonArray codes;
    for (const CodeRecord& record : m_records) {
        codes.append(record.toJson());
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("codes"), codes}}).toJson()) < 0 || !file.commit()) {
        return Error::make(QStringLiteral("registry_unwritable"),
                           QStringLiteral("Cannot write the code registry %1: %2.").arg(m_path, file.errorString()));
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

CodeRecord* CodeRegistry::find(const QString& code) {
    for (CodeRecord& record : m_records) {
        if (record.code == code) {
            return &record;
        }
    }
    return nullptr;
}

QString CodeRegistry::add(CodeRecord record) {
    // Crockford's alphabet: no I, L, O or U, so codes read aloud or typed are not misread.
    static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString code;
    do {
        code = QStringLiteral("VGL");
        for (int group = 0; group < 4; ++group) {
            code += QLatin1Char('-');
            for (int i = 0; i < 5; ++i) {
                code += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]);
            }
        }
    } while (find(code) != nullptr);
    record.code = code;
    m_records.append(record);
    return code;
}

}  // namespace vigil::tools
