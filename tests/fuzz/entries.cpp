#include "entries.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "import/import.hpp"
#include "load/document.hpp"
#include "load/json_fast.hpp"
#include "load/json_scan.hpp"
#include "load/parse_with.hpp"
#include "model/project.hpp"
#include "output/ics.hpp"
#include "output/markdown.hpp"
#include "output/plan_ics.hpp"
#include "template/library.hpp"
#include "views/five_w2h.hpp"
#include "views/kickoff.hpp"
#include "views/plan.hpp"
#include "views/recap.hpp"

namespace commplan::fuzz {

namespace {

using nlohmann::json;

std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

[[noreturn]] void violated(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "fuzz: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

/// The contract's "one located line per problem": no line break or control character in a
/// headline, and a column wherever there is a line.
void check_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.items()) {
    std::string headline = format_headline(d);
    bool control = std::any_of(headline.begin(), headline.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return (u < 0x20 && c != '\t') || u == 0x7F;
    });
    if (control) violated("a diagnostic with a control character or line break", headline);
    if (d.mark.line < 0 || (d.mark.line > 0 && d.mark.column < 1))
      violated("a diagnostic with an impossible place", headline);
    (void)format_diagnostic(d);
  }
}

int fuzz_document(const std::uint8_t* data, std::size_t size, Format format) {
  Diagnostics diagnostics;
  Document doc = parse_document("fuzz", as_text(data, size), format, diagnostics);
  check_diagnostics(diagnostics);
  if (diagnostics.has_errors()) {
    // A duplicate key is reported with the tree whole (its value left out, the file read on);
    // any other error leaves no tree.
    bool only_duplicate_keys = std::all_of(
        diagnostics.items().begin(), diagnostics.items().end(), [](const Diagnostic& d) {
          return d.level != Level::error || d.message.rfind("duplicate key \"", 0) == 0;
        });
    if (!doc.root.is_null() && !only_duplicate_keys)
      violated("a tree returned with errors other than duplicate keys", "");
    if (doc.root.is_null()) return 0;
  }
  (void)to_json(doc.root).dump();
  (void)to_ordered_json(doc.root).dump(2);
  return 0;
}

std::string mark_text(const Mark& mark) {
  return std::to_string(mark.line) + ":" + std::to_string(mark.column) + "@" +
         std::to_string(mark.offset);
}

std::string difference_at(const std::string& path, const Node& expected, const Node& actual);

std::string children_difference(const std::string& path, const Node& expected, const Node& actual) {
  if (expected.items().size() != actual.items().size() ||
      expected.entries().size() != actual.entries().size())
    return path + ": another number of children";
  for (size_t i = 0; i < expected.items().size(); ++i) {
    std::string at = path + "[" + std::to_string(i) + "]";
    if (auto d = difference_at(at, expected.items()[i], actual.items()[i]); !d.empty()) return d;
  }
  for (size_t i = 0; i < expected.entries().size(); ++i) {
    const commplan::Entry& e = expected.entries()[i];
    const commplan::Entry& a = actual.entries()[i];
    std::string at = path + "." + std::string(e.key());
    if (e.key() != a.key()) return at + ": key \"" + std::string(a.key()) + "\"";
    if (mark_text(e.key_mark()) != mark_text(a.key_mark()))
      return at + ": key mark " + mark_text(e.key_mark()) + " vs " + mark_text(a.key_mark());
    if (auto d = difference_at(at, e.value, a.value); !d.empty()) return d;
  }
  return {};
}

std::string difference_at(const std::string& path, const Node& expected, const Node& actual) {
  if (expected.kind() != actual.kind()) return path + ": another kind";
  if (expected.plain() != actual.plain()) return path + ": plain differs";
  if (expected.text() != actual.text())
    return path + ": text \"" + std::string(expected.text()) + "\" vs \"" +
           std::string(actual.text()) + "\"";
  if (mark_text(expected.mark()) != mark_text(actual.mark()))
    return path + ": mark " + mark_text(expected.mark()) + " vs " + mark_text(actual.mark());
  return children_difference(path, expected, actual);
}

/// The name a format's fast path goes by in a violation's message.
std::string fast_path_name(Format format) {
  return format == Format::json ? "the JSON fast path" : "the YAML fast path";
}

