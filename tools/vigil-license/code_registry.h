#pragma once
// CodeRegistry: the vendor's record of activation codes (a JSON file): what each code grants, and
// whether it is new, active (on which platform and machine, since when) or deactivated (when, why).
// Written whole and atomically after every change.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "license/machine_fingerprint.h"

namespace vigil::tools {

struct CodeRecord {
    static constexpr auto kStandard = "standard";  // a new licence
    static constexpr auto kUpgrade = "upgrade";    // Pro replacing an Express licence
    static constexpr auto kRenewal = "renewal";    // extends the current licence by `days`
    static constexpr auto kCapacity = "capacity";  // adds `channels` to the current licence
    static const QStringList& kinds();

    QString code;
    QString kind = QLatin1String(kStandard);
    QString edition;  // express | pro (standard, upgrade)
    int channels = 0;
    QStringList features;
    int days = 0;  // 0: no end (standard, upgrade); the extension (renewal)
    QString licensee;
    qint64 createdMs = 0;
    QString state = QStringLiteral("new");  // new | active | deactivated
    QString platformId;
    core::license::MachineFingerprint fingerprint;
    QString fingerprintId;
    qint64 activatedMs = 0;
    QString licenceId;
    qint64 expiresMs = 0;  // of the licence issued first (a re-activation keeps it)
    qint64 deactivatedMs = 0;
    QString deactivationReason;

    QJsonObject toJson() const;
    static core::Result<CodeRecord> fromJson(const QJsonObject& json);
};

class CodeRegistry {
public:
    static core::Result<CodeRegistry> open(const QString& path);  // a missing file is an empty registry
    core::Status save() const;

    CodeRecord* find(const QString& code);
    const QList<CodeRecord>& records() const { return m_records; }
    // Makes a new unique code ("VGL-" and four groups of five) for `record` and stores it.
    QString add(CodeRecord record);

private:
    QString m_path;
    QList<CodeRecord> m_records;
};

}  // namespace vigil::tools
