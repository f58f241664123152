#pragma once
/// The operator's pages' style sheet (bot/admin/assets/), built into the binary.

#include <string_view>

namespace rubdown::bot::admin_assets {

std::string_view dashboard_style();  ///< dashboard.css

}  // namespace rubdown::bot::admin_assets
