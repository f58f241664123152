#pragma once
/// Throw-away TLS identities for loopback HTTPS tests, generated in memory at test time.

#include <string>
#include <vector>

namespace rubdown::testing {

struct PemIdentity {
    std::string certificate_pem;  ///< also the CA to trust: the certificate signs itself
    std::string private_key_pem;
};

/// A self-signed P-256 certificate valid for a day, whose subject alternative names are the given
/// DNS names ("localhost") and IP addresses ("127.0.0.1"). Throws std::runtime_error on failure.
PemIdentity make_self_signed_certificate(const std::vector<std::string>& dns_names,
                                         const std::vector<std::string>& ip_addresses);

}  // namespace rubdown::testing
