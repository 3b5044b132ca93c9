#include "views/finding_json.hpp"

#include <array>
#include <string_view>

#include "util/text.hpp"
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
  if (!finding.cvss_score()) return nullptr;
  const CvssScore& c = *finding.cvss_score();
  static constexpr std::array<std::string_view, 5> kRatings{"none", "low", "medium", "high",
                                                            "critical"};
  const auto rating = static_cast<size_t>(c.rating);
  return {{"base", cvss::format_tenths(c.scores.base)},
          {"nomenclature", c.scores.nomenclature},
          {"rating", kRatings[rating]},
          {"rating_label", std::string(words(lang).register_.cvss_ratings[rating])},
          {"score", cvss::format_tenths(c.score)},
          {"vector", finding.cvss()},
          {"version", cvss::version_name(c.scores.version)}};
}

json retest_json(const Finding& finding, Lang lang, Date day) {
  if (!finding.retest() || !finding.retest()->result || day < finding.retest()->date)
    return nullptr;
  const Retest& r = *finding.retest();
  const auto result = static_cast<size_t>(*r.result);
  return {{"date", format_date(r.date)},
          {"note", r.note},
          {"result", to_string(*r.result)},
          {"result_label", std::string(words(lang).register_.retest_results[result])}};
}

json reference_links(const Finding& finding) {
  json list = json::array();
  for (const std::string& reference : finding.references()) {
    bool link = is_web_address(reference);
    list.push_back({{"text", reference},
                    {"url", link ? json(reference) : json()},
                    {"last", &reference == &finding.references().back()}});
  }
  return list;
}

}  // namespace commplan
