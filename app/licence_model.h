#pragma once
// LicenceModel: the Licence page (issue 7, LIC-1). QML binds to it as `workstation.licence`: the
// edition, capacity used and licensed, features, expiry, fingerprint; online activation (normal or
// upgrade from Express with the Express code or its deactivation file), offline activation (export a
// request file, import the activation file the vendor returns) and the Express deactivation file.
// Files are read and written here (QML hands over file URLs); `busy` shows the progress of each
// step, and `message`/`messageKind` say how it ended, in the server's own words when it refused.

#include <QObject>
#include <QStringList>
#include <QUrl>

#include "client/licence_api.h"
#include "model/licence_model.h"

namespace vigil::app {

class LicenceModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString edition READ edition NOTIFY changed)
    Q_PROPERTY(QString editionName READ editionName NOTIFY changed)
    Q_PROPERTY(QString licensee READ licensee NOTIFY changed)
    Q_PROPERTY(int channels READ channels NOTIFY changed)
    Q_PROPERTY(int channelsUsed READ channelsUsed NOTIFY changed)
    Q_PROPERTY(QStringList features READ features NOTIFY changed)
    Q_PROPERTY(QString expiryText READ expiryText NOTIFY changed)
    Q_PROPERTY(bool expiring READ expiring NOTIFY changed)
    Q_PROPERTY(QString fingerprintId READ fingerprintId NOTIFY changed)
    Q_PROPERTY(QString platformId READ platformId NOTIFY changed)
    Q_PROPERTY(QString codes READ codes NOTIFY changed)
    Q_PROPERTY(QString expressCode READ expressCode NOTIFY changed)
    Q_PROPERTY(QString upgradedFrom READ upgradedFrom NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(bool clockRollback READ clockRollback NOTIFY changed)
    Q_PROPERTY(QString vendorUrl READ vendorUrl NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString messageKind READ messageKind NOTIFY messageChanged)

public:
    explicit LicenceModel(core::client::ApiClient* client, QObject* parent = nullptr);

    bool loaded() const { return m_loaded; }
    bool busy() const { return !m_busyText.isEmpty(); }
    QString busyText() const { return m_busyText; }
    QString state() const { return m_status.state; }
    QString stateText() const;
    QString edition() const { return m_status.edition; }
    QString editionName() const { return m_status.editionName; }
    QString licensee() const { return m_status.licensee; }
    int channels() const { return m_status.channels; }
    int channelsUsed() const { return m_status.channelsUsed; }
    QStringList features() const;
    QString expiryText() const;
    bool expiring() const { return m_status.expiring; }
    QString fingerprintId() const { return m_status.fingerprintId; }
    QString platformId() const { return m_status.platformId; }
    QString codes() const { return m_status.activationCodes.join(QStringLiteral(", ")); }
    // The Express code to offer for an upgrade: this platform's own when it runs Express.
    QString expressCode() const;
    QString upgradedFrom() const { return m_status.upgradedFrom; }
    QString problem() const { return m_status.problem; }
    bool clockRollback() const { return m_status.clockRollback; }
    QString vendorUrl() const { return m_status.vendorUrl; }
    QString message() const { return m_message; }
    QString messageKind() const { return m_messageKind; }

    Q_INVOKABLE void load();
    void clear();
    // Online: `expressCode` or `deactivationFile` (a file URL) only for an upgrade from Express.
    Q_INVOKABLE void activateOnline(const QString& code, const QString& expressCode, const QUrl& deactivationFile);
    // Offline step 1: the request file, saved at `saveTo`.
    Q_INVOKABLE void exportRequest(const QString& code, const QString& expressCode, const QUrl& deactivationFile,
                                   const QUrl& saveTo);
    // Offline step 2: the activation file from the vendor.
    Q_INVOKABLE void importActivation(const QUrl& file);
    // Gives up this platform's Express licence; the deactivation file is saved at `saveTo`.
    Q_INVOKABLE void deactivateExpress(const QUrl& saveTo);
    Q_INVOKABLE void setVendorUrl(const QString& url);
    // A file URL from what a person typed (a path) or a dialog chose (a URL).
    Q_INVOKABLE QUrl fileUrl(const QString& pathOrUrl) const;

signals:
    void changed();
    void busyChanged();
    void messageChanged();

private:
    QString daysLeftText() const;
    bool input(const QString& code, const QString& expressCode, const QUrl& deactivationFile,
               core::model::ActivationInput* out);
    void setBusy(const QString& text);
    void say(const QString& text, const QString& kind);
    void take(const core::Result<core::model::LicenceStatus>& result, const QString& success);
    bool readJson(const QUrl& url, const QString& what, QJsonObject* out);
    bool writeJson(const QUrl& url, const QJsonObject& json);

    core::client::LicenceApi* m_api;
    core::model::LicenceStatus m_status;
    bool m_loaded = false;
    QString m_busyText;
    QString m_message;
    QString m_messageKind;
};

}  // namespace vigil::app
