#pragma once
// The 5W2H checklist as `communications:` entries of a project file (five-w2h --format yaml),
// written from the five-w2h view model alone.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace commplan {

/// A YAML `communications:` list holding the checklists of a five-w2h view model, each
/// answer double-quoted and each dimension preceded by its guiding question as a comment
/// (the view's `name` and `question`). Unanswered dimensions are written as "" so they can be
/// filled in; a communication without an id gets communication_id() of its title.
std::string communications_yaml(const nlohmann::json& view);

/// An id for a communication titled `title`: its ASCII letters and digits, lower case, joined
/// by dashes; "topic" when none are left.
std::string communication_id(std::string_view title);

}  // namespace commplan
