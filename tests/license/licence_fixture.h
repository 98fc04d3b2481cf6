#pragma once
// Test fixture for licensing: vigil-license as a real vendor (a code registry in a temporary folder,
// the development signing key, its HTTPS activation endpoint on 127.0.0.1 with a made-up CA), and
// made-up machine factors so tests can play several machines on one host.

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "license/machine_fingerprint.h"

namespace vigil::test {

inline QString developmentKey(int n) {
    return QStringLiteral(VIGIL_TEST_SOURCE_DIR_LITERAL "/tests/license/keys/development-vendor-%1.pem").arg(n);
}

inline core::license::MachineFactors machine(const QString& name) {
    core::license::MachineFactors factors;
    factors.machineId = name + QStringLiteral("-machine-id");
    factors.cpu = name + QStringLiteral(" CPU 3.2 GHz");
    factors.board = name + QStringLiteral(" board");
    factors.rootFs = name + QStringLiteral("-root-uuid");
    factors.macs = {name + QStringLiteral("-mac-1"), name + QStringLiteral("-mac-2")};
    return factors;
}

class Vendor {
public:
    explicit Vendor(const QString& folder) : m_folder(folder) {}
    ~Vendor() { stop(); }

    QString registry() const { return m_folder + QStringLiteral("/codes.json"); }
    QString caFile() const { return m_folder + QStringLiteral("/vendor-ca.pem"); }
    QUrl url() const { return m_url; }

    // Runs a vigil-license command to its end; stdout, or "" with a warning when it fails.
    QString run(const QStringList& arguments, int* exitCode = nullptr) const {
        QProcess process;
        process.start(QStringLiteral(VIGIL_LICENSE_BINARY), arguments);
        process.waitForFinished(30000);
        if (exitCode) {
            *exitCode = process.exitCode();
        }
        if (process.exitCode() != 0) {
            qWarning().noquote() << "vigil-license" << arguments.join(u' ') << "failed:" << process.readAllStandardError();
        }
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    QString issue(const QStringList& options) const {
        return run(QStringList{QStringLiteral("issue"), QStringLiteral("--db"), registry()} + options);
    }

    bool start() {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(VIGIL_LICENSE_BINARY),
                        {QStringLiteral("serve"), QStringLiteral("--db"), registry(), QStringLiteral("--key"),
                         developmentKey(1), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ca-out"),
                         caFile()});
        static const QRegularExpression kListening(QStringLiteral("listening (https://\\S+)"));
        QDeadlineTimer deadline(30000);
        QByteArray seen;
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            seen += m_process.readAllStandardOutput();
            const auto match = kListening.match(QString::fromUtf8(seen));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                return true;
            }
        }
        return false;
    }

    void stop() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QString m_folder;
    QProcess m_process;
    QUrl m_url;
};

}  // namespace vigil::test
