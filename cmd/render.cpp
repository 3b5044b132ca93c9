#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <utility>

#include "cli.hpp"
#include "load/document.hpp"
#include "sink.hpp"
#include "template/library.hpp"
#include "util/heap.hpp"
#include "util/read.hpp"

namespace commplan::cli {

namespace {

namespace fs = std::filesystem;

struct RenderOptions {
  std::string template_arg;
  std::string data;
  std::vector<std::string> partials;
  std::string escape = "html";
  bool strict = false;
  std::string output;
};

bool is_file(const std::string& path) {
  std::error_code error;
  return path != "-" && fs::is_regular_file(path, error);
}

/// Partials: each --partials folder, the template's own folder, COMMPLAN_TEMPLATES_DIR; then
/// the built-ins.
std::vector<std::string> partial_dirs(Context& ctx, const RenderOptions& opts) {
  std::vector<std::string> dirs = opts.partials;
  if (is_file(opts.template_arg)) {
    std::string folder = fs::path(opts.template_arg).parent_path().string();
    dirs.push_back(folder.empty() ? "." : folder);
  }
  if (auto env = ctx.getenv("COMMPLAN_TEMPLATES_DIR"); env && !env->empty()) dirs.push_back(*env);
  return dirs;
}

/// TEMPLATE is a file, "-" for standard input, or else the name of a template in the library.
const tmpl::Template& load_template(tmpl::Library& library, Context& ctx, const std::string& arg) {
  if (arg == "-") return library.compile("<stdin>", read_source(arg, ctx.in).release());
  if (!is_file(arg) && tmpl::check_name(arg).empty() && library.find(arg)) return library.get(arg);
  return library.compile(arg, read_file(arg));
}

/// The data file's document (no data is an empty mapping). The template renders on its tree
/// as it would on the tree's JSON (load/document.hpp's to_json), without that copy.
Document load_input(Context& ctx, const std::string& file) {
  if (file.empty()) {
    Document empty;
    empty.root.set_kind(Node::Kind::mapping);
    return empty;
  }
  return load_document(file, read_source(file, ctx.in));
}

/// The template and the data, both checked before giving up, so one run shows every problem.
std::pair<const tmpl::Template*, Document> load_inputs(tmpl::Library& library, Context& ctx,
                                                       const RenderOptions& opts) {
  Diagnostics problems;
  std::pair<const tmpl::Template*, Document> inputs;
  try {
    inputs.first = &load_template(library, ctx, opts.template_arg);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::invalid_input) throw;
    problems.append(e.diagnostics());
  }
  try {
    inputs.second = load_input(ctx, opts.data);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::invalid_input) throw;
    problems.append(e.diagnostics());
  }
  if (!problems.has_errors()) return inputs;
  problems.append(library.warnings());
  throw Error(Error::Kind::invalid_input, std::move(problems));
}

/// Renders `tmpl`, then prints the library's warnings (unknown partials), also on failure.
std::string render_warned(tmpl::Library& library, Context& ctx, const tmpl::Template& tmpl,
                          const Node& data, const tmpl::RenderOptions& options) {
  try {
    std::string text = library.render(tmpl, data, options);
    report(ctx, library.warnings());
    return text;
  } catch (const Error&) {
    report(ctx, library.warnings());
    throw;
  }
}

int run_render(const RenderOptions& opts, Context& ctx) {
  if (opts.template_arg == "-" && opts.data == "-")
    throw Error(Error::Kind::usage, "", "TEMPLATE and --data cannot both be standard input");
  tmpl::Library library(partial_dirs(ctx, opts));
  // As the Mustache spec has it, an unknown partial is empty text (with a warning), unless
  // --strict makes it an error.
  library.set_missing_partials_empty(!opts.strict);
  auto [tmpl, data] = load_inputs(library, ctx, opts);
  tmpl::RenderOptions render_options;
  render_options.escape = tmpl::parse_escape(opts.escape).value_or(tmpl::Escape::html);
  render_options.strict = opts.strict;
  std::string text;
  try {
    text = render_warned(library, ctx, *tmpl, data.root, render_options);
  } catch (const tmpl::StrictFailure& e) {
    report(ctx, e.diagnostics());
    return kStrict;
  }
  int code = emit(ctx, Sink{opts.output, "", {opts.template_arg, opts.data}}, text);
  leave_to_exit(text);
  leave_to_exit(data);
  return code;
}

}  // namespace

void add_render_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Render a Mustache template on YAML or JSON data");
  cmd->add_option("TEMPLATE", opts->template_arg,
                  "Template file (- for stdin), or the name of a built-in template")
      ->required();
  cmd->add_option("--data", opts->data, "YAML or JSON data file (- for stdin); default {}");
  cmd->add_option("--partials", opts->partials,
                  "Folder of partials, searched before the template's own folder");
  cmd->add_option("--escape", opts->escape, "Escaping of {{name}}: html (default), markdown, none")
      ->check(CLI::IsMember({"html", "markdown", "none"}));
  cmd->add_flag("--strict", opts->strict,
                "A variable missing from the data is an error (exit 4); so is an unknown "
                "partial (exit 1), else empty text with a warning");
  add_output_option(cmd, opts->output);
  cmd->callback([opts, &ctx] { ctx.exit_code = run_render(*opts, ctx); });
}

}  // namespace commplan::cli
