#pragma once
// The template engine: Mustache templates found by name (in-memory, directories, built-ins),
// compiled once together with every partial they name, and rendered on JSON data.
//
//   tmpl::Library library({"my-templates"});          // then the built-ins
//   const tmpl::Template& t = library.get("kickoff/en");  // or library.compile(file, text)
//   std::string md = library.render(t, data, {.escape = tmpl::Escape::markdown});

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "load/document.hpp"
#include "template/builtin.hpp"
#include "template/escape.hpp"
#include "template/template.hpp"
#include "util/diagnostic.hpp"

namespace commplan::tmpl {

/// A list that the data holds only as a placeholder (an empty array somewhere in it) and that
/// is made one item at a time as a section walks it, each item written over the previous one:
/// a view that lists 10,000 findings never holds them all. Whatever else reads the placeholder
/// (a dotted name through it, an interpolation) sees the whole list, made once on first use.
struct LazyList {
  const nlohmann::json* placeholder = nullptr;  ///< where in the data it stands: an empty array
  size_t size = 0;
  /// Writes item `index` into `item`, which holds null or an earlier item of this list (whose
  /// storage the writer may reuse).
  std::function<void(size_t index, nlohmann::json& item)> fill;
};

/// How one render behaves.
struct RenderOptions {
  Escape escape = Escape::html;
  /// A variable `{{name}}` missing from the data is an error (StrictFailure). Sections test
  /// for presence by design, so `{{#name}}` and `{{^name}}` on a missing name are not.
  bool strict = false;
  int max_depth = 100;                 ///< partials, parents and blocks expanded inside each other
  size_t max_output = 256u << 20;      ///< bytes of output
  size_t max_expansions = 10'000'000;  ///< partials, parents, blocks and section items in all
  std::span<const LazyList> lazy_lists = {};  ///< lists made as they are read (see LazyList)
  /// Takes the output rendered so far, and empties it, each time it reaches `drain_at` bytes:
  /// a large page goes on to where it is written in pieces instead of being held whole (32 KiB,
  /// as Spool::kSpillAt).
  std::function<void(std::string& out)> drain = {};
  size_t drain_at = 32u << 10;
};

/// Thrown by a strict render: every missing variable, each once, at its place in a template.
class StrictFailure : public Error {
 public:
  explicit StrictFailure(Diagnostics diagnostics)
      : Error(Kind::invalid_input, std::move(diagnostics)) {}
};

/// A template's text and where it was found.
struct Source {
  std::string name;    ///< the name it was looked up by
  std::string origin;  ///< its file, or `<built-in>/NAME.mustache`
  std::string text;
};

/// What is wrong with `name` as a template or partial name, or "" when nothing is. A name is a
/// relative path below a template directory ("partials/finding"), without "." or ".." parts,
/// so no name reaches outside the template directories.
std::string check_name(std::string_view name);

/// Names starting so are looked up among the built-ins only: a template in a templates folder
/// can extend the built-in of its own name (`{{<builtin/kickoff.en.md}}`).
inline constexpr std::string_view kBuiltinPrefix = "builtin/";

/// Templates by name: added texts, then each directory in order, then the built-ins. A name
/// "x/y" is the file "x/y.mustache" below a directory (or "x/y" itself if it ends so). A file
/// that resolves (through symbolic links) outside every directory is refused.
class Library {
 public:
  /// Throws Error(io) when one of `dirs` is not a directory.
  explicit Library(std::vector<std::string> dirs = {},
                   const std::vector<builtin::Template>* builtins = &builtin::templates());
  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  /// Adds a template by name, ahead of directories and built-ins. Add before compiling.
  void add(std::string name, std::string text);
  /// Unknown partials render as empty text, as the Mustache spec has it, each warned about
  /// once in warnings(), instead of being errors (commplan's choice: a typo in a partial name
  /// should not pass silently).
  void set_missing_partials_empty(bool empty) { missing_partials_empty_ = empty; }
  bool missing_partials_empty() const { return missing_partials_empty_; }
  const std::vector<std::string>& dirs() const { return dirs_; }
  /// The warnings of every compile and render so far (unknown partials rendered as empty text).
  const Diagnostics& warnings() const { return warnings_; }
  /// Adds a warning that the partial `name` named at `offset` of `tmpl` renders as empty text,
  /// once per place and name.
  void warn_missing(const Template& tmpl, size_t offset, std::string_view kind,
                    std::string_view name);

