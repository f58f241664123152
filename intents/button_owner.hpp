#pragma once
/// Buttons belong to the runner they were shown to. In a group chat anyone can press any button;
/// without this, runner B pressing "Delete everything" under runner A's /forget deleted B's data
/// and told A theirs was gone. Each button's action carries a short tag of its runner's user key
/// ("forget:confirm@k3j9x2ab"); a press whose tag names someone else changes nothing.
///
/// The tag is not a secret: it only tells runners apart. A forged press with one's own tag acts
/// on one's own data, which one may do anyway; an untagged press (a button sent before tags
/// existed, or an action an adapter makes up) is taken as the presser's own.

#include <string>
#include <string_view>
#include <vector>

#include "intents/message.hpp"

namespace rubdown::intents {

/// Eight characters that stand for a user key, the same in every process and release.
std::string owner_tag(std::string_view user_key);

/// Tags every action button (link buttons carry no action) with its runner.
void bind_buttons(std::vector<Button>& buttons, std::string_view user_key);

struct PressedButton {
    std::string action;             ///< without its tag
    bool for_someone_else = false;  ///< tagged with another runner's key
};

/// Reads a pressed action back: its plain action, and whether it was shown to someone else.
PressedButton read_pressed_button(std::string_view action, std::string_view presser_key);

}  // namespace rubdown::intents
