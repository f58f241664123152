#pragma once
/// Understanding one utterance: intent classification plus entity extraction, per the NLU contract.

#include <memory>
#include <string>
#include <string_view>

#include "intents/clock.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::nlu {

class Nlu {
  public:
    /// Reads the classifier the build trained (intents/nlu/intent_model.hpp).
    Nlu();
    ~Nlu();
    Nlu(const Nlu&) = delete;
    Nlu& operator=(const Nlu&) = delete;

    /// `now` is the reference instant for relative dates, resolved in `time_zone` (IANA name).
    /// Thread-safe: parse is const and keeps no state between calls.
    Parse parse(std::string_view text, Seconds now, const std::string& time_zone) const;

  private:
    struct Model;
    std::unique_ptr<Model> model_;
};

}  // namespace rubdown::intents::nlu
