#pragma once
// SoapClient: posts SOAP 1.2 requests over HTTP(S) and waits for the answer on the calling thread
// (a worker thread of the devices service; DeviceDriver calls are blocking). A local event loop runs
// while waiting; the call ends early on its deadline or when the Cancellation is set.
//
// Authentication: requests carry a WS-Security UsernameToken digest made with the device's clock
// (ours plus clockOffsetMs). A device that wants HTTP Digest instead answers 401 with a challenge;
// QNetworkAccessManager then answers it once with the same credentials. A second 401 means the
// credentials are wrong.
//
// One SoapClient serves one device for the length of one driver call; it is not thread-safe.

#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include "common/result.h"
#include "devices/device_driver.h"
#include "xml_element.h"

namespace vigil::plugins::onvif {

class SoapClient {
public:
    static constexpr int kDefaultTimeoutMs = 10'000;
    static constexpr qsizetype kMaxAnswerBytes = XmlElement::kMaxBytes;

    enum class Auth { None, UsernameToken };

    struct Request {
        QUrl url;
        QString action;     // SOAP action URI, sent in the Content-Type
        QString operation;  // "GetProfiles": for messages
        QString body;       // one element declaring its namespace
        QString headers;    // extra header elements (WS-Addressing), may be empty
        Auth auth = Auth::UsernameToken;
        int timeoutMs = kDefaultTimeoutMs;
        QString expectedElement;  // "GetProfilesResponse"; empty: any
    };

    SoapClient(QString user, QString password, const core::devices::Cancellation& cancel);
    SoapClient(const SoapClient&) = delete;
    SoapClient& operator=(const SoapClient&) = delete;

    void setClockOffsetMs(qint64 offsetMs) { m_clockOffsetMs = offsetMs; }
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }

    // The Body's first element, or a device_* error (device_unreachable, device_unauthorised,
    // device_not_supported, device_bad_answer, device_cancelled) saying what happened.
    core::Result<XmlElement> call(const Request& request);

    // Only the HTTP exchange: the answer's bytes whatever the status, or a transport error. Used by
    // call() and by GetSystemDateAndTime, whose Date header is a fallback clock.
    struct HttpAnswer {
        int status = 0;
        QByteArray body;
        QByteArray dateHeader;
    };
    core::Result<HttpAnswer> post(const Request& request);

private:
    QString m_user;
    QString m_password;
    const core::devices::Cancellation& m_cancel;
    qint64 m_clockOffsetMs = 0;
    QNetworkAccessManager m_manager;
};

}  // namespace vigil::plugins::onvif
