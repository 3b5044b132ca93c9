#include "sink.hpp"

#include <fmt/format.h>

#include <cstring>
#include <ostream>
#include <sstream>

#include "output/write.hpp"
#include "util/diagnostic.hpp"
#include "util/read.hpp"
#include "util/text.hpp"

namespace commplan::cli {

namespace {

/// A short line diff: the first differing line of each side, with its number.
std::string short_diff(const std::string& expected, std::string_view actual) {
  std::istringstream a(expected), b{std::string(actual)};
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la));
    bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "";
    if (more_a != more_b || la != lb)
      return fmt::format("@@ line {} @@\n-{}\n+{}\n", line,
                         more_a ? printable(la) : "(end of file)",
                         more_b ? printable(lb) : "(end of file)");
  }
}

int compare(Context& ctx, const std::string& file, std::string_view text) {
  std::string current = read_file(file);
  if (current == text) return kOk;
  ctx.err << fmt::format("{}: stale; regenerate it (first difference below)\n", printable(file))
          << short_diff(current, text);
  return kStrict;
}

/// Refuses an -o that names a file the command reads: it would be lost before it is read
/// again, the project or template that made it.
void refuse_inputs(const Sink& sink) {
  for (const std::string& input : sink.inputs) {
    if (input.empty() || !same_file(sink.output, input)) continue;
    std::string also = input == sink.output ? ""
                       : input == "-"       ? " (the standard input)"
                                            : fmt::format(" ({})", input);
    throw Error(Error::Kind::usage, sink.output,
                fmt::format("-o names an input of this command{}; write elsewhere", also));
  }
}

}  // namespace

bool is_stdout(const std::string& output) { return output.empty() || output == "-"; }

CLI::Validator non_empty() {
  return CLI::Validator(
      [](std::string& value) { return value.empty() ? std::string("must not be empty") : ""; }, "");
}

CLI::Validator has_text() {
  return CLI::Validator(
      [](std::string& value) {
        if (value.empty()) return std::string("must not be empty");
        return is_blank(value) ? std::string("must hold more than white space") : std::string();
      },
      "");
}

void add_output_option(CLI::App* cmd, std::string& output, const std::string& help) {
  cmd->add_option("-o,--output", output, help)->check(non_empty());
}

void add_check_option(CLI::App* cmd, std::string& check) {
  CLI::Option* option =
      cmd->add_option("--check", check,
                      "Compare with FILE instead of writing: exit 0 when identical, 4 when stale")
          ->check(non_empty());
  // --check writes nothing: an -o beside it would be ignored in silence.
  if (CLI::Option* output = cmd->get_option_no_throw("--output")) option->excludes(output);
}

int emit(Context& ctx, const Sink& sink, std::string_view text) {
  if (!sink.check.empty()) return compare(ctx, sink.check, text);
  if (is_stdout(sink.output)) {
    ctx.out << text;
    return kOk;
  }
  refuse_inputs(sink);
  write_file_atomic(sink.output, text);
  return kOk;
}

int emit(Context& ctx, const Sink& sink, const Spool& text) {
  if (!text.spilled()) return emit(ctx, sink, text.held());
  if (!sink.check.empty()) {
    std::string whole;
    whole.reserve(text.size());
    text.write([&whole](std::string_view piece) {
      whole += piece;
      return true;
    });
    return emit(ctx, sink, whole);
  }
  if (is_stdout(sink.output)) {
    text.write([&ctx](std::string_view piece) {
      ctx.out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return true;  // a failed write is reported by finish_output()
    });
    return kOk;
  }
  refuse_inputs(sink);
  write_file_atomic(sink.output, text);
  return kOk;
}

int finish_output(Context& ctx, int code) {
  if (ctx.out.flush()) return code;
  auto* buffer = dynamic_cast<DescriptorBuffer*>(ctx.out.rdbuf());
  int error = buffer != nullptr ? buffer->error() : 0;
  Diagnostics problem;
  problem.error("", {}, {},
                fmt::format("cannot write standard output: {}",
                            error != 0 ? std::strerror(error) : "the stream failed"));
  report(ctx, problem);
  return kIo;
}

}  // namespace commplan::cli
