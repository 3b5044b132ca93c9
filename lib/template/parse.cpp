// Template text -> tokens -> standalone lines removed -> tree, reporting every syntax error.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>

#include "template/template.hpp"
#include "util/text.hpp"

namespace commplan::tmpl {

Mark Template::mark(size_t offset) const {
  offset = std::min(offset, text_.size());
  Mark m;
  m.offset = offset;
  m.line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + offset, '\n'));
  size_t line_begin = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_begin = (line_begin == std::string::npos || offset == 0) ? 0 : line_begin + 1;
  m.column = 1;
  for (size_t i = line_begin; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++m.column;
  return m;
}

Diagnostic Template::diagnostic(size_t offset, std::string message) const {
  Diagnostic d;
  d.file = name_;
  d.mark = mark(offset);
  d.message = std::move(message);
  d.excerpt = excerpt_at(text_, offset);
  return d;
}

namespace {

enum class Tag : std::uint8_t {
  text,
  variable,
  raw,
  section,
  inverted,
  close,
  comment,
  delimiters,
  partial,
  parent,
  block
};

struct Token {
  Tag tag = Tag::text;
  size_t begin = 0;
  size_t end = 0;
  std::string_view name;  ///< the text, or the tag's trimmed content after its sigil
  bool dynamic = false;
  bool removed = false;
  bool standalone = false;
  bool inline_pair = false;
  bool line_start = false;
  std::string_view indent;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool has_space(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return is_space(c) || c == '\n' || c == '\r'; });
}

/// Only spaces and tabs, then at most one line break.
bool is_blank(std::string_view s) {
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return std::all_of(s.begin(), s.end(), is_space);
}

/// Whether a tag of this kind may stand alone on a line that is then removed.
bool can_stand_alone(Tag tag) {
  return tag != Tag::text && tag != Tag::variable && tag != Tag::raw;
}

const char* kind_name(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::inverted:
      return "inverted section";
    case Node::Kind::parent:
      return "parent";
    case Node::Kind::block:
      return "block";
    default:
      return "section";
  }
}

/// Errors in the order of their place in the template.
class Problems {
 public:
  explicit Problems(const Template& tmpl) : tmpl_(tmpl) {}
  void add(size_t offset, std::string message) {
    items_.emplace_back(offset, tmpl_.diagnostic(offset, std::move(message)));
  }
  void move_to(Diagnostics& diagnostics) {
    std::stable_sort(items_.begin(), items_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& item : items_) diagnostics.add(std::move(item.second));
  }
  std::string where(size_t offset) const {
    Mark m = tmpl_.mark(offset);
    return fmt::format("{}:{}", m.line, m.column);
  }

 private:
  const Template& tmpl_;
  std::vector<std::pair<size_t, Diagnostic>> items_;
};

/// Splits the text into text and tag tokens, following delimiter changes.
class Scanner {
 public:
  Scanner(std::string_view text, Problems& problems) : text_(text), problems_(problems) {}

