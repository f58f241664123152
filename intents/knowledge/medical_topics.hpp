#pragma once
/// Spots questions the massage knowledge cannot answer safely: injuries, medical conditions,
/// pregnancy, medication. These are checked before retrieval, so a question such as "is deep
/// tissue massage safe with my heart condition" gets a referral rather than a cheerful benefit.

#include <optional>
#include <string_view>

namespace rubdown::intents::knowledge {

enum class MedicalTopic { injury, condition, pregnancy, medication };

/// The medical topic a question touches, if any.
std::optional<MedicalTopic> detect_medical_topic(std::string_view question);

}  // namespace rubdown::intents::knowledge
