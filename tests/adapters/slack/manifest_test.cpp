#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

// The app manifest is what an operator pastes into Slack; it must ask for what the adapter uses.
TEST_CASE("the Slack app manifest names the scopes, events and URLs the adapter needs",
          "[slack][manifest]") {
    std::ifstream file(std::string(RUBDOWN_SOURCE_DIR) + "/deploy/slack-app-manifest.yaml");
    REQUIRE(file);
    std::ostringstream content;
    content << file.rdbuf();
    const auto text = content.str();
    const auto has_item = [&](const std::string& item) {
        return text.find("- " + item + "\n") != std::string::npos;
    };
    for (const char* scope : {"chat:write", "files:write", "im:history", "channels:history",
                              "groups:history", "app_mentions:read", "commands", "im:write"}) {
        INFO(scope);
        CHECK(has_item(scope));
    }
    for (const char* event : {"message.im", "message.channels", "message.groups", "app_mention"}) {
        INFO(event);
        CHECK(has_item(event));
    }
    for (const char* url : {"https://YOUR-HOST/slack/events", "https://YOUR-HOST/slack/commands",
                            "https://YOUR-HOST/slack/interactivity"}) {
        INFO(url);
        CHECK(text.find(url) != std::string::npos);
    }
    CHECK(text.find("command: /rubdown") != std::string::npos);
}
