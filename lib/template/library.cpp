#include "template/library.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "util/read.hpp"
#include "util/text.hpp"

namespace commplan::tmpl {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSuffix = ".mustache";

bool ends_with_suffix(std::string_view name) {
  return name.size() > kSuffix.size() && name.substr(name.size() - kSuffix.size()) == kSuffix;
}

std::string without_suffix(std::string_view name) {
  return std::string(ends_with_suffix(name) ? name.substr(0, name.size() - kSuffix.size()) : name);
}

bool is_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

/// `path` with every symbolic link resolved; empty when it cannot be resolved.
fs::path real_path(const fs::path& path) {
  std::error_code error;
  fs::path real = fs::canonical(path, error);
  return error ? fs::path() : real;
}

/// Whether the resolved `path` lies below one of the resolved `roots`.
bool inside(const std::vector<fs::path>& roots, const fs::path& path) {
  return std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) {
    auto [root_end, path_end] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return root_end == root.end() && path_end != path.end();
  });
}

/// Every *.mustache file below `dir` that resolves inside `roots`, by name.
void list_dir(const std::string& dir, const std::vector<fs::path>& roots,
              std::map<std::string, std::string>& found) {
  std::error_code error;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error) || it->path().extension() != kSuffix) continue;
    // Named by where it stands, not where a link leads (fs::relative would follow links).
    std::string name = without_suffix(it->path().lexically_relative(dir).generic_string());
    if (check_name(name).empty() && inside(roots, real_path(it->path())))
      found.emplace(name, it->path().string());
  }
}

/// `invalid partial "name": why`, the message for a name whose file may not be used.
std::string refusal(std::string_view kind, std::string_view name, std::string_view why) {
  return fmt::format("invalid {} \"{}\": {}", kind, name, why);
}

/// The diagnostics file by file (in order of first mention), each file's by place.
Diagnostics by_place(const Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& d : diagnostics.items())
    if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
  auto rank = [&](const Diagnostic& d) {
    return std::pair(std::find(files.begin(), files.end(), d.file) - files.begin(), d.mark.offset);
  };
  std::vector<Diagnostic> items = diagnostics.items();
  std::stable_sort(items.begin(), items.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  Diagnostics out;
  for (auto& d : items) out.add(std::move(d));
  return out;
}

}  // namespace

std::string check_name(std::string_view name) {
  if (name.empty()) return "a name cannot be empty";
  if (name.front() == '/') return "absolute paths are not allowed";
  if (std::any_of(name.begin(), name.end(),
                  [](char c) { return c == '\\' || static_cast<unsigned char>(c) < 0x20; }))
    return "backslashes and control characters are not allowed";
  size_t begin = 0;
  while (begin <= name.size()) {
    size_t slash = std::min(name.find('/', begin), name.size());
    std::string_view part = name.substr(begin, slash - begin);
    if (part == "..") return "\"..\" would reach outside the template directories";
    if (part.empty() || part == ".") return "empty and \".\" parts are not allowed";
    begin = slash + 1;
  }
  return {};
}

Library::Library(std::vector<std::string> dirs, const std::vector<builtin::Template>* builtins)
    : dirs_(std::move(dirs)), builtins_(builtins) {
  for (const auto& dir : dirs_) {
    std::error_code error;
    fs::file_status status = fs::status(dir, error);
    if (!fs::exists(status))  // "No such file or directory", as a file that cannot be read says
      throw Error(Error::Kind::io, dir, "cannot read templates: " + error.message());
    if (!fs::is_directory(status))
      throw Error(Error::Kind::io, dir, "cannot read templates: not a directory");
    fs::path root = real_path(dir);
    if (root.empty()) throw Error(Error::Kind::io, dir, "cannot read templates: cannot resolve");
    roots_.push_back(std::move(root));
  }
}

Library::~Library() = default;

void Library::add(std::string name, std::string text) {
  added_.insert_or_assign(std::move(name), std::move(text));
}

void Library::warn_missing(const Template& tmpl, size_t offset, std::string_view kind,
                           std::string_view name) {
  if (!warned_.emplace(tmpl.name(), offset, std::string(name)).second) return;
  Diagnostic d =
      tmpl.diagnostic(offset, unknown_message(kind, name) + "; it renders as empty text");
  d.level = Level::warning;
  warnings_.add(std::move(d));
}

std::optional<Source> Library::find(std::string_view name) const {
  std::string refused;
  std::optional<Source> source = locate(name, refused);
  if (!refused.empty()) throw Error(Error::Kind::usage, "", refusal("template", name, refused));
  return source;
}

std::string Library::outside_roots(const fs::path& path) const {
  fs::path real = real_path(path);
  if (real.empty()) return fmt::format("{} cannot be resolved", path.string());
  if (inside(roots_, real)) return {};
  return fmt::format("{} resolves to {}, outside the template directories", path.string(),
                     real.string());
}

std::optional<Source> Library::locate(std::string_view name, std::string& refused) const {
  if (!check_name(name).empty()) return std::nullopt;
  if (name.starts_with(kBuiltinPrefix)) return find_builtin(name.substr(kBuiltinPrefix.size()));
  if (auto it = added_.find(name); it != added_.end())
    return Source{std::string(name), std::string(name), it->second};
  for (const auto& dir : dirs_) {
    fs::path path = fs::path(dir) / (std::string(name) + std::string(kSuffix));
    if (!is_file(path) && ends_with_suffix(name)) path = fs::path(dir) / name;
    if (!is_file(path)) continue;
    refused = outside_roots(path);
    if (!refused.empty()) return std::nullopt;
    return Source{std::string(name), path.string(), read_file(path)};
  }
  return find_builtin(name);
}

