#include "import/fields.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/cvss.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"
#include "words/words.hpp"

namespace commplan::imports {

using nlohmann::ordered_json;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// `text` in lower case with spaces and underscores as hyphens: `In Progress` → `in-progress`.
std::string folded(std::string_view text) {
  std::string out = lower(trim(text));
  std::replace(out.begin(), out.end(), ' ', '-');
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

/// The value of E that `text` names: a label of `labels` in any language and case, else a word
/// of the file (`file_word`), also in other case; else nullopt, and `problem` says why.
template <class E, class Labels>
std::optional<E> word_or_label(std::string_view text, Labels labels,
                               std::optional<E> (*file_word)(std::string_view, std::string*),
                               std::string* problem) {
  std::string word = lower(trim(text));
  for (Lang lang : languages()) {
    const auto& names = labels(words(lang));
    for (size_t i = 0; i < names.size(); ++i)
      if (lower(names[i]) == word) return static_cast<E>(i);
  }
  if (auto value = file_word(trim(text), nullptr)) return value;
  if (auto value = file_word(folded(text), nullptr)) return value;
  file_word(trim(text), problem);
  return std::nullopt;
}

std::string date_problem(std::string_view text) {
  bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  return shaped ? fmt::format("\"{}\" is not a real calendar date", text)
                : fmt::format("expected a date YYYY-MM-DD, got \"{}\"", text);
}

/// The id of the phase `text` names: its id, else its name (in any case); "" when none.
std::string phase_named(const std::string& text, const Project& project) {
  for (const Phase& phase : project.phases)
    if (phase.id == text) return phase.id;
  for (const Phase& phase : project.phases)
    if (!phase.name.empty() && lower(phase.name) == lower(text)) return phase.id;
  return "";
}

std::string phase_problem(const std::string& id, const Project& project) {
  std::vector<std::string> ids;
  for (const Phase& phase : project.phases) ids.push_back(phase.id);
  std::string close = closest_name(id, ids);
  return fmt::format("no phase has the id \"{}\"{}", id,
                     close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close));
}

std::string cvss_problem(const std::string& vector) {
  cvss::Parsed parsed = cvss::parse(vector);
  if (parsed.problems.empty()) return "";
  return fmt::format("CVSS vector \"{}\": {}", vector, parsed.problems.front().message);
}

/// Whether `text` is the label a register writes for no value (`Unrated`, `未设置`).
bool unset_label(std::string_view text) {
  std::string word = lower(trim(text));
  for (Lang lang : languages())
    if (word == lower(words(lang).recap.unrated) || word == lower(words(lang).recap.status_unset))
      return true;
  return false;
}

/// Puts `value` at `key`, or a problem when it is not one of E.
template <class E>
std::string put_word(ordered_json& slot, std::optional<E> value, const std::string& problem) {
  if (!value) return problem;
  slot = std::string(to_string(*value));
  return "";
}

}  // namespace

std::optional<Severity> severity_word(std::string_view text, std::string* problem) {
  return word_or_label<Severity>(
      text, [](const Words& w) -> const Texts<5>& { return w.recap.severities; }, severity_named,
      problem);
}

std::optional<Status> status_word(std::string_view text, std::string* problem) {
  return word_or_label<Status>(
      text, [](const Words& w) -> const Texts<6>& { return w.recap.statuses; }, status_named,
      problem);
}

std::optional<RetestResult> retest_word(std::string_view text, std::string* problem) {
  return word_or_label<RetestResult>(
      text, [](const Words& w) -> const Texts<3>& { return w.register_.retest_results; },
      retest_result_named, problem);
}

std::string cwe_of(std::string_view text) {
  std::string word = lower(trim(text));
  size_t digits = 0;
  if (word.starts_with("cwe-"))
    digits = 4;
  else if (size_t at = word.rfind("/cwe-"); at != std::string::npos)
    digits = at + 5;
  else if (word.empty() || word.find_first_not_of("0123456789") != std::string::npos)
    return "";
  size_t end = digits;
  while (end < word.size() && word[end] >= '0' && word[end] <= '9') ++end;
  if (end == digits || end - digits > 7) return "";
  if (end != word.size() && word[end] != ':' && word[end] != ' ') return "";  // CWE-89: Improper…
  size_t first = word.find_first_not_of('0', digits);
  return "CWE-" + (first >= end ? std::string("0") : word.substr(first, end - first));
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = trim(text.substr(start, end - start));
    if (!line.empty()) lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

std::string clean_text(std::string_view text) {
  std::string out;
  std::string_view trimmed = trim(text);
  out.reserve(trimmed.size());
  for (size_t i = 0; i < trimmed.size(); ++i)
    if (!(trimmed[i] == '\r' && i + 1 < trimmed.size() && trimmed[i + 1] == '\n'))
      out += trimmed[i];
  return out;
}

std::string put_field(const std::string& key, std::string_view text, const Project& project,
                      ordered_json& fields) {
  std::string value = clean_text(text);
  std::string problem;
  if ((key == "severity" || key == "status") && unset_label(value)) return "";
  if (key == "severity") return put_word(fields[key], severity_word(value, &problem), problem);
  if (key == "status") return put_word(fields[key], status_word(value, &problem), problem);
  if (key == "retest_result")
    return put_word(fields["retest"]["result"], retest_word(value, &problem), problem);
  if (key == "found" || key == "due" || key == "retest_date") {
    if (!parse_date(value)) return date_problem(value);
    (key == "retest_date" ? fields["retest"]["date"] : fields[key]) = value;
    return "";
  }
  if (key == "affected" || key == "references") {
    fields[key] = lines_of(value);
    return "";
  }
  if (key == "cwe") {
    std::string cwe = cwe_of(value);
    if (cwe.empty())
      return fmt::format("\"{}\" is not a CWE id; write CWE- and its number, e.g. CWE-79", value);
    fields[key] = cwe;
    return "";
  }
  if (key == "phase") {
    std::string id = phase_named(value, project);
    if (id.empty()) return phase_problem(value, project);
    value = id;
  }
  if (key == "cvss") problem = cvss_problem(value);
  if (!problem.empty()) return problem;
  (key == "retest_note" ? fields["retest"]["note"] : fields[key]) = value;
  return "";
}

const std::vector<std::string>& finding_key_order() {
  static const std::vector<std::string> order{
      "id",       "title",    "found",           "phase",  "severity",       "cvss",       "cwe",
      "standard", "affected", "evidence",        "impact", "recommendation", "references", "owner",
      "due",      "status",   "client_feedback", "retest", "fingerprint"};
  return order;
}

}  // namespace commplan::imports
