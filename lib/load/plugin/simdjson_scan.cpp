// The plugin that reads JSON with simdjson for the fast path (load/json_fast.cpp), built as
// commplan-json.so: the program loads it, and simdjson with it, only when it reads JSON.
// See load/json_scan.hpp for the interface.

#include <simdjson.h>

#include <string_view>
#include <type_traits>

#include "load/json_scan.hpp"

namespace {

namespace od = simdjson::ondemand;

static_assert(simdjson::SIMDJSON_PADDING <= 64, "json_scan.hpp promises 64 bytes of padding");

std::string_view trim_json_space(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r'))
    token.remove_suffix(1);
  return token;
}

/// Walks simdjson's on-demand iteration, giving each value to the sink; every method returns
/// false to stop.
class Walker {
 public:
  Walker(const char* base, size_t size, const CommplanJsonSink& sink)
      : base_(base), size_(size), sink_(sink) {}

  bool value(od::value v);
  bool array(od::array a, size_t at);
  bool object(od::object o, size_t at);

 private:
  bool offset_of(const char* at, size_t& offset) const {
    if (at < base_ || at > base_ + size_) return false;
    offset = static_cast<size_t>(at - base_);
    return true;
  }
  bool scalar(od::value v, std::string_view token, size_t at);
  bool string(od::value v, std::string_view token, size_t at);

  const char* base_;  // where simdjson reads the text: the text itself or a padded copy
  size_t size_;
  const CommplanJsonSink& sink_;
};

bool Walker::value(od::value v) {
  std::string_view token = v.raw_json_token();
  size_t at = 0;
  if (token.empty() || !offset_of(token.data(), at)) return false;
  switch (token[0]) {
    case '[': {
      od::array a;
      return !v.get_array().get(a) && array(a, at);
    }
    case '{': {
      od::object o;
      return !v.get_object().get(o) && object(o, at);
    }
    case '"':
      return string(v, token, at);
    default:
      return scalar(v, token, at);
  }
}

/// A number, true, false or null, read through simdjson: every value is read, none skipped, as
/// simdjson skips a value it was not asked for without checking the commas and colons after it.
bool Walker::scalar(od::value v, std::string_view token, size_t at) {
  token = trim_json_space(token);
  bool flag = false;
  double number = 0;
  CommplanJsonScalar kind = commplan_json_number;
  if (token == "null") {
    if (v.is_null().get(flag) || !flag) return false;
    kind = commplan_json_null;
  } else if (token == "true" || token == "false") {
    if (v.get_bool().get(flag)) return false;
    kind = commplan_json_bool;
  } else if (v.get_double().get(number)) {
    return false;
  }
  return sink_.scalar(sink_.self, at, token.size(), kind) != 0;
}

/// A string: the source's bytes between its quotes when it has no escape, else unescaped.
bool Walker::string(od::value v, std::string_view token, size_t at) {
  token = trim_json_space(token);
  if (token.size() < 2 || token.back() != '"') return false;
  std::string_view raw(base_ + at + 1, token.size() - 2);
  if (raw.find('\\') == std::string_view::npos) {
    od::raw_json_string read;  // read, not skipped (see scalar)
    return !v.get_raw_json_string().get(read) &&
           sink_.string(sink_.self, at + 1, raw.data(), raw.size(), 0) != 0;
  }
  std::string_view unescaped;
  return !v.get_string().get(unescaped) &&
         sink_.string(sink_.self, at + 1, unescaped.data(), unescaped.size(), 1) != 0;
}

bool Walker::array(od::array a, size_t at) {
  if (!sink_.open(sink_.self, 0, at)) return false;
  for (auto element : a) {
    od::value item;
    if (std::move(element).get(item) || !value(item)) return false;
  }
  return sink_.close(sink_.self) != 0;
}

bool Walker::object(od::object o, size_t at) {
  if (!sink_.open(sink_.self, 1, at)) return false;
  for (auto result : o) {
    od::field field;
    size_t key_at = 0;
    if (std::move(result).get(field) || !offset_of(field.key().raw(), key_at)) return false;
    // The key's end or first escape (a loop: find_first_of calls memchr once a byte).
    std::string_view rest(base_ + key_at, size_ - key_at);
    size_t end = 0;
    while (end < rest.size() && rest[end] != '"' && rest[end] != '\\') ++end;
    if (end == rest.size()) return false;
    bool sent = false;
    if (rest[end] == '"') {
      sent = sink_.key(sink_.self, key_at, rest.data(), end, 0) != 0;
    } else {
      std::string_view unescaped;
      sent = !field.unescaped_key().get(unescaped) &&
             sink_.key(sink_.self, key_at, unescaped.data(), unescaped.size(), 1) != 0;
    }
    if (!sent || !value(field.value())) return false;
  }
  return sink_.close(sink_.self) != 0;
}

bool scan(std::string_view text, simdjson::padded_string_view input, const CommplanJsonSink& sink) {
  size_t start = text.find_first_not_of(" \t\n\r");
  if (start == std::string_view::npos || (text[start] != '{' && text[start] != '[')) return false;
  od::parser parser;
  od::document doc;
  if (parser.iterate(input).get(doc)) return false;
  Walker walker(input.data(), text.size(), sink);
  bool read = false;
  if (text[start] == '[') {
    od::array a;
    read = !doc.get_array().get(a) && walker.array(a, start);
  } else {
    od::object o;
    read = !doc.get_object().get(o) && walker.object(o, start);
  }
  // Past the root, simdjson has nothing left to read unless something follows it.
  return read && doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

}  // namespace

// COMMPLAN_JSON_SCAN_SYMBOL names it.
extern "C" __attribute__((visibility("default"))) int commplan_json_scan_1(
    const char* text, size_t size, size_t readable, const CommplanJsonSink* sink) {
  static_assert(std::is_same_v<decltype(&commplan_json_scan_1), CommplanJsonScan*>);
  try {
    std::string_view view(text, size);
    if (readable >= size + simdjson::SIMDJSON_PADDING)
      return scan(view, simdjson::padded_string_view(text, size, readable), *sink);
    simdjson::padded_string copy(view);
    return scan(view, copy, *sink);
  } catch (...) {  // memory ran out: nothing may cross back but the answer
    return 0;
  }
}
