#pragma once
// The built-in templates, embedded at build time from templates/ (cmake/embed_templates.cmake).

#include <string_view>
#include <vector>

namespace commplan::builtin {

/// One embedded template: its name (path below templates/ without ".mustache") and text.
struct Template {
  std::string_view name;
  std::string_view text;
};

/// Every built-in template, sorted by name.
const std::vector<Template>& templates();

}  // namespace commplan::builtin