/// Wherever libfyaml reads `text` without an error, a sink on a top-level list is given the
/// same items in order (index, place, content) on both paths, and the rest of the tree is the
/// same: also where the fast path gives up part-way, after which the sink forgets what it gave.
/// JSON with `plugin` is read by the plugin's reader whatever its size.
void check_streaming(const std::string& text, Format format, bool plugin = false) {
  Limits limits;
  if (plugin) limits.json_fast_from = 0;
  for (std::string_view key : {"findings", "a", ""}) {
    std::vector<std::string> given[2];
    std::optional<Document> streamed[2];
    Diagnostics diagnostics[2];
    for (int slow_path : {0, 1}) {
      ItemSink sink{key,
                    [&, slow_path](const Document&, const Node& item, size_t index, bool) {
                      given[slow_path].push_back(std::to_string(index) + " " +
                                                 mark_text(item.mark()) + " " +
                                                 to_json(item).dump());
                    },
                    [&, slow_path] { given[slow_path].clear(); }};
      streamed[slow_path] =
          parse_document_with(slow_path ? Parsers::libfyaml_only : Parsers::fast_then_libfyaml,
                              "fuzz", text, format, diagnostics[slow_path], limits, &sink);
    }
    if (diagnostics[1].has_errors() || !streamed[0] || !streamed[1]) return;
    if (given[0] != given[1])
      violated(fast_path_name(format) + " streams other items than libfyaml", std::string(key));
    if (auto d = tree_difference(streamed[1]->root, streamed[0]->root); !d.empty())
      violated(fast_path_name(format) + " leaves another tree than libfyaml when streaming", d);
  }
}

/// Wherever a fast path reads `text`, libfyaml's path reads it without an error and builds the
/// same tree.
void check_fast_path(const std::string& text, Format format) {
  if (format == Format::json && !json_fast_path_available())  // or every input would pass
    violated("the JSON fast path's plugin cannot be loaded",
             "lib/commplan/" COMMPLAN_JSON_PLUGIN " beside or above the program");
  check_streaming(text, format);
  if (format == Format::json) check_streaming(text, format, true);
  // JSON is also read in pieces of a byte (every value and item a piece of its own), as a
  // large file is read in pieces of Limits::json_piece_bytes, and by the small reader.
  Limits whole, pieces;
  pieces.json_piece_bytes = 1;
  std::optional<Document> slow;
  for (int pass = 0; pass < 3; ++pass) {
    if (pass > 0 && format != Format::json) break;
    const Limits* limits = pass == 1 ? &pieces : &whole;
    std::string name = pass == 2   ? std::string("the small JSON reader")
                       : pass == 1 ? fast_path_name(format) + " in pieces"
                                   : fast_path_name(format);
    Diagnostics fast_diagnostics, diagnostics;
    auto fast = parse_document_with(pass == 2 ? Parsers::small_json_only : Parsers::fast_only,
                                    "fuzz", text, format, fast_diagnostics, *limits);
    if (!fast) continue;
    if (!slow) {
      slow = parse_document_with(Parsers::libfyaml_only, "fuzz", text, format, diagnostics);
      if (diagnostics.has_errors())
        violated(name + " reads what libfyaml rejects", format_headline(diagnostics.items()[0]));
    }
    if (auto d = tree_difference(slow->root, fast->root); !d.empty())
      violated(name + " builds another tree than libfyaml", d);
  }
}

/// A log_dir makes the loader read a folder: renames the field so the fuzzer cannot wander the
/// file system. False for inputs that could still spell its name with escapes (to be skipped).
bool disarm_log_dir(std::string& text) {
  for (size_t at = text.find("log_dir"); at != std::string::npos; at = text.find("log_dir", at))
    text[at + 6] = 'x';
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* escape : {"\\x5f", "\\u005f", "\\u0000005f", "log\\", "log_\\"})
    if (lower.find(escape) != std::string::npos) return false;
  return true;
}

/// Built-in templates, compiled once for every run of the fuzzer.
tmpl::Library& builtins() {
  static tmpl::Library library;
  return library;
}

