#include <catch2/catch.hpp>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/reminder_reader.hpp"
#include "intents/nlu/text_normalizer.hpp"

using namespace rubdown::intents::nlu;

namespace {

ReminderRequest read(const std::string& text) {
    const auto request = read_reminder_request(lex(normalize_text(text)));
    REQUIRE(request);
    return *request;
}

}  // namespace

TEST_CASE("reminder requests: quiet hours by range or by one end", "[nlu][reminders]") {
    auto request = read("quiet hours 22:30 to 6:45");
    CHECK(request.action == "quiet_hours");
    CHECK(request.quiet_from == "22:30");
    CHECK(request.quiet_until == "06:45");
    request = read("no reminders between 10pm and 7am");
    CHECK(request.quiet_from == "22:00");
    CHECK(request.quiet_until == "07:00");
    request = read("Also no reminders after 9pm");
    CHECK(request.action == "quiet_hours");
    CHECK(request.quiet_from == "21:00");
    CHECK_FALSE(request.quiet_until);
    // A bare hour after "after" is the evening's; before "before", the morning's.
    CHECK(read("nothing after 9 please").quiet_from == "21:00");
    CHECK(read("not before 7").quiet_until == "07:00");
    CHECK(read("quiet hours off").action == "quiet_hours_off");
}

TEST_CASE("reminder requests: days without them", "[nlu][reminders]") {
    auto request = read("no reminders on weekends");
    CHECK(request.action == "quiet_days");
    CHECK(request.days == std::vector<std::string>{"sat", "sun"});
    CHECK(read("only nudge me on weekdays").days == std::vector<std::string>{"sat", "sun"});
    CHECK(read("not on sundays pls").days == std::vector<std::string>{"sun"});
    CHECK(read("only remind me on weekends").days ==
          std::vector<std::string>{"mon", "tue", "wed", "thu", "fri"});
}

TEST_CASE("reminder requests: pause, resume, stop, snooze, status", "[nlu][reminders]") {
    auto request = read("pause reminders for two weeks");
    CHECK(request.action == "pause");
    CHECK(request.pause_days == 14);
    CHECK(read("pause them").pause_days == std::nullopt);
    CHECK(read("no reminders for 3 days").pause_days == 3);
    CHECK(read("start reminders again").action == "resume");
    CHECK(read("turn the nudges back on").action == "resume");
    CHECK(read("stop the reminders").action == "stop");
    CHECK(read("remind me later").action == "snooze");
    CHECK(read("are my reminders on?").action == "status");
    CHECK_FALSE(read_reminder_request(lex(normalize_text("ran 10k today"))));
}
