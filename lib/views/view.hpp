#pragma once
// Views: one builder per command turns the project into the JSON view model its template
// renders. The view model is a public output (`--format json`) and `commplan render` input.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/project.hpp"

namespace commplan {

/// What every view builder is told besides the project.
struct ViewOptions {
  Lang lang = Lang::en;
  Date today;  ///< the day "today" means (--date)
};

/// The head every view model starts with: kind "commplan/<command>", version 1, lang, date,
/// and the project's identity (name, client, summary, start, end, timezone).
nlohmann::json view_header(std::string_view command, const Project& project,
                           const ViewOptions& options);

/// A warning about the project as a whole or one of its objects (for "to confirm" gaps and
/// the like), located at `origin`'s field when known.
void warn(Diagnostics& diagnostics, const Origin& origin, std::string_view field,
          std::string message);

}  // namespace commplan
