#pragma once
// Test fixture for the delivery tests: a real engine on 127.0.0.1, initialised, with the
// administrator logged in, the platform CA written to a PEM file for the independent clients
// (ffprobe, ffmpeg, VLC), and helpers to build media URLs and to run those clients by PID.
// RawStream reads a streaming answer over a raw TLS socket, with the client's pace under the
// test's control (a slow viewer is one that stops reading).

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <csignal>
#include <memory>

#include "../accounts/api_session.h"
#include "delivery/delivery_service.h"
#include "engine/engine.h"
#include "media/stream_hub.h"
#include "support/gst_camera.h"
#include "support/test_engine.h"

namespace vigil::test {

inline const QString kAdmin = QStringLiteral("chief");
inline const QString kAdminPassword = QStringLiteral("Harbour#Light9");
inline const QString kUserPassword = QStringLiteral("Kestrel!Wing7");

class DeliveryFixture {
public:
    // Starts the engine in `root` and initialises it with the administrator logged in.
    bool start(const QString& root, QString* error, qint64 recordingSegmentMs = 60000) {
        server::EngineOptions options = test::engineOptions(root);
        options.recordingSegmentMs = recordingSegmentMs;
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; tst_brute_force runs the real ones
        m_engine = std::make_unique<server::Engine>(options);
        if (core::Status started = m_engine->start(); !started) {
            *error = started.error().message;
            return false;
        }
        m_admin = std::make_unique<ApiSession>(*m_engine);
        const ApiReply setup = m_admin->post(QStringLiteral("/api/v1/setup"), setupBody(kAdmin, kAdminPassword));
        const ApiReply login = m_admin->login(kAdmin, kAdminPassword);
        if (setup.status != 201 || login.status != 200) {
            *error = QStringLiteral("setup/login failed: ") + describe(setup) + QStringLiteral(" / ") + describe(login);
            return false;
        }
        m_caFile = root + QStringLiteral("/client-ca.pem");
        QFile ca(m_caFile);
        if (!ca.open(QIODevice::WriteOnly) || ca.write(m_engine->authority().certificate.toPem()) < 0) {
            *error = QStringLiteral("cannot write ") + m_caFile;
            return false;
        }
        ca.close();
        ca.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        return true;
    }

    void stop() {
        m_admin.reset();
        m_engine.reset();
    }

    server::Engine& engine() { return *m_engine; }
    ApiSession& admin() { return *m_admin; }
    QString caFile() const { return m_caFile; }

    // Adds an rtsp device and waits until its channel's main stream is live; returns the channel id.
    QString addCamera(const QString& name, const QUrl& main, const QUrl& sub = {}) {
        QJsonObject body{{"driver", "rtsp"}, {"address", main.toString()}, {"name", name}};
        if (!sub.isEmpty()) {
            body.insert("subAddress", sub.toString());
        }
        const ApiReply added = m_admin->post(QStringLiteral("/api/v1/devices"), body);
        if (added.status != 201) {
            qWarning().noquote() << "adding the camera failed:" << describe(added);
            return {};
        }
        const QString deviceId = added.json.value("id").toString();
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            const QJsonObject device = m_admin->get(QStringLiteral("/api/v1/devices/") + deviceId).json;
            const QJsonObject channel = device.value("channels").toArray().first().toObject();
            const QJsonObject streams = channel.value("streams").toObject();
            const bool mainLive = streams.value("main").toObject().value("state").toString() == "live";
            const bool subLive = sub.isEmpty() || streams.value("sub").toObject().value("state").toString() == "live";
            if (mainLive && subLive && streams.value("main").toObject().value("packets").toDouble() > 0) {
                return channel.value("id").toString();
            }
            QTest::qWait(200);
        }
        qWarning() << "the camera's streams never went live";
        return {};
    }

