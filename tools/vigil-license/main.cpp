// vigil-license: the vendor's side of Vigil licensing (LIC-1; README.md).
//   keygen   --out key.pem                          a signing key; prints its id and public key
//   issue    --db codes.json --edition pro --channels 64 [--features a,b] [--days N] [--kind K]
//            [--licensee NAME] [--count N]           new activation codes, one a line
//   activate --db codes.json --key key.pem --request req.json --out licence.json   offline activation
//   deactivate --db codes.json --code CODE --reason TEXT
//   list     --db codes.json                        the record of codes (JSON)
//   manifest --key key.pem --in draft.json --out manifest.json   a signed update manifest (SEC-1.4)
//   serve    --db codes.json --key key.pem [--address 127.0.0.1] [--port 0] [--ca-out ca.pem]
//            the online activation endpoint over HTTPS; prints "listening https://host:port"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include "activation_authority.h"
#include "activation_server.h"
#include "code_registry.h"
#include "license/licence_document.h"
#include "license/update_manifest_verifier.h"
#include "security/certificate_authority.h"

using namespace vigil;

namespace {

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString& message) {
    QTextStream(stderr) << "vigil-license: " << message << Qt::endl;
    return 1;
}

bool writeFile(const QString& path, const QByteArray& bytes, bool secret, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (secret) {
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return true;
}

core::Result<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::Error::make(QStringLiteral("unreadable"), QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    return file.read(1024 * 1024);
}

core::Result<core::license::Ed25519Key> readKey(const QString& path) {
    auto pem = readFile(path);
    if (!pem) {
        return pem.error();
    }
    return core::license::Ed25519::fromPrivatePem(pem.value());
}

int keygen(const QCommandLineParser& args) {
    auto key = core::license::Ed25519::generate();
    if (!key) {
        return fail(key.error().message);
    }
    QString error;
    if (!writeFile(args.value(QStringLiteral("out")), key->privatePem, true, &error)) {
        return fail(error);
    }
    out() << "key id " << key->keyId() << "\npublic " << key->publicRaw.toBase64() << Qt::endl;
    return 0;
}

// The draft is the manifest object ({platform, client, firmware[, issuedMs]}, update_manifest.h);
// issuedMs defaults to now. The file written is what platforms import.
int manifest(const QCommandLineParser& args) {
    auto key = readKey(args.value(QStringLiteral("key")));
    if (!key) {
        return fail(key.error().message);
    }
    auto draft = readFile(args.value(QStringLiteral("in")));
    if (!draft) {
        return fail(draft.error().message);
    }
    QJsonObject body = QJsonDocument::fromJson(draft.value()).object();
    if (!body.contains(QStringLiteral("issuedMs"))) {
        body.insert(QStringLiteral("issuedMs"), QDateTime::currentMSecsSinceEpoch());
    }
    const QJsonObject file{{QStringLiteral("format"), QLatin1String(core::license::UpdateManifest::kFormat)},
                           {QStringLiteral("version"), core::license::UpdateManifest::kVersion},
                           {QStringLiteral("manifest"), body}};
    auto parsed = core::license::UpdateManifest::parse(QJsonDocument(file).toJson());
    if (!parsed) {
        return fail(parsed.error().message);
    }
    if (core::Status signedNow = core::license::UpdateManifestVerifier::sign(parsed.value(), key.value()); !signedNow) {
        return fail(signedNow.error().message);
    }
    QString error;
    if (!writeFile(args.value(QStringLiteral("out")), parsed->toFile(), false, &error)) {
        return fail(error);
    }
    out() << "update manifest " << args.value(QStringLiteral("out")) << " signed by " << key->keyId() << Qt::endl;
    return 0;
}

int issue(const QCommandLineParser& args, tools::CodeRegistry& registry) {
    tools::CodeRecord record;
    record.kind = args.value(QStringLiteral("kind"));
    record.edition = args.value(QStringLiteral("edition"));
    record.channels = args.value(QStringLiteral("channels")).toInt();
    record.features = args.value(QStringLiteral("features")).split(u',', Qt::SkipEmptyParts);
    record.days = args.value(QStringLiteral("days")).toInt();
    record.licensee = args.value(QStringLiteral("licensee"));
    record.createdMs = QDateTime::currentMSecsSinceEpoch();
    if (!tools::CodeRecord::kinds().contains(record.kind)) {
        return fail(QStringLiteral("--kind must be one of %1").arg(tools::CodeRecord::kinds().join(u", ")));
    }
    const bool extends = record.kind == QLatin1String(tools::CodeRecord::kRenewal) ||
                         record.kind == QLatin1String(tools::CodeRecord::kCapacity);
    if (!extends && record.edition != QLatin1String(core::license::Editions::kExpress) &&
        record.edition != QLatin1String(core::license::Editions::kPro)) {
        return fail(QStringLiteral("--edition must be express or pro"));
    }
    if (record.kind == QLatin1String(tools::CodeRecord::kUpgrade) && record.edition != QLatin1String("pro")) {
        return fail(QStringLiteral("upgrade codes are for Pro (--edition pro)"));
    }
    const int maxChannels = record.edition == QLatin1String("express") ? core::license::LicenceLimits::kExpressMaxChannels
                                                                       : core::license::LicenceLimits::kMaxChannels;
    if ((record.kind != QLatin1String(tools::CodeRecord::kRenewal) && (record.channels < 1 || record.channels > maxChannels)) ||
        (record.kind == QLatin1String(tools::CodeRecord::kRenewal) && record.days < 1)) {
        return fail(QStringLiteral("--channels must be 1..%1 (renewals need --days instead)").arg(maxChannels));
    }
    for (const QString& feature : std::as_const(record.features)) {
        if (!core::license::Features::allowedFor(record.edition).contains(feature)) {
            return fail(QStringLiteral("the %1 edition cannot carry the feature \"%2\" (allowed: %3)")
                            .arg(record.edition, feature, core::license::Features::allowedFor(record.edition).join(u", ")));
        }
    }
    const int count = std::max(1, args.value(QStringLiteral("count")).toInt());
    for (int i = 0; i < count; ++i) {
        out() << registry.add(record) << '\n';
    }
    out().flush();
    if (core::Status saved = registry.save(); !saved) {
        return fail(saved.error().message);
    }
    return 0;
}

int activate(const QCommandLineParser& args, tools::CodeRegistry& registry) {
    auto key = readKey(args.value(QStringLiteral("key")));
    if (!key) {
        return fail(key.error().message);
    }
    auto bytes = readFile(args.value(QStringLiteral("request")));
    if (!bytes) {
        return fail(bytes.error().message);
    }
    auto request = core::license::LicenceRequest::parse(bytes.value());
    if (!request) {
        return fail(request.error().message);
    }
    tools::ActivationAuthority authority(registry, key.value());
    auto licence = authority.activate(request.value(), QDateTime::currentMSecsSinceEpoch());
    if (!licence) {
        return fail(QStringLiteral("%1: %2").arg(licence.error().code, licence.error().message));
    }
    QString error;
    if (!writeFile(args.value(QStringLiteral("out")), licence->toFile(), false, &error)) {
        return fail(error);
    }
    out() << "activation file " << args.value(QStringLiteral("out")) << " for " << request->platformId << Qt::endl;
    return 0;
}

int deactivate(const QCommandLineParser& args, tools::CodeRegistry& registry) {
    tools::CodeRecord* record = registry.find(args.value(QStringLiteral("code")));
    if (!record) {
        return fail(QStringLiteral("no such code"));
    }
    record->state = QStringLiteral("deactivated");
    record->deactivatedMs = QDateTime::currentMSecsSinceEpoch();
    record->deactivationReason = args.value(QStringLiteral("reason"));
    if (core::Status saved = registry.save(); !saved) {
        return fail(saved.error().message);
    }
    return 0;
}

int list(tools::CodeRegistry& registry) {
    QJsonArray codes;
    for (const tools::CodeRecord& record : registry.records()) {
        codes.append(record.toJson());
    }
    out() << QJsonDocument(codes).toJson();
    return 0;
}

int serve(const QCommandLineParser& args, QCoreApplication& app) {
    auto key = readKey(args.value(QStringLiteral("key")));
    if (!key) {
        return fail(key.error().message);
    }
    using core::security::CertificateAuthority;
    auto authority = CertificateAuthority::createAuthority({QStringLiteral("vigil-license test CA")}, 30);
    if (!authority) {
        return fail(authority.error().message);
    }
    const QHostAddress address(args.value(QStringLiteral("address")));
    auto certificate = CertificateAuthority::issueServerCertificate(
        authority.value(), {QStringLiteral("vigil-license")}, {QStringLiteral("localhost")}, {address}, 30);
    if (!certificate) {
        return fail(certificate.error().message);
    }
    QString error;
    if (args.isSet(QStringLiteral("ca-out")) &&
        !writeFile(args.value(QStringLiteral("ca-out")), authority->certificatePem(), false, &error)) {
        return fail(error);
    }
    tools::ActivationServer server(args.value(QStringLiteral("db")), key.value());
    const quint16 port = server.listen(address, static_cast<quint16>(args.value(QStringLiteral("port")).toUInt()),
                                       certificate->certificate, certificate->key, &error);
    if (port == 0) {
        return fail(error);
    }
    out() << "listening https://" << address.toString() << ':' << port << Qt::endl;
    return app.exec();
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-license"));
    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral("The vendor's side of Vigil licensing: keys, activation codes, "
                                                  "activation files, the online activation endpoint and signed "
                                                  "update manifests."));
    args.addHelpOption();
    args.addPositionalArgument(QStringLiteral("command"), QStringLiteral("keygen | issue | activate | deactivate | list | manifest | serve"));
    args.addOptions({
        {QStringLiteral("db"), QStringLiteral("The code registry (JSON)."), QStringLiteral("file")},
        {QStringLiteral("key"), QStringLiteral("The signing key (PEM)."), QStringLiteral("file")},
        {QStringLiteral("out"), QStringLiteral("Where to write."), QStringLiteral("file")},
        {QStringLiteral("request"), QStringLiteral("A request file."), QStringLiteral("file")},
        {QStringLiteral("in"), QStringLiteral("An update manifest draft (JSON)."), QStringLiteral("file")},
        {QStringLiteral("kind"), QStringLiteral("standard | upgrade | renewal | capacity."), QStringLiteral("kind"),
         QStringLiteral("standard")},
        {QStringLiteral("edition"), QStringLiteral("express | pro."), QStringLiteral("edition")},
        {QStringLiteral("channels"), QStringLiteral("Channel capacity (capacity codes: channels added)."), QStringLiteral("n")},
        {QStringLiteral("features"), QStringLiteral("Comma-separated features."), QStringLiteral("list")},
        {QStringLiteral("days"), QStringLiteral("Validity in days (0: no end); renewals: days added."), QStringLiteral("n"),
         QStringLiteral("0")},
        {QStringLiteral("licensee"), QStringLiteral("The customer's name."), QStringLiteral("name")},
        {QStringLiteral("count"), QStringLiteral("How many codes."), QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("code"), QStringLiteral("An activation code."), QStringLiteral("code")},
        {QStringLiteral("reason"), QStringLiteral("Why it is deactivated."), QStringLiteral("text")},
        {QStringLiteral("address"), QStringLiteral("Listen address."), QStringLiteral("ip"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), QStringLiteral("Listen port (0: any free one)."), QStringLiteral("port"), QStringLiteral("0")},
        {QStringLiteral("ca-out"), QStringLiteral("Where to write the test CA's certificate."), QStringLiteral("file")},
    });
    args.process(app);
    const QString command = args.positionalArguments().value(0);
    if (command == QLatin1String("keygen")) {
        return args.isSet(QStringLiteral("out")) ? keygen(args) : fail(QStringLiteral("keygen needs --out"));
    }
    if (command == QLatin1String("manifest")) {
        const bool complete = args.isSet(QStringLiteral("key")) && args.isSet(QStringLiteral("in")) && args.isSet(QStringLiteral("out"));
        return complete ? manifest(args) : fail(QStringLiteral("manifest needs --key, --in and --out"));
    }
    if (!args.isSet(QStringLiteral("db"))) {
        return fail(QStringLiteral("%1 needs --db (the code registry)").arg(command.isEmpty() ? QStringLiteral("a command") : command));
    }
    auto registry = tools::CodeRegistry::open(args.value(QStringLiteral("db")));
    if (!registry) {
        return fail(registry.error().message);
    }
    if (command == QLatin1String("issue")) {
        return issue(args, registry.value());
    }
    if (command == QLatin1String("activate")) {
        return activate(args, registry.value());
    }
    if (command == QLatin1String("deactivate")) {
        return deactivate(args, registry.value());
    }
    if (command == QLatin1String("list")) {
        return list(registry.value());
    }
    if (command == QLatin1String("serve")) {
        return serve(args, app);
    }
    return fail(QStringLiteral("unknown command \"%1\"; see --help").arg(command));
}
