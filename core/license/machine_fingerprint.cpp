#include "license/machine_fingerprint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkInterface>
#include <QRegularExpression>

#include <sys/statfs.h>

#include <algorithm>

#include "model/json_fields.h"

namespace vigil::core::license {

namespace {
// Salts the factor hashes so a fingerprint cannot be looked up in tables of machine ids or MACs.
constexpr auto kSalt = "vigil-licence-fingerprint-v1";

QString readTrimmed(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.read(4096)).trimmed();
}

QString cpuModel() {
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine());
        if (line.startsWith(QLatin1String("model name"))) {
            return line.section(QLatin1Char(':'), 1).simplified();
        }
    }
    return {};
}

// The root file system's id: its UUID through the file system id statfs reports (ext4 and xfs
// derive it from the UUID), so it changes when the disk is replaced or reformatted, not at reboot.
QString rootFileSystem() {
    struct statfs info {};
    if (statfs("/", &info) != 0) {
        return {};
    }
    const auto* words = reinterpret_cast<const unsigned int*>(&info.f_fsid);
    if (words[0] == 0 && words[1] == 0) {
        return {};
    }
    return QStringLiteral("%1-%2-%3").arg(info.f_type, 0, 16).arg(words[0], 0, 16).arg(words[1], 0, 16);
}

// Physical interfaces only: virtual ones (bridges, veth, VPN tunnels) come and go.
QStringList physicalMacs() {
    QStringList macs;
    for (const QNetworkInterface& interface : QNetworkInterface::allInterfaces()) {
        if (interface.flags().testFlag(QNetworkInterface::IsLoopBack)) {
            continue;
        }
        if (!QFileInfo::exists(QStringLiteral("/sys/class/net/%1/device").arg(interface.name()))) {
            continue;
        }
        const QString mac = interface.hardwareAddress().toLower();
        if (!mac.isEmpty() && mac != QLatin1String("00:00:00:00:00:00")) {
            macs.append(mac);
        }
    }
    return macs;
}

bool isFactorHash(const QString& text) {
    static const QRegularExpression kPattern(QStringLiteral("^[0-9a-f]{32}$"));
    return text.isEmpty() || kPattern.match(text).hasMatch();
}
}  // namespace

MachineFactors MachineFactors::collect() {
    MachineFactors factors;
    factors.machineId = readTrimmed(QStringLiteral("/etc/machine-id"));
    factors.cpu = cpuModel();
    const QString vendor = readTrimmed(QStringLiteral("/sys/class/dmi/id/sys_vendor"));
    const QString product = readTrimmed(QStringLiteral("/sys/class/dmi/id/product_name"));
    factors.board = (vendor + QLatin1Char(' ') + product).trimmed();
    factors.rootFs = rootFileSystem();
    factors.macs = physicalMacs();
    return factors;
}

QString MachineFingerprint::hashFactor(const QString& name, const QString& value) {
    if (value.isEmpty()) {
        return {};
    }
    const QByteArray input = QByteArray(kSalt) + '\0' + name.toUtf8() + '\0' + value.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex().left(32));
}

MachineFingerprint MachineFingerprint::fromFactors(const MachineFactors& factors) {
    MachineFingerprint fingerprint;
    fingerprint.m_machineId = hashFactor(QStringLiteral("machine-id"), factors.machineId);
    fingerprint.m_cpu = hashFactor(QStringLiteral("cpu"), factors.cpu);
    fingerprint.m_board = hashFactor(QStringLiteral("board"), factors.board);
    fingerprint.m_rootFs = hashFactor(QStringLiteral("root-fs"), factors.rootFs);
    for (const QString& mac : factors.macs) {
        const QString hash = hashFactor(QStringLiteral("mac"), mac.toLower());
        if (!hash.isEmpty() && !fingerprint.m_macs.contains(hash)) {
            fingerprint.m_macs.append(hash);
        }
    }
    fingerprint.m_macs.sort();
    return fingerprint;
}

