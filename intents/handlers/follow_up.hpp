#pragma once
/// A question the bot asked and is waiting to hear answered, kept between messages through
/// ConversationRepository as JSON (so a restart does not forget it).

#include <cstdint>
#include <optional>
#include <string>

#include "storage/repositories.hpp"

namespace rubdown::intents::handlers {

struct FollowUp {
    /// massage_topic is not a question: the bot just answered one about massage, so a short
    /// question that follows ("how often should I get one?") is taken to be about massage too.
    /// which_run: a correction waits for the runner to pick the run it means.
    /// run_or_plan: a run told by its weekday alone waits to hear whether it was run on the day
    /// gone (`date`) or is planned for the coming one (`planned_date`).
    enum class Kind {
        log_run_amount,
        log_run_confirm,
        race_date,
        time_zone,
        massage_topic,
        which_run,
        run_or_plan
    };
    Kind kind = Kind::log_run_amount;
    // The run being logged (log_run_*) or the race being set (race_date).
    std::string date;
    std::optional<double> distance_km;
    std::optional<std::int64_t> duration_s;
    std::optional<std::string> effort;
    std::optional<int> rpe;
    std::string text;          ///< the runner's original message
    std::int64_t since = 0;    ///< massage_topic: when the answer was given (Unix seconds)
    bool remove = false;       ///< which_run: the correction deletes the run
    bool race_result = false;  ///< log_run_*: a race already run, hard for the nudges
    std::string planned_date;  ///< run_or_plan: the coming day, read as a plan
    /// log_run_*, run_or_plan: told with a medical red flag, so no massage nudge when logged.
    bool red_flag = false;
};

std::string to_json_text(const FollowUp& follow_up);
/// Nothing when the JSON is not a follow-up this version understands.
std::optional<FollowUp> follow_up_from_json(const std::string& json);

std::optional<FollowUp> load_follow_up(storage::ConversationRepository& conversations,
                                       std::int64_t user_id);
void save_follow_up(storage::ConversationRepository& conversations, std::int64_t user_id,
                    const FollowUp& follow_up);
/// After a reply about massage (an answer, a race's massage window): the next short question
/// may point back at it.
void save_massage_topic(storage::ConversationRepository& conversations, std::int64_t user_id,
                        std::int64_t now_unix);

}  // namespace rubdown::intents::handlers
