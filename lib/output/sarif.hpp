#pragma once
// The findings register as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange
// Format), for code-scanning dashboards (GitHub, GitLab, DefectDojo) and other scanners' tools.
//
// Mapping (README, "Findings register"): one run whose tool.driver is commplan with one rule per
// finding (id = the finding's id; shortDescription its title, fullDescription its impact,
// help its recommendation, helpUri its first reference when that is a URL; properties.tags
// its CWE and "security"; properties["security-severity"] its CVSS score, GitHub's convention),
// and one result per finding: level error (critical, high), warning (medium) or note (low,
// info, unrated); message the title, then the evidence after a blank line; a location per
// affected asset (a URL or a path as physicalLocation.artifactLocation.uri, anything else a
// logicalLocation named by it, see looks_like_uri()); partialFingerprints["commplan/v1"] the
// finding's fingerprint, else its id; properties the register's fields (id, severity, status, cvss,
// cvss_score, security-severity, cwe, found, due, phase, owner, standard, client_feedback,
// references, retest), those set only. No time stamp: the same view gives the same bytes.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace commplan {

/// Whether an affected asset names an artifact a URI points at, as written (is_uri_text): an
/// absolute URL (`scheme://…`), or a path that starts with `/`, `./` or `../`, or whose text
/// before its first `/` holds a letter and no `:` (`src/app.c`, not `10.0.0.0/24`). Nothing is
/// encoded: an asset that would need it (`/api/{id}`, a space) stays a logical location, so
/// `findings import` reads back what the file says.
bool looks_like_uri(std::string_view asset);

/// The SARIF log of `view`, the register's JSON view (views/register.hpp), as a JSON document
/// with its members in the order SARIF's examples write them.
nlohmann::ordered_json register_sarif_json(const nlohmann::json& view);

/// register_sarif_json() as text: two-space indented, ending with a line break.
std::string register_sarif(const nlohmann::json& view);

}  // namespace commplan
