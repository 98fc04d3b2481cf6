#pragma once
// CertificateImport: checks a CA-signed server certificate and its key before the platform serves
// them (SEC-2.3). Parses the PEM bundle (the server certificate first, then the CAs that issued it)
// and the unencrypted private key (EC or RSA), and refuses with the reason when the key does not
// match, the certificate is not valid now, is self-signed or a CA, is not for TLS servers, names
// none of the platform's names and addresses, or its chain does not verify up to a root (given in
// the bundle, or one the host trusts). Nothing is stored here: the caller replaces its certificate
// only with what passed.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::security {

struct CertificateBundle {
    QSslCertificate leaf;
    QList<QSslCertificate> issuers;  // as given after the leaf: sent to clients with it
    QSslKey key;
    QStringList covered;  // the platform names and addresses the certificate is valid for
};

class CertificateImport {
public:
    static constexpr int kMaxCertificates = 8;

    // `names` and `addresses`: the platform's (at least one must be covered); `nowMs`: UTC.
    static Result<CertificateBundle> check(const QByteArray& certificatesPem, const QByteArray& keyPem,
                                           const QStringList& names, const QList<QHostAddress>& addresses,
                                           qint64 nowMs);

    // An unencrypted EC or RSA private key in PEM, as Qt needs it; an error says why not.
    static Result<QSslKey> readKey(const QByteArray& keyPem);
};

}  // namespace vigil::core::security
