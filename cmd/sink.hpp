#pragma once
// The one road a command's result takes: standard output, `-o FILE` or `--check FILE`.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "output/write.hpp"

namespace commplan::cli {

/// Where a command's result goes.
struct Sink {
  std::string output;               ///< -o: empty or "-" is standard output
  std::string check;                ///< --check: compare with this file instead of writing
  std::vector<std::string> inputs;  ///< the files the command read, which -o must not name

  explicit Sink(std::string output_file = "", std::string check_file = "",
                std::vector<std::string> input_files = {})
      : output(std::move(output_file)),
        check(std::move(check_file)),
        inputs(std::move(input_files)) {}
};

/// Whether an -o value means standard output: empty or `-`.
bool is_stdout(const std::string& output);

/// A CLI11 check that refuses an empty value (`-o ''`, `--date ''`).
CLI::Validator non_empty();

/// A CLI11 check that refuses a text to record that is empty or only white space (`--done ''`,
/// `--note '  '`), which would be written as an empty item or field.
CLI::Validator has_text();

/// Adds `-o,--output FILE` to `cmd`.
void add_output_option(
    CLI::App* cmd, std::string& output,
    const std::string& help = "Write to FILE (atomically) instead of stdout; - is stdout");

/// Adds `--check FILE` to `cmd`.
void add_check_option(CLI::App* cmd, std::string& check);

/// Writes `text` where `sink` says: standard output, or FILE atomically (refused, as a usage
/// error, when FILE is one of the inputs). With --check, compares instead: kOk when
/// identical, kStrict with the first difference on standard error when not.
int emit(Context& ctx, const Sink& sink, std::string_view text);

/// emit() of a spool's text (a page rendered in pieces).
int emit(Context& ctx, const Sink& sink, const Spool& text);

/// Flushes standard output at the end of a run: after a failed write, reports "cannot write
/// standard output" and returns kIo; else `code`.
int finish_output(Context& ctx, int code);

}  // namespace commplan::cli
