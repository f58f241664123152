#pragma once
/// The byte format of a trained model: what the build's trainer (intents/trainer) writes and the
/// bot reads back at start-up instead of training. Little-endian 32-bit words, IEEE floats and
/// length-prefixed strings; a reader that runs out of bytes or meets a wrong tag throws, so a
/// damaged model is refused rather than half-read.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::learning {

struct ModelFormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ModelWriter {
  public:
    void tag(std::string_view name) { text(name); }
    void u32(std::uint32_t value);
    void u64(std::uint64_t value);
    void text(std::string_view value);
    void floats(const std::vector<float>& values);
    void words(const std::vector<std::uint32_t>& values);

    const std::string& bytes() const { return bytes_; }

  private:
    std::string bytes_;
};

class ModelReader {
  public:
    explicit ModelReader(std::string_view bytes) : rest_(bytes) {}

    /// Throws unless the next thing is the tag `name`.
    void expect_tag(std::string_view name);
    std::uint32_t u32();
    std::uint64_t u64();
    std::string text();
    std::vector<float> floats();
    std::vector<std::uint32_t> words();
    bool at_end() const { return rest_.empty(); }

  private:
    std::string_view take(std::size_t count);

    std::string_view rest_;
};

/// A model's header: what kind of model it is (`format`, with its version) and the fingerprint of
/// what it was trained on.
ModelWriter begin_model(std::string_view format, std::uint64_t trained_on);

/// A reader past the header of `bytes`, or nothing when `bytes` is empty or the model was
/// trained on other data than `trained_on`; throws ModelFormatError when it is not a `format`.
std::optional<ModelReader> open_model(std::string_view bytes, std::string_view format,
                                      std::uint64_t trained_on);

/// FNV-1a over bytes, 64 bits: the fingerprint of what a model was trained on, so a model built
/// from other data than the binary holds is noticed.
std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed = 14695981039346656037ull);

}  // namespace rubdown::intents::learning
