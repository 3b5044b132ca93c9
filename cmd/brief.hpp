#pragma once
// What every brief command (kickoff, recap, plan, five-w2h) shares: the common options,
// loading the project, building the view model, rendering it and writing the result.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli.hpp"
#include "sink.hpp"
#include "views/view.hpp"

namespace commplan::cli {

/// How a serializer makes a format from the view model.
using Serializer = std::function<std::string(const View&)>;

struct BriefOptions;

/// A format made from the command's Markdown (its md template rendered), e.g. HTML or chat
/// text: `convert` gets the Markdown, the view and the run's options.
struct FromMarkdown {
  std::function<std::string(const std::string& markdown, const View&, const BriefOptions&)> convert;
};

/// The view model itself as JSON (View::dump), given to the page as it is written: a large
/// view is never held as one text.
struct ViewJson {};

/// A row of a brief command's format table: the --format value, its line of help (--help,
/// the man page), and how it is made: the command's template `<name>.<lang>.<format>` (e.g.
/// kickoff.en.md) rendered with an escape mode, a serializer of the view, or the view itself
/// as JSON (ViewJson). The table is the one list of a command's formats: --format's values,
/// --help, the man page and the completions read it, and run_brief produces the chosen row. A
/// new format is one row plus its template (templates/) or its serializer.
struct OutputFormat {
  std::string name;
  std::string help;
  std::variant<tmpl::Escape, Serializer, FromMarkdown, ViewJson> how;
};

/// md: the command's Markdown template.
OutputFormat markdown_format();

/// json: the view model itself (ViewJson).
OutputFormat json_format();

/// html: one self-contained page made from the Markdown by libcmark-gfm (output/markdown.hpp);
/// `body` may rework the page's HTML body with the view (plan draws its timeline there).
OutputFormat html_format(std::function<std::string(std::string body, const View&)> body = nullptr);

/// txt: plain text for a chat message, split into numbered parts by --max-bytes.
OutputFormat txt_format();

/// eml: an e-mail draft (output/mail.hpp) to the people of the view's `mail` block
/// (views/mail.hpp): the table's txt row as its text part, its html row as its HTML part, and
/// the calendar of its ics row, when it has one, attached as `<brief>.ics`.
OutputFormat eml_format();

/// md, html, txt, eml and json: the formats every brief made from a Markdown template offers.
std::vector<OutputFormat> page_formats();

/// The contract's common options.
struct BriefOptions {
  std::string project;
  std::string format = "md";
  std::string output;
  std::string lang;
  std::string template_file;
  std::string templates_dir;
  std::string date;
  std::string check;
  size_t max_bytes = 0;  ///< --max-bytes: txt parts at most this long; 0: one part
  std::string audience;  ///< --audience: team or client; not given: audience_of()
  bool no_mask = false;  ///< --no-mask: the client's page shows sensitive data as is
  /// Returns why the run has nothing to render for the project on its day, or nullopt; the
  /// reason is printed on stderr and the run ends with exit 0, writing nothing.
  std::function<std::optional<std::string>(const Project&, Date)> skip;
  /// The command's format table, as add_brief_options was given it.
  std::vector<OutputFormat> formats;
};

/// Builds a command's view model from the project (a view builder of lib/views with the
/// command's own options bound); problems go to `diagnostics`, nullopt when it added errors.
using ViewBuilder =
    std::function<std::optional<View>(const Project&, const ViewOptions&, Diagnostics&)>;

/// Builds a view model without a project (five-w2h without PROJECT).
using ProjectlessBuilder = std::function<std::optional<View>(const ViewOptions&, Diagnostics&)>;

/// What a run of a brief command does besides the steps all share.
struct BriefRun {
  std::string templates;  ///< the base name of the command's templates: "kickoff", "recap-daily"
  ViewBuilder build;
  /// Builds the view when PROJECT is optional and not given; unset: PROJECT is required.
  ProjectlessBuilder build_without_project = nullptr;
  /// True for a written view that still fails the run with exit 4 (five-w2h --strict).
  std::function<bool(const View&)> fails_strict = nullptr;
};

/// Adds PROJECT (required unless `project_optional`) and the common options to `cmd`; keeps
/// `formats` (its table, md first, the default) in `opts`: --format takes their names and
/// its help lists them.
void add_brief_options(CLI::App* cmd, BriefOptions& opts, std::vector<OutputFormat> formats,
                       bool project_optional = false);

/// The language: --lang, else COMMPLAN_LANG, else the file's lang, else en.
Lang resolve_lang(Context& ctx, const BriefOptions& opts, const Project* project);

/// The day "today" means: --date, else SOURCE_DATE_EPOCH, else the current date in the
/// project's time zone. Throws Error(usage) for a malformed --date.
Date resolve_today(Context& ctx, const BriefOptions& opts, const Project* project);

/// Renders `view` with template `name` (e.g. "kickoff.en.md"), escaping values for `escape`,
/// through the lookup layers:
/// --template, --templates-dir / COMMPLAN_TEMPLATES_DIR, built-ins.
/// With `page`, the rendered text goes into it each time a MiB is rendered, and what is left
/// at the end is returned.
std::string render_view(Context& ctx, const BriefOptions& opts, const std::string& name,
                        const View& view, tmpl::Escape escape = tmpl::Escape::markdown,
                        Spool* page = nullptr);

/// Where the result goes: -o, --check or standard output; -o must not name the project, one
/// of its log_dir files or the --template file.
Sink brief_sink(const BriefOptions& opts, const Project* project);

/// The format of `opts.format`, produced from `view`: its template or its serializer.
std::string produce(Context& ctx, const BriefOptions& opts, const std::string& templates,
                    const View& view);
/// produce() into `page`: a page rendered from a template goes into it as it is rendered, so
/// that a large one is spooled to a temporary file instead of held whole in memory.
void produce_into(Context& ctx, const BriefOptions& opts, const std::string& templates,
                  const View& view, Spool& page);

/// The whole run of a brief command: load the project (none when PROJECT is optional and not
/// given), resolve the language and the day, build the view, report its problems, produce
/// the chosen format from the table, write it.
int run_brief(Context& ctx, const BriefOptions& opts, const BriefRun& run);

}  // namespace commplan::cli
