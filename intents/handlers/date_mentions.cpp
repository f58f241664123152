#include "intents/handlers/date_mentions.hpp"

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/lexer.hpp"
#include "intents/nlu/text_normalizer.hpp"

namespace rubdown::intents::handlers {

std::optional<date::local_days> future_day_mentioned(std::string_view text,
                                                     date::local_days today) {
    const auto tokens = nlu::lex(nlu::normalize_text(text));
    const auto day = nlu::parse_race_date(tokens, date::year_month_day{today});
    if (!day) return std::nullopt;
    return date::local_days{*day};
}

}  // namespace rubdown::intents::handlers
