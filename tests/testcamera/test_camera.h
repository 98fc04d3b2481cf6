#pragma once
// Test fixture: vigil-testcamera as a child process on 127.0.0.1 (tools/vigil-testcamera). Makes
// the clips it loops (tests/support/make_clip.sh, cached in the build tree), starts it with
// --quit-on-eof, reads its JSON ready line, sends fault commands on stdin and waits for their
// "ok", and kills it by PID when the fixture goes.
//
// The binary comes from $VIGIL_TESTCAMERA, else from VIGIL_TESTCAMERA_BINARY (a compile definition
// tests set to $<TARGET_FILE:vigil-testcamera>); clips go to $VIGIL_TEST_CLIP_DIR, else
// VIGIL_TEST_CLIP_DIR, else the temporary folder; make_clip.sh from $VIGIL_TEST_SOURCE_DIR (set by
// ctest) or VIGIL_SOURCE_DIR.

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>
#include <csignal>
#include <memory>

namespace vigil::test {

class TestCamera {
public:
    TestCamera() = default;
    ~TestCamera() { stop(); }
    TestCamera(const TestCamera&) = delete;
    TestCamera& operator=(const TestCamera&) = delete;

    static QString binaryPath() {
        const QString fromEnvironment = qEnvironmentVariable("VIGIL_TESTCAMERA");
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
#ifdef VIGIL_TESTCAMERA_BINARY
        return QStringLiteral(VIGIL_TESTCAMERA_BINARY);
#else
        return QStringLiteral("vigil-testcamera");
#endif
    }

    // A clip made by make_clip.sh with these options (e.g. {"--codec", "h265", "--audio"}), made
    // once and reused. Empty on failure, with the reason in *error.
    static QString clip(const QString& fileName, const QStringList& options, QString* error = nullptr) {
        QString directory = qEnvironmentVariable("VIGIL_TEST_CLIP_DIR");
#ifdef VIGIL_TEST_CLIP_DIR
        if (directory.isEmpty()) {
            directory = QStringLiteral(VIGIL_TEST_CLIP_DIR);
        }
#endif
        if (directory.isEmpty()) {
            directory = QDir::tempPath() + QStringLiteral("/vigil-test-clips");
        }
        QDir().mkpath(directory);
        const QString path = directory + QLatin1Char('/') + fileName;
        QString sourceDirectory = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
#ifdef VIGIL_SOURCE_DIR
        if (sourceDirectory.isEmpty()) {
            sourceDirectory = QStringLiteral(VIGIL_SOURCE_DIR);
        }
#endif
        QProcess make;
        make.setProcessChannelMode(QProcess::MergedChannels);
        make.start(sourceDirectory + QStringLiteral("/tests/support/make_clip.sh"), QStringList{path} + options);
        if (!make.waitForFinished(300000) || make.exitStatus() != QProcess::NormalExit || make.exitCode() != 0) {
            if (error) {
                *error = QStringLiteral("make_clip.sh failed: ") + QString::fromUtf8(make.readAll());
            }
            return {};
        }
        return path;
    }

    // `cameras`: --camera specs ("name=cam1,file=/path.mp4,user=u,password=p").
    bool start(const QStringList& cameras, const QStringList& extraArguments = {}, QString* error = nullptr) {
        stop();
        QStringList arguments{QStringLiteral("--quit-on-eof")};
        for (const QString& camera : cameras) {
            arguments << QStringLiteral("--camera") << camera;
        }
        arguments += extraArguments;
        m_process = std::make_unique<QProcess>();
        m_process->start(binaryPath(), arguments);
        if (!m_process->waitForStarted(10000)) {
            return fail(error, QStringLiteral("cannot run ") + binaryPath());
        }
        const QByteArray line = readLine(30000);
        const QJsonObject ready = QJsonDocument::fromJson(line).object();
        if (!ready.value(QStringLiteral("ready")).toBool()) {
            return fail(error, QStringLiteral("no ready line (got \"%1\"); stderr: %2")
                                   .arg(QString::fromUtf8(line), QString::fromUtf8(m_process->readAllStandardError())));
        }
        m_ready = ready;
        return true;
    }

    void stop() {
        if (!m_process) {
            return;
        }
        if (m_process->state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
            m_process->waitForFinished(10000);
        }
        m_process.reset();
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    quint16 port() const { return static_cast<quint16>(m_ready.value(QStringLiteral("port")).toInt()); }
    const QJsonObject& ready() const { return m_ready; }
    QJsonObject camera(const QString& name) const {
        for (const QJsonValue& camera : m_ready.value(QStringLiteral("cameras")).toArray()) {
            if (camera.toObject().value(QStringLiteral("name")).toString() == name) {
                return camera.toObject();
            }
        }
        return {};
    }
    QUrl url(const QString& name, const QString& user = {}, const QString& password = {}) const {
        QUrl url(m_ready.value(QStringLiteral("urls")).toObject().value(name).toString());
        if (!user.isEmpty()) {
            url.setUserName(user);
            url.setPassword(password);
        }
        return url;
    }

    // Sends one control line ("drop cam1") and returns its answer line ("ok"), empty on timeout.
    QString command(const QString& line, int timeoutMs = 10000) {
        if (!isRunning()) {
            return {};
        }
        m_process->write(line.toUtf8() + '\n');
        m_process->waitForBytesWritten(timeoutMs);
        return QString::fromUtf8(readLine(timeoutMs));
    }

    QString standardError() { return m_process ? QString::fromUtf8(m_process->readAllStandardError()) : QString(); }

private:
    QByteArray readLine(int timeoutMs) {
        const QDeadlineTimer deadline(timeoutMs);
        while (!m_process->canReadLine()) {
            if (deadline.hasExpired() || m_process->state() != QProcess::Running) {
                return {};
            }
            m_process->waitForReadyRead(100);
        }
        return m_process->readLine().trimmed();
    }

    bool fail(QString* error, const QString& message) {
        if (error) {
            *error = message;
        }
        stop();
        return false;
    }

    std::unique_ptr<QProcess> m_process;
    QJsonObject m_ready;
};

}  // namespace vigil::test
