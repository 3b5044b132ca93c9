#include <fmt/format.h>
#include <unistd.h>

#include <cstdint>
#include <iostream>
#include <ostream>
#include <unordered_map>
#include <vector>

#include "cli.hpp"
#include "util/text.hpp"

namespace commplan::cli {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kReset = "\x1b[0m";

/// `file:line:col`, or the program's name for a problem with no file.
std::string location(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("commplan") : printable(d.file);
  if (d.mark.line > 0) out += fmt::format(":{}:{}", d.mark.line, d.mark.column);
  return out;
}

/// `PATH: message` as format_headline writes it (control characters escaped).
std::string headline_text(const Diagnostic& d) {
  return format_headline(d).substr(location(d).size() + level_word(d.level).size() + 4);
}

/// The plain text of format_diagnostic with gcc's colours: bold location, bold red error,
/// bold magenta warning, green caret.
std::string colored(const Diagnostic& d) {
  std::string plain = format_diagnostic(d);
  std::string where = location(d);
  std::string level = fmt::format("{}:", level_word(d.level));
  size_t level_end = where.size() + 2 + level.size();
  std::string_view tint = d.level == Level::error  ? kRed
                          : d.level == Level::note ? kCyan
                                                   : kMagenta;
  std::string out = fmt::format("{}{}:{} {}{}{}", kBold, where, kReset, tint, level, kReset);
  out += plain.substr(level_end);
  if (!out.empty() && out.back() == '^' && plain.find('\n') != std::string::npos)
    out.replace(out.size() - 1, 1, fmt::format("{}^{}", kGreen, kReset));
  return out;
}

/// GitHub's escaping of a workflow command's message; properties also escape `:` and `,`.
/// Other control characters, which GitHub would pass on to the log, become `\x1B`.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (is_control(c))
      out += printable(std::string_view(&c, 1));
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

/// GitHub's name of a level: error, warning or notice.
std::string_view github_level(Level level) {
  return level == Level::note ? "notice" : level_word(level);
}

/// `::error file=F,line=L,col=C::PATH: message`, an annotation on the pull request.
std::string github_command(const Diagnostic& d) {
  std::vector<std::string> properties;
  // An option or an environment variable is no file of the repository to annotate: its name
  // leads the message instead.
  if (d.source != Source::file)
    return fmt::format("::{}::{}: {}", github_level(d.level), github_escape(d.file, false),
                       github_escape(d.message, false));
  if (!d.file.empty()) properties.push_back("file=" + github_escape(d.file, true));
  if (d.mark.line > 0) {
    properties.push_back(fmt::format("line={}", d.mark.line));
    properties.push_back(fmt::format("col={}", d.mark.column));
  }
  return fmt::format("::{}{}{}::{}", github_level(d.level), properties.empty() ? "" : " ",
                     fmt::join(properties, ","), github_escape(headline_text(d), false));
}

/// `1,234,567`.
std::string with_thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// The line that stands for the `hidden` diagnostics alike to `d` after the first ones.
std::string summary_text(const Diagnostic& d, size_t hidden) {
  std::string_view kind = level_word(d.level);
  return fmt::format("… and {} more {}{} like this; `--all-diagnostics` shows them",
                     with_thousands(hidden), kind, hidden == 1 ? "" : "s");
}

/// The summary as its own annotation, on the same file.
std::string github_summary(const Diagnostic& d, size_t hidden) {
  std::string file = d.file.empty() ? "" : " file=" + github_escape(d.file, true);
  return fmt::format("::{}{}::{}", github_level(d.level), file,
                     github_escape(summary_text(d, hidden), false));
}

void print(Context& ctx, const Diagnostic& d) {
  if (ctx.github)
    ctx.err << github_command(d) << '\n';
  else
    ctx.err << (ctx.color ? colored(d) : format_diagnostic(d)) << '\n';
}

void print_summary(Context& ctx, const Diagnostic& d, size_t hidden) {
  if (ctx.github)
    ctx.err << github_summary(d, hidden) << '\n';
  else
    ctx.err << ' ' << summary_text(d, hidden) << '\n';
}

/// The key of a file's diagnostics of one kind.
std::string repeat_key(const Diagnostic& d) { return d.file + '\0' + message_kind(d); }

/// Colour by default only on a terminal, and never when NO_COLOR is set (to any value).
bool auto_color(const Context& ctx) {
  if (ctx.getenv("NO_COLOR")) return false;
  return &ctx.err == &std::cerr && ::isatty(STDERR_FILENO);
}

}  // namespace

void add_diagnostic_options(CLI::App& app, Context& ctx) {
  ctx.color = auto_color(ctx);
  ctx.github = ctx.getenv("GITHUB_ACTIONS") == "true";
  app.add_option_function<std::string>(
         std::string(kColorOption.name),
         [&ctx](const std::string& when) {
           ctx.color = when == "always" || (when == "auto" && auto_color(ctx));
         },
         "Colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option_function<std::string>(
         std::string(kErrorFormatOption.name),
         [&ctx](const std::string& format) { ctx.github = format == "github"; },
         "Diagnostics as compiler-style text or GitHub Actions annotations (default: github "
         "when GITHUB_ACTIONS=true, else text)")
      ->check(CLI::IsMember({"text", "github"}));
  app.add_flag_function(
      std::string(kAllDiagnosticsOption.name), [&ctx](std::int64_t) { ctx.all_diagnostics = true; },
      fmt::format("Print every diagnostic (default: the first {} alike in a file, then a count "
                  "of the rest)",
                  kRepeatsShown));
}

std::string message_kind(const Diagnostic& d) {
  std::string kind = fmt::format("{} ", level_word(d.level));
  bool in_index = false;
  for (char c : d.path) {
    if (c == '[' || c == ']') in_index = c == '[';
    if (!in_index || c == '[') kind += c;
  }
  kind += ' ';
  bool quoted = false;
  for (char c : d.message) {
    if (c == '"') {
      quoted = !quoted;
      kind += c;
    } else if (!quoted && !(c >= '0' && c <= '9')) {
      kind += c;
    }
  }
  return kind;
}

void report(Context& ctx, const Diagnostics& diagnostics) {
  const auto& items = diagnostics.items();
  std::vector<std::string> keys;
  std::unordered_map<std::string, size_t> total, shown;
  if (!ctx.all_diagnostics) {
    keys.reserve(items.size());
    for (const auto& d : items) ++total[keys.emplace_back(repeat_key(d))];
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (ctx.all_diagnostics) {
      print(ctx, items[i]);
      continue;
    }
    size_t n = ++shown[keys[i]];
    if (n <= kRepeatsShown) print(ctx, items[i]);
    if (n == kRepeatsShown && total[keys[i]] > kRepeatsShown)
      print_summary(ctx, items[i], total[keys[i]] - kRepeatsShown);
  }
  ctx.err.flush();
}

}  // namespace commplan::cli
