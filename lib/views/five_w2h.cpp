#include "views/five_w2h.hpp"

#include <fmt/format.h>

#include "util/text.hpp"
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
          {"project", nullptr}};
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

nlohmann::json communication_json(const Communication& c, size_t number, Lang lang) {
  nlohmann::json dimensions = nlohmann::json::array();
  int answers = 0;
  for (size_t i = 0; i < kDimensions.size(); ++i) {
    dimensions.push_back(dimension_json(c, i, lang));
    if (answered(c, kDimensions[i])) ++answers;
  }
  return {{"number", number},
          {"id", c.id},
          {"title", c.title},
          {"heading", c.title.empty() ? c.id : c.title},
          {"answered", answers},
          {"missing", static_cast<int>(kDimensions.size()) - answers},
          {"complete", answers == static_cast<int>(kDimensions.size())},
          {"dimensions", std::move(dimensions)}};
}

[[noreturn]] void unknown_topic(const Project& project, const std::string& topic) {
  std::vector<std::string> ids;
  for (const auto& c : project.communications) ids.push_back(c.id);
  std::string message = fmt::format("no communication with id \"{}\"", topic);
  if (ids.empty())
    message += "; the file has no communications";
  else if (std::string best = closest_name(topic, ids); !best.empty())
    message += fmt::format("; did you mean \"{}\"?", best);
  else
    message += fmt::format("; the ids are: {}", join(ids, ", "));
  throw Error(Error::Kind::usage, "--topic", message);
}

}  // namespace

const std::array<Dimension, 7>& five_w2h_dimensions() { return kDimensions; }

std::vector<Communication> select_communications(const Project* project, const std::string& topic,
                                                 Diagnostics& diagnostics) {
  if (project == nullptr) {
    if (!topic.empty()) throw Error(Error::Kind::usage, "--topic", "--topic needs a PROJECT");
    return {Communication{}};
  }
  if (!topic.empty()) {
    for (const auto& c : project->communications)
      if (c.id == topic) return {c};
    unknown_topic(*project, topic);
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
    list.push_back(communication_json(communications[i], i + 1, options.lang));
    missing += list.back()["missing"].get<int>();
  }
  bool blank = communications.size() == 1 && communications[0].id.empty() &&
               list[0]["answered"].get<int>() == 0;
  view["blank"] = blank;
  view["missing"] = missing;
  view["complete"] = missing == 0;
  view["communications"] = std::move(list);
  return view;
}

nlohmann::json build_five_w2h_view(const Project* project, const ViewOptions& options,
                                   Diagnostics& diagnostics, std::string topic) {
  auto communications = select_communications(project, topic, diagnostics);
  return five_w2h_view(project, communications, options, topic);
}

size_t warn_missing_dimensions(const std::vector<Communication>& communications,
                               Diagnostics& diagnostics) {
  size_t count = 0;
  for (const auto& c : communications) {
    const Origin& o = c.origin;
    for (const auto& d : kDimensions) {
      if (answered(c, d)) continue;
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
