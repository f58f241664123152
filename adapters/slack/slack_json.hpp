#pragma once
/// Small, non-throwing readers for Slack's JSON: a missing or mistyped field reads as empty.

#include <string>

#include <nlohmann/json.hpp>

namespace rubdown::slack::json_read {

inline const nlohmann::json& field(const nlohmann::json& object, const char* key) {
    static const nlohmann::json null_value;
    if (!object.is_object()) return null_value;
    const auto it = object.find(key);
    return it == object.end() ? null_value : *it;
}

inline std::string text(const nlohmann::json& object, const char* key) {
    const auto& value = field(object, key);
    return value.is_string() ? value.get<std::string>() : std::string{};
}

inline bool flag(const nlohmann::json& object, const char* key) {
    const auto& value = field(object, key);
    return value.is_boolean() && value.get<bool>();
}

}  // namespace rubdown::slack::json_read
