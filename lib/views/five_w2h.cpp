#include "views/five_w2h.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace commplan {

namespace {

const std::array<Dimension, 7> kDimensions = {{
    {"why",
     "WHY",
     {"Purpose", "目的"},
     {"Why are we talking? What is the purpose?", "为什么沟通？沟通的目的是什么？"},
     &Communication::why},
    {"what",
     "WHAT",
     {"Content", "内容"},
     {"What must be made clear? What is the key point?", "需要明确哪些内容？重点是什么？"},
     &Communication::what},
    {"who",
     "WHO",
     {"Counterpart", "对象"},
     {"Who are we talking to, and what is their role?", "沟通的对象是谁？是什么角色？"},
     &Communication::who},
    {"when",
     "WHEN",
     {"Timing", "时机"},
     {"When do we talk? Which times suit, and which do not?",
      "什么时间沟通？有没有合适或者不合适的时间？"},
     &Communication::when},
    {"where",
     "WHERE",
     {"Place", "地点"},
     {"Where do we talk? Which places suit, and which do not?",
      "在哪里沟通？有没有合适或不合适的地点？"},
     &Communication::where},
    {"how",
     "HOW",
     {"Manner", "方式"},
     {"How do we put it: firmly, tactfully, or some other way?",
      "采用什么样的沟通方式？强硬、委婉，还是其他方式？"},
     &Communication::how},
    {"how_much",
     "HOW MUCH",
     {"Depth", "程度"},
     {"How far do we take it? What outcome is enough this time?",
      "沟通到什么程度合适？这次拿到什么结果就够了？"},
     &Communication::how_much},
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

nlohmann::json dimension_json(const Communication& c, const Dimension& d, Lang lang) {
  bool ok = answered(c, d);
  return {{"key", d.key},
          {"name", d.name},
          {"label", d.label.in(lang)},
          {"question", d.question.in(lang)},
          {"answer", ok ? std::string(trim(c.*d.field)) : std::string()},
          {"missing", !ok}};
}

nlohmann::json communication_json(const Communication& c, size_t number, Lang lang) {
  nlohmann::json dimensions = nlohmann::json::array();
  int answers = 0;
  for (const auto& d : kDimensions) {
    dimensions.push_back(dimension_json(c, d, lang));
    if (answered(c, d)) ++answers;
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
  if (!found.has_errors() && own.strict) warn_missing_dimensions(selected, found);
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

std::string communication_id(std::string_view title) {
  std::string id;
  for (char ch : title) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 0x80)
      id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "topic" : id;
}

std::vector<Phrase> five_w2h_phrases() {
  std::vector<Phrase> phrases{kFiveW2HIntro, kFiveW2HTopicPrompt, kFiveW2HYamlNote};
  for (const auto& d : kDimensions) {
    phrases.push_back(d.label);
    phrases.push_back(d.question);
  }
  return phrases;
}

}  // namespace commplan