QJsonObject MachineFingerprint::toJson() const {
    return QJsonObject{{QStringLiteral("machineId"), m_machineId},
                       {QStringLiteral("cpu"), m_cpu},
                       {QStringLiteral("board"), m_board},
                       {QStringLiteral("rootFs"), m_rootFs},
                       {QStringLiteral("macs"), QJsonArray::fromStringList(m_macs)}};
}

Result<MachineFingerprint> MachineFingerprint::fromJson(const QJsonObject& json) {
    model::FieldReader read(json, QStringLiteral("machine fingerprint"), model::FieldReader::Mode::Request);
    MachineFingerprint fingerprint;
    fingerprint.m_machineId = read.string(QStringLiteral("machineId"));
    fingerprint.m_cpu = read.string(QStringLiteral("cpu"));
    fingerprint.m_board = read.string(QStringLiteral("board"));
    fingerprint.m_rootFs = read.string(QStringLiteral("rootFs"));
    fingerprint.m_macs = read.stringList(QStringLiteral("macs"));
    if (!read.finish()) {
        return read.error();
    }
    QStringList all = fingerprint.m_macs;
    all << fingerprint.m_machineId << fingerprint.m_cpu << fingerprint.m_board << fingerprint.m_rootFs;
    for (const QString& hash : std::as_const(all)) {
        if (!isFactorHash(hash)) {
            return model::FieldReader::badRequest(QStringLiteral("machine fingerprint"), QStringLiteral("factors"),
                                                  QStringLiteral("must be 32 lower-case hex digits each"));
        }
    }
    if (fingerprint.m_macs.size() > 64) {
        return model::FieldReader::badRequest(QStringLiteral("machine fingerprint"), QStringLiteral("macs"),
                                              QStringLiteral("lists more than 64 addresses"));
    }
    fingerprint.m_macs.removeAll(QString());
    fingerprint.m_macs.sort();
    fingerprint.m_macs.removeDuplicates();
    return fingerprint;
}

int MachineFingerprint::factorCount() const {
    int count = 0;
    for (const QString* factor : {&m_machineId, &m_cpu, &m_board, &m_rootFs}) {
        count += factor->isEmpty() ? 0 : 1;
    }
    return count + (m_macs.isEmpty() ? 0 : 1);
}

int MachineFingerprint::matchingFactors(const MachineFingerprint& licensed) const {
    int count = 0;
    const std::pair<const QString*, const QString*> pairs[] = {{&m_machineId, &licensed.m_machineId},
                                                               {&m_cpu, &licensed.m_cpu},
                                                               {&m_board, &licensed.m_board},
                                                               {&m_rootFs, &licensed.m_rootFs}};
    for (const auto& [mine, theirs] : pairs) {
        count += !theirs->isEmpty() && *mine == *theirs ? 1 : 0;
    }
    const bool sharedMac = std::any_of(licensed.m_macs.cbegin(), licensed.m_macs.cend(),
                                       [this](const QString& mac) { return m_macs.contains(mac); });
    return count + (sharedMac ? 1 : 0);
}

int MachineFingerprint::requiredMatches(int count) {
    if (count <= 2) {
        return count;
    }
    return count == 3 ? 2 : 3;
}

bool MachineFingerprint::matches(const MachineFingerprint& licensed) const {
    const int listed = licensed.factorCount();
    // A licence that lists no factor at all would match any machine: never.
    return listed > 0 && matchingFactors(licensed) >= requiredMatches(listed);
}

QString MachineFingerprint::displayId() const {
    const QByteArray input = QStringList{m_machineId, m_cpu, m_board, m_rootFs, m_macs.join(u',')}.join(u'|').toUtf8();
    const QString hex =
        QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex().left(16)).toUpper();
    return QStringLiteral("VGL-%1-%2-%3-%4").arg(hex.mid(0, 4), hex.mid(4, 4), hex.mid(8, 4), hex.mid(12, 4));
}

}  // namespace vigil::core::license
