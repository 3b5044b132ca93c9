// Rendering: walks the compiled tree over the data, keeping a stack of pointers into it. The
// data is JSON (what the views build) or a loaded document's tree (`commplan render --data`,
// read without a copy into JSON); the two are read alike through JsonData and TreeData.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "load/document.hpp"
#include "template/library.hpp"

namespace commplan::tmpl {

namespace {

using nlohmann::json;
using Tree = commplan::Node;  // a loaded document's node (tmpl::Node is a template's)

/// The array index `key` names (all digits, below `size`), or nullopt.
std::optional<size_t> index_of(std::string_view key, size_t size) {
  if (key.empty() || key.size() > 9) return std::nullopt;
  size_t index = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), index);
  if (error != std::errc() || end != key.data() + key.size() || index >= size) return std::nullopt;
  return index;
}

template <typename Number>
void append_number(std::string& out, Number n) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, result.ptr);
}

/// JSON data, as the views build it.
struct JsonData {
  using Value = json;

  static bool is_object(const json& v) { return v.is_object(); }
  static bool is_array(const json& v) { return v.is_array(); }
  static const json::array_t& items(const json& v) { return v.get_ref<const json::array_t&>(); }

  /// Falsy: false, null, 0, "", [] (commplan's choice, as in JavaScript, for the values the
  /// spec leaves open: the spec tests only false, null and []). Objects are truthy even when
  /// empty.
  static bool truthy(const json& v) {
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
  static const json* child(const json& v, std::string_view key) {
    if (v.is_object()) {
      auto it = v.find(key);
      return it == v.end() ? nullptr : &*it;
    }
    if (!v.is_array()) return nullptr;
    auto index = index_of(key, v.size());
    return index ? &v[*index] : nullptr;
  }

  /// A string's text, or nullopt for any other value.
  static std::optional<std::string_view> string(const json& v) {
    if (!v.is_string()) return std::nullopt;
    return v.get_ref<const std::string&>();
  }

  static void interpolate(std::string& out, const json& v, Escape escape) {
    switch (v.type()) {
      case json::value_t::string:
        return append_escaped(out, v.get_ref<const std::string&>(), escape);
      case json::value_t::null:
        return;
      case json::value_t::boolean:
        out.append(v.get<bool>() ? "true" : "false");
        return;
      case json::value_t::number_integer:
        return append_number(out, v.get<json::number_integer_t>());
      case json::value_t::number_unsigned:
        return append_number(out, v.get<json::number_unsigned_t>());
      case json::value_t::number_float:  // as JSON writes them (1.21, not 1.2100000000000002)
      default:                           // lists and objects as JSON
        return append_escaped(out, v.dump(), escape);
    }
  }
};

/// A loaded document's tree, read as to_json() would convert it (load/document.hpp): a plain
/// scalar is typed by YAML's core schema, a quoted one is a string, a mapping is an object.
/// So `render --data` gives the bytes it would give on the converted JSON, without the copy.
class TreeData {
 public:
  using Value = Tree;

  static bool is_object(const Tree& v) { return v.is_mapping(); }
  static bool is_array(const Tree& v) { return v.is_sequence(); }
  static std::span<const Tree> items(const Tree& v) { return v.items(); }

  static bool truthy(const Tree& v) {
    switch (v.kind()) {
      case Tree::Kind::null:
        return false;
      case Tree::Kind::sequence:
        return !v.items().empty();
      case Tree::Kind::mapping:
        return true;
      case Tree::Kind::scalar:
        break;
    }
    return is_text(v) ? !v.text().empty() : JsonData::truthy(to_json(v));
  }

  /// As JsonData::child(). A mapping is searched in order while it is short; past that it is
  /// indexed once, so a section over many items each looking up a large mapping's keys stays
  /// linear. Its keys are unique (the parsers report duplicates).
  const Tree* child(const Tree& v, std::string_view key) {
    if (v.is_sequence()) {
      auto index = index_of(key, v.items().size());
      return index ? &v.items()[*index] : nullptr;
    }
    auto entries = v.entries();
    if (entries.size() <= kScanned) {
      for (const Entry& entry : entries)
        if (entry.key() == key) return &entry.value;
      return nullptr;
    }
    auto [it, added] = indexes_.try_emplace(&v);
    if (added) {
      it->second.reserve(entries.size());
      for (const Entry& entry : entries) it->second.emplace(entry.key(), &entry.value);
    }
    auto found = it->second.find(key);
    return found == it->second.end() ? nullptr : found->second;
  }

  static std::optional<std::string_view> string(const Tree& v) {
    if (!is_text(v)) return std::nullopt;
    return v.text();
  }

  static void interpolate(std::string& out, const Tree& v, Escape escape) {
    if (is_text(v)) return append_escaped(out, v.text(), escape);
    if (!v.is_null()) JsonData::interpolate(out, to_json(v), escape);
  }

 private:
  static constexpr size_t kScanned = 16;
  std::unordered_map<const Tree*, std::unordered_map<std::string_view, const Tree*>> indexes_;
};

/// Sections, blocks and partials rendered inside one another, all templates together.
constexpr int kMaxLevels = 1000;

/// A parent tag whose block arguments are in force, and the template they belong to.
struct Frame {
  const Node* parent;
  const Template* owner;
};

template <class Data>
class Renderer {
  using Value = typename Data::Value;
  /// Lazy lists stand in JSON data only.
  static constexpr bool kLazy = std::is_same_v<Value, json>;

 public:
  Renderer(Library& library, const RenderOptions& options, std::string& out)
      : library_(library), options_(options), out_(out) {
    if constexpr (kLazy)
      for (const LazyList& list : options.lazy_lists) lazy_.emplace(list.placeholder, &list);
  }

