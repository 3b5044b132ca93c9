// What an import adds to a project and what it changes there.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "import/fields.hpp"
#include "import/import.hpp"
#include "util/dates.hpp"

namespace commplan {

using nlohmann::ordered_json;

namespace {

ordered_json date_or_empty(const std::optional<Date>& date) {
  return date ? format_date(*date) : std::string();
}

/// The items of `imported` that `existing` lacks.
ordered_json missing_items(const ordered_json& existing, const ordered_json& imported) {
  ordered_json missing = ordered_json::array();
  for (const auto& item : imported)
    if (std::find(existing.begin(), existing.end(), item) == existing.end())
      missing.push_back(item);
  return missing;
}

/// The change of a field other than status, severity and client feedback, if any.
std::optional<FieldChange> field_change(const Finding& finding, const std::string& key,
                                        const ordered_json& value) {
  ordered_json before = finding_field(finding, key);
  if (key == "affected" || key == "references") {
    ordered_json missing = missing_items(before, value);
    if (missing.empty()) return std::nullopt;
    return FieldChange{key, before, missing};
  }
  if (key == "retest") {
    ordered_json after = before.is_object() ? before : ordered_json::object();
    for (const auto& [name, item] : value.items()) after[name] = item;
    if (after == before) return std::nullopt;
    return FieldChange{key, before, after};
  }
  // Texts compare as an import reads them: a `|` block's last line break is no change.
  if (before == value || (before.is_string() && value.is_string() &&
                          imports::clean_text(before.get<std::string>()) == value))
    return std::nullopt;
  return FieldChange{key, before, value};
}

FindingUpdate compare(const Finding& finding, const ImportedFinding& imported) {
  FindingUpdate update{&finding, &imported, {}, {}, {}, {}, {}, {}};
  FindingState latest = finding_latest(finding);
  const ordered_json& fields = imported.fields;
  if (fields.contains("status")) {
    auto status = status_named(fields["status"].get<std::string>());
    update.status_before = latest.status.value_or(Status::open);
    if (status != update.status_before) update.status = status;
  }
  if (fields.contains("severity") && !imported.severity_defaulted) {
    auto severity = severity_named(fields["severity"].get<std::string>());
    update.severity_before = latest.severity;
    if (severity != latest.severity) update.severity = severity;
  }
  if (fields.contains("client_feedback") &&
      fields["client_feedback"].get<std::string>() != imports::clean_text(latest.client_feedback))
    update.feedback = fields["client_feedback"].get<std::string>();
  for (const auto& [key, value] : fields.items()) {
    if (key == "status" || key == "severity" || key == "client_feedback") continue;
    if (auto change = field_change(finding, key, value)) update.fields.push_back(*change);
  }
  return update;
}

}  // namespace

ordered_json finding_field(const Finding& f, const std::string& key) {
  static const std::map<std::string, Text Finding::*> texts{
      {"title", &Finding::title},       {"phase", &Finding::phase},
      {"standard", &Finding::standard}, {"evidence", &Finding::evidence},
      {"impact", &Finding::impact},     {"recommendation", &Finding::recommendation},
      {"owner", &Finding::owner},       {"client_feedback", &Finding::client_feedback}};
  if (auto it = texts.find(key); it != texts.end()) return (f.*(it->second)).str();
  if (key == "cvss") return f.cvss().str();
  if (key == "cwe") return f.cwe().str();
  if (key == "fingerprint") return f.fingerprint().str();
  if (key == "found") return date_or_empty(f.found);
  if (key == "due") return date_or_empty(f.due);
  if (key == "affected") return f.affected();
  if (key == "references") return f.references();
  if (key == "severity") return f.severity ? std::string(to_string(*f.severity)) : "";
  if (key == "status") return f.status ? std::string(to_string(*f.status)) : "";
  if (key == "retest" && f.retest()) {
    ordered_json retest{{"date", format_date(f.retest()->date)}};
    if (f.retest()->result) retest["result"] = to_string(*f.retest()->result);
    if (!f.retest()->note.empty()) retest["note"] = f.retest()->note;
    return retest;
  }
  return "";
}

ImportPlan plan_import(const Project& project, const std::vector<ImportedFinding>& imported,
                       const std::string& file, Diagnostics& diagnostics) {
  std::map<std::string_view, const Finding*> by_id, by_fingerprint;
  for (const Finding& f : project.findings) {
    by_id.emplace(f.id, &f);
    if (!f.fingerprint().empty()) by_fingerprint.emplace(f.fingerprint(), &f);
  }
  auto find = [](const auto& map, const std::string& key) -> const Finding* {
    auto it = map.find(key);
    return key.empty() || it == map.end() ? nullptr : it->second;
  };
  std::map<const Finding*, const ImportedFinding*> matched;  // the item that named each first
  ImportPlan plan;
  for (const ImportedFinding& item : imported) {
    const Finding* named = find(by_id, item.id);
    const Finding* printed = find(by_fingerprint, item.fingerprint);
    if (named != nullptr && printed != nullptr && named != printed) {
      diagnostics.error(
          file, item.mark, "",
          fmt::format("the id \"{}\" names finding {}, and the fingerprint \"{}\" "
                      "finding {}: which is it?",
                      item.id, named->id.view(), item.fingerprint, printed->id.view()));
      continue;
    }
    const Finding* match = named != nullptr ? named : printed;
    if (match != nullptr) {
      auto [first, inserted] = matched.emplace(match, &item);
      if (!inserted) {
        diagnostics.error(file, item.mark, "",
                          fmt::format("finding {} is imported on line {} already (by its {} "
                                      "there, by its {} here): one a finding",
                                      match->id.view(), first->second->mark.line,
                                      first->second->id == match->id.view() ? "id" : "fingerprint",
                                      named != nullptr ? "id" : "fingerprint"));
        continue;
      }
    }
    if (match == nullptr) {
      plan.added.push_back(&item);
      continue;
    }
    FindingUpdate update = compare(*match, item);
    if (!update.status && !update.severity && update.feedback.empty() && update.fields.empty())
      ++plan.unchanged;
    else
      plan.changed.push_back(std::move(update));
  }
  return plan;
}

}  // namespace commplan
