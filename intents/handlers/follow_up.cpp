#include "intents/handlers/follow_up.hpp"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace rubdown::intents::handlers {
namespace {

constexpr std::array<std::pair<FollowUp::Kind, const char*>, 7> kKinds{{
    {FollowUp::Kind::log_run_amount, "log_run_amount"},
    {FollowUp::Kind::log_run_confirm, "log_run_confirm"},
    {FollowUp::Kind::race_date, "race_date"},
    {FollowUp::Kind::time_zone, "time_zone"},
    {FollowUp::Kind::massage_topic, "massage_topic"},
    {FollowUp::Kind::which_run, "which_run"},
    {FollowUp::Kind::run_or_plan, "run_or_plan"},
}};

}  // namespace

std::string to_json_text(const FollowUp& follow_up) {
    nlohmann::json json;
    for (const auto& [kind, name] : kKinds) {
        if (kind == follow_up.kind) json["kind"] = name;
    }
    if (!follow_up.date.empty()) json["date"] = follow_up.date;
    if (follow_up.distance_km) json["distance_km"] = *follow_up.distance_km;
    if (follow_up.duration_s) json["duration_s"] = *follow_up.duration_s;
    if (follow_up.effort) json["effort"] = *follow_up.effort;
    if (follow_up.rpe) json["rpe"] = *follow_up.rpe;
    if (!follow_up.text.empty()) json["text"] = follow_up.text;
    if (follow_up.since != 0) json["since"] = follow_up.since;
    if (follow_up.remove) json["remove"] = true;
    if (follow_up.race_result) json["race_result"] = true;
    if (!follow_up.planned_date.empty()) json["planned_date"] = follow_up.planned_date;
    if (follow_up.red_flag) json["red_flag"] = true;
    return json.dump();
}

std::optional<FollowUp> follow_up_from_json(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("kind") || !json["kind"].is_string()) {
        return std::nullopt;
    }
    FollowUp follow_up;
    bool known = false;
    for (const auto& [kind, name] : kKinds) {
        if (json["kind"] == name) {
            follow_up.kind = kind;
            known = true;
        }
    }
    if (!known) return std::nullopt;
    try {
        follow_up.date = json.value("date", "");
        follow_up.text = json.value("text", "");
        if (json.contains("distance_km")) follow_up.distance_km = json["distance_km"].get<double>();
        if (json.contains("duration_s")) {
            follow_up.duration_s = json["duration_s"].get<std::int64_t>();
        }
        if (json.contains("effort")) follow_up.effort = json["effort"].get<std::string>();
        if (json.contains("rpe")) follow_up.rpe = json["rpe"].get<int>();
        if (json.contains("since")) follow_up.since = json["since"].get<std::int64_t>();
        follow_up.remove = json.value("remove", false);
        follow_up.race_result = json.value("race_result", false);
        follow_up.planned_date = json.value("planned_date", "");
        follow_up.red_flag = json.value("red_flag", false);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    return follow_up;
}

std::optional<FollowUp> load_follow_up(storage::ConversationRepository& conversations,
                                       std::int64_t user_id) {
    const auto pending = conversations.pending(user_id);
    if (!pending) return std::nullopt;
    return follow_up_from_json(*pending);
}

void save_follow_up(storage::ConversationRepository& conversations, std::int64_t user_id,
                    const FollowUp& follow_up) {
    conversations.set_pending(user_id, to_json_text(follow_up));
}

void save_massage_topic(storage::ConversationRepository& conversations, std::int64_t user_id,
                        std::int64_t now_unix) {
    FollowUp topic;
    topic.kind = FollowUp::Kind::massage_topic;
    topic.since = now_unix;
    save_follow_up(conversations, user_id, topic);
}

}  // namespace rubdown::intents::handlers
