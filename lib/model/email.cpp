#include "model/email.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/text.hpp"

namespace commplan {

namespace {

/// RFC 5322 atext, and any non-ASCII byte (RFC 6531 allows UTF-8 in addresses).
bool is_atext(char c) {
  auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
    return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

/// One or more runs of atext joined by single dots.
bool is_dot_atom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' ? text[i + 1] == '.' : !is_atext(text[i])) return false;
  }
  return true;
}

/// `"…"`: printable characters and spaces, `\` escaping the next one.
bool is_quoted_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\\') {
      if (++i + 1 >= text.size()) return false;
    } else if (text[i] == '"' || byte < 0x20 || byte == 0x7F) {
      return false;
    }
  }
  return true;
}

/// `[…]`: an address literal such as [192.0.2.1].
bool is_domain_literal(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
  return std::none_of(text.begin() + 1, text.end() - 1, [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return c == '[' || c == ']' || c == '\\' || byte <= 0x20 || byte == 0x7F;
  });
}

bool is_addr_spec(std::string_view text) {
  size_t at = text.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view local = text.substr(0, at), domain = text.substr(at + 1);
  return (is_dot_atom(local) || is_quoted_string(local)) &&
         (is_dot_atom(domain) || is_domain_literal(domain));
}

/// The parts of `Name <address>`, when `text` has that shape.
bool split_name_addr(std::string_view text, std::string_view& name, std::string_view& address) {
  size_t open = text.find('<');
  if (open == std::string_view::npos || text.back() != '>') return false;
  name = trim(text.substr(0, open));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  address = trim(text.substr(open + 1, text.size() - open - 2));
  return true;
}

std::string name_addr_problem(std::string_view name, std::string_view address) {
  if (!is_addr_spec(address))
    return fmt::format("\"{}\" is not an e-mail address; write only local@domain", address);
  if (name.empty())
    return fmt::format("write the address without <>: did you mean \"{}\"?", address);
  return fmt::format(
      "write the bare address: did you mean \"{}\"? (put the name \"{}\" in the name field)",
      address, name);
}

}  // namespace

std::string email_problem(std::string_view text) {
  std::string_view trimmed = trim(text);
  if (trimmed.empty()) return "empty e-mail address; leave the field out instead";
  if (is_addr_spec(trimmed)) {
    if (trimmed.size() == text.size()) return "";
    return fmt::format("white space around the address: did you mean \"{}\"?", trimmed);
  }
  std::string_view name, address;
  if (split_name_addr(trimmed, name, address)) return name_addr_problem(name, address);
  constexpr std::string_view kMailto = "mailto:";
  if (trimmed.size() > kMailto.size() && trimmed.substr(0, kMailto.size()) == kMailto &&
      is_addr_spec(trimmed.substr(kMailto.size())))
    return fmt::format("write the address without mailto: did you mean \"{}\"?",
                       trimmed.substr(kMailto.size()));
  size_t separator = trimmed.find_first_of(",; ");
  if (separator != std::string_view::npos && is_addr_spec(trimmed.substr(0, separator)))
    return fmt::format("one address per person: did you mean \"{}\"?",
                       trimmed.substr(0, separator));
  if (trimmed.find('@') == std::string_view::npos)
    return fmt::format("\"{}\" is not an e-mail address: no @", trimmed);
  return fmt::format("\"{}\" is not an e-mail address (expected local@domain)", trimmed);
}

}  // namespace commplan
