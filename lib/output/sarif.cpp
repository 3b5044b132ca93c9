#include "output/sarif.hpp"

#include <cctype>
#include <optional>
#include <string>

#include "util/text.hpp"

namespace commplan {

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// The text of member `key` of `object`, or "" when it is not a text.
std::string text_of(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

/// The member `key` of `object`, or null.
const json& member(const json& object, const char* key) {
  static const json kNone;
  return object.is_object() && object.contains(key) ? object[key] : kNone;
}

/// Sets `object[key]` to `value` when it is a non-empty text.
void put_text(ordered& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

std::string_view level_of(const std::string& severity) {
  if (severity == "critical" || severity == "high") return "error";
  if (severity == "medium") return "warning";
  return "note";
}

/// The CVSS score of an item ("9.8") as a number, or nullopt.
std::optional<double> score_of(const json& item) {
  std::string score = text_of(member(item, "cvss"), "score");
  if (score.empty()) return std::nullopt;
  json number = json::parse(score, nullptr, false);
  if (!number.is_number()) return std::nullopt;
  return number.get<double>();
}

ordered rule_json(const json& item) {
  ordered rule = {{"id", text_of(item, "id")},
                  {"shortDescription", {{"text", text_of(item, "title")}}}};
  if (std::string impact = text_of(item, "impact"); !impact.empty())
    rule["fullDescription"] = {{"text", impact}};
  if (std::string recommendation = text_of(item, "recommendation"); !recommendation.empty())
    rule["help"] = {{"text", recommendation}};
  const json& references = member(item, "references");
  if (references.is_array() && !references.empty() && references[0].is_string() &&
      is_url(references[0].get<std::string>()) && is_uri_text(references[0].get<std::string>()))
    rule["helpUri"] = references[0].get<std::string>();
  ordered tags = ordered::array();
  if (std::string cwe = text_of(item, "cwe"); !cwe.empty()) tags.push_back(cwe);
  tags.push_back("security");
  rule["properties"] = {{"tags", std::move(tags)}};
  if (std::string score = text_of(member(item, "cvss"), "score"); !score.empty())
    rule["properties"]["security-severity"] = score;
  return rule;
}

ordered location_json(const std::string& asset) {
  if (looks_like_uri(asset))
    return {{"physicalLocation", {{"artifactLocation", {{"uri", asset}}}}}};
  return {{"logicalLocations", ordered::array({{{"name", asset}}})}};
}

ordered result_properties(const json& item) {
  ordered properties = {{"id", text_of(item, "id")}};
  put_text(properties, "severity", text_of(item, "severity"));
  put_text(properties, "status", text_of(item, "status"));
  put_text(properties, "cvss", text_of(member(item, "cvss"), "vector"));
  if (std::optional<double> score = score_of(item)) {
    properties["cvss_score"] = *score;
    properties["security-severity"] = text_of(member(item, "cvss"), "score");
  }
  for (const char* key : {"cwe", "found", "due", "phase", "owner", "standard", "client_feedback"})
    put_text(properties, key, text_of(item, key));
  if (const json& references = member(item, "references");
      references.is_array() && !references.empty())
    properties["references"] = ordered(references);
  if (member(item, "retest").is_object()) properties["retest"] = ordered(member(item, "retest"));
  return properties;
}

ordered result_json(const json& item, size_t index) {
  std::string message = text_of(item, "title");
  if (std::string evidence = text_of(item, "evidence"); !evidence.empty())
    message += "\n\n" + evidence;
  std::string fingerprint = text_of(item, "fingerprint");
  ordered result = {{"ruleId", text_of(item, "id")},
                    {"ruleIndex", index},
                    {"level", level_of(text_of(item, "severity"))},
                    {"message", {{"text", message}}}};
  ordered locations = ordered::array();
  for (const json& asset : member(item, "affected"))
    if (asset.is_string()) locations.push_back(location_json(asset.get<std::string>()));
  if (!locations.empty()) result["locations"] = std::move(locations);
  result["partialFingerprints"] = {
      {"commplan/v1", fingerprint.empty() ? text_of(item, "id") : fingerprint}};
  result["properties"] = result_properties(item);
  return result;
}

ordered run_properties(const json& view) {
  const json& project = member(view, "project");
  ordered properties = {{"project", text_of(project, "name")},
                        {"client", text_of(project, "client")},
                        {"date", text_of(view, "date")},
                        {"audience", text_of(member(view, "audience"), "name")}};
  put_text(properties, "classification", text_of(project, "classification"));
  return properties;
}

}  // namespace

bool looks_like_uri(std::string_view asset) {
  if (!is_uri_text(asset)) return false;
  if (is_url(asset)) return true;
  if (asset.starts_with("/") || asset.starts_with("./") || asset.starts_with("../")) return true;
  size_t slash = asset.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view head = asset.substr(0, slash);
  bool letter = false;
  for (char c : head) letter = letter || is_letter(c);
  return letter && head.find(':') == std::string_view::npos;
}

nlohmann::ordered_json register_sarif_json(const json& view) {
  ordered rules = ordered::array();
  ordered results = ordered::array();
  const json& findings = member(view, "findings");
  for (size_t i = 0; i < findings.size(); ++i) {
    rules.push_back(rule_json(findings[i]));
    results.push_back(result_json(findings[i], i));
  }
  ordered driver = {
      {"name", "commplan"}, {"version", COMMPLAN_VERSION}, {"rules", std::move(rules)}};
  ordered run = {{"tool", {{"driver", std::move(driver)}}},
                 {"language", text_of(view, "lang") == "zh" ? "zh-CN" : "en-US"},
                 {"results", std::move(results)},
                 {"properties", run_properties(view)}};
  return {{"version", "2.1.0"}, {"$schema", kSchema}, {"runs", ordered::array({std::move(run)})}};
}

std::string register_sarif(const json& view) { return register_sarif_json(view).dump(2) + "\n"; }

}  // namespace commplan
