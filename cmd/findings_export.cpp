// commplan findings export: the findings register as CSV, an Excel workbook, JSON or SARIF.

#include <fmt/format.h>

#include <memory>

#include "brief.hpp"
#include "cli_model.hpp"
#include "findings.hpp"
#include "output/csv.hpp"
#include "output/register_table.hpp"
#include "output/sarif.hpp"
#include "output/xlsx.hpp"
#include "util/text.hpp"
#include "views/register.hpp"
#include "words/words.hpp"

namespace commplan::cli {

namespace {

struct ExportOptions {
  BriefOptions brief;
  bool no_bom = false;
};

Lang view_lang(const View& view) {
  return language_named(view.data.value("lang", "en")).value_or(Lang::en);
}

/// The formats of the register: a new one is a row here plus its serializer. xlsx is binary.
/// `opts` owns the formats: the CSV serializer points at it, never owns it (no cycle).
std::vector<OutputFormat> export_formats(const ExportOptions* opts) {
  return {{"csv",
           "RFC 4180 text, UTF-8 with a byte order mark (see --no-bom), CRLF line ends, a header "
           "row in the page's language, formula-like cells guarded by a leading '",
           Serializer([opts](const View& view) {
             return csv_document(register_table(view.data), {.bom = !opts->no_bom});
           })},
          {"xlsx",
           "Excel workbook: a Findings sheet and a Summary sheet (binary: to -o FILE or a pipe, "
           "never a terminal)",
           Serializer(
               [](const View& view) { return register_workbook(view.whole(), view_lang(view)); })},
          {"json", "The register's view model as JSON: findings and summary", ViewJson{}},
          {"sarif", "SARIF 2.1.0 log for code-scanning dashboards: a rule and a result per finding",
           Serializer([](const View& view) { return register_sarif(view.whole()); })}};
}

/// --format when not given: the one -o's extension names (.csv, .xlsx, .json, .sarif), else csv.
std::string format_of(const BriefOptions& opts) {
  if (!opts.format.empty()) return opts.format;
  for (const OutputFormat& f : opts.formats)  // in either case: register.XLSX is a workbook
    if (ends_with_ignoring_case(opts.output, "." + f.name)) return f.name;
  return "csv";
}

int run_export(Context& ctx, ExportOptions& opts) {
  BriefOptions& brief = opts.brief;
  brief.format = format_of(brief);
  if (opts.no_bom && brief.format != "csv")
    throw Error(Error::Kind::usage, Source::option, "--no-bom",
                "leaves the byte order mark out of CSV: it needs --format csv");
  if (brief.format == "xlsx" && is_stdout(brief.output) && ctx.stdout_is_terminal)
    throw Error(Error::Kind::usage, Source::option, "--format",
                "a workbook is binary: not written to a terminal; use -o FILE or a pipe");
  auto build = [](const Project& project, const ViewOptions& common, Diagnostics& diagnostics) {
    return build_register_view(project, common, RegisterOptions{}, diagnostics);
  };
  return run_brief(ctx, brief, {"register", build});
}

std::string export_format_help(const std::vector<OutputFormat>& formats) {
  std::vector<Choice> choices;
  for (const OutputFormat& f : formats) choices.push_back({f.name, f.help});
  return describe_choices("Output format (default: the one -o's extension names, else csv)",
                          choices);
}

}  // namespace

void add_findings_export_command(CLI::App& findings, Context& ctx) {
  auto opts = std::make_shared<ExportOptions>();
  opts->brief.format.clear();
  opts->brief.formats = export_formats(opts.get());
  auto* cmd = findings.add_subcommand(
      "export",
      "The findings register as of --date (good practices left out): CSV, XLSX, JSON or SARIF");
  cmd->add_option("PROJECT", opts->brief.project, "Project file (.yaml, .yml, .json; - for stdin)")
      ->required();
  std::vector<std::string> names;
  for (const OutputFormat& f : opts->brief.formats) names.push_back(f.name);
  cmd->add_option("--format", opts->brief.format, export_format_help(opts->brief.formats))
      ->check(CLI::IsMember(names));
  add_output_option(cmd, opts->brief.output);
  cmd->add_option("--date", opts->brief.date,
                  "The day the register stands as of: YYYY-MM-DD, today or yesterday (default: "
                  "SOURCE_DATE_EPOCH, else the current date in the project's time zone)")
      ->check(non_empty());
  cmd->add_option("--audience", opts->brief.audience,
                  "team (every finding; the default) or client (nothing marked internal, no "
                  "notes, card numbers and keys masked)")
      ->check(CLI::IsMember({"team", "client"}));
  cmd->add_flag("--no-mask", opts->brief.no_mask,
                "With --audience client: show card numbers, IBANs, private keys and access "
                "tokens as the file has them (masked by default)");
  cmd->add_option("--lang", opts->brief.lang,
                  fmt::format("Language of headers and labels: {} (default: COMMPLAN_LANG, the "
                              "file's lang, en)",
                              language_codes_text()))
      ->check(CLI::IsMember(language_codes()));
  cmd->add_flag("--no-bom", opts->no_bom,
                "CSV without the UTF-8 byte order mark (which Excel needs to read UTF-8)");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_export(ctx, *opts); });
}

}  // namespace commplan::cli
