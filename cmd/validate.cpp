#include "views/validate.hpp"

#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "brief.hpp"
#include "cli.hpp"
#include "model/mask.hpp"
#include "model/project.hpp"
#include "util/heap.hpp"
#include "util/text.hpp"
#include "views/deadlines.hpp"

namespace commplan::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string project;  ///< --project: the files are this project's file and log files
  std::string date;     ///< --date: the day notification deadlines are judged as of
  bool strict = false;
  bool quiet = false;
};

/// The day notification deadlines are judged as of: --date, else today as the briefs take it
/// (SOURCE_DATE_EPOCH, else the current date in the project's time zone).
Date judged_day(const ValidateOptions& opts, Context& ctx, const Project* project) {
  BriefOptions brief;
  brief.date = opts.date;
  return resolve_today(ctx, brief, project);
}

/// Prints the problems, then a valid file's one-line summary; returns the file's exit code.
int verdict(const ValidateOptions& opts, const std::string& file, Context& ctx,
            const std::optional<Project>& project, const Diagnostics& diagnostics) {
  report(ctx, diagnostics);
  if (!project || diagnostics.has_errors()) return kInvalid;
  size_t warnings = diagnostics.warning_count();
  if (!opts.quiet)
    ctx.out << fmt::format("{}: valid, {}, {}, {}\n", file == "-" ? "<stdin>" : printable(file),
                           count_of(project->findings.size(), "finding", "findings"),
                           count_of(project->log.size(), "log entry", "log entries"),
                           count_of(warnings, "warning", "warnings"));
  return opts.strict && warnings > 0 ? kStrict : kOk;
}

/// Loads `file` and makes every check the brief commands make; prints the problems together,
/// in source order. Returns the exit code of this file; `loaded` receives the project when it
/// could be read at all.
int validate_one(const ValidateOptions& opts, const std::string& file, Context& ctx,
                 std::optional<Project>* loaded = nullptr) {
  Diagnostics diagnostics;
  auto project = load_project(file, read_source(file, ctx.in), diagnostics);
  if (loaded != nullptr) *loaded = project;
  if (project && !diagnostics.has_errors()) {
    check_briefs(*project, diagnostics);
    warn_sensitive(*project, diagnostics);
    check_notifications(*project, judged_day(opts, ctx, &*project), diagnostics);
    diagnostics.sort_by_place();
  }
  int code = verdict(opts, file, ctx, project, diagnostics);
  if (opts.files.size() == 1) leave_to_exit(project);  // kept projects would add up
  return code;
}

/// Runs `check`, turning an Error it throws into its exit code.
template <class Check>
int guarded(Context& ctx, Check check) {
  try {
    return check();
  } catch (const Error& e) {
    report(ctx, e.diagnostics());
    return e.kind() == Error::Kind::io ? kIo : kInvalid;
  }
}

/// The gravest of the codes: an unreadable file (3), then a file that is no part of --project
/// (2), then an invalid one (1), then a strict failure (4).
int gravest(const std::vector<int>& codes) {
  for (int code : {kIo, kUsage, kInvalid, kStrict})
    for (int c : codes)
      if (c == code) return code;
  return kOk;
}

/// --project: the project is validated once, with its log_dir; each FILE must be the project
/// file or one of its log files (a log file is only valid as part of its project).
int validate_project(const ValidateOptions& opts, Context& ctx) {
  if (opts.project == "-")
    throw Error(Error::Kind::usage, Source::option, "--project", "needs a file, not -");
  std::optional<Project> loaded;
  std::vector<int> codes{
      guarded(ctx, [&] { return validate_one(opts, opts.project, ctx, &loaded); })};
  if (codes.front() == kIo) return kIo;
  Diagnostics strangers;
  for (const std::string& file : opts.files)
    if (!is_project_input(file, opts.project, loaded ? &*loaded : nullptr))
      strangers.error(
          file, {}, {},
          fmt::format("not part of {}: neither the project file nor a file of its "
                      "log_dir{}",
                      opts.project,
                      loaded && !loaded->log_dir.empty() ? fmt::format(" ({})", loaded->log_dir)
                                                         : " (it has none)"));
  report(ctx, strangers);
  if (strangers.has_errors()) codes.push_back(kUsage);
  return gravest(codes);
}

/// Checks every file, so one run (a pre-commit hook, say) reports them all.
int run_validate(const ValidateOptions& opts, Context& ctx) {
  if (!opts.date.empty()) judged_day(opts, ctx, nullptr);  // a malformed --date is exit 2
  if (!opts.project.empty()) return validate_project(opts, ctx);
  if (opts.files.empty())
    throw Error(Error::Kind::usage, "validate", "name a PROJECT file, or --project PROJECT");
  std::vector<int> codes;
  for (const auto& file : opts.files)
    codes.push_back(guarded(ctx, [&] { return validate_one(opts, file, ctx); }));
  return gravest(codes);
}

}  // namespace

void add_validate_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Check project files: every check kickoff, recap and plan make, nothing rendered");
  cmd->add_option("PROJECT", opts->files,
                  "Project files (.yaml, .yml, .json; - for stdin), each checked on its own; "
                  "with --project, that project's file or log files");
  cmd->add_option("--project", opts->project,
                  "Validate this project, with its log_dir; the FILEs given must be its file or "
                  "its log files (for a pre-commit hook on log files)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_option("--date", opts->date,
                  "Judge notification deadlines as of this day: YYYY-MM-DD, today or yesterday "
                  "(default: SOURCE_DATE_EPOCH, else the current date in the project's time zone)")
      ->check(non_empty())
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_flag("--strict", opts->strict, "Exit 4 when there are warnings");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing on success");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_validate(*opts, ctx); });
}

}  // namespace commplan::cli