  void run(const Template& tmpl, const Value& data) {
    stack_.push_back(&data);
    render(tmpl, tmpl.nodes());
    if (missing_.has_errors()) throw StrictFailure(std::move(missing_));
  }

 private:
  void render(const Template& t, const std::vector<Node>& nodes) {
    for (const auto& n : nodes) {
      render(t, n);
      if (out_.size() >= options_.drain_at && options_.drain) drain();
    }
  }

  /// Hands what is rendered so far to options_.drain, which empties it.
  void drain() {
    size_t before = out_.size();
    options_.drain(out_);
    drained_ += before - out_.size();
  }

  /// Bytes rendered so far, drained ones included.
  size_t position() const { return drained_ + out_.size(); }

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
        if (const Value* v = lookup(n.path); v == nullptr || !is_truthy(v))
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
    if (indent_.empty() || position() == indent_done_at_) return;
    out_.append(indent_);
    indent_done_at_ = position();
  }

  /// The value `path` names; a lazy list is returned as its placeholder (see whole()).
  const Value* lookup(const std::vector<std::string_view>& path) {
    if (path.empty()) return stack_.back();
    const Value* v = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend() && v == nullptr; ++it)
      if (Data::is_object(**it)) v = data_.child(**it, path.front());
    for (size_t i = 1; i < path.size() && v != nullptr; ++i) v = data_.child(*whole(v), path[i]);
    return v;
  }

  /// The lazy list whose placeholder `v` is, or nullptr.
  const LazyList* lazy(const Value* v) const {
    if constexpr (kLazy) {
      // A placeholder is an empty array: nothing else is looked up.
      if (lazy_.empty() || !v->is_array() || !v->empty()) return nullptr;
      auto it = lazy_.find(v);
      return it == lazy_.end() ? nullptr : it->second;
    }
    return nullptr;
  }

  /// `v` itself, or for a lazy list's placeholder the whole list, made on first use.
  const Value* whole(const Value* v) {
    if constexpr (kLazy) {
      const LazyList* list = lazy(v);
      if (list == nullptr) return v;
      auto [it, added] = made_.try_emplace(v, json::array());
      if (added)
        for (size_t i = 0; i < list->size; ++i) list->fill(i, it->second.emplace_back());
      return &it->second;
    }
    return v;
  }

  /// A copy of `v` with every lazy list in it made.
  json expanded(const json& v) requires kLazy {
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

  bool is_truthy(const Value* v) const {
    const LazyList* list = lazy(v);
    return list != nullptr ? list->size > 0 : Data::truthy(*v);
  }

  void interpolate(const Template& t, const Node& n) {
    const Value* v = lookup(n.path);
    if (v == nullptr) return missing(t, n);
    v = whole(v);
    Escape escape = n.raw ? Escape::none : options_.escape;
    if constexpr (kLazy)  // lists and objects as JSON, lazy lists inside them made
      if (!lazy_.empty() && (v->is_array() || v->is_object()))
        return append_escaped(out_, expanded(*v).dump(), escape);
    Data::interpolate(out_, *v, escape);
  }

  void missing(const Template& t, const Node& n) {
    if (!options_.strict || !reported_.emplace(&t, n.offset).second) return;
    missing_.add(t.diagnostic(n.offset, fmt::format("missing variable \"{}\"", n.text)));
  }

  void section(const Template& t, const Node& n) {
    const Value* v = lookup(n.path);
    if (v == nullptr) return;
    if constexpr (kLazy) {
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
    }
    if (!Data::truthy(*v)) return;
    if (!Data::is_array(*v)) return nested(t, n, v);
    for (const Value& item : Data::items(*v)) {
      count_expansion(t, n);
      nested(t, n, &item);
      check_output(t);
    }
  }

  void nested(const Template& t, const Node& n, const Value* context) {
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
    const Value* v = lookup(n.path);
    if (v == nullptr) missing(t, n);
    std::optional<std::string_view> text;
    if (v != nullptr) text = Data::string(*v);
    if (!text) return nullptr;
    std::string name(*text);
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
      if (!indent_.empty() || !n.indent.empty()) indent_done_at_ = position();
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
    if (position() > options_.max_output)
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
  size_t drained_ = 0;  // bytes handed to options_.drain
  Data data_;
  std::vector<const Value*> stack_;
  std::vector<Frame> frames_;
  std::string indent_;
  size_t indent_done_at_ = std::string::npos;
  int depth_ = 0;
  int nesting_ = 0;
  size_t expansions_ = 0;
  Diagnostics missing_;
  std::set<std::pair<const Template*, size_t>> reported_;
  std::unordered_map<const Value*, const LazyList*> lazy_;
  std::unordered_map<const Value*, json> made_;
};

}  // namespace

void Library::render_to(std::string& out, const Template& tmpl, const json& data,
                        const RenderOptions& options) {
  Renderer<JsonData>(*this, options, out).run(tmpl, data);
}

void Library::render_to(std::string& out, const Template& tmpl, const commplan::Node& data,
                        const RenderOptions& options) {
  Renderer<TreeData>(*this, options, out).run(tmpl, data);
}

std::string Library::render(const Template& tmpl, const json& data, const RenderOptions& options) {
  std::string out;
  render_to(out, tmpl, data, options);
  return out;
}

std::string Library::render(const Template& tmpl, const commplan::Node& data,
                            const RenderOptions& options) {
  std::string out;
  render_to(out, tmpl, data, options);
  return out;
}

}  // namespace commplan::tmpl
