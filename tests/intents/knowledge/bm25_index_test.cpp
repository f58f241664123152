#include "intents/knowledge/bm25_index.hpp"

#include <catch2/catch.hpp>

using rubdown::intents::knowledge::Bm25Index;

namespace {

/// Two short documents: "knee pain" and "calf calf pain" (average length 2.5), with the default
/// parameters k1 = 1.2, b = 0.5. The expected scores below are worked out by hand from the BM25
/// formula: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), term score =
/// idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average length)).
Bm25Index knee_and_calf() {
    Bm25Index index;
    index.add("knee", {"knee", "pain"});
    index.add("calf", {"calf", "calf", "pain"});
    return index;
}

}  // namespace

TEST_CASE("a term found in one document scores that document alone") {
    const auto ranked = knee_and_calf().rank({"knee"});
    REQUIRE(ranked.size() == 1);
    CHECK(ranked[0].label == "knee");
    // ln 2 * 1 * 2.2 / (1 + 1.08)
    CHECK(ranked[0].score == Approx(0.733137).epsilon(1e-5));
}

TEST_CASE("scores add up over the query's terms and rank the documents") {
    const auto ranked = knee_and_calf().rank({"calf", "pain"});
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].label == "calf");
    // ln 2 * 2 * 2.2 / (2 + 1.32) + ln 1.2 * 2.2 / (1 + 1.32)
    CHECK(ranked[0].score == Approx(1.091520).epsilon(1e-5));
    CHECK(ranked[1].label == "knee");
    // ln 1.2 * 2.2 / (1 + 1.08)
    CHECK(ranked[1].score == Approx(0.192840).epsilon(1e-5));
}

TEST_CASE("a repeated query word counts once and an unknown one not at all") {
    const auto once = knee_and_calf().rank({"knee"});
    const auto repeated = knee_and_calf().rank({"knee", "knee", "knee", "elbow"});
    REQUIRE(repeated.size() == 1);
    CHECK(repeated[0].score == Approx(once[0].score));
    CHECK(knee_and_calf().rank({"elbow"}).empty());
    CHECK(Bm25Index{}.rank({"knee"}).empty());
}

TEST_CASE("a label scores as its best document, not the sum of them") {
    auto index = knee_and_calf();
    index.add("calf", {"calf", "cramp"});
    const auto both = index.rank({"calf"});
    REQUIRE(both.size() == 1);
    Bm25Index alone;
    alone.add("knee", {"knee", "pain"});
    alone.add("calf", {"calf", "calf", "pain"});
    alone.add("other", {"calf", "cramp"});
    const auto split = alone.rank({"calf"});
    REQUIRE(split.size() == 2);
    CHECK(both[0].score == Approx(std::max(split[0].score, split[1].score)));
}

TEST_CASE("a term weight scales that term's share of the score") {
    auto plain = knee_and_calf();
    auto weighted = knee_and_calf();
    weighted.set_term_weight("pain", 0.5);
    const auto before = plain.rank({"pain"});
    const auto after = weighted.rank({"pain"});
    REQUIRE(before.size() == 2);
    REQUIRE(after.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(after[i].label == before[i].label);
        CHECK(after[i].score == Approx(before[i].score * 0.5));
    }
    CHECK(plain.contains("pain"));
    CHECK_FALSE(plain.contains("elbow"));
}