    // The state of a channel's main-stream recorder (off, waiting, recording, problem).
    QString recorderState(const QString& channel) {
        return m_admin->get(QStringLiteral("/api/v1/recording/channels/") + channel)
            .json.value("status").toObject().value("main").toObject().value("state").toString();
    }

    // Waits until the channel's main stream is (or is no longer) live in the stream hub.
    bool waitLive(const QString& channel, bool live, int timeoutMs = 90000);

    // Records `camera` on `channel` for firstMs, stops it for gapMs (a gap in the recording) and
    // records again for secondMs: two recorded periods with a gap between them.
    bool recordWithGap(GstCamera& camera, const QString& channel, int firstMs, int gapMs, int secondMs, QString* error);

    // A user with a new role of `permissions`, reaching all channels or only `channels`; logged in.
    std::unique_ptr<ApiSession> userWith(const QString& name, const QStringList& permissions, bool allChannels,
                                         const QStringList& channels = {}) {
        const ApiReply role = m_admin->post(
            QStringLiteral("/api/v1/roles"),
            QJsonObject{{"name", name + QStringLiteral(" role")},
                        {"permissions", QJsonArray::fromStringList(permissions)},
                        {"allChannels", allChannels},
                        {"channels", QJsonArray::fromStringList(channels)}});
        const ApiReply user = m_admin->post(QStringLiteral("/api/v1/users"),
                                            QJsonObject{{"userName", name},
                                                        {"roleId", role.json.value("id").toString()},
                                                        {"password", kUserPassword}});
        auto session = std::make_unique<ApiSession>(*m_engine);
        if (role.status != 201 || user.status != 201 || session->login(name, kUserPassword).status != 200) {
            qWarning().noquote() << "user" << name << "failed:" << describe(role) << describe(user);
        }
        return session;
    }

    // https://127.0.0.1:<port><path>?<query>&token=<token>
    QString url(const QString& path, const QString& token, const QList<std::pair<QString, QString>>& query = {}) const {
        QUrl url = m_engine->baseUrl();
        url.setPath(path);
        QUrlQuery items;
        for (const auto& [name, value] : query) {
            items.addQueryItem(name, value);
        }
        if (!token.isEmpty()) {
            items.addQueryItem(QStringLiteral("token"), token);
        }
        url.setQuery(items);
        return url.toString(QUrl::FullyEncoded);
    }

    // FFmpeg's TLS options that trust only the platform CA (and check the server's name).
    QStringList tlsArguments() const {
        return {QStringLiteral("-tls_verify"), QStringLiteral("1"), QStringLiteral("-ca_file"), m_caFile};
    }

private:
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_caFile;
};

inline bool DeliveryFixture::waitLive(const QString& channel, bool live, int timeoutMs) {
    const QString key = server::DeliveryService::streamKey(channel, QStringLiteral("main"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if ((m_engine->streams()->status(key).state == server::StreamState::Live) == live) {
            return true;
        }
        QTest::qWait(100);
    }
    return false;
}

inline bool DeliveryFixture::recordWithGap(GstCamera& camera, const QString& channel, int firstMs, int gapMs, int secondMs,
                                           QString* error) {
    const auto recording = [&] {
        QDeadlineTimer deadline(90000);
        while (recorderState(channel) != QLatin1String("recording")) {
            if (deadline.hasExpired()) {
                *error = QStringLiteral("the recorder of %1 is %2, not recording").arg(channel, recorderState(channel));
                return false;
            }
            QTest::qWait(100);
        }
        return true;
    };
    if (!recording()) {
        return false;
    }
    QTest::qWait(firstMs);
    camera.stop();
    if (!waitLive(channel, false)) {
        *error = QStringLiteral("the stream stayed live after the camera stopped");
        return false;
    }
    QTest::qWait(gapMs);
    if (!camera.start(error)) {
        return false;
    }
    if (!waitLive(channel, true)) {
        *error = QStringLiteral("the stream did not come back with the camera");
        return false;
    }
    if (!recording()) {
        return false;
    }
    QTest::qWait(secondMs);
    return true;
}

// Runs a tool to its end while the engine's event loop keeps serving it; kills it by PID at the
// bound. Returns the exit code, -1 when it had to be killed.
inline int runTool(const QString& program, const QStringList& arguments, int timeoutMs, QByteArray* output = nullptr,
                   QByteArray* errors = nullptr) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        return -2;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QTest::qWait(50);
    }
    int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (process.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        process.waitForFinished(5000);
        code = -1;
    }
    if (output) {
        *output = process.readAllStandardOutput();
    }
    if (errors) {
        *errors = process.readAllStandardError();
    }
    return code;
}

