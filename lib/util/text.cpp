#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <utility>

namespace commplan {

namespace {

/// Length of the UTF-8 sequence starting at text[i], or 0 when it is invalid.
size_t sequence_length(std::string_view text, size_t i, char32_t* code = nullptr) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length;
  char32_t value;
  if (lead < 0x80) {
    if (code) *code = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((length == 3 && value < 0x800) || (length == 4 && value < 0x10000) || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  if (code) *code = value;
  return length;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

/// A character of Chinese or Japanese writing (ideographs, kana, their punctuation and fullwidth
/// forms), which runs on without spaces; Hangul and emoji are not.
bool is_cjk(char32_t c) {
  bool hangul = (c >= 0x3130 && c <= 0x318F);
  return (c >= 0x2E80 && c <= 0x9FFF && !hangul) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

/// CJK punctuation, whose glyph holds its own space: no space follows it, whatever comes next.
bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65);
}

/// The last character of `text` (0 where it is empty or does not end with valid UTF-8).
char32_t last_character(std::string_view text) {
  size_t i = text.size();
  while (i > 0 && text.size() - i < 4) {
    --i;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) break;
  }
  char32_t c = 0;
  return i < text.size() && sequence_length(text, i, &c) == text.size() - i ? c : 0;
}

}  // namespace

std::string_view line_break_joiner(std::string_view before, std::string_view after) {
  char32_t last = last_character(before);
  char32_t next = 0;
  if (!after.empty() && sequence_length(after, 0, &next) == 0) next = 0;
  if (is_cjk_punctuation(last) || (is_cjk(last) && is_cjk(next))) return "";
  return " ";
}

bool ends_with_cjk(std::string_view text) { return is_cjk(last_character(text)); }

size_t invalid_utf8_offset(std::string_view text) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  for (size_t i = 0; i < text.size();) {
    // Eight ASCII bytes at a time (most of any project is ASCII, even a Chinese one's keys
    // and markup): one test instead of eight sequences.
    std::uint64_t eight = 0;
    if (i + sizeof eight <= text.size()) {
      std::memcpy(&eight, text.data() + i, sizeof eight);
      if ((eight & kHighBits) == 0) {
        i += sizeof eight;
        continue;
      }
    }
    size_t length = sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t c = 0;
    size_t length = sequence_length(text, i, &c);
    if (length == 0) length = 1;
    width += is_wide(c) ? 2 : 1;
    i += length;
  }
  return width;
}

std::string caret_padding(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char32_t c = 0;
    size_t length = sequence_length(text, i, &c);
    if (length == 0) length = 1;
    out += c == '\t' ? "\t" : (is_wide(c) ? "  " : " ");
    i += length;
  }
  return out;
}

size_t column_byte_offset(std::string_view line, int column) {
  size_t i = 0;
  for (int k = 1; k < column && i < line.size(); ++k) {
    size_t length = sequence_length(line, i);
    i += length == 0 ? 1 : length;
  }
  return i;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const char* space = " \t\r\n";
  size_t begin = text.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(space);
  return text.substr(begin, end - begin + 1);
}

bool is_blank(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  while (!text.empty()) {
    if (text.front() == ' ' || (text.front() >= '\t' && text.front() <= '\r'))
      text.remove_prefix(1);
    else if (text.starts_with(kIdeographicSpace))
      text.remove_prefix(kIdeographicSpace.size());
    else
      return false;
  }
  return true;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<long>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

bool is_uri_text(std::string_view text) {
  static constexpr std::string_view kKept = "-._~:/?#[]@!$&'()*+,;=%";
  auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  // Where an IP-literal may stand: a URL's host, right after "//" or its user's "@", closed
  // before the authority ends or its ":port".
  size_t literal_open = std::string_view::npos, literal_close = std::string_view::npos;
  if (is_url(text)) {
    size_t start = text.find("://") + 3;
    size_t end = std::min(text.find_first_of("/?#", start), text.size());
    size_t at = text.substr(start, end - start).rfind('@');
    size_t host = at == std::string_view::npos ? start : start + at + 1;
    size_t close = text.substr(host, end - host).find(']');
    if (host < end && text[host] == '[' && close != std::string_view::npos &&
        (host + close + 1 == end || text[host + close + 1] == ':')) {
      literal_open = host;
      literal_close = host + close;
    }
  }
  bool fragment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (std::isalnum(byte) == 0 && kKept.find(c) == std::string_view::npos))
      return false;
    if (c == '%' && (i + 2 >= text.size() || !is_hex(text[i + 1]) || !is_hex(text[i + 2])))
      return false;
    if (c == '#' && std::exchange(fragment, true)) return false;
    if ((c == '[' && i != literal_open) || (c == ']' && i != literal_close)) return false;
  }
  return !text.empty();
}

bool is_url(std::string_view text) {
  auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  size_t colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0 || !is_letter(text.front())) return false;
  for (char c : text.substr(0, colon))
    if (!is_letter(c) && !std::isdigit(static_cast<unsigned char>(c)) && c != '+' && c != '-' &&
        c != '.')
      return false;
  return true;
}

bool is_web_address(std::string_view text) {
  if (!is_url(text) || !is_uri_text(text)) return false;
  size_t colon = text.find("://");
  auto scheme_is = [&](std::string_view name) {
    return colon == name.size() &&
           std::equal(name.begin(), name.end(), text.begin(), [](char a, char b) {
             return a == std::tolower(static_cast<unsigned char>(b));
           });
  };
  return (scheme_is("http") || scheme_is("https")) && colon + 3 < text.size();
}

std::string count_of(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

}  // namespace commplan
