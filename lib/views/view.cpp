#include "views/view.hpp"

#include <fmt/format.h>

namespace commplan {

nlohmann::json view_header(std::string_view command, const Project& project,
                           const ViewOptions& options) {
  const ProjectInfo& p = project.project;
  nlohmann::json project_json = {{"name", p.name},
                                 {"client", p.client},
                                 {"summary", p.summary},
                                 {"start", format_date(p.start)},
                                 {"end", format_date(p.end)},
                                 {"timezone", p.timezone}};
  return nlohmann::json{{"kind", fmt::format("commplan/{}", command)},
                        {"version", 1},
                        {"lang", to_string(options.lang)},
                        {"date", format_date(options.today)},
                        {"project", std::move(project_json)}};
}

void warn(Diagnostics& diagnostics, const Origin& origin, std::string_view field,
          std::string message) {
  Mark mark = origin.mark_of(field);
  std::string path = origin.path;
  if (!field.empty() && origin.node != nullptr && origin.node->find(field) != nullptr)
    path = path.empty() ? std::string(field) : fmt::format("{}.{}", path, field);
  const Document* doc = origin.doc;
  diagnostics.warning(doc ? doc->file : "", mark, path, std::move(message),
                      doc ? doc->line(mark) : "");
}

}  // namespace commplan
