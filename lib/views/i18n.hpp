#pragma once
// Text a view computes (not a template's), in both languages at once, so neither can be missing.

#include <string_view>

#include "model/project.hpp"

namespace commplan {

/// One phrase in every language commplan speaks.
struct Phrase {
  std::string_view en;
  std::string_view zh;

  std::string_view in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

}  // namespace commplan
