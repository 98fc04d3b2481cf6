#pragma once
// TrustStore: the platform CA certificates this workstation has pinned, one per site "host:port"
// (SEC-2.3, trust on first use). A site's CA is pinned once, after the user compared its fingerprint
// (or without asking for the embedded engine, which the workstation made itself); from then on only
// that CA is trusted for the site, so a changed CA is refused instead of silently accepted.
//
// Persisted as JSON in one file (PEM, SHA-256 fingerprint, first-seen UTC ms per site), replaced
// atomically and readable by the owner only. Not thread-safe: use it from one thread.

#include <QDateTime>
#include <QMap>
#include <QSslCertificate>
#include <QString>
#include <optional>

#include "common/result.h"

namespace vigil::core::client {

struct PinnedAuthority {
    QSslCertificate certificate;
    QString fingerprint;     // SHA-256, "AB:CD:..."
    qint64 firstSeenMs = 0;  // UTC
};

class TrustStore {
public:
    // `filePath` is read now (a missing file is an empty store) and written on every change.
    explicit TrustStore(QString filePath);

    QString filePath() const { return m_filePath; }
    // Why the file could not be read at construction (empty when it was fine or absent).
    QString loadProblem() const { return m_loadProblem; }

    static QString siteKey(const QString& host, quint16 port);

    Status pin(const QString& site, const QSslCertificate& authority);
    std::optional<PinnedAuthority> pinnedCa(const QString& site) const;
    Status forget(const QString& site);
    QStringList sites() const { return m_pins.keys(); }

private:
    void load();
    Status save() const;

    QString m_filePath;
    QString m_loadProblem;
    QMap<QString, PinnedAuthority> m_pins;
};

}  // namespace vigil::core::client
