#include "views/finding_json.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "words/words.hpp"

namespace commplan {

using json = nlohmann::json;

std::string severity_label(std::optional<Severity> severity, Lang lang) {
  const Words::Recap& w = words(lang).recap;
  return std::string(severity ? w.severities[static_cast<size_t>(*severity)] : w.unrated);
}

std::string status_label(std::optional<Status> status, Lang lang) {
  const Words::Recap& w = words(lang).recap;
  return std::string(status ? w.statuses[static_cast<size_t>(*status)] : w.status_unset);
}

bool is_open_status(Status status) {
  return status != Status::resolved && status != Status::verified && status != Status::wont_fix;
}

bool is_open_status(std::optional<Status> status) { return !status || is_open_status(*status); }

json cvss_json(const Finding& finding, Lang lang) {
  if (!finding.cvss_score) return nullptr;
  const CvssScore& c = *finding.cvss_score;
  static constexpr std::array<std::string_view, 5> kRatings{"none", "low", "medium", "high",
                                                            "critical"};
  const auto rating = static_cast<size_t>(c.rating);
  return {{"base", cvss::format_tenths(c.scores.base)},
          {"nomenclature", c.scores.nomenclature},
          {"rating", kRatings[rating]},
          {"rating_label", std::string(words(lang).register_.cvss_ratings[rating])},
          {"score", cvss::format_tenths(c.score)},
          {"vector", finding.cvss},
          {"version", cvss::version_name(c.scores.version)}};
}

json retest_json(const Finding& finding, Lang lang, Date day) {
  if (!finding.retest || !finding.retest->result || day < finding.retest->date) return nullptr;
  const Retest& r = *finding.retest;
  const auto result = static_cast<size_t>(*r.result);
  return {{"date", format_date(r.date)},
          {"note", r.note},
          {"result", to_string(*r.result)},
          {"result_label", std::string(words(lang).register_.retest_results[result])}};
}

namespace {

/// Whether `text` is an http or https address that a CommonMark autolink holds as it is: after
/// the scheme, no ASCII control character, blank or angle bracket (which would end or break the
/// autolink) and something after "//".
bool is_autolink_web_address(std::string_view text) {
  size_t rest = 0;
  for (std::string_view scheme : {"http://", "https://"})
    if (text.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), text.begin(), [](char a, char b) {
          return a == (b | 0x20);  // the scheme in any case
        }))
      rest = scheme.size();
  if (rest == 0) return false;
  return std::none_of(text.begin() + static_cast<std::ptrdiff_t>(rest), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '<' || c == '>';
  });
}

}  // namespace

json reference_links(const Finding& finding) {
  json list = json::array();
  for (const std::string& reference : finding.references) {
    bool link = is_autolink_web_address(reference);
    list.push_back({{"text", reference},
                    {"url", link ? json(reference) : json()},
                    {"last", &reference == &finding.references.back()}});
  }
  return list;
}

}  // namespace commplan