// ffprobe's JSON about `target` (a URL or a file), run while the event loop serves it.
inline QJsonObject probe(const QStringList& extra, const QString& target, QByteArray* errors = nullptr) {
    QByteArray output;
    runTool(QStringLiteral("ffprobe"),
            QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-of"), QStringLiteral("json")} + extra +
                QStringList{target},
            60000, &output, errors);
    return QJsonDocument::fromJson(output).object();
}

inline QJsonObject firstStream(const QJsonObject& probed, const QString& type) {
    for (const QJsonValue& value : probed.value(QStringLiteral("streams")).toArray()) {
        if (value.toObject().value(QStringLiteral("codec_type")).toString() == type) {
            return value.toObject();
        }
    }
    return {};
}

// A streaming GET over a raw TLS socket. The test decides whether and how fast it reads.
class RawStream {
public:
    RawStream(server::Engine& engine, const QString& pathAndQuery, const QString& token, int receiveBufferBytes = 0) {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({engine.authority().certificate});
        m_socket.setSslConfiguration(tls);
        if (receiveBufferBytes > 0) {
            // A small kernel buffer and a small Qt buffer: when the test stops reading, the server
            // soon sees a full connection.
            m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBufferBytes);
            m_socket.setReadBufferSize(receiveBufferBytes);
        }
        QObject::connect(&m_socket, &QSslSocket::readyRead, &m_socket, [this] {
            if (m_reading) {
                m_received += m_socket.readAll();
            }
        });
        m_socket.connectToHostEncrypted(engine.baseUrl().host(), static_cast<quint16>(engine.baseUrl().port()));
        QSignalSpy encrypted(&m_socket, &QSslSocket::encrypted);
        if (!encrypted.wait(10000)) {
            qWarning() << "RawStream: no TLS connection:" << m_socket.errorString();
            return;
        }
        QByteArray request = "GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty()) {
            request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        }
        m_socket.write(request + "\r\n");
    }

    // Stops taking bytes from the socket: the server's writes pile up, as with a stalled viewer.
    void pause() { m_reading = false; }
    void resume() {
        m_reading = true;
        m_received += m_socket.readAll();
    }

    bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!condition()) {
            if (deadline.hasExpired()) {
                return false;
            }
            QTest::qWait(20);
        }
        return true;
    }
    bool waitForHead(int timeoutMs = 20000) {
        return waitFor([this] { return m_received.contains("\r\n\r\n") || !isConnected(); }, timeoutMs) &&
               m_received.contains("\r\n\r\n");
    }
    int status() const { return m_received.mid(9, 3).toInt(); }
    QByteArray head() const { return m_received.left(m_received.indexOf("\r\n\r\n") + 4); }
    QByteArray header(const QByteArray& name) const {
        for (const QByteArray& line : head().split('\n')) {
            if (line.toLower().startsWith(name.toLower() + ':')) {
                return line.mid(name.size() + 1).trimmed();
            }
        }
        return {};
    }
    qint64 bodyBytes() const { return std::max<qint64>(0, m_received.size() - head().size()); }
    const QByteArray& received() const { return m_received; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.abort(); }

private:
    QSslSocket m_socket;
    QByteArray m_received;
    bool m_reading = true;
};

}  // namespace vigil::test
