#pragma once
// The findings register as an Excel workbook (Office Open XML, .xlsx), written with
// libxlsxwriter: a Findings sheet (frozen header, filters, column widths, severity colours,
// dates as dates) and a Summary sheet of counts by severity and status.

#include <nlohmann/json.hpp>
#include <string>

#include "model/project.hpp"

namespace commplan {

/// The workbook of `view`, the register's JSON view (views/register.hpp: `findings` and
/// `summary`), with headers and sheet names in `lang`. Returns the file's bytes; throws
/// Error(io) when the workbook cannot be made.
std::string register_workbook(const nlohmann::json& view, Lang lang);

}  // namespace commplan
