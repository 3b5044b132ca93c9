#include "views/five_w2h.hpp"

#include <fmt/format.h>

#include "util/text.hpp"
#include "views/mail.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

const std::array<Dimension, 7> kDimensions = {{
    {"why", "WHY", &Communication::why},
    {"what", "WHAT", &Communication::what},
    {"who", "WHO", &Communication::who},
    {"when", "WHEN", &Communication::when},
    {"where", "WHERE", &Communication::where},
    {"how", "HOW", &Communication::how},
    {"how_much", "HOW MUCH", &Communication::how_much},
}};

bool answered(const Communication& c, const Dimension& d) { return !trim(c.*d.field).empty(); }

nlohmann::json header(const Project* project, const ViewOptions& options) {
  if (project != nullptr) return view_header("five-w2h", *project, options);
  return {{"kind", "commplan/five-w2h"},
          {"version", 1},
          {"lang", to_string(options.lang)},
          {"date", format_date(options.today)},
          {"project", nullptr},
          {"audience", audience_json(options.audience)}};
}

nlohmann::json dimension_json(const Communication& c, size_t index, Lang lang) {
  const Dimension& d = kDimensions[index];
  bool ok = answered(c, d);
  return {{"key", d.key},
          {"name", d.name},
          {"label", words(lang).five_w2h.labels[index]},
          {"question", words(lang).five_w2h.questions[index]},
          {"answer", ok ? std::string(trim(c.*d.field)) : std::string()},
          {"missing", !ok}};
}

/// Whether dimension `d` is shown to `audience`: HOW (firm or tactful) and HOW MUCH (how far
/// to take it) are our tactics, for our team only.
bool shown_to(const Dimension& d, Audience audience) {
  return audience == Audience::team || (d.key != "how" && d.key != "how_much");
}

nlohmann::json communication_json(const Communication& c, size_t number, Lang lang,
                                  Audience audience) {
  nlohmann::json dimensions = nlohmann::json::array();
  int answers = 0;
  for (size_t i = 0; i < kDimensions.size(); ++i) {
    if (!shown_to(kDimensions[i], audience)) continue;
    dimensions.push_back(dimension_json(c, i, lang));
    if (answered(c, kDimensions[i])) ++answers;
  }
  const int count = static_cast<int>(dimensions.size());
  return {{"number", number},
          {"id", c.id},
          {"title", c.title},
          {"heading", c.title.empty() ? c.id : c.title},
          {"answered", answers},
          {"dimension_count", count},
          {"missing", count - answers},
          {"complete", answers == count},
          {"dimensions", std::move(dimensions)}};
}

std::vector<std::string> communication_ids(const Project& project) {
  std::vector<std::string> ids;
  for (const auto& c : project.communications) ids.push_back(c.id);
  return ids;
}

/// The checklist of `selected`, unless `found` holds errors; the problems, with a warning
/// for each unanswered dimension under `own.strict`, go to `diagnostics` ordered as a reader
/// meets them.
std::optional<View> checklist(const Project* project, const std::vector<Communication>& selected,
                              const ViewOptions& common, const FiveW2HOptions& own,
                              Diagnostics& found, Diagnostics& diagnostics) {
  if (!found.has_errors() && own.strict) warn_missing_dimensions(selected, found, common.audience);
  found.sort_by_place();
  diagnostics.append(found);
  if (found.has_errors()) return std::nullopt;
  return five_w2h_view(project, selected, common, own.topic);
}

}  // namespace

const std::array<Dimension, 7>& five_w2h_dimensions() { return kDimensions; }

std::vector<Communication> select_communications(const Project* project, const std::string& topic,
                                                 Diagnostics& diagnostics) {
  if (project == nullptr) {
    if (topic.empty()) return {Communication{}};
    diagnostics.error(Source::option, "--topic", "--topic needs a PROJECT");
    return {};
  }
  if (!topic.empty()) {
    for (const auto& c : project->communications)
      if (c.id == topic) return {c};
    unknown_id(diagnostics, "--topic", "communication", topic, communication_ids(*project));
    return {};
  }
  if (project->communications.empty()) {
    warn(diagnostics, project->origin, "communications",
         "no communications in the file; printing a blank checklist");
    return {Communication{}};
  }
  return project->communications;
}

nlohmann::json five_w2h_view(const Project* project,
                             const std::vector<Communication>& communications,
                             const ViewOptions& options, const std::string& topic) {
  nlohmann::json view = header(project, options);
  view["topic"] = topic;
  nlohmann::json list = nlohmann::json::array();
  int missing = 0;
  for (size_t i = 0; i < communications.size(); ++i) {
    list.push_back(communication_json(communications[i], i + 1, options.lang, options.audience));
    missing += list.back()["missing"].get<int>();
  }
  bool blank = communications.size() == 1 && communications[0].id.empty() &&
               list[0]["answered"].get<int>() == 0;
  view["blank"] = blank;
  view["missing"] = missing;
  view["complete"] = missing == 0;
  view["communications"] = std::move(list);
  if (project != nullptr) add_mail(view, *project, {});  // the contact and the lead only
  return view;
}

std::optional<View> build_five_w2h_view(const Project& project, const ViewOptions& common,
                                        const FiveW2HOptions& own, Diagnostics& diagnostics) {
  Diagnostics found;
  auto selected = select_communications(&project, own.topic, found);
  return checklist(&project, selected, common, own, found, diagnostics);
}

std::optional<View> build_five_w2h_view(const std::vector<Communication>& answered,
                                        const ViewOptions& common, const FiveW2HOptions& own,
                                        Diagnostics& diagnostics) {
  Diagnostics found;
  auto selected = select_communications(nullptr, own.topic, found);
  if (!answered.empty() && !found.has_errors()) selected = answered;
  return checklist(nullptr, selected, common, own, found, diagnostics);
}

size_t warn_missing_dimensions(const std::vector<Communication>& communications,
                               Diagnostics& diagnostics, Audience audience) {
  size_t count = 0;
  for (const auto& c : communications) {
    const Origin& o = c.origin;
    for (const auto& d : kDimensions) {
      if (answered(c, d) || !shown_to(d, audience)) continue;
      ++count;
      Mark mark = o.mark_of(d.key);
      std::string path = o.path.empty() ? std::string(d.key) : fmt::format("{}.{}", o.path, d.key);
      diagnostics.warning(o.doc ? o.doc->file : "", mark, path, fmt::format("missing {}", d.name),
                          o.doc ? o.doc->line(mark) : Excerpt{});
    }
  }
  return count;
}

}  // namespace commplan
