#include "storage/records.hpp"

#include <array>
#include <stdexcept>
#include <utility>

namespace rubdown::storage {

namespace {
// One table per enum keeps the stored spelling and the parser in step.
template <typename Enum, std::size_t N>
std::string name_of(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names)
        if (candidate == value) return name;
    throw std::logic_error("enum value without a stored name");
}

template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& text,
              Enum fallback) {
    for (const auto& [candidate, name] : names)
        if (text == name) return candidate;
    return fallback;
}

constexpr std::array<std::pair<Effort, const char*>, 4> kEfforts{{{Effort::unknown, ""},
                                                                  {Effort::easy, "easy"},
                                                                  {Effort::moderate, "moderate"},
                                                                  {Effort::hard, "hard"}}};
constexpr std::array<std::pair<OutboxStatus, const char*>, 4> kOutboxStatuses{
    {{OutboxStatus::pending, "pending"},
     {OutboxStatus::sending, "sending"},
     {OutboxStatus::sent, "sent"},
     {OutboxStatus::failed, "failed"}}};
constexpr std::array<std::pair<NudgeKind, const char*>, 5> kNudgeKinds{
    {{NudgeKind::after_hard_session, "after_hard_session"},
     {NudgeKind::pre_race_first, "pre_race_first"},
     {NudgeKind::pre_race_second, "pre_race_second"},
     {NudgeKind::post_race, "post_race"},
     {NudgeKind::snoozed, "snoozed"}}};
constexpr std::array<std::pair<NudgeState, const char*>, 6> kNudgeStates{
    {{NudgeState::pending, "pending"},
     {NudgeState::claimed, "claimed"},
     {NudgeState::sent, "sent"},
     {NudgeState::failed, "failed"},
     {NudgeState::cancelled, "cancelled"},
     {NudgeState::expired, "expired"}}};
}  // namespace

constexpr std::array<std::pair<RunChangeKind, const char*>, 3> kRunChangeKinds{
    {{RunChangeKind::logged, "logged"},
     {RunChangeKind::edited, "edited"},
     {RunChangeKind::deleted, "deleted"}}};

std::string to_string(RunChangeKind kind) {
    return name_of(kRunChangeKinds, kind);
}
RunChangeKind run_change_kind_from_string(const std::string& text) {
    return value_of(kRunChangeKinds, text, RunChangeKind::logged);
}

std::string to_string(Effort effort) {
    return name_of(kEfforts, effort);
}
Effort effort_from_string(const std::string& text) {
    return value_of(kEfforts, text, Effort::unknown);
}
std::string to_string(OutboxStatus status) {
    return name_of(kOutboxStatuses, status);
}
OutboxStatus outbox_status_from_string(const std::string& text) {
    return value_of(kOutboxStatuses, text, OutboxStatus::failed);
}
std::string to_string(NudgeKind kind) {
    return name_of(kNudgeKinds, kind);
}
NudgeKind nudge_kind_from_string(const std::string& text) {
    return value_of(kNudgeKinds, text, NudgeKind::after_hard_session);
}
std::string to_string(NudgeState state) {
    return name_of(kNudgeStates, state);
}
NudgeState nudge_state_from_string(const std::string& text) {
    return value_of(kNudgeStates, text, NudgeState::failed);
}

}  // namespace rubdown::storage
