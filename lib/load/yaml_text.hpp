#pragma once
// Load: how YAML 1.2 reads the text of a scalar, for libfyaml's path (load/document.cpp) and
// the fast path (load/yaml_fast.cpp) alike. Private to lib/load.

#include <string>
#include <string_view>

namespace commplan {

/// Whether a plain scalar's text is YAML's null: empty, "~", "null", "Null" or "NULL".
bool is_plain_null(std::string_view text);

/// The value of a single-quoted scalar from its source between the quotes (YAML 1.2, 7.3.2):
/// '' is a quote, line breaks fold.
std::string single_quoted(std::string_view raw);

/// The value of a plain scalar across lines from its source, its first character to its last
/// (YAML 1.2, 7.3.3): line breaks fold.
std::string plain_folded(std::string_view raw);

}  // namespace commplan
