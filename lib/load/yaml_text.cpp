#include "load/yaml_text.hpp"

namespace commplan {

namespace {

/// Folds the line break at raw[i], the white space around it and the empty lines after it into
/// a space, or one line break an empty line; returns the index after them.
size_t fold_line_breaks(std::string_view raw, size_t i, std::string& out) {
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  size_t breaks = 0;
  while (i < raw.size() && (raw[i] == '\n' || raw[i] == '\r')) {
    i += raw.compare(i, 2, "\r\n") == 0 ? 2 : 1;
    ++breaks;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  }
  out.append(breaks == 1 ? 1 : breaks - 1, breaks == 1 ? ' ' : '\n');
  return i;
}

/// `raw` with its line breaks folded; with `quote` set, each '' in it read as a quote.
std::string folded(std::string_view raw, bool quote) {
  std::string out;
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] == '\n' || raw[i] == '\r') {
      i = fold_line_breaks(raw, i, out);
    } else {
      out += raw[i];
      i += quote && raw[i] == '\'' ? 2 : 1;
    }
  }
  return out;
}

}  // namespace

bool is_plain_null(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// libfyaml 0.7 garbles runs of '' (and leaks memory on them): its path reads them here too.
std::string single_quoted(std::string_view raw) { return folded(raw, true); }

std::string plain_folded(std::string_view raw) { return folded(raw, false); }

}  // namespace commplan
