#include "bot/inbox/planned_nudge_watch.hpp"

#include <catch2/catch.hpp>

#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;

TEST_CASE("the watch remembers the earliest pending nudge written through it") {
    testing::TempDir dir;
    storage::Store store(dir.file("watch.db"));
    store.run([](storage::Repositories& repos) {
        const auto user = repos.users.find_or_create("console:ana", "console", "ana", "Ana", 0);
        bot::PlannedNudgeWatch watch(repos.nudges);
        CHECK_FALSE(watch.earliest_planned());

        storage::Nudge nudge;
        nudge.user_id = user.id;
        nudge.due_at = 300;
        nudge.id = watch.add(nudge);
        CHECK(watch.earliest_planned() == 300);

        nudge.due_at = 200;  // moved earlier
        watch.update(nudge);
        CHECK(watch.earliest_planned() == 200);

        nudge.due_at = 100;  // cancelled: the scheduler need not hurry for it
        nudge.state = storage::NudgeState::cancelled;
        watch.update(nudge);
        CHECK(watch.earliest_planned() == 200);

        // Reads and writes reach the real repository.
        CHECK(repos.nudges.pending(10).empty());
        CHECK(watch.pending(10).empty());
        return 0;
    });
}
