#pragma once
// Routes of /api/v1/system/certificates (SEC-2.3), all needing `security`: the certificate in use and
// the platform CA, a new platform-made server certificate, the import of a CA-signed one, the expiry
// warning setting. The platform CA itself is public at /api/v1/system/ca.pem. Changes go to the
// security log.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class AccountsService;
class CertificateManager;

QList<Route> certificateRoutes(CertificateManager& certificates, AccountsService& accounts);

}  // namespace vigil::server
