#include "license/trial_seal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include "license/licence_logging.h"

namespace vigil::server {

namespace {
constexpr auto kSealDomain = "vigil-trial-seal-v1";
}

QByteArray TrialSeal::mac(const TrialSealValues& values) const {
    const QByteArray key = QByteArray(kSealDomain) + '\0' + m_machineKey.toUtf8();
    const QByteArray message = QByteArray::number(values.trialStartedMs) + ':' + QByteArray::number(values.seenMaxMs);
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex();
}

std::optional<TrialSealValues> TrialSeal::read() const {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject json = QJsonDocument::fromJson(file.read(4096)).object();
    TrialSealValues values{json.value(QStringLiteral("trialStartedMs")).toInteger(),
                           json.value(QStringLiteral("seenMaxMs")).toInteger()};
    if (values.trialStartedMs <= 0 || json.value(QStringLiteral("mac")).toString().toLatin1() != mac(values)) {
        qCWarning(lcLicence).noquote() << "the trial seal" << m_path << "does not verify; ignored";
        return std::nullopt;
    }
    return values;
}

bool TrialSeal::write(const TrialSealValues& values) const {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    const QJsonObject json{{QStringLiteral("trialStartedMs"), values.trialStartedMs},
                           {QStringLiteral("seenMaxMs"), values.seenMaxMs},
                           {QStringLiteral("mac"), QString::fromLatin1(mac(values))}};
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit()) {
        qCWarning(lcLicence).noquote() << "cannot write the trial seal" << m_path << "-" << file.errorString();
        return false;
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

}  // namespace vigil::server
