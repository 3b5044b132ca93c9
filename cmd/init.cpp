#include <fmt/format.h>

#include <ostream>

#include "brief.hpp"
#include "cli.hpp"
#include "load/document.hpp"
#include "output/write.hpp"
#include "sink.hpp"
#include "template/library.hpp"
#include "util/text.hpp"
#include "words/words.hpp"

namespace commplan::cli {

namespace {

struct InitOptions {
  std::string output;
  std::string lang;
  std::string format;
  std::string date;
  bool force = false;
};

/// The starter's dates: two working weeks from the Monday after `today`.
nlohmann::json starter_dates(Date today) {
  Date start = add_days(today, 1);
  while (weekday_index(start) != 0) start = add_days(start, 1);
  if (add_days(start, 11).year() > std::chrono::year{9999})
    throw Error(Error::Kind::usage, Source::option, "--date",
                fmt::format("{}: the starter would end after 9999-12-31", format_date(today)));
  auto day = [&](int offset) { return format_date(add_days(start, offset)); };
  return {{"start", day(0)},       {"prepare_end", day(1)},  {"onsite_start", day(2)},
          {"make_up_day", day(5)},  // the first Saturday: the commented extra_workdays example
          {"onsite_end", day(8)},  {"report_start", day(9)}, {"end", day(11)}};
}

std::string starter_format(const InitOptions& opts) {
  bool json_name = ends_with_ignoring_case(opts.output, ".json");
  // A .json file is read as JSON: the commented YAML starter would not load from it.
  if (opts.format == "yaml" && json_name)
    throw Error(Error::Kind::usage, Source::option, "--format",
                fmt::format("the YAML starter cannot be read from {}, which commplan reads as "
                            "JSON: name it .yaml, or leave --format out for a JSON starter",
                            opts.output));
  if (!opts.format.empty()) return opts.format;
  return json_name ? "json" : "yaml";
}

int run_init(const InitOptions& opts, Context& ctx) {
  BriefOptions brief;
  brief.lang = opts.lang;
  brief.date = opts.date;
  Lang lang = resolve_lang(ctx, brief, nullptr);
  nlohmann::json data = starter_dates(resolve_today(ctx, brief, nullptr));
  bool to_file = !is_stdout(opts.output);
  data["file"] = to_file ? opts.output : "project.yaml";

  tmpl::Library library;
  const auto& starter = library.get(fmt::format("init/project.{}.yaml", to_string(lang)));
  std::string text = library.render(starter, data, {.escape = tmpl::Escape::none});
  if (starter_format(opts) == "json") {
    Diagnostics diagnostics;
    Document doc = parse_document("<starter>", text, Format::yaml, diagnostics);
    text = to_ordered_json(doc.root).dump(2) + "\n";
  }

  if (!to_file) return emit(ctx, Sink{}, text);
  // Anything there, a dangling symbolic link included, is the user's: kept without --force.
  if (!opts.force && entry_exists(opts.output))
    throw Error(Error::Kind::usage, opts.output, "already exists; use --force to replace it");
  emit(ctx, Sink{opts.output}, text);
  ctx.err << fmt::format("wrote {}; check it with: commplan validate {}\n", printable(opts.output),
                         printable(opts.output));
  return kOk;
}

}  // namespace

void add_init_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", "Write a commented starter project file");
  add_output_option(cmd, opts->output, "Write to FILE (default, or -: standard output)");
  cmd->add_option("--lang", opts->lang,
                  fmt::format("Language of the starter: {}", language_codes_text()))
      ->check(CLI::IsMember(language_codes()));
  cmd->add_option("--format", opts->format, "yaml (commented) or json (default: by -o's extension)")
      ->check(CLI::IsMember({"yaml", "json"}));
  cmd->add_option("--date", opts->date, "Plan the engagement from the Monday after this day")
      ->check(non_empty());
  cmd->add_flag("--force", opts->force, "Replace FILE if it exists");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_init(*opts, ctx); });
}

}  // namespace commplan::cli
