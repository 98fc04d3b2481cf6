#pragma once
// Owning pointers for OpenSSL objects and the step from Qt's certificate type to OpenSSL's, shared by
// the certificate authority and the certificate import check (core/security only).

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <QSslCertificate>
#include <memory>

namespace vigil::core::security::openssl {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* object) const {
        Free(object);
    }
};

using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;

// Qt's certificate as OpenSSL's (through DER); null when OpenSSL cannot read it.
inline X509Ptr toX509(const QSslCertificate& certificate) {
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, static_cast<long>(der.size())));
}

}  // namespace vigil::core::security::openssl