  std::vector<Token> scan() {
    // Room for every token at once, where the delimiters stay {{ }}: a text token a line and
    // two a tag at most. Growing from nothing to a page's few hundred tokens touched some 64 KB.
    size_t most = 1 + static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n'));
    for (size_t at = text_.find(open_); at != std::string_view::npos;
         at = text_.find(open_, at + open_.size()))
      most += 2;
    tokens_.reserve(most);
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t at = text_.find(open_, pos);
      if (at == std::string_view::npos) at = text_.size();
      add_text(pos, at);
      if (at == text_.size()) break;
      pos = scan_tag(at);
    }
    return std::move(tokens_);
  }

 private:
  void add_text(size_t begin, size_t end) {
    while (begin < end) {
      size_t newline = text_.find('\n', begin);
      size_t stop = newline == std::string_view::npos ? end : std::min(end, newline + 1);
      Token t;
      t.begin = begin;
      t.end = stop;
      t.name = text_.substr(begin, stop - begin);
      tokens_.push_back(t);
      begin = stop;
    }
  }

  static Tag classify(char sigil) {
    switch (sigil) {
      case '!':
        return Tag::comment;
      case '=':
        return Tag::delimiters;
      case '{':
      case '&':
        return Tag::raw;
      case '#':
        return Tag::section;
      case '^':
        return Tag::inverted;
      case '/':
        return Tag::close;
      case '>':
        return Tag::partial;
      case '<':
        return Tag::parent;
      case '$':
        return Tag::block;
      default:
        return Tag::variable;
    }
  }

  /// Scans the tag opening at `at`; returns where scanning goes on.
  size_t scan_tag(size_t at) {
    size_t p = at + open_.size();
    while (p < text_.size() && is_space(text_[p])) ++p;
    char sigil = p < text_.size() ? text_[p] : '\0';
    Tag tag = classify(sigil);
    if (tag != Tag::variable) ++p;
    std::string closing = close_;
    if (sigil == '{') closing = "}" + close_;
    if (tag == Tag::delimiters) closing = "=" + close_;
    size_t end = text_.find(closing, p);
    std::string_view content = text_.substr(p, end == std::string_view::npos ? 0 : end - p);
    // A comment may hold the opening delimiter, and so may a delimiter change ({{={{ }}=}}).
    size_t inner = tag == Tag::comment || tag == Tag::delimiters ? std::string_view::npos
                                                                 : content.find(open_);
    if (end == std::string_view::npos || inner != std::string_view::npos) {
      problems_.add(at, fmt::format("unclosed tag: missing \"{}\"", closing));
      return end == std::string_view::npos ? text_.size() : p + inner;
    }
    Token t;
    t.tag = tag;
    t.begin = at;
    t.end = end + closing.size();
    t.name = trim_spaces(content);
    if (tag == Tag::delimiters) set_delimiters(t);
    if (tag != Tag::comment && tag != Tag::delimiters) check_name(t, sigil);
    tokens_.push_back(t);
    return t.end;
  }

  void set_delimiters(const Token& t) {
    std::string_view s = t.name;
    size_t split = s.find_first_of(" \t\r\n");
    std::string_view first = s.substr(0, split);
    std::string_view second =
        split == std::string_view::npos ? std::string_view() : trim_spaces(s.substr(split));
    if (first.empty() || second.empty() || has_space(second) ||
        first.find('=') != std::string_view::npos || second.find('=') != std::string_view::npos) {
      problems_.add(t.begin, fmt::format("invalid delimiters \"{}\": expected two delimiters "
                                         "without spaces or \"=\", as in {}=<% %>={}",
                                         s, open_, close_));
      return;
    }
    open_ = first;
    close_ = second;
  }

  void check_name(Token& t, char sigil) {
    if ((t.tag == Tag::partial || t.tag == Tag::parent || t.tag == Tag::close) && !t.name.empty() &&
        t.name.front() == '*') {
      t.dynamic = true;
      t.name = trim_spaces(t.name.substr(1));
    }
    std::string shown = t.tag == Tag::variable ? std::string() : std::string(1, sigil);
    if (t.name.empty())
      problems_.add(t.begin, fmt::format("empty tag {}{}{}", open_, shown, close_));
    else if (has_space(t.name))
      problems_.add(t.begin, fmt::format("invalid name \"{}\": a name has no spaces", t.name));
  }

  std::string_view text_;
  Problems& problems_;
  std::string open_ = "{{";
  std::string close_ = "}}";
  std::vector<Token> tokens_;
};

/// Flags the first token of the line that becomes a node.
void mark_line_start(std::vector<Token>& tokens, size_t first, size_t last) {
  for (size_t k = first; k <= last; ++k) {
    Token& t = tokens[k];
    if (t.removed || t.tag == Tag::comment || t.tag == Tag::delimiters) continue;
    t.line_start = true;
    return;
  }
}

/// Marks the tokens of one line: standalone tags, removed white space, where output starts.
void mark_line(std::vector<Token>& tokens, size_t first, size_t last) {
  bool has_tag = false;
  for (size_t k = first; k <= last; ++k) {
    const Token& t = tokens[k];
    if (t.tag == Tag::text ? !is_blank(t.name) : !can_stand_alone(t.tag))
      return mark_line_start(tokens, first, last);
    has_tag = has_tag || t.tag != Tag::text;
  }
  if (!has_tag) return mark_line_start(tokens, first, last);
  size_t first_tag = first;
  while (tokens[first_tag].tag == Tag::text) ++first_tag;
  std::string_view indent = first_tag > first ? tokens[first].name : std::string_view();
  for (size_t k = first_tag; k < last; ++k) {
    if (tokens[k].tag == Tag::block && tokens[k + 1].tag == Tag::close &&
        tokens[k + 1].name == tokens[k].name) {
      // "{{$b}}{{/b}}" alone on a line: the block takes the line's place and keeps its break.
      for (size_t i = first; i < first_tag; ++i) tokens[i].removed = true;
      tokens[k].standalone = tokens[k].inline_pair = true;
      tokens[k].indent = indent;
      return mark_line_start(tokens, first, last);
    }
  }
  for (size_t k = first; k <= last; ++k) {
    tokens[k].removed = tokens[k].tag == Tag::text;
    tokens[k].standalone = tokens[k].tag != Tag::text;
    tokens[k].indent = indent;
  }
}

