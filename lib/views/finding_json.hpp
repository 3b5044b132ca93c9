#pragma once
// A finding's fields as every view writes them: its severity and status labels, whether it is
// still open, its CVSS vector with the scores commplan computed, and its last re-test. The
// recaps and the findings register read these, so both pages say the same.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/project.hpp"

namespace commplan {

/// The severity's label in `lang` ("High" / "高危"); the unrated label without one.
std::string severity_label(std::optional<Severity> severity, Lang lang);

/// The status's label in `lang` ("In progress" / "整改中"); the "not set" label without one.
std::string status_label(std::optional<Status> status, Lang lang);

/// Still to be dealt with: open, agreed or in progress.
bool is_open_status(Status status);

/// Still to be dealt with: an open status (is_open_status), or no status at all.
bool is_open_status(std::optional<Status> status);

/// A finding's CVSS vector and what commplan computed of it: `score` (the most specific
/// metrics given, as printed: "9.8"), `base`, `rating` (none to critical), `rating_label` in
/// `lang`, `version` ("3.1"), `nomenclature` (4.0: "CVSS-BT"), `vector`; null without one.
nlohmann::json cvss_json(const Finding& finding, Lang lang);

/// The last re-test of a finding: its `date`, outcome (`result`, `result_label` in `lang`) and
/// `note`; null without one (or without an outcome), and on a page of a day before it.
nlohmann::json retest_json(const Finding& finding, Lang lang, Date day);

/// A finding's references as a page lists them: each `text` as written, with `url` the same
/// text when it is a web address (is_web_address), else null, and `last` on the last one. A
/// template puts a `url` between angle brackets unescaped
/// (`<{{{url}}}>`), so it is clickable in every rendering; an escaped web address is not.
nlohmann::json reference_links(const Finding& finding);

}  // namespace commplan
