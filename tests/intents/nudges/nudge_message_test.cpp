#include "intents/nudges/nudge_message.hpp"

#include <catch2/catch.hpp>

#include "intents/button_owner.hpp"
#include "nudge_test_support.hpp"

using namespace rubdown;
using namespace rubdown::intents;
using namespace rubdown::intents::nudges;
using namespace rubdown::intents::nudges::testing;
using storage::NudgeKind;

namespace {

storage::Nudge nudge_of(NudgeKind kind, storage::UnixSeconds due) {
    storage::Nudge nudge;
    nudge.id = 9;
    nudge.user_id = 7;
    nudge.kind = kind;
    nudge.due_at = due;
    return nudge;
}

storage::Race race_on(const std::string& day, const std::string& name) {
    storage::Race race;
    race.id = 3;
    race.date = day;
    race.name = name;
    return race;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("every nudge carries the four buttons, Book now only with a booking URL") {
    const auto user = runner_in("Europe/Berlin");
    for (auto kind : {NudgeKind::after_hard_session, NudgeKind::pre_race_first,
                      NudgeKind::pre_race_second, NudgeKind::post_race, NudgeKind::snoozed}) {
        INFO("kind " << static_cast<int>(kind));
        const auto nudge = nudge_of(kind, unix_utc(2026, 10, 25, 8));
        const auto race = race_on("2026-10-30", "Lakeside Half");

        const auto with_url = nudge_message(nudge, user, race, "https://book.example/massage");
        REQUIRE(with_url.buttons.size() == 4);
        CHECK(with_url.buttons[0] == Button{"Book now", "", "https://book.example/massage"});
        // Each action is tagged with the runner the nudge is for.
        const auto tag = "@" + rubdown::intents::owner_tag(user.key);
        CHECK(with_url.buttons[1] == Button{"Booked ✓", "nudge:booked" + tag, ""});
        CHECK(with_url.buttons[2] == Button{"Remind me tomorrow", "nudge:snooze" + tag, ""});
        CHECK(with_url.buttons[3] == Button{"Stop these", "nudge:stop" + tag, ""});
        CHECK_FALSE(with_url.edit_original);

        const auto without_url = nudge_message(nudge, user, race, "");
        REQUIRE(without_url.buttons.size() == 3);
        CHECK(without_url.buttons[0].action == "nudge:booked" + tag);
        for (const auto& button : without_url.buttons) {
            CHECK(button.url.empty());
            CHECK(button.action.size() <= 64);  // Telegram's callback_data limit
        }
        CHECK_FALSE(without_url.text.empty());
    }
}

TEST_CASE("race nudges name the race and its date and say why 3-5 days before") {
    const auto user = runner_in("Europe/Berlin");
    const auto race = race_on("2026-10-30", "Lakeside Half");
    // D-5 09:00 CET, on the day Berlin leaves summer time.
    const auto first = nudge_message(nudge_of(NudgeKind::pre_race_first, unix_utc(2026, 10, 25, 8)),
                                     user, race, "");
    CHECK(contains(first.text, "Lakeside Half"));
    CHECK(contains(first.text, "Fri 30 Oct"));
    CHECK(contains(first.text, "in 5 days"));
    CHECK(contains(first.text, "3-5 day window"));
    CHECK(contains(first.text, "Sun 25 Oct to Tue 27 Oct"));
    CHECK(contains(first.text, "sore"));

    const auto second = nudge_message(
        nudge_of(NudgeKind::pre_race_second, unix_utc(2026, 10, 26, 8)), user, race, "");
    CHECK(contains(second.text, "Lakeside Half"));
    CHECK(contains(second.text, "in 4 days"));
    CHECK(contains(second.text, "sore"));
    CHECK(contains(second.text, "3-5 days"));
    CHECK(first.text != second.text);

    const auto post =
        nudge_message(nudge_of(NudgeKind::post_race, unix_utc(2026, 10, 31, 9)), user, race, "");
    CHECK(contains(post.text, "Lakeside Half"));
    CHECK(contains(post.text, "recovery"));

    // New York, 09:00 EST on its change day, is 14:00 UTC: still 5 days before a race on Nov 6.
    const auto new_york =
        nudge_message(nudge_of(NudgeKind::pre_race_first, unix_utc(2026, 11, 1, 14)),
                      runner_in("America/New_York"), race_on("2026-11-06", "Hudson 10K"), "");
    CHECK(contains(new_york.text, "Fri 6 Nov"));
    CHECK(contains(new_york.text, "in 5 days"));
}

TEST_CASE("nudge texts without a race name or race fall back to plain words") {
    const auto user = runner_in("UTC");
    const auto unnamed =
        nudge_message(nudge_of(NudgeKind::pre_race_first, unix_utc(2026, 12, 9, 9)), user,
                      race_on("2026-12-14", ""), "");
    CHECK(contains(unnamed.text, "Your race is on Mon 14 Dec"));

    const auto hard = nudge_message(
        nudge_of(NudgeKind::after_hard_session, unix_utc(2026, 6, 3, 12)), user, std::nullopt, "");
    CHECK(contains(hard.text, "Ana"));
    CHECK(contains(hard.text, "hard session"));
    CHECK(contains(hard.text, "massage"));

    const auto snoozed = nudge_message(nudge_of(NudgeKind::snoozed, unix_utc(2026, 6, 3, 12)), user,
                                       std::nullopt, "");
    CHECK(contains(snoozed.text, "reminder"));
    CHECK(contains(snoozed.text, "massage"));

    const auto snoozed_before_race =
        nudge_message(nudge_of(NudgeKind::snoozed, unix_utc(2026, 12, 13, 9)), user,
                      race_on("2026-12-14", "Winter 10K"), "");
    CHECK(contains(snoozed_before_race.text, "Winter 10K is on Mon 14 Dec, tomorrow"));
    CHECK(contains(snoozed_before_race.text, "3-5 days"));
}
