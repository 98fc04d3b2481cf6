#pragma once
// TrialSeal: a small file outside the database that remembers when this machine's trial began and
// the latest time seen (docs/design/licensing.md, "Trial"). A new database in the same data folder (a
// reinstall, a deleted vigil.db) starts from the sealed trial instead of a fresh one, and a clock
// wound back below the sealed time is noticed even then. The seal is an HMAC-SHA256 over the values
// with a key tied to this machine's fingerprint, so a seal edited by hand or copied from another
// machine is ignored. It stops casual resets, not someone who rebuilds Vigil: say so, don't pretend.

#include <QString>
#include <optional>

namespace vigil::server {

struct TrialSealValues {
    qint64 trialStartedMs = 0;
    qint64 seenMaxMs = 0;
};

class TrialSeal {
public:
    TrialSeal(QString path, QString machineKey) : m_path(std::move(path)), m_machineKey(std::move(machineKey)) {}

    // nullopt when there is no seal, or it does not verify (edited, another machine's).
    std::optional<TrialSealValues> read() const;
    // Writes atomically, 0600; false (and a warning in the log) when the folder is not writable.
    bool write(const TrialSealValues& values) const;
    QString path() const { return m_path; }

private:
    QByteArray mac(const TrialSealValues& values) const;

    QString m_path;
    QString m_machineKey;
};

}  // namespace vigil::server
