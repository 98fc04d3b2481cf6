#pragma once
// MachineFingerprint: what ties a licence to one machine (LIC-1, docs/design/licensing.md).
//
// Several factors, each kept only as a salted SHA-256 (the licence and the request file never carry
// a MAC address or a serial number in clear): the systemd machine id, the CPU model, the board
// (DMI product name and vendor), the root file system's UUID and the MAC addresses of the physical
// network interfaces. A licence matches this machine when enough of the factors it lists still
// match (matches()): a new network card, a re-installed OS or a replaced disk alone does not void
// it; a different machine matches at most by accident in one or two factors.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::license {

// The raw factor values, as read from the system (collect()) or given by a test.
struct MachineFactors {
    QString machineId;  // /etc/machine-id
    QString cpu;        // "model name" of /proc/cpuinfo
    QString board;      // DMI sys_vendor + product_name
    QString rootFs;     // UUID of the file system mounted at /
    QStringList macs;   // MAC addresses of physical interfaces, lower case

    static MachineFactors collect();
};

class MachineFingerprint {
public:
    MachineFingerprint() = default;
    static MachineFingerprint fromFactors(const MachineFactors& factors);
    static MachineFingerprint current() { return fromFactors(MachineFactors::collect()); }

    // {"machineId": h, "cpu": h, "board": h, "rootFs": h, "macs": [h...]}; a factor that could not be
    // read is "" (or an empty array) and counts neither for nor against a match.
    QJsonObject toJson() const;
    static Result<MachineFingerprint> fromJson(const QJsonObject& json);

    // The number of factors known (non-empty); MAC addresses count as one factor.
    int factorCount() const;
    // Factors of `licensed` that this machine still has (the MAC factor matches when one address is shared).
    int matchingFactors(const MachineFingerprint& licensed) const;
    // How many factors of `count` must match: all of one or two, two of three, three of four or five.
    static int requiredMatches(int count);
    // True when this machine is the one `licensed` describes (tolerant: requiredMatches()).
    bool matches(const MachineFingerprint& licensed) const;

    // A short id people compare on screen and on the phone: "VGL-XXXX-XXXX-XXXX-XXXX" from all factors.
    QString displayId() const;

    bool operator==(const MachineFingerprint& other) const = default;

private:
    static QString hashFactor(const QString& name, const QString& value);

    QString m_machineId;
    QString m_cpu;
    QString m_board;
    QString m_rootFs;
    QStringList m_macs;  // sorted
};

}  // namespace vigil::core::license
