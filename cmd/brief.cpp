#include "brief.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <ostream>

#include "cli_model.hpp"
#include "output/mail.hpp"
#include "output/markdown.hpp"
#include "project_input.hpp"
#include "template/library.hpp"
#include "util/heap.hpp"
#include "util/text.hpp"
#include "words/words.hpp"

namespace commplan::cli {

OutputFormat markdown_format() {
  return {"md", "Markdown, from the command's template", tmpl::Escape::markdown};
}

OutputFormat json_format() {
  return {"json", "The view model as JSON: what the template sees (input of commplan render)",
          ViewJson{}};
}

/// The BCP 47 tag of a view's language, for the page's lang attribute (zh: Simplified Chinese,
/// as the built-in templates write it).
std::string html_lang(const View& view) {
  std::string lang = view.data.value("lang", "en");
  return lang == "zh" ? "zh-CN" : lang;
}

/// The view's classification label, or "".
std::string classification(const View& view) {
  const auto& project = view.data.value("project", nlohmann::json());
  return project.is_object() ? project.value("classification", "") : "";
}

OutputFormat html_format(std::function<std::string(std::string body, const View&)> body) {
  return {
      "html", "One self-contained HTML page (inline CSS, print-ready for A4), from the Markdown",
      FromMarkdown{[body](const std::string& markdown, const View& view, const BriefOptions&) {
        std::string html = markdown_html(markdown);
        if (body) html = body(std::move(html), view);
        return html_page({first_heading(markdown), html_lang(view), classification(view)}, html);
      }}};
}

OutputFormat txt_format() {
  return {"txt",
          "Plain text for a chat message (WeChat, DingTalk, Teams...): no Markdown; "
          "--max-bytes splits it into numbered parts",
          FromMarkdown{[](const std::string& markdown, const View&, const BriefOptions& opts) {
            ChatText chat = markdown_text(markdown);
            if (opts.max_bytes == 0) return chat.text;
            std::vector<std::string> parts = split_message(chat, opts.max_bytes);
            return join(parts, "\f\n");
          }}};
}

namespace {

/// The row `name` of the run's table; nullptr when it has none.
const OutputFormat* row_named(const BriefOptions& opts, std::string_view name) {
  for (const OutputFormat& f : opts.formats)
    if (f.name == name) return &f;
  return nullptr;
}

/// The format `name` made from `markdown` by the run's row of that name, else by `fallback`.
std::string converted(const BriefOptions& opts, std::string_view name, const OutputFormat& fallback,
                      const std::string& markdown, const View& view) {
  const OutputFormat* row = row_named(opts, name);
  const auto* from = std::get_if<FromMarkdown>(&(row != nullptr ? *row : fallback).how);
  if (from == nullptr) from = &std::get<FromMarkdown>(fallback.how);
  return from->convert(markdown, view, opts);
}

mail::Address mail_address(const nlohmann::json& person) {
  if (!person.is_object()) return {};
  return {person.value("name", ""), person.value("email", "")};
}

std::vector<mail::Address> mail_addresses(const nlohmann::json& list) {
  std::vector<mail::Address> addresses;
  if (list.is_array())
    for (const nlohmann::json& person : list) addresses.push_back(mail_address(person));
  return addresses;
}

/// The message of `view`: to the people of its `mail` block (none in a view without one: a
/// blank checklist, a plan saved before the block existed), under its subject, else the
/// page's first heading.
std::string mail_message(const std::string& markdown, const View& view, const BriefOptions& opts) {
  const nlohmann::json& data = view.data;
  static const nlohmann::json kNone = nlohmann::json::object();
  auto it = data.find("mail");  // null where a saved view was edited to have none
  const nlohmann::json& block = it != data.end() && it->is_object() ? *it : kNone;
  mail::Message m;
  m.from = mail_address(block.value("from", nlohmann::json()));
  m.to = mail_addresses(block.value("to", nlohmann::json()));
  m.cc = mail_addresses(block.value("cc", nlohmann::json()));
  m.subject = block.value("subject", first_heading(markdown));
  if (auto day = parse_date(data.value("date", ""))) m.date = *day;
  m.text = converted(opts, "txt", txt_format(), markdown, view);
  m.html = converted(opts, "html", html_format(), markdown, view);
  if (const OutputFormat* ics = row_named(opts, "ics"))
    if (const auto* serialize = std::get_if<Serializer>(&ics->how)) {
      std::string kind = data.value("kind", "commplan/brief");
      m.attachment =
          mail::Attachment{kind.substr(kind.rfind('/') + 1) + ".ics",
                           // No method: the calendar is one to import, not an iTIP message (it
                           // has no METHOD; RFC 6047 wants the two to agree).
                           "text/calendar; charset=utf-8", (*serialize)(view)};
    }
  return mail::write(m);
}

}  // namespace

OutputFormat eml_format() {
  return {"eml",
          "E-mail draft (RFC 5322, X-Unsent: 1) from the lead to the client's contact and the "
          "meeting's attendees: the txt and html formats as alternatives (plan: its ics "
          "attached)",
          FromMarkdown{mail_message}};
}

std::vector<OutputFormat> page_formats() {
  return {markdown_format(), html_format(), txt_format(), eml_format(), json_format()};
}

namespace {

/// --format's description: what each format of the table is.
std::string format_help(const std::vector<OutputFormat>& formats) {
  std::vector<Choice> choices;
  for (const OutputFormat& f : formats) choices.push_back({f.name, f.help});
  return describe_choices("Output format", choices);
}

}  // namespace

void add_brief_options(CLI::App* cmd, BriefOptions& opts, std::vector<OutputFormat> formats,
                       bool project_optional) {
  auto* project =
      cmd->add_option("PROJECT", opts.project, "Project file (.yaml, .yml, .json; - for stdin)");
  if (!project_optional) project->required();
  std::vector<std::string> names;
  for (const OutputFormat& f : formats) names.push_back(f.name);
  cmd->add_option("--format", opts.format, format_help(formats))
      ->check(CLI::IsMember(names))
      ->capture_default_str();
  opts.formats = std::move(formats);
  add_output_option(cmd, opts.output);
  cmd->add_option("--lang", opts.lang,
                  fmt::format("Language: {} (default: COMMPLAN_LANG, the file's lang, en)",
                              language_codes_text()))
      ->check(CLI::IsMember(language_codes()));
  cmd->add_option("--template", opts.template_file, "Render with this template file instead");
  cmd->add_option("--templates-dir", opts.templates_dir,
                  "Templates here override built-ins by name (default: COMMPLAN_TEMPLATES_DIR)");
  cmd->add_option("--date", opts.date,
                  "The day 'today' means: YYYY-MM-DD, today or yesterday (default: "
                  "SOURCE_DATE_EPOCH, else the current date in the project's time zone)")
      ->check(non_empty());
  cmd->add_option("--audience", opts.audience,
                  "Who the page is for: team (the talk-sheet we run the meeting from) or client "
                  "(the page handed to the client: no coaching text, nothing marked internal, no "
                  "notes, impacts shown, the classification label, card numbers and keys "
                  "masked); default: team, and client with --format eml, a draft to the client")
      ->check(CLI::IsMember({"team", "client"}));
  cmd->add_flag("--no-mask", opts.no_mask,
                "With --audience client: show card numbers, IBANs, private keys and access "
                "tokens as the file has them (masked by default: 4111 **** **** 1111)");
  add_check_option(cmd, opts.check);
  if (std::any_of(opts.formats.begin(), opts.formats.end(),
                  [](const OutputFormat& f) { return f.name == "txt"; }))
    cmd->add_option("--max-bytes", opts.max_bytes,
                    "With --format txt: split the text into numbered parts (1/3) of at most N "
                    "bytes each, at section boundaries, separated by a form feed line (WeCom "
                    "takes 4096, DingTalk about 3500 characters)")
        ->check(CLI::PositiveNumber);
}

Lang resolve_lang(Context& ctx, const BriefOptions& opts, const Project* project) {
  if (auto chosen = language_named(opts.lang)) return *chosen;
  if (auto env = ctx.getenv("COMMPLAN_LANG"); env && !env->empty()) {
    if (auto chosen = language_named(*env)) return *chosen;
    throw Error(Error::Kind::usage, Source::environment, "COMMPLAN_LANG",
                fmt::format("unknown language \"{}\"; expected {}", *env, language_codes_text()));
  }
  if (project != nullptr && project->lang) return *project->lang;
  return Lang::en;
}

namespace {

constexpr long long kFirstSecond = -62135596800;  // 0001-01-01T00:00:00Z
constexpr long long kLastSecond = 253402300799;   // 9999-12-31T23:59:59Z

/// SOURCE_DATE_EPOCH: seconds since 1970 within the years 0001 to 9999 that dates have.
std::optional<long long> source_date_epoch(Context& ctx) {
  auto env = ctx.getenv("SOURCE_DATE_EPOCH");
  if (!env || env->empty()) return std::nullopt;
  long long epoch = 0;
  try {
    size_t used = 0;
    epoch = std::stoll(*env, &used);
    if (used != env->size()) throw std::invalid_argument("trailing text");
  } catch (const std::exception&) {
    throw Error(Error::Kind::usage, Source::environment, "SOURCE_DATE_EPOCH",
                fmt::format("expected seconds since 1970, got \"{}\"", *env));
  }
  if (epoch < kFirstSecond || epoch > kLastSecond)
    throw Error(Error::Kind::usage, Source::environment, "SOURCE_DATE_EPOCH",
                fmt::format("{} falls outside the years 0001 to 9999 (from {} to {})", *env,
                            kFirstSecond, kLastSecond));
  return epoch;
}

}  // namespace

Date resolve_today(Context& ctx, const BriefOptions& opts, const Project* project) {
  std::optional<long long> epoch = source_date_epoch(ctx);
  std::string spec = opts.date.empty() ? "today" : opts.date;
  std::string zone = project != nullptr ? project->project.timezone : "";
  auto day = resolve_date(spec, zone, epoch);
  if (!day) {
    bool shaped = spec.size() == 10 && spec[4] == '-' && spec[7] == '-' &&
                  std::all_of(spec.begin(), spec.end(),
                              [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    throw Error(
        Error::Kind::usage, Source::option, "--date",
        shaped ? fmt::format("\"{}\" is not a real calendar date", opts.date)
               : fmt::format("expected YYYY-MM-DD, today or yesterday, got \"{}\"", opts.date));
  }
  if (day->year() < std::chrono::year{1})
    throw Error(Error::Kind::usage, Source::option, "--date", "yesterday falls before 0001-01-01");
  return *day;
}

std::string render_view(Context& ctx, const BriefOptions& opts, const std::string& name,
                        const View& view, tmpl::Escape escape, Spool* page) {
  tmpl::Layers layers{opts.template_file, opts.templates_dir};
  if (layers.templates_dir.empty())
    layers.templates_dir = ctx.getenv("COMMPLAN_TEMPLATES_DIR").value_or("");
  std::vector<tmpl::LazyList> lists = view.lazy_lists();
  tmpl::RenderOptions options{.escape = escape, .lazy_lists = lists};
  if (page != nullptr) options.drain = [page](std::string& out) { page->take(out); };
  return tmpl::render_layered(layers, name, view.data, options);
}

Sink brief_sink(const BriefOptions& opts, const Project* project) {
  Sink sink{opts.output, opts.check, {opts.template_file}};
  if (project == nullptr) return sink;
  // The first document is the project itself, named "<stdin>" when read from there: "-" stands
  // for it, the standard input (which may be the very file -o names).
  if (opts.project == "-") sink.inputs.push_back("-");
  for (size_t i = opts.project == "-" ? 1 : 0; i < project->documents.size(); ++i)
    sink.inputs.push_back(project->documents[i]->file);
  return sink;
}

namespace {

/// Exit code of a view that could not be built: usage when every error is about an option
/// (a --date outside the engagement, an unknown --phase: the command asks for something the
/// file does not have), invalid input when the file itself is wrong.
int build_failure(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.items())
    if (d.level == Level::error && d.source == Source::file) return kInvalid;
  return kUsage;
}

Audience audience_of(const BriefOptions& opts) {
  // An e-mail draft is addressed to the client (its `mail` block): the page in it is theirs
  // unless --audience team asks for ours.
  if (opts.audience.empty()) return opts.format == "eml" ? Audience::client : Audience::team;
  return opts.audience == "client" ? Audience::client : Audience::team;
}

/// The project of the run: loaded from PROJECT, or none when PROJECT is optional and not
/// given. Problems are reported; false when it could not be loaded.
bool load_if_given(Context& ctx, const BriefOptions& opts, const BriefRun& run,
                   std::optional<Project>& project) {
  if (opts.project.empty() && run.build_without_project) return true;
  project = load_project_reporting(ctx, opts.project, audience_of(opts),
                                   opts.no_mask ? Masking::off : Masking::on);
  return project.has_value();
}

}  // namespace

std::string produce(Context& ctx, const BriefOptions& opts, const std::string& templates,
                    const View& view) {
  Spool page(SIZE_MAX);  // held in memory
  produce_into(ctx, opts, templates, view, page);
  return std::move(page).text();
}

void produce_into(Context& ctx, const BriefOptions& opts, const std::string& templates,
                  const View& view, Spool& page) {
  auto row = std::find_if(opts.formats.begin(), opts.formats.end(),
                          [&](const OutputFormat& f) { return f.name == opts.format; });
  if (row == opts.formats.end())
    throw Error(Error::Kind::usage, Source::option, "--format",
                fmt::format("unknown format \"{}\"", opts.format));
  if (opts.max_bytes != 0 && row->name != "txt")
    throw Error(Error::Kind::usage, Source::option, "--max-bytes",
                "--max-bytes splits chat text: it needs --format txt");
  // A format written from the view itself takes no template: one given is a mistake, not a
  // choice to pass over in silence.
  if (!opts.template_file.empty() &&
      (std::holds_alternative<Serializer>(row->how) || std::holds_alternative<ViewJson>(row->how)))
    throw Error(
        Error::Kind::usage, Source::option, "--template",
        fmt::format("--format {} is written from the view, not from a template", row->name));
  std::string text;
  if (const auto* serialize = std::get_if<Serializer>(&row->how)) {
    text = (*serialize)(view);
  } else if (std::holds_alternative<ViewJson>(row->how)) {
    view.dump(
        text, [&](std::string& piece) { page.take(piece); }, Spool::kSpillAt);
  } else if (const auto* from = std::get_if<FromMarkdown>(&row->how)) {
    std::string name = fmt::format("{}.{}.md", templates, view.data["lang"].get<std::string>());
    text = from->convert(render_view(ctx, opts, name, view, tmpl::Escape::markdown), view, opts);
  } else {
    std::string name =
        fmt::format("{}.{}.{}", templates, view.data["lang"].get<std::string>(), row->name);
    text = render_view(ctx, opts, name, view, std::get<tmpl::Escape>(row->how), &page);
  }
  page.finish(std::move(text));
}

int run_brief(Context& ctx, const BriefOptions& opts, const BriefRun& run) {
  std::optional<Project> project;
  if (!load_if_given(ctx, opts, run, project)) return kInvalid;
  const Project* p = project ? &*project : nullptr;
  ViewOptions view_options{resolve_lang(ctx, opts, p), resolve_today(ctx, opts, p),
                           audience_of(opts)};
  if (opts.skip && p != nullptr)
    if (auto reason = opts.skip(*p, view_options.today)) {
      ctx.err << "commplan: skipped: " << *reason << "\n";
      return kOk;
    }
  Diagnostics problems;
  std::optional<View> view = p != nullptr ? run.build(*p, view_options, problems)
                                          : run.build_without_project(view_options, problems);
  report(ctx, problems);
  if (!view) return build_failure(problems);
  // Every check is made and the view is built: the page is rendered from the model alone, in
  // the memory the documents' trees held.
  if (project) project->release_documents();
  Spool page;
  produce_into(ctx, opts, run.templates, *view, page);
  int code = emit(ctx, brief_sink(opts, p), page);
  bool strict_failure = code == kOk && run.fails_strict && run.fails_strict(*view);
  leave_to_exit(view);
  leave_to_exit(project);
  return strict_failure ? kStrict : code;
}

}  // namespace commplan::cli