/// A view as View::dump() should print it, by nlohmann's dump(2): kind and version first.
std::string nlohmann_dump(const json& view) {
  if (view.empty() || !view.is_object()) return view.dump(2) + "\n";
  std::string out = "{\n";
  size_t left = view.size();
  auto put = [&](const std::string& key, const json& value) {
    out += "  " + json(key).dump() + ": ";
    for (char c : value.dump(2)) {
      out += c;
      if (c == '\n') out += "  ";
    }
    out += --left > 0 ? ",\n" : "\n";
  };
  for (const char* key : {"kind", "version"})
    if (auto it = view.find(key); it != view.end()) put(it.key(), *it);
  for (auto it = view.begin(); it != view.end(); ++it)
    if (it.key() != "kind" && it.key() != "version") put(it.key(), *it);
  return out + "}\n";
}

/// What the CLI does with a view: print it as JSON, or render its built-in Markdown template.
/// Its lists made as they are read give the same text as the whole view made at once.
void emit(const std::optional<View>& built, const std::string& name,
          const Diagnostics& diagnostics) {
  check_diagnostics(diagnostics);
  if (built.has_value() == diagnostics.has_errors())
    violated("a builder's result disagrees with its errors", name);
  if (!built) return;
  const View& view = *built;
  const View whole(view.whole());
  if (view.dump() != whole.dump())
    violated("a view prints differently with its lists made lazily", view.dump());
  if (whole.dump() != nlohmann_dump(whole.data))
    violated("a view prints differently from nlohmann's dump(2)", whole.dump());
  const tmpl::Template& t = builtins().get(name);
  std::vector<tmpl::LazyList> lists = view.lazy_lists();
  if (builtins().render(t, view.data, {.escape = tmpl::Escape::markdown, .lazy_lists = lists}) !=
      builtins().render(t, whole.data, {.escape = tmpl::Escape::markdown}))
    violated("a view renders differently with its lists made lazily", name);
}

std::string template_name(std::string_view command, Lang lang) {
  return std::string(command) + "." + std::string(to_string(lang)) + ".md";
}

void kickoff_and_five_w2h(const Project& project, const ViewOptions& options) {
  Diagnostics kickoff;
  emit(build_kickoff_view(project, options, {}, kickoff), template_name("kickoff", options.lang),
       kickoff);
  std::vector<std::string> topics{""};
  if (!project.communications.empty()) topics.push_back(project.communications.front().id);
  for (const auto& topic : topics) {
    Diagnostics diagnostics;
    emit(build_five_w2h_view(project, options, {topic, true}, diagnostics),
         template_name("five-w2h", options.lang), diagnostics);
  }
}

void recap(const Project& project, const ViewOptions& options, RecapLevel level,
           std::string phase = {}) {
  Diagnostics diagnostics;
  RecapOptions recap_options{level, std::move(phase)};
  emit(build_recap_view(project, options, recap_options, diagnostics),
       recap_template(level) + "." + std::string(to_string(options.lang)) + ".md", diagnostics);
}

/// The days --date is given: the first, middle and last of the engagement, the day before
/// and a fixed day.
std::vector<Date> dates_of(const Project& project) {
  Date start = project.project.start, end = project.project.end;
  std::vector<Date> dates{*parse_date("2026-12-09")};
  if (!start.ok() || !end.ok()) return dates;
  dates.insert(dates.end(), {start, end, add_days(start, days_between(start, end) / 2)});
  if (start.year() > std::chrono::year{1}) dates.push_back(add_days(start, -1));
  return dates;
}

void recaps(const Project& project, ViewOptions options) {
  for (Date day : dates_of(project)) {
    options.today = day;
    recap(project, options, RecapLevel::daily);
    recap(project, options, RecapLevel::phase);
  }
  for (size_t i = 0; i < std::min<size_t>(project.phases.size(), 2); ++i)
    recap(project, options, RecapLevel::phase, project.phases[i].id);
  recap(project, options, RecapLevel::final);
}

void plan(const Project& project, const ViewOptions& options) {
  Diagnostics diagnostics;
  std::optional<View> view = build_plan_view(project, options, {}, diagnostics);
  emit(view, template_name("plan", options.lang), diagnostics);
  if (!view) return;
  try {
    (void)plan_ics(view->data);
  } catch (const Error&) {
  }
}

/// The document of a template input (YAML or JSON, by content) as `commplan render --data`
/// loads it; an empty mapping when it does not load.
Document template_data(std::string_view text) {
  Diagnostics diagnostics;
  std::string file = "fuzz-data";
  Format format = detect_format(file, text);
  Document doc = parse_document(file, std::string(text), format, diagnostics);
  check_diagnostics(diagnostics);
  if (diagnostics.has_errors()) {
    doc.root = Node();
    doc.root.set_kind(Node::Kind::mapping);
  }
  return doc;
}

