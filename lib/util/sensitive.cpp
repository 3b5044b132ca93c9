#include "util/sensitive.hpp"

#include <algorithm>
#include <array>

namespace commplan {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_upper_alnum(char c) { return is_digit(c) || is_upper(c); }
/// A character that continues a word: a match must not start or end next to one.
bool is_word(char c) { return is_alnum(c) || c == '_'; }
bool is_base64url(char c) { return is_word(c) || c == '-'; }

bool word_before(std::string_view text, size_t i) { return i > 0 && is_word(text[i - 1]); }
bool word_at(std::string_view text, size_t i) { return i < text.size() && is_word(text[i]); }

/// Whether the `count` characters of `text` from `i` all satisfy `accept`.
template <class Accept>
bool all_of(std::string_view text, size_t i, size_t count, Accept accept) {
  if (i + count > text.size()) return false;
  for (size_t k = i; k < i + count; ++k)
    if (!accept(text[k])) return false;
  return true;
}

// ---- payment card numbers ------------------------------------------------------------------

constexpr size_t kCardMin = 13;
constexpr size_t kCardMax = 19;

/// The digit groups read from where a card may start: lengths and the end of each group.
struct DigitRun {
  std::array<char, kCardMax> digits{};
  std::array<size_t, kCardMax> group_length{};
  std::array<size_t, kCardMax> group_end{};
  size_t digit_count = 0;
  size_t groups = 0;      // complete groups, none of them past kCardMax digits in all
  char separator = 0;     // ' ' or '-', 0 while there is one group
  bool overflow = false;  // more digits follow the complete groups
};

/// Reads one group of digits at `pos`; false when the run passes kCardMax digits.
bool read_group(std::string_view text, size_t& pos, DigitRun& run) {
  size_t length = 0;
  size_t before = run.digit_count;
  while (pos < text.size() && is_digit(text[pos])) {
    if (run.digit_count == kCardMax) {
      run.digit_count = before;
      return false;
    }
    run.digits[run.digit_count++] = text[pos++];
    ++length;
  }
  run.group_length[run.groups] = length;
  run.group_end[run.groups] = pos;
  ++run.groups;
  return true;
}

/// Groups of digits joined by one kind of single separator, at most kCardMax digits read.
DigitRun read_digit_run(std::string_view text, size_t pos) {
  DigitRun run;
  while (true) {
    if (!read_group(text, pos, run)) {
      run.overflow = true;
      return run;
    }
    bool joined = pos + 1 < text.size() && (text[pos] == ' ' || text[pos] == '-') &&
                  is_digit(text[pos + 1]) && (run.separator == 0 || text[pos] == run.separator);
    if (!joined) return run;
    run.separator = text[pos++];
  }
}

/// Group lengths as cards are printed: one run, 4-4-...-(1 to 4), or 4-6-4 and 4-6-5.
bool card_layout(const DigitRun& run, size_t groups) {
  const auto& g = run.group_length;
  if (groups == 1) return true;
  if (groups == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 4 || g[2] == 5)) return true;
  for (size_t k = 0; k + 1 < groups; ++k)
    if (g[k] != 4) return false;
  return g[groups - 1] >= 1 && g[groups - 1] <= 4;
}