void mark_lines(std::vector<Token>& tokens) {
  size_t first = 0;
  while (first < tokens.size()) {
    size_t last = first;
    while (last + 1 < tokens.size() &&
           !(tokens[last].tag == Tag::text && tokens[last].name.back() == '\n'))
      ++last;
    mark_line(tokens, first, last);
    first = last + 1;
  }
}

std::string_view common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return a.substr(0, n);
}

/// The indentation all non-blank lines of `text[from, to)` share.
std::string_view common_indent(std::string_view text, size_t from, size_t to) {
  std::string_view common;
  bool any = false;
  while (from < to) {
    size_t newline = text.find('\n', from);
    size_t stop = newline == std::string_view::npos ? to : std::min(newline, to);
    std::string_view line = text.substr(from, stop - from);
    size_t ws = 0;
    while (ws < line.size() && is_space(line[ws])) ++ws;
    if (ws < line.size() && line.substr(ws) != "\r") {
      common = any ? common_prefix(common, line.substr(0, ws)) : line.substr(0, ws);
      any = true;
    }
    from = stop + 1;
  }
  return common;
}

/// Builds the tree from the tokens, checking that every section is closed.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, Problems& problems) : text_(text), problems_(problems) {}

  std::vector<Node> build(const std::vector<Token>& tokens) {
    for (const auto& t : tokens) {
      if (t.removed || t.tag == Tag::comment || t.tag == Tag::delimiters) continue;
      if (!add(t)) return std::move(root_);
    }
    size_t end = text_.size();
    if (end > 0 && text_[end - 1] == '\n') --end;
    if (end > 0 && text_[end - 1] == '\r') --end;
    for (const auto& open : stack_) unclosed(open, end);
    return std::move(root_);
  }

 private:
  struct Open {
    Node* node;
    const Token* token;
  };

  std::vector<Node>& children() { return stack_.empty() ? root_ : stack_.back().node->children; }

  static Node node_for(const Token& t, Node::Kind kind) {
    Node n;
    n.kind = kind;
    n.offset = t.begin;
    n.text = t.name;
    n.line_start = t.line_start;
    n.standalone = t.standalone;
    n.inline_pair = t.inline_pair;
    n.dynamic = t.dynamic;
    n.indent = t.indent;
    return n;
  }

  bool add(const Token& t) {
    switch (t.tag) {
      case Tag::text:
        if (!t.name.empty()) children().push_back(node_for(t, Node::Kind::text));
        return true;
      case Tag::variable:
      case Tag::raw:
        children().push_back(with_path(node_for(t, Node::Kind::variable), t));
        children().back().raw = t.tag == Tag::raw;
        return true;
      case Tag::partial:
        children().push_back(named(t, Node::Kind::partial));
        return true;
      case Tag::section:
        return open(t, with_path(node_for(t, Node::Kind::section), t));
      case Tag::inverted:
        return open(t, with_path(node_for(t, Node::Kind::inverted), t));
      case Tag::parent:
        return open(t, named(t, Node::Kind::parent));
      case Tag::block:
        return open(t, node_for(t, Node::Kind::block));
      case Tag::close:
        close(t);
        return true;
      default:
        return true;
    }
  }

  /// A partial or parent node; a dynamic name is a path into the data.
  Node named(const Token& t, Node::Kind kind) {
    return t.dynamic ? with_path(node_for(t, kind), t) : node_for(t, kind);
  }

  Node with_path(Node n, const Token& t) {
    if (t.name == "." || t.name.empty()) return n;
    std::string_view rest = t.name;
    while (true) {
      size_t dot = rest.find('.');
      n.path.push_back(rest.substr(0, dot));
      if (n.path.back().empty()) {
        problems_.add(t.begin, fmt::format("invalid name \"{}\": empty part between dots", t.name));
        break;
      }
      if (dot == std::string_view::npos) break;
      rest.remove_prefix(dot + 1);
    }
    return n;
  }

  bool open(const Token& t, Node n) {
    if (stack_.size() >= static_cast<size_t>(kMaxNesting)) {
      problems_.add(t.begin, fmt::format("sections nested deeper than {} levels", kMaxNesting));
      return false;
    }
    children().push_back(std::move(n));
    stack_.push_back({&children().back(), &t});
    return true;
  }

  /// A tag's name as written: a dynamic name with its `*` (`{{<*a}}` is closed by `{{/*a}}`).
  static std::string written(const Token& t) {
    return t.dynamic ? "*" + std::string(t.name) : std::string(t.name);
  }

  static bool matches(const Open& open, const Token& close) {
    return open.token->name == close.name && open.token->dynamic == close.dynamic;
  }

  void close(const Token& t) {
    auto it =
        std::find_if(stack_.rbegin(), stack_.rend(), [&](const Open& o) { return matches(o, t); });
    if (stack_.empty()) {
      problems_.add(t.begin, fmt::format("unopened section \"{}\"", written(t)));
    } else if (it == stack_.rend()) {
      problems_.add(t.begin, fmt::format("mismatched close: expected \"{}\", got \"{}\"",
                                         written(*stack_.back().token), written(t)));
    } else {
      size_t keep = static_cast<size_t>(stack_.rend() - it) - 1;
      while (stack_.size() > keep + 1) {
        unclosed(stack_.back(), t.begin);
        finish(stack_.back(), t);
        stack_.pop_back();
      }
      finish(stack_.back(), t);
      stack_.pop_back();
    }
  }

  void unclosed(const Open& open, size_t at) {
    problems_.add(at, fmt::format("unclosed {} \"{}\" (opened at {})", kind_name(open.node->kind),
                                  written(*open.token), problems_.where(open.token->begin)));
  }

  void finish(const Open& open, const Token& close) {
    Node& n = *open.node;
    if (n.kind == Node::Kind::parent) {
      // A parent's content other than blocks is ignored; its blocks are the arguments.
      std::erase_if(n.children, [](const Node& c) { return c.kind != Node::Kind::block; });
    }
    if (n.kind == Node::Kind::block && n.standalone && !n.inline_pair) {
      size_t from = text_.find('\n', open.token->end);
      if (from != std::string_view::npos && from < close.begin)
        n.intrinsic = common_indent(text_, from + 1, close.begin);
    }
  }

  std::string_view text_;
  Problems& problems_;
  std::vector<Node> root_;
  std::vector<Open> stack_;
};

