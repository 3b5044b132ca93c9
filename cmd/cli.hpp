#pragma once
// The command-line front end. Only cmd/ prints and picks exit codes.

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.hpp"

namespace commplan::cli {

/// The contract's exit codes.
enum Exit : int { kOk = 0, kInvalid = 1, kUsage = 2, kIo = 3, kStrict = 4 };

/// Looks up an environment variable; tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string&)>;

/// What a running subcommand talks to: the streams, the environment and its exit code.
struct Context {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  Environment env;
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;  ///< standard output is the process's, and a terminal
  bool color = false;               ///< colour diagnostics (--color, NO_COLOR, stderr a terminal)
  bool github = false;  ///< diagnostics as GitHub Actions workflow commands (--error-format)
  bool all_diagnostics = false;  ///< no summary of repeated diagnostics (--all-diagnostics)
  int exit_code = kOk;

  std::optional<std::string> getenv(const std::string& name) const { return env(name); }
};

/// Runs commplan with `args` (without the program name) and returns its exit code.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err, Environment env = {});

/// The process environment.
Environment process_environment();

/// Prints the diagnostics, compiler style, to the context's error stream: of each message kind
/// (see message_kind) in a file the first kRepeatsShown, then one line counting the rest,
/// unless ctx.all_diagnostics.
void report(Context& ctx, const Diagnostics& diagnostics);

/// Diagnostics of one kind shown in a file before the rest are counted in one line.
inline constexpr size_t kRepeatsShown = 20;

/// What makes diagnostics "alike": the level, the path without its indices and the message
/// without its quoted texts and numbers (`warning findings[].standard no standard has the
/// id ""`).
std::string message_kind(const Diagnostic& d);

/// A global option, which may stand before or after the subcommand.
struct GlobalOption {
  std::string_view name;
  bool takes_value;
};

/// The global options add_diagnostic_options() adds.
inline constexpr GlobalOption kColorOption{"--color", true};
inline constexpr GlobalOption kErrorFormatOption{"--error-format", true};
inline constexpr GlobalOption kAllDiagnosticsOption{"--all-diagnostics", false};
inline constexpr GlobalOption kGlobalOptions[] = {kColorOption, kErrorFormatOption,
                                                  kAllDiagnosticsOption};

/// Adds the global --color, --error-format and --all-diagnostics options and sets their
/// defaults in `ctx`.
void add_diagnostic_options(CLI::App& app, Context& ctx);

// One registration function per subcommand, each in its own file.
void add_validate_command(CLI::App& app, Context& ctx);
void add_schema_command(CLI::App& app, Context& ctx);
void add_init_command(CLI::App& app, Context& ctx);
void add_render_command(CLI::App& app, Context& ctx);
void add_templates_command(CLI::App& app, Context& ctx);
void add_kickoff_command(CLI::App& app, Context& ctx);
void add_recap_command(CLI::App& app, Context& ctx);
void add_minutes_command(CLI::App& app, Context& ctx);
void add_plan_command(CLI::App& app, Context& ctx);
void add_five_w2h_command(CLI::App& app, Context& ctx);
void add_man_command(CLI::App& app, Context& ctx);
void add_completion_command(CLI::App& app, Context& ctx);
void add_complete_ids_command(CLI::App& app, Context& ctx);
void add_finding_command(CLI::App& app, Context& ctx);
void add_findings_command(CLI::App& app, Context& ctx);
void add_log_command(CLI::App& app, Context& ctx);

}  // namespace commplan::cli