bool luhn_valid(const char* digits, size_t count) {
  unsigned sum = 0;
  for (size_t k = 0; k < count; ++k) {
    auto digit = static_cast<unsigned>(digits[count - 1 - k] - '0');
    if (k % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 == 0;
}

/// Whether the leading digits and the length fit a card network (ISO/IEC 7812 ranges), so a
/// compact timestamp such as 20270316123004 is not taken for a card.
bool issuer_plausible(const char* digits, size_t count) {
  auto prefix = [digits](size_t n) {
    unsigned value = 0;
    for (size_t k = 0; k < n; ++k) value = value * 10 + static_cast<unsigned>(digits[k] - '0');
    return value;
  };
  switch (digits[0]) {
    case '1':  // UATP
      return count == 15;
    case '2':  // Mir, Mastercard 2-series
      return (prefix(4) >= 2200 && prefix(4) <= 2204) ||
             (prefix(4) >= 2221 && prefix(4) <= 2720 && count == 16);
    case '3':  // American Express, Diners Club, JCB
      if (prefix(2) == 34 || prefix(2) == 37) return count == 15;
      if (prefix(2) == 35) return count >= 16;
      return prefix(2) == 30 || prefix(2) == 36 || prefix(2) == 38 || prefix(2) == 39;
    case '4':  // Visa
    case '5':  // Mastercard, Maestro
    case '6':  // Discover, UnionPay, Maestro, RuPay
      return true;
    case '8':  // UnionPay
      return prefix(2) == 81 && count >= 16;
    case '9':  // national schemes
      return count >= 16;
    default:
      return false;
  }
}

/// A card at `i`; `free_from` is where the text not yet part of a match begins.
size_t match_card(std::string_view text, size_t i, size_t free_from) {
  if (word_before(text, i) || (i > 0 && text[i - 1] == '+')) return 0;
  DigitRun run = read_digit_run(text, i);
  if (run.groups == 0) return 0;  // one run of more than kCardMax digits
  // A grouped number starts its run (`7 4111 1111 1111 1111` is not a card), or follows a match.
  if (run.separator != 0 && i >= 2 && i - 2 >= free_from && text[i - 1] == run.separator &&
      is_digit(text[i - 2]))
    return 0;
  size_t digits = run.digit_count;
  for (size_t groups = run.groups; groups >= 1; --groups) {
    // The whole run must end the word; fewer groups end at a separator.
    bool bounded = groups < run.groups || run.overflow || !word_at(text, run.group_end[groups - 1]);
    if (bounded && digits >= kCardMin && card_layout(run, groups) &&
        issuer_plausible(run.digits.data(), digits) && luhn_valid(run.digits.data(), digits))
      return run.group_end[groups - 1] - i;
    digits -= run.group_length[groups - 1];
  }
  return 0;
}

// ---- IBANs ---------------------------------------------------------------------------------

struct IbanCountry {
  char code[3];
  unsigned char length;
};

// The SWIFT IBAN registry: each country and the length of its IBANs.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
};
constexpr size_t kIbanMax = 34;

/// The IBAN length of the country whose code starts `text` at `i`, or 0 for none.
size_t iban_length(std::string_view text, size_t i) {
  for (const auto& country : kIbanCountries)
    if (text[i] == country.code[0] && text[i + 1] == country.code[1]) return country.length;
  return 0;
}

/// ISO 7064 MOD 97-10 over the IBAN moved to start after its check digits.
bool iban_checksum_valid(const char* chars, size_t count) {
  unsigned remainder = 0;
  for (size_t k = 0; k < count; ++k) {
    char c = chars[(k + 4) % count];
    auto value = static_cast<unsigned>(is_digit(c) ? c - '0' : c - 'A' + 10);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder == 1;
}

size_t match_iban(std::string_view text, size_t i) {
  if (word_before(text, i) || i + 4 > text.size() || !is_upper(text[i + 1]) ||
      !is_digit(text[i + 2]) || !is_digit(text[i + 3]))
    return 0;
  size_t length = iban_length(text, i);
  if (length == 0) return 0;
  std::array<char, kIbanMax> chars{};
  size_t count = 0;
  size_t pos = i;
  bool grouped = i + 4 < text.size() && text[i + 4] == ' ';
  while (count < length) {
    if (grouped && count > 0 && count % 4 == 0) {
      if (pos >= text.size() || text[pos] != ' ') return 0;
      ++pos;
    }
    if (pos >= text.size() || !is_upper_alnum(text[pos])) return 0;
    chars[count++] = text[pos++];
  }
  if (word_at(text, pos) || !iban_checksum_valid(chars.data(), count)) return 0;
  return pos - i;
}

// ---- keys and tokens -----------------------------------------------------------------------

constexpr std::string_view kPemBegin = "-----BEGIN ";
constexpr std::string_view kPemDashes = "-----";
constexpr size_t kPemLabelMax = 64;

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

size_t match_private_key(std::string_view text, size_t i) {
  if (text.substr(i, kPemBegin.size()) != kPemBegin) return 0;
  size_t label_start = i + kPemBegin.size();
  size_t pos = label_start;
  while (pos < text.size() && pos - label_start <= kPemLabelMax &&
         (is_upper_alnum(text[pos]) || text[pos] == ' '))
    ++pos;
  std::string_view label = text.substr(label_start, pos - label_start);
  if (text.substr(pos, kPemDashes.size()) != kPemDashes ||
      !(ends_with(label, "PRIVATE KEY") || ends_with(label, "PRIVATE KEY BLOCK")))
    return 0;
  std::string end_line = std::string("-----END ").append(label).append(kPemDashes);
  size_t end = text.find(end_line, pos + kPemDashes.size());
  if (end == std::string_view::npos) return text.size() - i;
  return end + end_line.size() - i;
}

size_t match_aws_key(std::string_view text, size_t i) {
  std::string_view prefix = text.substr(i, 4);
  if (word_before(text, i) || (prefix != "AKIA" && prefix != "ASIA") ||
      !all_of(text, i + 4, 16, is_upper_alnum) || word_at(text, i + 20))
    return 0;
  return 20;
}

constexpr std::string_view kGithubPat = "github_pat_";

/// Length of the prefix that names a GitHub token's kind (`ghp_`, `github_pat_`).
size_t github_prefix_length(std::string_view token) {
  return token.substr(0, kGithubPat.size()) == kGithubPat ? kGithubPat.size() : 4;
}

size_t match_github_token(std::string_view text, size_t i) {
  if (word_before(text, i)) return 0;
  size_t length = 0;
  if (text.substr(i, kGithubPat.size()) == kGithubPat) {
    if (all_of(text, i + kGithubPat.size(), 82, is_word)) length = kGithubPat.size() + 82;
  } else if (text.substr(i, 2) == "gh" && i + 3 < text.size() &&
             std::string_view("pousr").find(text[i + 2]) != std::string_view::npos &&
             text[i + 3] == '_' && all_of(text, i + 4, 36, is_alnum)) {
    length = 40;
  }
  return length != 0 && !word_at(text, i + length) ? length : 0;
}

/// End of the run of base64url characters starting at `pos`.
size_t base64url_end(std::string_view text, size_t pos) {
  while (pos < text.size() && is_base64url(text[pos])) ++pos;
  return pos;
}

/// End of a JWT segment starting `{"` in base64 at `pos` and followed by a dot, or 0.
size_t json_segment_end(std::string_view text, size_t pos) {
  if (text.substr(pos, 3) != "eyJ") return 0;
  size_t end = base64url_end(text, pos);
  return end - pos >= 4 && end < text.size() && text[end] == '.' ? end : 0;
}

size_t match_jwt(std::string_view text, size_t i) {
  if (i > 0 && (is_base64url(text[i - 1]) || text[i - 1] == '.')) return 0;
  size_t header_end = json_segment_end(text, i);
  if (header_end == 0) return 0;
  size_t payload_end = json_segment_end(text, header_end + 1);
  if (payload_end == 0) return 0;
  size_t end = base64url_end(text, payload_end + 1);
  // A fourth segment makes it something else (an encrypted token has five).
  if (end + 1 < text.size() && text[end] == '.' && is_base64url(text[end + 1])) return 0;
  return end - i;
}

/// The match starting at `i`, or one of length 0; `free_from` as for match_card().
SensitiveMatch match_at(std::string_view text, size_t i, size_t free_from) {
  char c = text[i];
  auto found = [i](SensitiveKind kind, size_t length) { return SensitiveMatch{i, length, kind}; };
  if (c == '-') return found(SensitiveKind::private_key, match_private_key(text, i));
  if (c == 'e') return found(SensitiveKind::jwt, match_jwt(text, i));
  if (c == 'g') return found(SensitiveKind::github_token, match_github_token(text, i));
  if (is_digit(c)) return found(SensitiveKind::payment_card, match_card(text, i, free_from));
  if (!is_upper(c)) return found(SensitiveKind::iban, 0);
  if (size_t length = match_aws_key(text, i)) return found(SensitiveKind::aws_access_key, length);
  return found(SensitiveKind::iban, match_iban(text, i));
}

// ---- masking -------------------------------------------------------------------------------

/// `text` with every character accepted by `secret` turned to `*`, except the first and last
/// `keep` of them.
template <class Secret>
std::string mask_middle(std::string_view text, size_t keep, Secret secret) {
  size_t total = 0;
  for (char c : text) total += secret(c) ? 1 : 0;
  std::string out(text);
  size_t seen = 0;
  for (char& c : out) {
    if (!secret(c)) continue;
    if (seen >= keep && seen + keep < total) c = '*';
    ++seen;
  }
  return out;
}

std::string mask_private_key(std::string_view block) {
  size_t begin_end = block.find(kPemDashes, kPemBegin.size()) + kPemDashes.size();
  std::string_view newline = block.substr(begin_end, 2) == "\r\n" ? "\r\n" : "\n";
  std::string out(block.substr(0, begin_end));
  out.append(newline).append("[private key masked]");
  size_t end_line = block.rfind("-----END ");
  if (end_line != std::string_view::npos && end_line >= begin_end)
    out.append(newline).append(block.substr(end_line));
  return out;
}

std::string mask_one(std::string_view match, SensitiveKind kind) {
  switch (kind) {
    case SensitiveKind::payment_card:
      return mask_middle(match, 4, is_digit);
    case SensitiveKind::iban:
      return mask_middle(match, 4, is_upper_alnum);
    case SensitiveKind::private_key:
      return mask_private_key(match);
    case SensitiveKind::aws_access_key:
      return std::string(match.substr(0, 4)).append(16, '*');
    case SensitiveKind::github_token:
      return std::string(match.substr(0, github_prefix_length(match))).append(16, '*');
    case SensitiveKind::jwt:
      return std::string(match.substr(0, std::min<size_t>(8, match.find('.')))).append("…[masked]");
  }
  return std::string(match);
}

}  // namespace

std::string_view to_string(SensitiveKind kind) {
  switch (kind) {
    case SensitiveKind::payment_card:
      return "payment card number";
    case SensitiveKind::iban:
      return "IBAN";
    case SensitiveKind::private_key:
      return "private key";
    case SensitiveKind::aws_access_key:
      return "AWS access key id";
    case SensitiveKind::github_token:
      return "GitHub token";
    case SensitiveKind::jwt:
      return "JSON Web Token";
  }
  return "sensitive data";
}

std::vector<SensitiveMatch> find_sensitive(std::string_view text) {
  std::vector<SensitiveMatch> matches;
  for (size_t i = 0; i < text.size();) {
    SensitiveMatch match =
        match_at(text, i, matches.empty() ? 0 : matches.back().offset + matches.back().length);
    if (match.length == 0) {
      ++i;
      continue;
    }
    matches.push_back(match);
    i += match.length;
  }
  return matches;
}

std::string mask_sensitive(std::string_view text, const std::vector<SensitiveMatch>& matches) {
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (const auto& match : matches) {
    if (match.length == 0 || match.offset < copied || match.offset > text.size() ||
        match.length > text.size() - match.offset)
      continue;
    out.append(text.substr(copied, match.offset - copied));
    out.append(mask_one(text.substr(match.offset, match.length), match.kind));
    copied = match.offset + match.length;
  }
  out.append(text.substr(copied));
  return out;
}

std::string mask_sensitive(std::string_view text) {
  return mask_sensitive(text, find_sensitive(text));
}

}  // namespace commplan