  /// The source of `name`, or nullopt. Throws Error(io) when a file exists but cannot be read,
  /// and Error(usage) naming it when its file resolves outside every directory.
  std::optional<Source> find(std::string_view name) const;
  /// Every template visible by name, each from the first place that has it, sorted by name.
  std::vector<Source> list() const;

  /// The compiled template `name` with its partials. Throws Error(usage) for an unknown
  /// name and Error(invalid_input) with every syntax error of it and its partials.
  const Template& get(std::string_view name);
  /// Like get(), but nullptr for an unknown (or invalid) name. A name whose file resolves
  /// outside every directory throws as find() does, or, with `refused` given, returns nullptr
  /// and sets `refused` to why.
  const Template* lookup(std::string_view name, std::string* refused = nullptr);
  /// Compiles `text`, shown in messages as `file`, with its partials from this library.
  const Template& compile(std::string file, std::string text);

  /// Renders `tmpl` on `data`. Throws Error(invalid_input) located in the template (unknown
  /// dynamic partial, nesting too deep, output too large) and StrictFailure.
  std::string render(const Template& tmpl, const nlohmann::json& data,
                     const RenderOptions& options = {});
  /// Like render(), appending to `out`.
  void render_to(std::string& out, const Template& tmpl, const nlohmann::json& data,
                 const RenderOptions& options = {});
  /// Renders on a loaded document's tree, giving the bytes render() gives on to_json(data),
  /// without that copy (`commplan render --data`). Lazy lists stand only in JSON data.
  std::string render(const Template& tmpl, const commplan::Node& data,
                     const RenderOptions& options = {});
  void render_to(std::string& out, const Template& tmpl, const commplan::Node& data,
                 const RenderOptions& options = {});

  /// `unknown partial "name"`, with the closest known name when there is one.
  std::string unknown_message(std::string_view kind, std::string_view name) const;

 private:
  std::optional<Source> find_builtin(std::string_view name) const;
  /// find() without throwing for a file outside the directories: `refused` says why instead.
  std::optional<Source> locate(std::string_view name, std::string& refused) const;
  /// Why the file `path` may not be used, or "" when it resolves inside one of the directories.
  std::string outside_roots(const std::filesystem::path& path) const;
  const Template& build(std::unique_ptr<Template> tmpl, const std::string* cache_name);
  void resolve(Template& root, Diagnostics& diagnostics, std::vector<std::string>& created);

  std::vector<std::string> dirs_;
  std::vector<std::filesystem::path> roots_;  // dirs_ with every symbolic link resolved
  const std::vector<builtin::Template>* builtins_;
  std::map<std::string, std::string, std::less<>> added_;
  std::map<std::string, std::unique_ptr<Template>, std::less<>> cache_;
  std::vector<std::unique_ptr<Template>> mains_;
  bool missing_partials_empty_ = false;
  Diagnostics warnings_;
  std::set<std::tuple<std::string, size_t, std::string>> warned_;  // template, offset, name
};

/// Where a command's template comes from (the contract's lookup layers).
struct Layers {
  std::string template_file;  ///< --template: used instead of the named template
  std::string templates_dir;  ///< --templates-dir or COMMPLAN_TEMPLATES_DIR: overrides built-ins
};

/// Renders template `name` on `data`: `layers.template_file` if given, else `name` from
/// `layers.templates_dir`, else the built-in. Partials are looked up in the template file's
/// folder, then the templates folder, then the built-ins.
std::string render_layered(const Layers& layers, std::string_view name, const nlohmann::json& data,
                           const RenderOptions& options);

}  // namespace commplan::tmpl
