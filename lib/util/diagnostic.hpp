#pragma once
// Located problems: what lib/ reports and cmd/ prints. lib/ never prints or exits.

#include <stdexcept>
#include <string>
#include <vector>

namespace commplan {

/// A 1-based place in a source text; line 0 means "the file as a whole".
struct Mark {
  int line = 0;
  int column = 0;
  size_t offset = 0;  ///< byte offset of the place, for quoting the source line
};

enum class Level { error, warning };

/// One problem: `FILE:LINE:COL: error: PATH: message`, with an optional hint and source line.
struct Diagnostic {
  Level level = Level::error;
  std::string file;
  Mark mark;
  std::string path;         ///< document path such as `findings[3].severity`; may be empty
  std::string message;      ///< lower-case, short, quoting the offending text
  std::string source_line;  ///< the line of the source the mark points into, when known
};

/// Every problem found in one run, in the order found.
class Diagnostics {
 public:
  void error(std::string file, Mark mark, std::string path, std::string message,
             std::string source_line = {});
  void warning(std::string file, Mark mark, std::string path, std::string message,
               std::string source_line = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);
  /// Orders the problems as a reader meets them: by file (in order of first mention), line
  /// and column; problems of equal place keep their order.
  void sort_by_place();

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

/// The text of the line around byte `offset` of `text` (without its line break).
std::string line_at(std::string_view text, size_t offset);

/// The closest of `candidates` to `word` (edit distance), or "" when none is close. Bounded for
/// hostile input: no suggestion for a word over 64 characters, only the first 1,000 candidates,
/// and none at all once the thread has spent its budget of comparisons.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace commplan
