#include "licence_model.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include "app_logging.h"
#include "license/licence_document.h"

namespace vigil::app {

namespace {
constexpr qint64 kMaxFileBytes = 256 * 1024;
}

LicenceModel::LicenceModel(core::client::ApiClient* client, QObject* parent)
    : QObject(parent), m_api(new core::client::LicenceApi(client, this)) {}

QString LicenceModel::stateText() const {
    if (m_status.state == QLatin1String(core::model::LicenceStatus::kTrial)) {
        return daysLeftText();
    }
    if (m_status.state == QLatin1String(core::model::LicenceStatus::kLicensed)) {
        return m_status.expiring ? tr("Licensed, %1").arg(daysLeftText()) : tr("Licensed");
    }
    if (m_status.state == QLatin1String(core::model::LicenceStatus::kExpired)) {
        return tr("Expired");
    }
    return m_status.state.isEmpty() ? QString() : tr("Not valid");
}

QStringList LicenceModel::features() const {
    QStringList names;
    for (const QString& feature : m_status.features) {
        if (feature == QLatin1String(core::license::Features::kCascadeParent)) {
            names << tr("Cascade parent");
        } else if (feature == QLatin1String(core::license::Features::kDistributed)) {
            names << tr("Sub servers");
        } else if (feature == QLatin1String(core::license::Features::kHotStandby)) {
            names << tr("Hot standby");
        } else if (feature == QLatin1String(core::license::Features::kVideoWall)) {
            names << tr("Video wall");
        } else {
            names << feature;
        }
    }
    return names;
}

QString LicenceModel::expiryText() const {
    if (m_status.expiresMs == 0) {
        return m_loaded ? tr("No end date") : QString();
    }
    const QString day = QDateTime::fromMSecsSinceEpoch(m_status.expiresMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
    return m_status.daysLeft > 0 ? QStringLiteral("%1 (%2)").arg(day, daysLeftText()) : tr("%1 (ended)").arg(day);
}

QString LicenceModel::daysLeftText() const {
    return m_status.daysLeft == 1 ? tr("1 day left") : tr("%1 days left").arg(m_status.daysLeft);
}

QString LicenceModel::expressCode() const {
    return m_status.edition == QLatin1String(core::license::Editions::kExpress) ? m_status.activationCodes.value(0)
                                                                                : QString();
}

void LicenceModel::setBusy(const QString& text) {
    m_busyText = text;
    emit busyChanged();
}

void LicenceModel::say(const QString& text, const QString& kind) {
    m_message = text;
    m_messageKind = kind;
    emit messageChanged();
}

void LicenceModel::clear() {
    m_status = {};
    m_loaded = false;
    say({}, {});
    emit changed();
}

void LicenceModel::load() {
    m_api->fetchStatus([this](core::Result<core::model::LicenceStatus> status) {
        if (!status) {
            say(status.error().message, QStringLiteral("error"));
            return;
        }
        m_status = status.value();
        m_loaded = true;
        qCInfo(lcApp).noquote() << "licence:" << m_status.state << m_status.edition << m_status.channelsUsed << "of"
                                << m_status.channels << "channels";
        emit changed();
    });
}

void LicenceModel::take(const core::Result<core::model::LicenceStatus>& result, const QString& success) {
    setBusy({});
    if (!result) {
        qCInfo(lcApp).noquote() << "licence: refused -" << result.error().code;
        say(result.error().message, QStringLiteral("error"));
        return;
    }
    m_status = result.value();
    m_loaded = true;
    emit changed();
    qCInfo(lcApp).noquote() << "licence: activated" << m_status.edition << m_status.channels << "channels";
    say(success, QStringLiteral("success"));
}

QUrl LicenceModel::fileUrl(const QString& pathOrUrl) const {
    const QString text = pathOrUrl.trimmed();
    return text.startsWith(QLatin1String("file:")) ? QUrl(text) : QUrl::fromLocalFile(text);
}

bool LicenceModel::readJson(const QUrl& url, const QString& what, QJsonObject* out) {
    QFile file(url.toLocalFile());
    if (url.toLocalFile().isEmpty() || !file.open(QIODevice::ReadOnly)) {
        say(tr("Cannot read the %1 %2: %3. Choose the file again.").arg(what, url.toLocalFile(), file.errorString()),
            QStringLiteral("error"));
        return false;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.read(kMaxFileBytes));
    if (!document.isObject()) {
        say(tr("%1 is not a %2 (it is not a JSON object). Choose the file as Vigil or the vendor made it.")
                .arg(url.toLocalFile(), what),
            QStringLiteral("error"));
        return false;
    }
    *out = document.object();
    return true;
}

bool LicenceModel::writeJson(const QUrl& url, const QJsonObject& json) {
    QSaveFile file(url.toLocalFile());
    if (url.toLocalFile().isEmpty() || !file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(json).toJson()) < 0 || !file.commit()) {
        say(tr("Cannot write %1: %2. Choose another folder.").arg(url.toLocalFile(), file.errorString()),
            QStringLiteral("error"));
        return false;
    }
    return true;
}

bool LicenceModel::input(const QString& code, const QString& expressCode, const QUrl& deactivationFile,
                         core::model::ActivationInput* out) {
    out->activationCode = code.trimmed();
    out->expressCode = expressCode.trimmed();
    if (out->activationCode.isEmpty()) {
        say(tr("Enter the activation code from the vendor."), QStringLiteral("error"));
        return false;
    }
    if (!deactivationFile.isEmpty() && !deactivationFile.toLocalFile().isEmpty()) {
        return readJson(deactivationFile, tr("Express deactivation file"), &out->expressDeactivation);
    }
    return true;
}

void LicenceModel::activateOnline(const QString& code, const QString& expressCode, const QUrl& deactivationFile) {
    core::model::ActivationInput request;
    if (busy() || !input(code, expressCode, deactivationFile, &request)) {
        return;
    }
    say({}, {});
    setBusy(tr("Asking the vendor's activation service..."));
    m_api->activateOnline(request, [this](core::Result<core::model::LicenceStatus> result) {
        take(result, tr("Activated online: %1, %2 channels.")
                         .arg(result ? result->editionName : QString())
                         .arg(result ? result->channels : 0));
    });
}

void LicenceModel::exportRequest(const QString& code, const QString& expressCode, const QUrl& deactivationFile,
                                 const QUrl& saveTo) {
    core::model::ActivationInput request;
    if (busy() || !input(code, expressCode, deactivationFile, &request)) {
        return;
    }
    setBusy(tr("Making the request file..."));
    m_api->makeRequest(request, [this, saveTo](core::Result<QJsonObject> file) {
        setBusy({});
        if (!file) {
            say(file.error().message, QStringLiteral("error"));
            return;
        }
        if (writeJson(saveTo, file.value())) {
            qCInfo(lcApp).noquote() << "licence: request file saved";
            say(tr("Request file saved to %1. Give it to the vendor and import the activation file they return.")
                    .arg(saveTo.toLocalFile()),
                QStringLiteral("success"));
        }
    });
}

void LicenceModel::importActivation(const QUrl& file) {
    QJsonObject json;
    if (busy() || !readJson(file, tr("activation file"), &json)) {
        return;
    }
    setBusy(tr("Importing the activation file..."));
    m_api->importActivation(json, [this](core::Result<core::model::LicenceStatus> result) {
        take(result, tr("Activation file imported: %1, %2 channels.")
                         .arg(result ? result->editionName : QString())
                         .arg(result ? result->channels : 0));
    });
}

void LicenceModel::deactivateExpress(const QUrl& saveTo) {
    if (busy()) {
        return;
    }
    setBusy(tr("Deactivating the Express licence..."));
    m_api->deactivateExpress([this, saveTo](core::Result<QJsonObject> file) {
        setBusy({});
        if (!file) {
            say(file.error().message, QStringLiteral("error"));
            return;
        }
        // Written before anything else: the file is the only proof of the deactivation.
        if (writeJson(saveTo, file.value())) {
            say(tr("Express licence deactivated; the deactivation file is at %1. Use it with the Pro upgrade code.")
                    .arg(saveTo.toLocalFile()),
                QStringLiteral("success"));
        }
        load();
    });
}

void LicenceModel::setVendorUrl(const QString& url) {
    m_api->setVendorUrl(url.trimmed(), [this](core::Result<QJsonObject> saved) {
        if (!saved) {
            say(saved.error().message, QStringLiteral("error"));
            return;
        }
        load();
    });
}

}  // namespace vigil::app