std::vector<std::string_view> split_sections(std::string_view text) {
  constexpr std::string_view kSeparator = "\n%%\n";
  std::vector<std::string_view> sections;
  for (size_t at = text.find(kSeparator); at != std::string_view::npos;
       at = text.find(kSeparator)) {
    sections.push_back(text.substr(0, at));
    text.remove_prefix(at + kSeparator.size());
  }
  sections.push_back(text);
  return sections;
}

/// Renders with every escape mode, strict and not. The expansion and output limits are a tenth
/// of the defaults, so that an input reaching them stays well inside the fuzzer's 2 seconds
/// under the sanitizers (the adversarial corpus times the defaults on the built commplan).
void render_all(tmpl::Library& library, const tmpl::Template& t, const json& data) {
  for (auto escape : {tmpl::Escape::html, tmpl::Escape::markdown, tmpl::Escape::none}) {
    for (bool strict : {false, true}) {
      tmpl::RenderOptions options{.escape = escape, .strict = strict};
      options.max_expansions /= 10;
      options.max_output /= 10;
      try {
        (void)library.render(t, data, options);
      } catch (const tmpl::StrictFailure& e) {
        check_diagnostics(e.diagnostics());
      } catch (const Error& e) {
        check_diagnostics(e.diagnostics());
        return;  // limits and unknown partials do not depend on the escaping
      }
    }
  }
}

/// How a render ends: its text, or its first error.
template <class Data>
std::string outcome(tmpl::Library& library, const tmpl::Template& t, const Data& data,
                    std::span<const tmpl::LazyList> lists) {
  tmpl::RenderOptions options{.escape = tmpl::Escape::markdown, .lazy_lists = lists};
  options.max_expansions /= 10;
  options.max_output /= 10;
  try {
    return "text: " + library.render(t, data, options);
  } catch (const Error& e) {
    const auto& items = e.diagnostics().items();
    return "error: " + (items.empty() ? std::string(e.what()) : format_headline(items[0]));
  }
}

/// The data's top-level lists made lazily (tmpl::LazyList) render as the lists held whole.
void check_lazy_lists(tmpl::Library& library, const tmpl::Template& t, const json& data) {
  if (!data.is_object()) return;
  json shell = data;
  std::vector<tmpl::LazyList> lists;
  for (auto it = shell.begin(); it != shell.end(); ++it) {
    if (!it->is_array()) continue;
    const json* items = &data.at(it.key());
    *it = json::array();
    lists.push_back({&*it, items->size(), [items](size_t i, json& item) { item = (*items)[i]; }});
  }
  if (lists.empty()) return;
  std::string whole = outcome(library, t, data, {});
  std::string lazy = outcome(library, t, shell, lists);
  if (whole != lazy)
    violated("a template renders differently on lists made lazily",
             "whole: " + whole.substr(0, 2000) + "\nlazy: " + lazy.substr(0, 2000));
}

/// The loaded tree renders as its JSON does (`commplan render --data` reads the tree).
void check_tree(tmpl::Library& library, const tmpl::Template& t, const Node& tree,
                const json& data) {
  std::string from_json = outcome(library, t, data, {});
  std::string from_tree = outcome(library, t, tree, {});
  if (from_json != from_tree)
    violated("a template renders differently on a loaded tree than on its JSON",
             "json: " + from_json.substr(0, 2000) + "\ntree: " + from_tree.substr(0, 2000));
}

}  // namespace

int fuzz_yaml(const std::uint8_t* data, std::size_t size) {
  check_fast_path(as_text(data, size), Format::yaml);
  return fuzz_document(data, size, Format::yaml);
}

int fuzz_json(const std::uint8_t* data, std::size_t size) {
  check_fast_path(as_text(data, size), Format::json);
  return fuzz_document(data, size, Format::json);
}

std::string tree_difference(const Node& expected, const Node& actual) {
  return difference_at("root", expected, actual);
}

