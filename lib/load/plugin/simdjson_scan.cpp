// The plugin that reads JSON with simdjson for the fast path (load/json_fast.cpp), built as
// commplan-json.so: the program loads it, and simdjson with it, only when it reads JSON.
// See load/json_scan.hpp for the interface.

#include <simdjson.h>

#include <cstring>
#include <string_view>
#include <type_traits>
#include <vector>

#include "load/json_scan.hpp"

namespace {

namespace od = simdjson::ondemand;

static_assert(simdjson::SIMDJSON_PADDING <= 64, "json_scan.hpp promises 64 bytes of padding");

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_json_space(std::string_view token) {
  while (!token.empty() && is_json_space(token.back())) token.remove_suffix(1);
  return token;
}

/// Walks simdjson's on-demand iteration, giving each value to the sink; every method returns
/// false to stop.
class Walker {
 public:
  /// Reads a text at `base` of `size` bytes, which starts at byte `shift` of the whole text
  /// (a piece of it, see Pieces): the sink is given offsets in the whole text.
  Walker(const char* base, size_t size, const CommplanJsonSink& sink, size_t shift = 0)
      : base_(base), size_(size), sink_(sink), shift_(shift) {}

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
  size_t shift_;  // what an offset from base_ adds to be one in the whole text
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
  return sink_.scalar(sink_.self, at + shift_, token.size(), kind) != 0;
}

/// A string: the source's bytes between its quotes when it has no escape, else unescaped.
bool Walker::string(od::value v, std::string_view token, size_t at) {
  token = trim_json_space(token);
  if (token.size() < 2 || token.back() != '"') return false;
  std::string_view raw(base_ + at + 1, token.size() - 2);
  if (raw.find('\\') == std::string_view::npos) {
    od::raw_json_string read;  // read, not skipped (see scalar)
    return !v.get_raw_json_string().get(read) &&
           sink_.string(sink_.self, at + shift_ + 1, raw.data(), raw.size(), 0) != 0;
  }
  std::string_view unescaped;
  return !v.get_string().get(unescaped) &&
         sink_.string(sink_.self, at + shift_ + 1, unescaped.data(), unescaped.size(), 1) != 0;
}

bool Walker::array(od::array a, size_t at) {
  if (!sink_.open(sink_.self, 0, at + shift_)) return false;
  for (auto element : a) {
    od::value item;
    if (std::move(element).get(item) || !value(item)) return false;
  }
  return sink_.close(sink_.self) != 0;
}

bool Walker::object(od::object o, size_t at) {
  if (!sink_.open(sink_.self, 1, at + shift_)) return false;
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
      sent = sink_.key(sink_.self, key_at + shift_, rest.data(), end, 0) != 0;
    } else {
      std::string_view unescaped;
      sent = !field.unescaped_key().get(unescaped) &&
             sink_.key(sink_.self, key_at + shift_, unescaped.data(), unescaped.size(), 1) != 0;
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

/// Reads a text a piece at a time: the top-level array or object by hand, each of its values
/// with simdjson (copied between brackets into a buffer, with its padding), but a list by hand
/// too, its items a piece of them at a time (about Limits::json_piece_bytes). What is read by hand
/// is checked by hand: spaces, brackets, colons, commas and the top level's keys; each piece is
/// checked whole by simdjson, so the text is read only where all of it is valid JSON. Where
/// the values and items end is found by counting brackets outside strings: a wrong count on
/// invalid JSON only makes a piece that simdjson refuses.
class Pieces {
 public:
  Pieces(std::string_view text, size_t piece, const CommplanJsonSink& sink)
      : text_(text), piece_(piece), sink_(sink) {}

  /// Reads the text: false where it is no JSON array or object, or has an escape in a key of
  /// its top level, or a callback stopped the scan.
  bool read() {
    size_t at = skip_space(0);
    if (at == text_.size()) return false;
    size_t end = at;
    if (text_[at] == '{')
      end = object(at);
    else if (text_[at] == '[')
      end = list(at);
    else
      return false;
    return end != kFail && skip_space(end) == text_.size();
  }

 private:
  static constexpr size_t kFail = std::string_view::npos;

  size_t skip_space(size_t at) const {
    while (at < text_.size() && is_json_space(text_[at])) ++at;
    return at;
  }

  /// Past the closing quote of the string opening at `at`; kFail where the text ends first.
  /// A quote closes it unless an odd number of backslashes comes before it.
  size_t string_end(size_t at) const {
    const char* data = text_.data();
    for (++at; at < text_.size(); ++at) {
      const auto* quote = static_cast<const char*>(std::memchr(data + at, '"', text_.size() - at));
      if (quote == nullptr) return kFail;
      at = static_cast<size_t>(quote - data);
      size_t backslashes = 0;
      while (data[at - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return at + 1;
    }
    return kFail;
  }

  /// Past the value starting at `at` (not a space); kFail where the text ends first or no
  /// value starts there.
  size_t value_end(size_t at) const {
    char c = text_[at];
    if (c == '"') return string_end(at);
    if (c == '{' || c == '[') {
      size_t depth = 0;
      for (; at < text_.size(); ++at) {
        c = text_[at];
        if (c == '"') {
          at = string_end(at);
          if (at == kFail) return kFail;
          --at;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return at + 1;
        }
      }
      return kFail;
    }
    size_t start = at;
    while (at < text_.size() && !is_json_space(text_[at]) && text_[at] != ',' && text_[at] != ']' &&
           text_[at] != '}')
      ++at;
    return at > start ? at : kFail;
  }

  /// The top-level object at `at`: past its end, or kFail.
  size_t object(size_t at) {
    if (!sink_.open(sink_.self, 1, at)) return kFail;
    at = skip_space(at + 1);
    if (at < text_.size() && text_[at] == '}') return sink_.close(sink_.self) ? at + 1 : kFail;
    while (at < text_.size() && text_[at] == '"') {
      size_t key_end = string_end(at);
      if (key_end == kFail) return kFail;
      std::string_view key = text_.substr(at + 1, key_end - at - 2);
      for (char c : key)  // an escape would need simdjson to read it; a control is invalid
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return kFail;
      if (!sink_.key(sink_.self, at + 1, key.data(), key.size(), 0)) return kFail;
      at = skip_space(key_end);
      if (at == text_.size() || text_[at] != ':') return kFail;
      at = skip_space(at + 1);
      if (at == text_.size()) return kFail;
      size_t end = text_[at] == '[' ? list(at) : items(at, value_end(at));
      if (end == kFail) return kFail;
      at = skip_space(end);
      if (at == text_.size()) return kFail;
      if (text_[at] == '}') return sink_.close(sink_.self) ? at + 1 : kFail;
      if (text_[at] != ',') return kFail;
      at = skip_space(at + 1);
    }
    return kFail;
  }

  /// The list at `at`, its items read a piece of them at a time: past its end, or kFail.
  size_t list(size_t at) {
    if (!sink_.open(sink_.self, 0, at)) return kFail;
    at = skip_space(at + 1);
    if (at < text_.size() && text_[at] == ']') return sink_.close(sink_.self) ? at + 1 : kFail;
    size_t first = at;  // the first item of the piece being gathered
    while (at < text_.size()) {
      size_t item_end = value_end(at);
      if (item_end == kFail) return kFail;
      size_t next = skip_space(item_end);
      if (next == text_.size()) return kFail;
      bool last = text_[next] == ']';
      if (!last && text_[next] != ',') return kFail;
      if (last || item_end - first >= piece_) {
        if (items(first, item_end) == kFail) return kFail;
        first = skip_space(next + 1);
      }
      if (last) return sink_.close(sink_.self) ? next + 1 : kFail;
      at = skip_space(next + 1);
    }
    return kFail;
  }

  /// The values from `at` to `end`, separated by commas, read by simdjson as one list: `end`,
  /// or kFail.
  size_t items(size_t at, size_t end) {
    if (end == kFail) return kFail;
    size_t size = end - at + 2;
    if (buffer_.size() < size + simdjson::SIMDJSON_PADDING)
      buffer_.resize(size + simdjson::SIMDJSON_PADDING);
    buffer_[0] = '[';
    std::memcpy(buffer_.data() + 1, text_.data() + at, end - at);
    buffer_[size - 1] = ']';
    od::document doc;
    if (parser_.iterate(simdjson::padded_string_view(buffer_.data(), size, buffer_.size()))
            .get(doc))
      return kFail;
    Walker walker(buffer_.data(), size, sink_, at - 1);
    od::array values;
    if (doc.get_array().get(values)) return kFail;
    for (auto element : values) {
      od::value value;
      if (std::move(element).get(value) || !walker.value(value)) return kFail;
    }
    return doc.current_location().error() == simdjson::OUT_OF_BOUNDS ? end : kFail;
  }

  std::string_view text_;
  size_t piece_;
  const CommplanJsonSink& sink_;
  od::parser parser_;
  std::vector<char> buffer_;
};

}  // namespace

// COMMPLAN_JSON_SCAN_SYMBOL names it.
extern "C" __attribute__((visibility("default"))) int commplan_json_scan_2(
    const char* text, size_t size, size_t readable, size_t piece, const CommplanJsonSink* sink) {
  static_assert(std::is_same_v<decltype(&commplan_json_scan_2), CommplanJsonScan*>);
  try {
    std::string_view view(text, size);
    if (piece > 0 && size > piece) return Pieces(view, piece, *sink).read();
    if (readable >= size + simdjson::SIMDJSON_PADDING)
      return scan(view, simdjson::padded_string_view(text, size, readable), *sink);
    simdjson::padded_string copy(view);
    return scan(view, copy, *sink);
  } catch (...) {  // memory ran out: nothing may cross back but the answer
    return 0;
  }
}
