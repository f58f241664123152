#include "adapters/part_progress.hpp"

#include <catch2/catch.hpp>

using rubdown::adapters::PartProgress;

TEST_CASE("part progress: a retried row resumes at the first call not yet made") {
    PartProgress progress;
    CHECK(progress.resume_at(7) == 0);
    progress.stopped_before(7, 2);
    CHECK(progress.resume_at(7) == 2);
    CHECK(progress.resume_at(8) == 0);
    progress.stopped_before(7, 3);  // the retry got one part further
    CHECK(progress.resume_at(7) == 3);
    progress.finished(7);
    CHECK(progress.resume_at(7) == 0);
    CHECK(progress.size() == 0);
}

TEST_CASE("part progress: stopping before the first call keeps nothing") {
    PartProgress progress;
    progress.stopped_before(7, 2);
    progress.stopped_before(7, 0);
    CHECK(progress.resume_at(7) == 0);
    CHECK(progress.size() == 0);
}

TEST_CASE("part progress: memory stays bounded, and known rows keep their place") {
    PartProgress progress(3);
    progress.stopped_before(1, 1);
    progress.stopped_before(2, 1);
    progress.stopped_before(3, 1);
    progress.stopped_before(3, 2);  // known: no room needed
    CHECK(progress.size() == 3);
    CHECK(progress.resume_at(3) == 2);
    progress.stopped_before(4, 1);  // a fourth row: the old ones are dropped
    CHECK(progress.size() == 1);
    CHECK(progress.resume_at(4) == 1);
    CHECK(progress.resume_at(1) == 0);
}
