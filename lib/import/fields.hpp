#pragma once
// What the CSV and SARIF readers share: the value of a register field read from a text, with
// the words of either language and the problem when it is not one.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace commplan::imports {

/// The severity `text` names: a word the project file takes (high, 高危) in any case, or a
/// label of the register in any language (High, 高). Otherwise nullopt, and `problem` says why.
std::optional<Severity> severity_word(std::string_view text, std::string* problem = nullptr);
/// The status `text` names (in-progress, In progress, 处理中), as severity_word() does.
std::optional<Status> status_word(std::string_view text, std::string* problem = nullptr);
/// The re-test result `text` names (passed, Partly fixed, 通过), as severity_word() does.
std::optional<RetestResult> retest_word(std::string_view text, std::string* problem = nullptr);

/// `CWE-79` for `CWE-79`, `cwe-079`, `79`, `external/cwe/cwe-079` or `CWE-79: Improper…`;
/// "" when `text` names no CWE.
std::string cwe_of(std::string_view text);

/// The lines of `text` (LF or CRLF), each trimmed, the empty ones left out.
std::vector<std::string> lines_of(std::string_view text);

/// `text` trimmed, its CRLF line ends as LF.
std::string clean_text(std::string_view text);

/// Reads `text` as the register field `key` (a key of register_columns, cvss_score aside) into
/// `fields`, as ImportedFinding::fields holds it; retest_date, retest_result and retest_note go
/// into `fields["retest"]`. Returns the problem ("" when there is none): an unknown word, a
/// date that is not one, a CVSS vector with a problem, a phase the project does not have (a
/// phase may be named by its id or its name). A severity or status written as the register's
/// label for none (`Unrated`, `Not set`) gives nothing.
std::string put_field(const std::string& key, std::string_view text, const Project& project,
                      nlohmann::ordered_json& fields);

/// The order of the keys of a finding in the project file, for writing a new one.
const std::vector<std::string>& finding_key_order();

}  // namespace commplan::imports
