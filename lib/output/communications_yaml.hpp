#pragma once
// The 5W2H checklist as `communications:` entries of a project file (five-w2h --format yaml).

#include <nlohmann/json.hpp>
#include <string>

namespace commplan {

/// A YAML `communications:` list holding the checklists of a five-w2h view model, each
/// answer double-quoted and each dimension preceded by its guiding question as a comment.
/// Unanswered dimensions are written as "" so they can be filled in.
std::string communications_yaml(const nlohmann::json& view);

}  // namespace commplan
