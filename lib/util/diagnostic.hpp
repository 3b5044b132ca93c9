#pragma once
// Located problems: what lib/ reports and cmd/ prints. lib/ never prints or exits.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// A 1-based place in a source text; line 0 means "the file as a whole".
struct Mark {
  int line = 0;
  int column = 0;
  size_t offset = 0;  ///< byte offset of the place, for quoting the source line
};

/// error: the input is wrong; warning: likely a mistake (`--strict` fails on it); note: what a
/// reader should know about the page made (never fails a run, `--strict` included).
enum class Level { error, warning, note };

/// `error`, `warning` or `note`, as a diagnostic prints it.
std::string_view level_word(Level level);

/// The part of a source line around a mark, for quoting under a message: at most about
/// kExcerptColumns display columns, with `…` where the line was cut.
struct Excerpt {
  std::string text;
  size_t caret = 0;  ///< byte offset in `text` of the marked character
};

/// Display columns an excerpt shows of a long line (clang clips its source lines alike).
inline constexpr size_t kExcerptColumns = 100;

/// What a problem is about: a file's text, a command-line option or an environment variable.
/// A problem with an option or a variable is the caller's asking for something (exit 2 in
/// cmd/), one with a file is the input's fault.
enum class Source { file, option, environment };

/// One problem: `FILE:LINE:COL: error: PATH: message`, with an optional hint and excerpt.
struct Diagnostic {
  Level level = Level::error;
  std::string file;  ///< the file, or the option (`--date`) or variable that `source` names
  Mark mark;
  std::string path;     ///< document path such as `findings[3].severity`; may be empty
  std::string message;  ///< lower-case, short, quoting the offending text
  Excerpt excerpt;      ///< the source around the mark, when known
  Source source = Source::file;
};

/// Every problem found in one run, in the order found.
class Diagnostics {
 public:
  void error(std::string file, Mark mark, std::string path, std::string message,
             Excerpt excerpt = {});
  void warning(std::string file, Mark mark, std::string path, std::string message,
               Excerpt excerpt = {});
  void note(std::string file, Mark mark, std::string path, std::string message);
  /// An error about the value of option or variable `name` (`--phase`, `COMMPLAN_LANG`),
  /// printed `name: error: message`.
  void error(Source source, std::string name, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);
  /// Orders the problems as a reader meets them: by file (those of `first_file` first, then
  /// the others by name), line and column; problems of equal place keep their order.
  void sort_by_place(std::string_view first_file = {});

  const std::vector<Diagnostic>& items() const { return items_; }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

 private:
  std::vector<Diagnostic> items_;
};

/// Thrown by lib/ when work cannot go on; carries every problem found so far.
class Error : public std::runtime_error {
 public:
  enum class Kind { invalid_input, io, usage };

  Error(Kind kind, Diagnostics diagnostics);
  /// A single problem with no source location (`commplan: error: message`).
  Error(Kind kind, std::string file, std::string message);
  /// A single problem with the value of option or variable `name` (`name: error: message`).
  Error(Kind kind, Source source, std::string name, std::string message);

  Kind kind() const { return kind_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Kind kind_;
  Diagnostics diagnostics_;
};

/// `file:line:col: error: path: message` (the first line of a diagnostic, no colour, no caret).
std::string format_headline(const Diagnostic& d);

/// The headline, then the source line and a caret under the column when known.
std::string format_diagnostic(const Diagnostic& d);

/// The excerpt of the line around byte `offset` of `text` (without its line break), clipped
/// to kExcerptColumns around the offset. Reads a bounded window of `text`, however long the
/// line: a diagnostic costs the same on a one-line file of megabytes.
Excerpt excerpt_at(std::string_view text, size_t offset);

/// `text` with control characters (tab aside) written as escapes (`\n`, `\x1B`), so that a
/// file name or a quoted value stays on one line and cannot drive the terminal.
std::string printable(std::string_view text);

/// The closest of `candidates` to `word` (edit distance), or "" when none is close. Bounded for
/// hostile input: no suggestion for a word over 64 characters, only the first 1,000 candidates,
/// and none at all once the thread has spent its budget of comparisons.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace commplan
