// Rendering: walks the compiled tree over the JSON data, keeping a stack of `const json*`.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>
#include <utility>

#include "template/library.hpp"

namespace commplan::tmpl {

namespace {

using nlohmann::json;

/// Falsy: false, null, 0, "", [] (commplan's choice, as in JavaScript, for the values the spec
/// leaves open: the spec tests only false, null and []). Objects are truthy even when empty.
bool truthy(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
    case json::value_t::discarded:
      return false;
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::number_integer:
      return v.get<json::number_integer_t>() != 0;
    case json::value_t::number_unsigned:
      return v.get<json::number_unsigned_t>() != 0;
    case json::value_t::number_float:
      return v.get<json::number_float_t>() != 0.0;
    case json::value_t::string:
      return !v.get_ref<const std::string&>().empty();
    case json::value_t::array:
      return !v.empty();
    default:
      return true;
  }
}

/// The member `key` of an object, or item `key` (all digits) of an array.
const json* child(const json& v, std::string_view key) {
  if (v.is_object()) {
    auto it = v.find(key);
    return it == v.end() ? nullptr : &*it;
  }
  if (!v.is_array() || key.empty() || key.size() > 9) return nullptr;
  size_t index = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), index);
  if (error != std::errc() || end != key.data() + key.size() || index >= v.size()) return nullptr;
  return &v[index];
}

template <typename Number>
void append_number(std::string& out, Number n) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, result.ptr);
}

/// Sections, blocks and partials rendered inside one another, all templates together.
constexpr int kMaxLevels = 1000;

/// A parent tag whose block arguments are in force, and the template they belong to.
struct Frame {
  const Node* parent;
  const Template* owner;
};

class Renderer {
 public:
  Renderer(Library& library, const RenderOptions& options, std::string& out)
      : library_(library), options_(options), out_(out) {
    for (const LazyList& list : options.lazy_lists) lazy_.emplace(list.placeholder, &list);
  }

  void run(const Template& tmpl, const json& data) {
    stack_.push_back(&data);
    render(tmpl, tmpl.nodes());
    if (missing_.has_errors()) throw StrictFailure(std::move(missing_));
  }

 private:
  void render(const Template& t, const std::vector<Node>& nodes) {
    for (const auto& n : nodes) render(t, n);
  }

  void render(const Template& t, const Node& n) {
    if (n.line_start) emit_indent();
    switch (n.kind) {
      case Node::Kind::text:
        out_.append(n.text);
        return;
      case Node::Kind::variable:
        return interpolate(t, n);
      case Node::Kind::section:
        return section(t, n);
      case Node::Kind::inverted:
        if (const json* v = lookup(n.path); v == nullptr || !is_truthy(v))
          deeper(t, n, t, n.children);
        return;
      case Node::Kind::partial:
        return include(t, n, false);
      case Node::Kind::parent:
        return include(t, n, true);
      case Node::Kind::block:
        return block(t, n);
    }
  }

  /// The indentation of the enclosing standalone partials, once at the start of a line.
  void emit_indent() {
    if (indent_.empty() || out_.size() == indent_done_at_) return;
    out_.append(indent_);
    indent_done_at_ = out_.size();
  }