void strip_prefix(std::string_view& s, std::string_view prefix) {
  s.remove_prefix(common_prefix(s, prefix).size());
}

void dedent(std::vector<Node>& nodes, std::string_view by) {
  for (auto& n : nodes) {
    if (n.kind == Node::Kind::text && n.line_start) strip_prefix(n.text, by);
    if (n.standalone) strip_prefix(n.indent, by);
    if (n.kind == Node::Kind::block) strip_prefix(n.intrinsic, by);
    dedent(n.children, by);
  }
}

/// A block argument's indentation where it is defined is removed; the place it fills adds its own.
void dedent_arguments(std::vector<Node>& nodes) {
  for (auto& n : nodes) {
    if (n.kind == Node::Kind::parent) {
      for (auto& arg : n.children)
        if (arg.standalone && !arg.inline_pair && !arg.intrinsic.empty())
          dedent(arg.children, arg.intrinsic);
    }
    dedent_arguments(n.children);
  }
}

}  // namespace

void compile_template(Template& tmpl, Diagnostics& diagnostics) {
  std::string_view text = tmpl.text();
  size_t nul = text.find('\0'), invalid = invalid_utf8_offset(text);
  if (nul != std::string_view::npos || invalid != std::string_view::npos) {
    size_t at = std::min(nul, invalid);
    diagnostics.add(tmpl.diagnostic(
        at, at == nul ? "binary data (a NUL byte): a template must be UTF-8 text"
                      : fmt::format("invalid UTF-8 (byte 0x{:02X}): a template must be UTF-8",
                                    static_cast<unsigned char>(text[at]))));
    return;
  }
  Problems problems(tmpl);
  std::vector<Token> tokens = Scanner(text, problems).scan();
  mark_lines(tokens);
  tmpl.nodes() = TreeBuilder(text, problems).build(tokens);
  dedent_arguments(tmpl.nodes());
  problems.move_to(diagnostics);
}

}  // namespace commplan::tmpl