int fuzz_project(const std::uint8_t* data, std::size_t size) {
  std::string text = as_text(data, size);
  if (!disarm_log_dir(text)) return 0;
  Diagnostics diagnostics;
  auto project = load_project("/nonexistent/fuzz/project", std::move(text), diagnostics);
  check_diagnostics(diagnostics);
  if (!project || diagnostics.has_errors()) return 0;
  ViewOptions options{project->lang.value_or(size % 2 ? Lang::zh : Lang::en),
                      project->project.start};
  kickoff_and_five_w2h(*project, options);
  recaps(*project, options);
  plan(*project, options);
  return 0;
}

int fuzz_template(const std::uint8_t* data, std::size_t size) {
  std::string text = as_text(data, size);
  auto sections = split_sections(text);
  Document doc = template_data(sections.size() > 1 ? sections[0] : std::string_view("{}"));
  json values = to_json(doc.root);
  tmpl::Library library;
  for (size_t i = 2; i < sections.size(); ++i) {
    size_t eol = std::min(sections[i].find('\n'), sections[i].size());
    std::string_view rest = sections[i].substr(std::min(eol + 1, sections[i].size()));
    library.add(std::string(sections[i].substr(0, eol)), std::string(rest));
  }
  std::string_view main = sections.size() > 1 ? sections[1] : sections[0];
  try {
    const tmpl::Template& t = library.compile("fuzz.mustache", std::string(main));
    render_all(library, t, values);
    check_lazy_lists(library, t, values);
    check_tree(library, t, doc.root, values);
  } catch (const Error& e) {
    check_diagnostics(e.diagnostics());
  }
  return 0;
}

/// The project imports are read against: every field an imported finding can name exists in
/// it (a phase, a standard, an id and a fingerprint to match).
const Project& import_project() {
  static const std::unique_ptr<Project> project = [] {
    Diagnostics diagnostics;
    auto loaded = load_project("/nonexistent/fuzz/import.yaml",
                               "commplan: 1\n"
                               "project: {name: P, client: C, start: 2026-12-07, end: 2026-12-18}\n"
                               "phases:\n"
                               "  - {id: a, name: A, start: 2026-12-07, end: 2026-12-18}\n"
                               "standards:\n"
                               "  - {id: S1, title: One}\n"
                               "findings:\n"
                               "  - {id: F-1, title: T, phase: a, standard: S1, fingerprint: fp}\n",
                               diagnostics);
    if (!loaded || diagnostics.has_errors()) violated("the import project does not load", "");
    return std::make_unique<Project>(std::move(*loaded));
  }();
  return *project;
}

/// A findings import read against import_project(), then planned against it.
void import_findings(const std::string& text, bool sarif) {
  const Project& project = import_project();
  Diagnostics diagnostics;
  ImportedFindings read = sarif ? read_sarif_findings("fuzz.sarif", text, project, diagnostics)
                                : read_csv_findings("fuzz.csv", text, project, diagnostics);
  check_diagnostics(diagnostics);
  if (diagnostics.has_errors()) return;
  for (const ImportedFinding& f : read.findings) (void)f.fields.dump();
  (void)plan_import(project, read.findings, sarif ? "fuzz.sarif" : "fuzz.csv", diagnostics);
}

int fuzz_markup(const std::uint8_t* data, std::size_t size) {
  std::string text = as_text(data, size);
  try {
    if (text.starts_with("{")) {
      import_findings(text, true);
      return 0;
    }
    if (text.starts_with("%csv\n")) {
      import_findings(text.substr(5), false);
      return 0;
    }
    if (text.starts_with("BEGIN:VCALENDAR")) {
      for (const ics::PriorEvent& event : ics::read_events("fuzz.ics", text))
        if (event.uid.empty()) std::abort();
      return 0;
    }
    std::string html = markdown_html(text);
    if (html.find("<script") != std::string::npos) std::abort();  // raw HTML never passes
    ChatText chat = markdown_text(text);
    size_t limit = 24 + size % 200;
    for (const std::string& part : split_message(chat, limit))
      if (part.size() > limit) std::abort();
  } catch (const Error& e) {
    check_diagnostics(e.diagnostics());
  }
  return 0;
}

Entry find_entry(std::string_view target) {
  static const std::map<std::string_view, Entry> entries{{"yaml", fuzz_yaml},
                                                         {"json", fuzz_json},
                                                         {"project", fuzz_project},
                                                         {"template", fuzz_template},
                                                         {"markup", fuzz_markup}};
  auto it = entries.find(target);
  return it == entries.end() ? nullptr : it->second;
}

}  // namespace commplan::fuzz