  /// The value `path` names; a lazy list is returned as its placeholder (see whole()).
  const json* lookup(const std::vector<std::string_view>& path) {
    if (path.empty()) return stack_.back();
    const json* v = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend() && v == nullptr; ++it)
      if ((*it)->is_object()) v = child(**it, path.front());
    for (size_t i = 1; i < path.size() && v != nullptr; ++i) v = child(*whole(v), path[i]);
    return v;
  }

  /// The lazy list whose placeholder `v` is, or nullptr.
  const LazyList* lazy(const json* v) const {
    if (lazy_.empty()) return nullptr;
    auto it = lazy_.find(v);
    return it == lazy_.end() ? nullptr : it->second;
  }

  /// `v` itself, or for a lazy list's placeholder the whole list, made on first use.
  const json* whole(const json* v) {
    const LazyList* list = lazy(v);
    if (list == nullptr) return v;
    auto [it, added] = made_.try_emplace(v, json::array());
    if (added)
      for (size_t i = 0; i < list->size; ++i) list->fill(i, it->second.emplace_back());
    return &it->second;
  }

  /// A copy of `v` with every lazy list in it made.
  json expanded(const json& v) {
    if (lazy(&v) != nullptr) return *whole(&v);
    if (v.is_object()) {
      json out = json::object();
      for (auto it = v.begin(); it != v.end(); ++it) out[it.key()] = expanded(*it);
      return out;
    }
    if (v.is_array()) {
      json out = json::array();
      for (const json& item : v) out.push_back(expanded(item));
      return out;
    }
    return v;
  }

  bool is_truthy(const json* v) const {
    const LazyList* list = lazy(v);
    return list != nullptr ? list->size > 0 : truthy(*v);
  }

  void interpolate(const Template& t, const Node& n) {
    const json* v = lookup(n.path);
    if (v == nullptr) return missing(t, n);
    v = whole(v);
    Escape escape = n.raw ? Escape::none : options_.escape;
    switch (v->type()) {
      case json::value_t::string:
        return append_escaped(out_, v->get_ref<const std::string&>(), escape);
      case json::value_t::null:
        return;
      case json::value_t::boolean:
        out_.append(v->get<bool>() ? "true" : "false");
        return;
      case json::value_t::number_integer:
        return append_number(out_, v->get<json::number_integer_t>());
      case json::value_t::number_unsigned:
        return append_number(out_, v->get<json::number_unsigned_t>());
      case json::value_t::number_float:  // as JSON writes them (1.21, not 1.2100000000000002)
        return append_escaped(out_, v->dump(), escape);
      default:  // lists and objects as JSON, lazy lists inside them made
        return append_escaped(out_, lazy_.empty() ? v->dump() : expanded(*v).dump(), escape);
    }
  }

  void missing(const Template& t, const Node& n) {
    if (!options_.strict || !reported_.emplace(&t, n.offset).second) return;
    missing_.add(t.diagnostic(n.offset, fmt::format("missing variable \"{}\"", n.text)));
  }

  void section(const Template& t, const Node& n) {
    const json* v = lookup(n.path);
    if (v == nullptr) return;
    if (const LazyList* list = lazy(v)) {
      json item;  // one a walk, so a walk of the same list inside this one has its own
      for (size_t i = 0; i < list->size; ++i) {
        count_expansion(t, n);
        list->fill(i, item);
        nested(t, n, &item);
        check_output(t);
      }
      return;
    }
    if (!truthy(*v)) return;
    if (!v->is_array()) return nested(t, n, v);
    for (const auto& item : *v) {
      count_expansion(t, n);
      nested(t, n, &item);
      check_output(t);
    }
  }

  void nested(const Template& t, const Node& n, const json* context) {
    stack_.push_back(context);
    deeper(t, n, t, n.children);
    stack_.pop_back();
  }

  void include(const Template& t, const Node& n, bool is_parent) {
    const Template* target = n.dynamic ? dynamic_target(t, n) : n.target;
    if (target == nullptr) return;
    enter(t, n);
    std::string saved = std::exchange(indent_, n.standalone ? indent_ + std::string(n.indent) : "");
    if (is_parent) frames_.push_back({&n, &t});
    deeper(t, n, *target, target->nodes());
    if (is_parent) frames_.pop_back();
    indent_ = std::move(saved);
    --depth_;
  }

  /// The partial a dynamic name `{{>*name}}` names in the data, or nullptr.
  const Template* dynamic_target(const Template& t, const Node& n) {
    const json* v = lookup(n.path);
    if (v == nullptr) missing(t, n);
    if (v == nullptr || !v->is_string()) return nullptr;
    const auto& name = v->get_ref<const std::string&>();
    const char* kind = n.kind == Node::Kind::parent ? "parent" : "partial";
    if (std::string problem = check_name(name); !problem.empty())
      fail(t, n,
           fmt::format("invalid {} name \"{}\" (from \"{}\"): {}", kind, name, n.text, problem));
    std::string refused;
    const Template* target = library_.lookup(name, &refused);
    if (!refused.empty()) fail(t, n, fmt::format("invalid {} \"{}\": {}", kind, name, refused));
    if (target == nullptr && !library_.missing_partials_empty())
      fail(t, n, library_.unknown_message(kind, name));
    if (target == nullptr) library_.warn_missing(t, n.offset, kind, name);
    return target;
  }

  /// A block: the innermost-defined argument for it from the outermost parent, else its content.
  void block(const Template& t, const Node& n) {
    if (n.inline_pair) {
      out_.append(n.indent);
      if (!indent_.empty() || !n.indent.empty()) indent_done_at_ = out_.size();
    }
    auto [argument, owner] = find_argument(n.text);
    if (argument == nullptr) return deeper(t, n, t, n.children);
    enter(t, n);
    std::string_view own = n.standalone ? (n.indent.empty() ? n.intrinsic : n.indent) : "";
    std::string saved = std::exchange(indent_, indent_ + std::string(own));
    deeper(t, n, *owner, argument->children);
    indent_ = std::move(saved);
    --depth_;
  }

  /// Renders `nodes` of `owner` one level deeper than `n` of `t`; the levels are limited so
  /// that no template, however nested, can exhaust the stack.
  void deeper(const Template& t, const Node& n, const Template& owner,
              const std::vector<Node>& nodes) {
    if (++nesting_ > kMaxLevels)
      fail(t, n, fmt::format("sections and partials nested deeper than {} levels", kMaxLevels));
    render(owner, nodes);
    --nesting_;
  }

  /// The argument for block `name` given by the outermost parent that has one.
  std::pair<const Node*, const Template*> find_argument(std::string_view name) const {
    for (const auto& frame : frames_) {
      const auto& args = frame.parent->children;
      auto it =
          std::find_if(args.rbegin(), args.rend(), [&](const Node& a) { return a.text == name; });
      if (it != args.rend()) return {&*it, frame.owner};
    }
    return {nullptr, nullptr};
  }

  void enter(const Template& t, const Node& n) {
    if (++depth_ > options_.max_depth)
      fail(t, n,
           fmt::format("partials nested deeper than {} levels: does \"{}\" include itself?",
                       options_.max_depth, n.text));
    count_expansion(t, n);
    check_output(t);
  }

  /// Counts a partial, parent, block or section item: loops in loops end, even without output.
  void count_expansion(const Template& t, const Node& n) {
    if (++expansions_ > options_.max_expansions)
      fail(t, n,
           fmt::format("more than {} sections and partials expanded: the output would be too large",
                       options_.max_expansions));
  }

  void check_output(const Template& t) const {
    if (out_.size() > options_.max_output)
      throw Error(Error::Kind::invalid_input, t.name(),
                  fmt::format("output larger than {} MiB (the limit)", options_.max_output >> 20));
  }

  [[noreturn]] static void fail(const Template& t, const Node& n, std::string message) {
    Diagnostics d;
    d.add(t.diagnostic(n.offset, std::move(message)));
    throw Error(Error::Kind::invalid_input, std::move(d));
  }

  Library& library_;
  const RenderOptions& options_;
  std::string& out_;
  std::vector<const json*> stack_;
  std::vector<Frame> frames_;
  std::string indent_;
  size_t indent_done_at_ = std::string::npos;
  int depth_ = 0;
  int nesting_ = 0;
  size_t expansions_ = 0;
  Diagnostics missing_;
  std::set<std::pair<const Template*, size_t>> reported_;
  std::unordered_map<const json*, const LazyList*> lazy_;
  std::unordered_map<const json*, json> made_;
};

}  // namespace

void Library::render_to(std::string& out, const Template& tmpl, const json& data,
                        const RenderOptions& options) {
  Renderer(*this, options, out).run(tmpl, data);
}

std::string Library::render(const Template& tmpl, const json& data, const RenderOptions& options) {
  std::string out;
  render_to(out, tmpl, data, options);
  return out;
}

}  // namespace commplan::tmpl
