#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>

#include "cli.hpp"
#include "output/write.hpp"
#include "sink.hpp"
#include "template/library.hpp"

namespace commplan::cli {

namespace {

namespace fs = std::filesystem;

struct TemplatesOptions {
  std::string templates_dir;
  bool long_format = false;
  std::string name;
  std::string dir;
  std::vector<std::string> names;
  bool force = false;
};

/// The library the brief commands see: --templates-dir or COMMPLAN_TEMPLATES_DIR, built-ins.
tmpl::Library visible_library(Context& ctx, const TemplatesOptions& opts) {
  std::string dir = opts.templates_dir;
  if (dir.empty()) dir = ctx.getenv("COMMPLAN_TEMPLATES_DIR").value_or("");
  return tmpl::Library(dir.empty() ? std::vector<std::string>{} : std::vector{dir});
}

int run_list(const TemplatesOptions& opts, Context& ctx) {
  for (const auto& source : visible_library(ctx, opts).list()) {
    ctx.out << source.name;
    if (opts.long_format) ctx.out << '\t' << printable(source.origin);
    ctx.out << '\n';
  }
  return kOk;
}

int run_show(const TemplatesOptions& opts, Context& ctx) {
  tmpl::Library library = visible_library(ctx, opts);
  std::optional<tmpl::Source> source = library.find(opts.name);
  if (!source) throw Error(Error::Kind::usage, "", library.unknown_message("template", opts.name));
  return emit(ctx, Sink{}, source->text);
}

/// The built-ins to export: all, or those named (each must exist).
std::vector<builtin::Template> chosen(const TemplatesOptions& opts) {
  if (opts.names.empty()) return builtin::templates();
  tmpl::Library library;
  std::vector<builtin::Template> out;
  for (const auto& name : opts.names) {
    auto it = std::find_if(builtin::templates().begin(), builtin::templates().end(),
                           [&](const auto& t) { return t.name == name; });
    if (it == builtin::templates().end())
      throw Error(Error::Kind::usage, "", library.unknown_message("built-in template", name));
    out.push_back(*it);
  }
  return out;
}

int run_export(const TemplatesOptions& opts, Context& ctx) {
  std::vector<builtin::Template> templates = chosen(opts);
  Diagnostics existing;
  for (const auto& t : templates) {
    fs::path path = fs::path(opts.dir) / (std::string(t.name) + ".mustache");
    // Any entry, a dangling symbolic link included, is the user's: kept without --force.
    if (!opts.force && entry_exists(path.string()))
      existing.error(path.string(), {}, {}, "already exists (--force overwrites it)");
  }
  if (existing.has_errors()) throw Error(Error::Kind::io, std::move(existing));
  for (const auto& t : templates) {
    fs::path path = fs::path(opts.dir) / (std::string(t.name) + ".mustache");
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    if (error)
      throw Error(Error::Kind::io, path.parent_path().string(),
                  "cannot create folder: " + error.message());
    write_file_atomic(path.string(), t.text);
  }
  ctx.err << fmt::format("{} template{} written to {}\n", templates.size(),
                         templates.size() == 1 ? "" : "s", printable(opts.dir));
  return kOk;
}

}  // namespace

void add_templates_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TemplatesOptions>();
  auto* cmd = app.add_subcommand("templates", "The built-in templates: list, show, export");
  cmd->require_subcommand(1);
  const std::string dir_help =
      "Templates here override built-ins by name "
      "(default: COMMPLAN_TEMPLATES_DIR)";

  auto* list = cmd->add_subcommand("list", "Names of the templates, one a line");
  list->add_option("--templates-dir", opts->templates_dir, dir_help);
  list->add_flag("-l,--long", opts->long_format, "Also show where each template comes from");
  list->callback([opts, &ctx] { ctx.exit_code = run_list(*opts, ctx); });

  auto* show = cmd->add_subcommand("show", "Print the text of template NAME");
  show->add_option("NAME", opts->name, "Template name, as `templates list` prints it")->required();
  show->add_option("--templates-dir", opts->templates_dir, dir_help);
  show->callback([opts, &ctx] { ctx.exit_code = run_show(*opts, ctx); });

  auto* exp = cmd->add_subcommand("export", "Write the built-in templates below DIR to edit");
  exp->add_option("DIR", opts->dir, "Folder to write NAME.mustache files to")->required();
  exp->add_option("NAME", opts->names, "Only these templates (default: all)");
  exp->add_flag("--force", opts->force,
                "Overwrite what already exists (without it, anything there is kept, a "
                "dangling link included)");
  exp->callback([opts, &ctx] { ctx.exit_code = run_export(*opts, ctx); });
}

}  // namespace commplan::cli
