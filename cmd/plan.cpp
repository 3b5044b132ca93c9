#include "views/plan.hpp"

#include <fmt/format.h>

#include <charconv>
#include <memory>

#include "brief.hpp"
#include "load/document.hpp"
#include "output/plan_ics.hpp"
#include "output/plan_svg.hpp"
#include "output/view_field.hpp"

namespace commplan::cli {

namespace {

struct PlanOptions {
  BriefOptions brief;
  std::string from_view;
  std::string previous;  ///< the calendar sent before (--previous), for updates
};

constexpr std::string_view kPlanKind = "commplan/plan";

/// The node `path` (`touchpoints[2].start`) names under `root`, or the last one found on the
/// way there (the mapping a missing field belongs in).
const Node& node_at(const Node& root, std::string_view path) {
  const Node* node = &root;
  size_t i = 0;
  while (i < path.size()) {
    const Node* next = nullptr;
    if (path[i] == '[') {
      size_t close = std::min(path.find(']', i), path.size());
      size_t index = 0;
      std::from_chars(path.data() + i + 1, path.data() + close, index);
      if (node->is_sequence() && index < node->items().size()) next = &node->items()[index];
      i = close + 1;
    } else {
      if (path[i] == '.') ++i;
      size_t end = std::min(path.find_first_of(".[", i), path.size());
      next = node->find(path.substr(i, end - i));
      i = end;
    }
    if (next == nullptr) break;
    node = next;
  }
  return *node;
}

/// `error`'s problems that name no file placed in `doc` at the node of their path.
Error located(const Error& error, const Document& doc) {
  Diagnostics placed;
  for (Diagnostic d : error.diagnostics().items()) {
    if (d.file.empty()) {
      d.file = doc.file;
      d.mark = node_at(doc.root, d.path).mark();
      d.excerpt = doc.line(d.mark);
    }
    placed.add(std::move(d));
  }
  return Error(error.kind(), std::move(placed));
}

[[noreturn]] void not_a_plan(const Document& doc, const Node& at, std::string message) {
  Diagnostics diagnostics;
  diagnostics.error(doc.file, at.mark(), "kind", std::move(message), doc.line(at.mark()));
  throw Error(Error::Kind::invalid_input, std::move(diagnostics));
}

/// A saved plan view model (`plan --format json`), its syntax and kind checked.
Document load_view(Context& ctx, const std::string& file) {
  Document doc = load_document(file, read_source(file, ctx.in));
  const Node* kind = doc.root.find("kind");
  if (kind == nullptr)
    not_a_plan(doc, doc.root, "not a view model: expected \"kind\": \"commplan/plan\"");
  if (!kind->is_scalar() || kind->text() != kPlanKind)
    not_a_plan(doc, *kind,
               fmt::format("expected a plan view model (\"{}\"), got \"{}\"", kPlanKind,
                           kind->is_scalar() ? kind->text() : ""));
  return doc;
}

/// The calendar of `view`: stamped no later than the day of the run (UTC), and numbered
/// against the calendar sent before when --previous names one.
std::string plan_calendar(Context& ctx, const PlanOptions& opts, const View& view) {
  PlanIcsOptions options;
  options.latest_stamp = resolve_today(ctx, BriefOptions{}, nullptr);
  std::vector<ics::PriorEvent> previous;
  if (!opts.previous.empty()) {
    FileText text = read_source(opts.previous, ctx.in);
    previous = ics::read_events(opts.previous == "-" ? "<stdin>" : opts.previous, text.view());
    options.previous = &previous;
  }
  return plan_ics(view.data, options);
}

/// The page's HTML with its Mermaid chart (which needs a script to show) replaced by the
/// timeline drawn as SVG (output/plan_svg.hpp); a page without the chart is left as it is.
std::string with_timeline(std::string body, const View& view) {
  constexpr std::string_view kOpen = "<pre><code class=\"language-mermaid\">";
  size_t start = body.find(kOpen);
  if (start == std::string::npos) return body;
  size_t end = body.find("</code></pre>\n", start);
  if (end == std::string::npos) return body;
  end += std::string_view("</code></pre>\n").size();
  return body.replace(start, end - start,
                      "<figure class=\"timeline\">\n" + plan_svg(view.data) + "</figure>\n");
}

/// The formats plan offers: a new one is a row here plus its template or serializer.
/// `opts` holds the table (in its BriefOptions), so the ics row refers to it by a plain
/// pointer: a shared one would make a cycle that is never freed.
std::vector<OutputFormat> plan_formats(Context& ctx, const PlanOptions* opts) {
  return {
      markdown_format(),
      html_format(with_timeline),
      txt_format(),
      eml_format(),
      json_format(),
      {"ics", "iCalendar file of every touchpoint, for calendar programs",
       [&ctx, opts](const View& view) { return plan_calendar(ctx, *opts, view); }},
  };
}

/// Checks the fields of a saved view that every format reads before its own (the page's
/// template and language, the day, the e-mail's header), each at its path: a view edited by
/// hand gets an error located in it, not a page made from a guess.
void check_view_head(const nlohmann::json& data) {
  Field view(data, "");
  // Another version's view may hold what this one would read wrongly: refused, not guessed at.
  if (view.has("version") && data["version"] != kViewVersion)
    malformed("version", fmt::format("a view model of version {}; this commplan reads version {}",
                                     data["version"].dump(), kViewVersion));
  lang_of(view);
  view["date"].date();
  if (view.has("project") && view["project"].mapping().has("classification"))
    view["project"]["classification"].text();
  if (!view.has("mail")) return;  // a plan saved before it had one
  Field mail = view["mail"];
  if (mail.mapping().has("subject")) mail["subject"].text();
  auto person = [](const Field& who) {
    if (who.mapping().has("name")) who["name"].text();
    if (who.has("email")) who["email"].text();
  };
  if (mail.has("from")) person(mail["from"]);
  for (const char* list : {"to", "cc"})
    if (mail.has(list))
      for (const Field& who : mail[list].items()) person(who);
}

/// The plan rendered from a saved view model instead of a project; its lang and date are the
/// view's.
int run_from_view(Context& ctx, const PlanOptions& opts) {
  Document doc = load_view(ctx, opts.from_view);
  View view(to_json(doc.root));
  std::string text;
  try {
    check_view_head(view.data);
    text = produce(ctx, opts.brief, "plan", view);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::invalid_input) throw;
    throw located(e, doc);
  } catch (const nlohmann::json::exception& e) {
    // A value of a type no reader above checked: refused in the file, never a crash.
    Diagnostics problem;
    problem.error(doc.file, doc.root.mark(), "",
                  fmt::format("not a plan view model this version reads ({})", e.what()),
                  doc.line(doc.root.mark()));
    throw Error(Error::Kind::invalid_input, std::move(problem));
  }
  Sink sink = brief_sink(opts.brief, nullptr);
  sink.inputs.push_back(opts.from_view);
  return emit(ctx, sink, text);
}

/// The plan as Markdown, JSON or an iCalendar file, from the project or a saved view model.
int run_plan(Context& ctx, const PlanOptions& opts) {
  if (!opts.previous.empty() && opts.brief.format != "ics" && opts.brief.format != "eml")
    throw Error(Error::Kind::usage, Source::option, "--previous",
                "--previous updates a calendar: it needs --format ics (or eml, which attaches it)");
  if (!opts.previous.empty() && opts.previous == "-" && opts.from_view == "-")
    throw Error(Error::Kind::usage, Source::option, "--previous",
                "--previous and --from-view cannot both read standard input");
  if (!opts.from_view.empty()) return run_from_view(ctx, opts);
  if (opts.brief.project.empty())
    throw Error(Error::Kind::usage, "", "plan needs a PROJECT, or --from-view FILE");
  auto build = [](const Project& project, const ViewOptions& common, Diagnostics& diagnostics) {
    return build_plan_view(project, common, {}, diagnostics);
  };
  return run_brief(ctx, opts.brief, {"plan", build});
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<PlanOptions>();
  auto* cmd = app.add_subcommand(
      "plan", "Every touchpoint of the engagement; md with a gantt chart, json, or ics calendar");
  add_brief_options(cmd, opts->brief, plan_formats(ctx, opts.get()), true);
  cmd->add_option("--from-view", opts->from_view,
                  "Render from a view model file saved by --format json (- for stdin) instead of "
                  "PROJECT; its lang, date and audience are used")
      ->check(non_empty())
      ->excludes(cmd->get_option("PROJECT"))
      ->excludes(cmd->get_option("--lang"))
      ->excludes(cmd->get_option("--date"))
      ->excludes(cmd->get_option("--audience"))
      ->excludes(cmd->get_option("--no-mask"));
  cmd->add_option(
         "--previous", opts->previous,
         "With --format ics (or eml): the calendar sent before (- for stdin); a changed event "
         "gets a higher SEQUENCE, one no longer planned is cancelled")
      ->check(non_empty());
  cmd->callback([opts, &ctx] { ctx.exit_code = run_plan(ctx, *opts); });
}

}  // namespace commplan::cli
