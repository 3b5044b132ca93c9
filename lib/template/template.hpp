#pragma once
// A compiled Mustache template: the tree the renderer walks. Built once by compile_template().

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.hpp"
#include "util/text.hpp"

namespace commplan::tmpl {

class Template;

/// One node of a compiled template. Views point into the owning Template's text.
struct Node {
  enum class Kind : std::uint8_t { text, variable, section, inverted, partial, parent, block };

  Kind kind = Kind::text;
  bool raw = false;          ///< `{{{x}}}` or `{{&x}}`: inserted without escaping
  bool line_start = false;   ///< first output of a template line (where partial indentation goes)
  bool standalone = false;   ///< the tag stood alone on its line, which was removed
  bool inline_pair = false;  ///< a block whose open and close tags share a standalone line
  bool dynamic = false;      ///< `{{>*name}}`: the partial's name is looked up in the data
  size_t offset = 0;         ///< byte offset of the tag (or text) in the template
  std::string_view text;     ///< literal text, or the tag's name as written
  std::vector<std::string_view> path;  ///< a dotted name split at dots; empty for `.`
  std::string_view indent;             ///< white space before a standalone tag
  std::string_view intrinsic;          ///< a block's common indentation of its content lines
  std::vector<Node> children;          ///< section or block content; a parent's block arguments
  const Template* target = nullptr;    ///< a static partial or parent, once resolved
};

/// A template's source and its compiled tree. Never moved once compiled (nodes view its text).
class Template {
 public:
  /// A template of `text`, read without a leading byte order mark (an editor's, not output).
  Template(std::string name, std::string text)
      : name_(std::move(name)), text_(without_bom(std::move(text))) {}
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  /// The name shown in messages: a file path, or `<built-in>/NAME.mustache`.
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  std::vector<Node>& nodes() { return nodes_; }

  /// The 1-based line and column of byte `offset`.
  Mark mark(size_t offset) const;
  /// An error located at byte `offset`, quoting its line.
  Diagnostic diagnostic(size_t offset, std::string message) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<Node> nodes_;
};

/// The deepest nesting of sections and blocks a template may have.
inline constexpr int kMaxNesting = 256;

/// Parses the template's text into its tree; every syntax error goes to `diagnostics`.
void compile_template(Template& tmpl, Diagnostics& diagnostics);

/// Calls `visit` on every partial and parent node of `nodes`, depth first.
template <typename Visit>
void for_each_reference(std::vector<Node>& nodes, const Visit& visit) {
  for (auto& node : nodes) {
    if (node.kind == Node::Kind::partial || node.kind == Node::Kind::parent) visit(node);
    for_each_reference(node.children, visit);
  }
}

}  // namespace commplan::tmpl
