// Times the Slack request signature: rubdown::slack::compute_signature (a keyed HMAC context kept
// per thread, the pieces fed in turn) against OpenSSL's one-shot HMAC() over the joined
// "v0:{timestamp}:{body}" string, the obvious way and the baseline. Rounds alternate between
// the two so that a noisy machine slows both alike.
//
// Usage: slack_signature_bench [iterations per round] [body bytes]   (defaults 200000, 700)

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "adapters/slack/slack_signature.hpp"

namespace {

constexpr std::string_view kSecret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::string_view kTimestamp = "1531420618";

/// "v0=" and the hex digest, the baseline way.
std::string one_shot(std::string_view body) {
    std::string base = "v0:";
    base.append(kTimestamp).append(":").append(body);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), kSecret.data(), static_cast<int>(kSecret.size()),
         reinterpret_cast<const unsigned char*>(base.data()), base.size(), digest, &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string signature = "v0=";
    for (unsigned int i = 0; i < length; ++i) {
        signature.push_back(kDigits[digest[i] >> 4]);
        signature.push_back(kDigits[digest[i] & 0x0f]);
    }
    return signature;
}

template <typename Work>
double microseconds_each(int iterations, Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t sink = 0;
    for (int i = 0; i < iterations; ++i) sink += work();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (sink == 0) std::puts("");  // keeps the work from being optimised away
    return std::chrono::duration<double, std::micro>(elapsed).count() / iterations;
}

}  // namespace

int main(int argc, char** argv) {
    const int iterations = argc > 1 ? std::atoi(argv[1]) : 200000;
    const auto body_bytes = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 700UL;
    if (iterations <= 0) {
        std::fprintf(stderr, "iterations must be a positive number\n");
        return 2;
    }
    const std::string body(body_bytes, 'x');
    // Both must agree before their speed means anything.
    if (rubdown::slack::compute_signature(kSecret, kTimestamp, body) != one_shot(body)) {
        std::fprintf(stderr, "compute_signature and HMAC() disagree\n");
        return 1;
    }
    std::printf("round\tone-shot HMAC() us\tcompute_signature us\tratio\n");
    for (int round = 1; round <= 5; ++round) {
        const double baseline =
            microseconds_each(iterations, [&] { return one_shot(body).size(); });
        const double keyed = microseconds_each(iterations, [&] {
            return rubdown::slack::compute_signature(kSecret, kTimestamp, body).size();
        });
        std::printf("%d\t%.3f\t%.3f\t%.2f\n", round, baseline, keyed, keyed / baseline);
    }
    return 0;
}
