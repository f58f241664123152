// Times Nlu::parse (classification plus entities) and the safety triage that runs before it on
// every message, per message; and what start-up costs: training the intent classifier, reading
// the safety and question models the build trained, and training those two afresh to compare.
// Usage: nlu_bench [iterations]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "intents/knowledge/knowledge_base.hpp"
#include "intents/knowledge/question_model.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/safety/safety_model.hpp"
#include "intents/safety/safety_triage.hpp"

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> kMessages = {
    "ran 10k this morning in 52:30, felt hard",
    "what is deep tissue massage and does it hurt?",
    "my half is on 14 Dec",
    "can i book a sports massage for friday",
    "how far have i run this week",
    "stop reminding me",
    "hi there",
    "what can you do",
    "what's the weather tomorrow",
    "<@U024BE7LH> did 8x400m with 90s rest, 7k total, rpe 8 🏃",
    "signed up for the Berlin marathon on Sept 27",
    "yesterday easy 6 miles in 55 min",
};

}  // namespace

int main(int argc, char** argv) {
    const long iterations = argc > 1 ? std::atol(argv[1]) : 20000;
    const auto train_start = Clock::now();
    const rubdown::intents::nlu::Nlu nlu;
    const auto train_end = Clock::now();
    // The two other models the bot needs before its first answer: read from what the build
    // trained, and, for comparison, trained afresh as the bot did before.
    const auto safety_start = Clock::now();
    (void)rubdown::intents::safety::built_in_model();
    const auto safety_loaded = Clock::now();
    (void)rubdown::intents::knowledge::built_in_question_model();
    const auto knowledge_loaded = Clock::now();
    const rubdown::intents::safety::SafetyModel safety_model{
        rubdown::intents::safety::built_in_examples()};
    const auto safety_trained = Clock::now();
    const rubdown::intents::knowledge::QuestionModel question_model{
        rubdown::intents::knowledge::built_in_question_examples(
            rubdown::intents::knowledge::massage_knowledge())};
    const auto knowledge_trained = Clock::now();
    const auto now = rubdown::intents::Seconds{std::chrono::seconds{1795428000}};  // 2026-11-23T10Z

    // Warm-up: loads the time zone database once, as a running server would.
    for (const auto& message : kMessages) (void)nlu.parse(message, now, "Europe/London");

    std::size_t checksum = 0;
    const auto start = Clock::now();
    for (long i = 0; i < iterations; ++i) {
        const auto& message = kMessages[static_cast<std::size_t>(i) % kMessages.size()];
        checksum += nlu.parse(message, now, "Europe/London").intent.size();
    }
    const auto end = Clock::now();
    const double total_ns = std::chrono::duration<double, std::nano>(end - start).count();
    const auto ms = [](auto duration) {
        return std::chrono::duration<double, std::milli>(duration).count();
    };
    std::printf("intent classifier (Nlu construction): %.1f ms\n", ms(train_end - train_start));
    std::printf("safety model: read %.1f ms, trained afresh %.1f ms\n",
                ms(safety_loaded - safety_start), ms(safety_trained - knowledge_loaded));
    std::printf("knowledge question model: read %.1f ms, trained afresh %.1f ms\n",
                ms(knowledge_loaded - safety_loaded), ms(knowledge_trained - safety_trained));
    std::printf("parse (classify + entities): %ld messages, mean %.0f ns/message (%.2f us)\n",
                iterations, total_ns / static_cast<double>(iterations),
                total_ns / static_cast<double>(iterations) / 1000.0);

    (void)rubdown::intents::safety::triage(kMessages.front());  // compiles the rules once
    const auto triage_start = Clock::now();
    for (long i = 0; i < iterations; ++i) {
        const auto& message = kMessages[static_cast<std::size_t>(i) % kMessages.size()];
        checksum += rubdown::intents::safety::triage(message).topic.size();
    }
    const double triage_ns =
        std::chrono::duration<double, std::nano>(Clock::now() - triage_start).count();
    std::printf("safety triage: %ld messages, mean %.0f ns/message (%.2f us)\n", iterations,
                triage_ns / static_cast<double>(iterations),
                triage_ns / static_cast<double>(iterations) / 1000.0);
    std::printf("checksum %zu\n", checksum);
    return 0;
}
