#include "support/self_signed_certificate.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace rubdown::testing {

namespace {

template <class T, void (*Free)(T*)>
struct OpenSslDeleter {
    void operator()(T* pointer) const { Free(pointer); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using CertificatePtr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using ExtensionPtr =
    std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;

void check(bool ok, const char* step) {
    if (!ok) throw std::runtime_error(std::string("self-signed certificate: ") + step + " failed");
}

void add_extension(X509* certificate, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
    check(extension != nullptr, "building an extension");
    check(X509_add_ext(certificate, extension.get(), -1) == 1, "adding an extension");
}

std::string drain(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

PemIdentity make_self_signed_certificate(const std::vector<std::string>& dns_names,
                                         const std::vector<std::string>& ip_addresses) {
    KeyPtr key(EVP_EC_gen("P-256"));
    check(key != nullptr, "generating the key");

    CertificatePtr certificate(X509_new());
    check(certificate != nullptr, "allocating the certificate");
    check(X509_set_version(certificate.get(), 2) == 1, "setting the version");
    check(ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1) == 1, "setting the serial");
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 60 * 60);
    check(X509_set_pubkey(certificate.get(), key.get()) == 1, "setting the public key");

    X509_NAME* name = X509_get_subject_name(certificate.get());
    const std::string common_name = dns_names.empty() ? "test" : dns_names.front();
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>(common_name.c_str()),
                                     -1, -1, 0) == 1,
          "setting the subject");
    check(X509_set_issuer_name(certificate.get(), name) == 1, "setting the issuer");

    std::string alternative_names;
    for (const auto& dns : dns_names)
        alternative_names += (alternative_names.empty() ? "DNS:" : ",DNS:") + dns;
    for (const auto& ip : ip_addresses)
        alternative_names += (alternative_names.empty() ? "IP:" : ",IP:") + ip;
    add_extension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE");
    if (!alternative_names.empty())
        add_extension(certificate.get(), NID_subject_alt_name, alternative_names);
    check(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0, "signing");

    BioPtr certificate_bio(BIO_new(BIO_s_mem()));
    BioPtr key_bio(BIO_new(BIO_s_mem()));
    check(certificate_bio && key_bio, "allocating buffers");
    check(PEM_write_bio_X509(certificate_bio.get(), certificate.get()) == 1,
          "writing the certificate");
    check(PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                   nullptr) == 1,
          "writing the key");
    return {drain(certificate_bio.get()), drain(key_bio.get())};
}

}  // namespace rubdown::testing
