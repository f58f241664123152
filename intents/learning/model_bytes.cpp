#include "intents/learning/model_bytes.hpp"

#include <bit>
#include <cstring>

namespace rubdown::intents::learning {

// Floats are copied as they lie in memory; the format is little-endian, as every machine the bot
// is built for is.
static_assert(std::endian::native == std::endian::little);
static_assert(sizeof(float) == 4);

void ModelWriter::u32(std::uint32_t value) {
    char raw[4];
    std::memcpy(raw, &value, 4);
    bytes_.append(raw, 4);
}

void ModelWriter::u64(std::uint64_t value) {
    char raw[8];
    std::memcpy(raw, &value, 8);
    bytes_.append(raw, 8);
}

void ModelWriter::text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    bytes_.append(value);
}

void ModelWriter::floats(const std::vector<float>& values) {
    u32(static_cast<std::uint32_t>(values.size()));
    if (values.empty()) return;
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
}

void ModelWriter::words(const std::vector<std::uint32_t>& values) {
    u32(static_cast<std::uint32_t>(values.size()));
    if (values.empty()) return;
    bytes_.append(reinterpret_cast<const char*>(values.data()),
                  values.size() * sizeof(std::uint32_t));
}

std::string_view ModelReader::take(std::size_t count) {
    if (count > rest_.size()) throw ModelFormatError("model: truncated");
    const auto taken = rest_.substr(0, count);
    rest_.remove_prefix(count);
    return taken;
}

void ModelReader::expect_tag(std::string_view name) {
    if (text() != name) throw ModelFormatError("model: expected '" + std::string{name} + "'");
}

std::uint32_t ModelReader::u32() {
    std::uint32_t value = 0;
    std::memcpy(&value, take(4).data(), 4);
    return value;
}

std::uint64_t ModelReader::u64() {
    std::uint64_t value = 0;
    std::memcpy(&value, take(8).data(), 8);
    return value;
}

std::string ModelReader::text() {
    const auto size = u32();
    return std::string{take(size)};
}

std::vector<float> ModelReader::floats() {
    const auto count = u32();
    const auto raw = take(static_cast<std::size_t>(count) * sizeof(float));
    std::vector<float> values(count);
    if (count != 0) std::memcpy(values.data(), raw.data(), raw.size());
    return values;
}

std::vector<std::uint32_t> ModelReader::words() {
    const auto count = u32();
    const auto raw = take(static_cast<std::size_t>(count) * sizeof(std::uint32_t));
    std::vector<std::uint32_t> values(count);
    if (count != 0) std::memcpy(values.data(), raw.data(), raw.size());
    return values;
}

ModelWriter begin_model(std::string_view format, std::uint64_t trained_on) {
    ModelWriter out;
    out.tag(format);
    out.u64(trained_on);
    return out;
}

std::optional<ModelReader> open_model(std::string_view bytes, std::string_view format,
                                      std::uint64_t trained_on) {
    if (bytes.empty()) return std::nullopt;
    ModelReader in(bytes);
    in.expect_tag(format);
    if (in.u64() != trained_on) return std::nullopt;
    return in;
}

std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace rubdown::intents::learning
