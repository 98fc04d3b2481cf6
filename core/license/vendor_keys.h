#pragma once
// The vendor's public keys this build trusts for licences (LIC-1). More than one can be trusted at a
// time so the vendor can rotate: a new key is added in one release, licences are signed with it from
// then on, and the old key is removed only once the licences it signed have been renewed.
//
// Development keys (their private halves are in tests/license/keys/, so anyone can sign with them)
// are trusted only in builds configured with VIGIL_DEVELOPMENT_LICENCE_KEYS=ON, the default for
// developer and CI builds; packages are built with it OFF (packaging/README.md).

#include <QByteArray>
#include <QList>
#include <QString>

namespace vigil::core::license {

struct VendorKey {
    QString keyId;        // Ed25519Key::keyIdOf(publicRaw)
    QByteArray publicRaw;  // 32 bytes
    QString name;          // "vigil-2026", "development-1"
};

class VendorKeys {
public:
    VendorKeys() = default;
    explicit VendorKeys(QList<VendorKey> keys) : m_keys(std::move(keys)) {}

    // The keys built into this program.
    static VendorKeys builtIn();
    // A key set from raw public keys (the vendor tool, tests).
    static VendorKey fromPublic(const QByteArray& publicRaw, const QString& name);

    const VendorKey* find(const QString& keyId) const;
    const QList<VendorKey>& keys() const { return m_keys; }
    void add(const VendorKey& key) { m_keys.append(key); }

private:
    QList<VendorKey> m_keys;
};

}  // namespace vigil::core::license
