#pragma once
// The findings register's JSON view (views/register.hpp) as cells of text: what CSV writes and
// what the workbook shows. Tolerant of any JSON: what is missing or of another type is empty.

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "words/words.hpp"

namespace commplan {

/// How many columns the register has.
inline constexpr size_t kRegisterColumns = register_columns.size();

/// The register's column headers in `lang` (Words::Register::columns).
std::array<std::string, kRegisterColumns> register_header(Lang lang);

/// The texts of a finding item's cells, in register_columns order, as the workbook has them
/// too: severity and status as their labels in the page's language ("Unrated" / "Not set"
/// when not set), the phase by its name (else its id), the CVSS vector and its score ("9.8"),
/// dates ISO (empty when none), affected and references one per line ("\n"), the re-test's
/// date, result label and note (empty without one); every other column its text.
std::array<std::string, kRegisterColumns> register_cells(const nlohmann::json& item);

/// The register of `view` (build_register_view's JSON) as a table of texts: the header row in
/// the view's language, then register_cells() of each finding (what CSV writes).
std::vector<std::vector<std::string>> register_table(const nlohmann::json& view);

}  // namespace commplan