std::optional<Source> Library::find_builtin(std::string_view name) const {
  if (builtins_ == nullptr) return std::nullopt;
  std::string bare = without_suffix(name);
  for (const auto& t : *builtins_)
    if (t.name == bare)
      return Source{std::string(name), fmt::format("<built-in>/{}{}", bare, kSuffix),
                    std::string(t.text)};
  return std::nullopt;
}

std::vector<Source> Library::list() const {
  std::map<std::string, std::string> found;
  for (const auto& [name, text] : added_) found.emplace(name, name);
  for (const auto& dir : dirs_) list_dir(dir, roots_, found);
  if (builtins_ != nullptr)
    for (const auto& t : *builtins_)
      found.emplace(std::string(t.name), fmt::format("<built-in>/{}{}", t.name, kSuffix));
  std::vector<Source> out;
  for (auto& [name, origin] : found) out.push_back({name, origin, {}});
  return out;
}

std::string Library::unknown_message(std::string_view kind, std::string_view name) const {
  std::vector<std::string> names;
  for (auto& source : list()) names.push_back(std::move(source.name));
  std::string closest = closest_name(without_suffix(name), names);
  std::string message = fmt::format("unknown {} \"{}\"", kind, name);
  if (!closest.empty()) return message + fmt::format(" (did you mean \"{}\"?)", closest);
  std::vector<std::string> places = dirs_;
  if (builtins_ != nullptr) places.push_back("the built-ins");
  if (places.empty()) return message;
  return message +
         fmt::format(": no {}{} in {}", without_suffix(name), kSuffix, join(places, ", "));
}

const Template& Library::get(std::string_view name) {
  if (const Template* t = lookup(name)) return *t;
  std::string problem = check_name(name);
  throw Error(Error::Kind::usage, "",
              problem.empty() ? unknown_message("template", name)
                              : fmt::format("invalid template name \"{}\": {}", name, problem));
}

const Template* Library::lookup(std::string_view name, std::string* refused) {
  if (auto it = cache_.find(name); it != cache_.end()) return it->second.get();
  std::string why;
  std::optional<Source> source = locate(name, why);
  if (!why.empty() && refused == nullptr)
    throw Error(Error::Kind::usage, "", refusal("template", name, why));
  if (!why.empty()) *refused = std::move(why);
  if (!source) return nullptr;
  std::string key(name);
  return &build(std::make_unique<Template>(source->origin, std::move(source->text)), &key);
}

const Template& Library::compile(std::string file, std::string text) {
  return build(std::make_unique<Template>(std::move(file), std::move(text)), nullptr);
}

const Template& Library::build(std::unique_ptr<Template> tmpl, const std::string* cache_name) {
  Diagnostics diagnostics;
  std::vector<std::string> created;
  Template* root = tmpl.get();
  if (cache_name != nullptr) {
    cache_.insert_or_assign(*cache_name, std::move(tmpl));
    created.push_back(*cache_name);
  } else {
    mains_.push_back(std::move(tmpl));
  }
  compile_template(*root, diagnostics);
  resolve(*root, diagnostics, created);
  if (diagnostics.has_errors()) {
    for (const auto& name : created) cache_.erase(name);
    if (cache_name == nullptr) mains_.pop_back();
    throw Error(Error::Kind::invalid_input, by_place(diagnostics));
  }
  return *root;
}

void Library::resolve(Template& root, Diagnostics& diagnostics, std::vector<std::string>& created) {
  std::vector<Template*> queue{&root};
  while (!queue.empty()) {
    Template* t = queue.back();
    queue.pop_back();
    for_each_reference(t->nodes(), [&](Node& node) {
      if (node.dynamic) return;
      const char* kind = node.kind == Node::Kind::parent ? "parent" : "partial";
      if (std::string problem = check_name(node.text); !problem.empty()) {
        diagnostics.add(t->diagnostic(
            node.offset, fmt::format("invalid {} name \"{}\": {}", kind, node.text, problem)));
      } else if (auto it = cache_.find(node.text); it != cache_.end()) {
        node.target = it->second.get();
      } else if (std::string why; std::optional<Source> source = locate(node.text, why)) {
        auto& slot = cache_[std::string(node.text)];
        slot = std::make_unique<Template>(source->origin, std::move(source->text));
        created.emplace_back(node.text);
        compile_template(*slot, diagnostics);
        node.target = slot.get();
        queue.push_back(slot.get());
      } else if (!why.empty()) {
        diagnostics.add(t->diagnostic(node.offset, refusal(kind, node.text, why)));
      } else if (!missing_partials_empty_) {
        diagnostics.add(t->diagnostic(node.offset, unknown_message(kind, node.text)));
      } else {
        warn_missing(*t, node.offset, kind, node.text);
      }
    });
  }
}

std::string render_layered(const Layers& layers, std::string_view name, const nlohmann::json& data,
                           const RenderOptions& options) {
  std::vector<std::string> dirs;
  if (!layers.template_file.empty()) {
    std::string folder = fs::path(layers.template_file).parent_path().string();
    dirs.push_back(folder.empty() ? "." : folder);
  }
  if (!layers.templates_dir.empty()) dirs.push_back(layers.templates_dir);
  Library library(std::move(dirs));
  const Template& tmpl =
      layers.template_file.empty()
          ? library.get(name)
          : library.compile(layers.template_file, read_file(layers.template_file));
  return library.render(tmpl, data, options);
}

}  // namespace commplan::tmpl
