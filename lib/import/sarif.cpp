// Findings read from a SARIF 2.1.0 log: of any scanner (Semgrep, CodeQL, Trivy, ZAP…), or of
// `commplan findings export --format sarif`, whose results carry every field of a finding.

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "import/fields.hpp"
#include "import/import.hpp"
#include "load/document.hpp"
#include "util/text.hpp"

namespace commplan {

namespace {

using namespace imports;
using nlohmann::ordered_json;

/// The fingerprint commplan's export gives a result: the finding's fingerprint, or its id.
constexpr std::string_view kCommplanFingerprint = "commplan/v1";

/// A mapping's value at `key`, or nullptr (also when `node` is no mapping).
const Node* at(const Node* node, std::string_view key) {
  return node != nullptr && node->is_mapping() ? node->find(key) : nullptr;
}

/// The text of a scalar node; "" for anything else.
std::string_view text_of(const Node* node) {
  return node != nullptr && node->is_scalar() ? node->text() : std::string_view();
}

/// The text of a SARIF message or multiformat string (`{"text": …}`).
std::string_view message_text(const Node* node) { return text_of(at(node, "text")); }

/// The severity a CVSS-like score in `text` rates (GitHub's `security-severity`): a decimal
/// number (strtod alone would also read "0x9", "1e1" or "inf").
std::optional<Severity> severity_of_score(std::string_view text) {
  std::string number(trim(text));
  if (number.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double score = std::strtod(number.c_str(), &end);
  if (number.empty() || end != number.c_str() + number.size() || !(score >= 0 && score <= 10))
    return std::nullopt;
  if (score >= 9) return Severity::critical;
  if (score >= 7) return Severity::high;
  if (score >= 4) return Severity::medium;
  if (score > 0) return Severity::low;
  return Severity::info;
}

/// `{0}`, `{1}`… of a message string filled with the message's arguments.
std::string with_arguments(std::string_view pattern, const Node* arguments) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    size_t close = pattern.find('}', i);
    if (pattern[i] == '{' && close != std::string_view::npos && close > i + 1 && close - i < 5) {
      std::string_view digits = pattern.substr(i + 1, close - i - 1);
      if (digits.find_first_not_of("0123456789") == std::string_view::npos) {
        size_t n = std::stoul(std::string(digits));
        if (arguments != nullptr && arguments->is_sequence() && n < arguments->items().size()) {
          out += text_of(&arguments->items()[n]);
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

/// The rules of a run, by their place and by id: the driver's, then each extension's.
struct Rules {
  std::vector<const Node*> driver;
  std::vector<std::vector<const Node*>> extensions;
  std::map<std::string_view, const Node*> by_id;

  explicit Rules(const Node* tool) {
    driver = list(at(at(tool, "driver"), "rules"));
    if (const Node* exts = at(tool, "extensions"); exts != nullptr && exts->is_sequence())
      for (const Node& ext : exts->items()) extensions.push_back(list(at(&ext, "rules")));
    for (const auto* group : {&driver}) index(*group);
    for (const auto& group : extensions) index(group);
  }

  /// The rule of `result`: by rule.index (in its tool component), ruleIndex, else its id.
  const Node* of(const Node* result, std::string_view id) const {
    const Node* ref = at(result, "rule");
    std::optional<size_t> index = number(at(ref, "index"));
    if (!index) index = number(at(result, "ruleIndex"));
    const std::vector<const Node*>* group = &driver;
    if (std::optional<size_t> ext = number(at(at(ref, "toolComponent"), "index")))
      group = *ext < extensions.size() ? &extensions[*ext] : nullptr;
    if (index && group != nullptr && *index < group->size()) return (*group)[*index];
    auto it = by_id.find(id);
    return it != by_id.end() ? it->second : nullptr;
  }

 private:
  static std::vector<const Node*> list(const Node* rules) {
    std::vector<const Node*> out;
    if (rules != nullptr && rules->is_sequence())
      for (const Node& rule : rules->items()) out.push_back(&rule);
    return out;
  }
  void index(const std::vector<const Node*>& group) {
    for (const Node* rule : group)
      if (std::string_view id = text_of(at(rule, "id")); !id.empty()) by_id.emplace(id, rule);
  }
  static std::optional<size_t> number(const Node* node) {
    std::string_view text = text_of(node);
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != text.npos)
      return std::nullopt;
    return std::stoul(std::string(text));
  }
};

class SarifReader {
 public:
  SarifReader(const Document& doc, const Project& project, Diagnostics& diagnostics)
      : doc_(doc), project_(project), diagnostics_(diagnostics) {}

  ImportedFindings read() {
    const Node* runs = at(&doc_.root, "runs");
    if (runs == nullptr || !runs->is_sequence()) {
      error(runs != nullptr ? *runs : doc_.root, runs != nullptr ? "runs" : "",
            "not a SARIF log: expected a mapping with a list of runs");
      return out_;
    }
    for (size_t r = 0; r < runs->items().size(); ++r)
      run(runs->items()[r], fmt::format("runs[{}]", r));
    return out_;
  }

 private:
  void run(const Node& run, const std::string& path) {
    if (!run.is_mapping()) return error(run, path, "expected a run (a mapping)");
    const Node* tool = at(&run, "tool");
    Rules rules(tool);
    bool commplan = text_of(at(at(tool, "driver"), "name")) == "commplan";
    const Node* results = at(&run, "results");
    if (results == nullptr || results->is_null()) return;
    if (!results->is_sequence()) return error(*results, path + ".results", "expected a list");
    for (size_t i = 0; i < results->items().size(); ++i) {
      const Node& node = results->items()[i];
      std::string where = fmt::format("{}.results[{}]", path, i);
      if (!node.is_mapping()) {
        error(node, where, "expected a result (a mapping)");
        continue;
      }
      if (passed_over(node)) {
        ++out_.skipped;
        continue;
      }
      result(node, where, rules, commplan, run);
    }
  }

  /// A result that reports no problem: of kind pass or notApplicable, or suppressed (a
  /// suppression not rejected nor under review).
  static bool passed_over(const Node& result) {
    std::string_view kind = text_of(at(&result, "kind"));
    if (kind == "pass" || kind == "notApplicable") return true;
    const Node* suppressions = at(&result, "suppressions");
    if (suppressions == nullptr || !suppressions->is_sequence()) return false;
    return std::any_of(suppressions->items().begin(), suppressions->items().end(),
                       [](const Node& s) {
                         std::string_view status = text_of(at(&s, "status"));
                         return status != "rejected" && status != "underReview";
                       });
  }

  void result(const Node& node, const std::string& path, const Rules& rules, bool commplan,
              const Node& run) {
    ImportedFinding finding;
    finding.mark = node.mark();
    std::string_view rule_id = text_of(at(&node, "ruleId"));
    if (rule_id.empty()) rule_id = text_of(at(at(&node, "rule"), "id"));
    const Node* rule = rules.of(&node, rule_id);
    const Node* props = at(&node, "properties");
    const Node* rule_props = at(rule, "properties");
    commplan = commplan || text_of(at(at(&node, "partialFingerprints"), kCommplanFingerprint)) !=
                               std::string_view();

    std::string message = clean_text(message_of(node, rule));
    size_t line_end = std::min(message.find('\n'), message.size());
    std::string title(trim(std::string_view(message).substr(0, line_end)));
    // A commplan export's message is the title, then a blank line and the evidence; its rule's
    // short description is the title alone, line breaks and all.
    if (std::string whole = commplan ? clean_text(message_text(at(rule, "shortDescription"))) : "";
        !whole.empty() && message.starts_with(whole) &&
        (message.size() == whole.size() || message.compare(whole.size(), 2, "\n\n") == 0)) {
      title = whole;
      line_end = whole.size();
    }
    if (title.empty()) title = clean_text(message_text(at(rule, "shortDescription")));
    if (title.empty()) title = clean_text(text_of(at(rule, "name")));
    if (title.empty()) title = std::string(rule_id);
    if (title.empty()) return error(node, path, "a result without a message nor a rule to name it");
    finding.fields["title"] = title;
    std::string evidence = clean_text(std::string_view(message).substr(line_end));
    if (evidence.empty()) evidence = clean_text(snippet(node));
    if (!evidence.empty()) finding.fields["evidence"] = evidence;

    // A commplan export names the severity in its properties; a finding it does not rate is
    // written with the level SARIF requires (note), which must not rate it.
    if (!commplan || at(props, "severity") != nullptr) severity(finding, node, rule, path);
    if (const Node* status = at(props, "status"))
      if (auto value = status_word(text_of(status))) finding.fields["status"] = to_string(*value);
    if (std::string cwe = cwe_in(props).empty() ? cwe_in(rule_props) : cwe_in(props); !cwe.empty())
      finding.fields["cwe"] = cwe;
    affected(finding, node, run);
    rule_texts(finding, rule, props, rule_props, title);
    if (commplan) commplan_fields(finding, props, path + ".properties");
    identity(finding, node, path, rule_id, commplan);
  }

  /// The message: its text, else the rule's message string it names, filled with its arguments.
  static std::string message_of(const Node& result, const Node* rule) {
    const Node* message = at(&result, "message");
    std::string_view text = message_text(message);
    if (!trim(text).empty()) return std::string(text);
    std::string_view id = text_of(at(message, "id"));
    if (id.empty()) return "";
    const Node* pattern = at(at(at(rule, "messageStrings"), id), "text");
    return pattern != nullptr ? with_arguments(text_of(pattern), at(message, "arguments")) : "";
  }

  static std::string_view snippet(const Node& result) {
    const Node* locations = at(&result, "locations");
    if (locations == nullptr || !locations->is_sequence() || locations->items().empty()) return {};
    const Node* region = at(at(&locations->items()[0], "physicalLocation"), "region");
    return message_text(at(region, "snippet"));
  }

  /// properties.severity when it is a word of commplan; else security-severity (of the result,
  /// else of its rule) rated as CVSS rates a score; else the level (the result's, else its
  /// rule's default, else SARIF's default, warning).
  void severity(ImportedFinding& finding, const Node& node, const Node* rule,
                const std::string& path) {
    const Node* props = at(&node, "properties");
    std::optional<Severity> value = severity_word(text_of(at(props, "severity")));
    for (const Node* p : {props, at(rule, "properties")})
      if (!value) value = severity_of_score(text_of(at(p, "security-severity")));
    if (!value) {
      const Node* level = at(&node, "level");
      std::string where = path + ".level";
      if (level != nullptr && level->is_null()) level = nullptr;  // null: not given
      if (level == nullptr) {
        level = at(at(rule, "defaultConfiguration"), "level");
        where = "defaultConfiguration.level";
        if (level != nullptr && level->is_null()) level = nullptr;
      }
      std::string_view word = level != nullptr ? text_of(level) : "warning";
      finding.severity_defaulted = level == nullptr;
      static const std::map<std::string_view, Severity> levels{{"error", Severity::high},
                                                               {"warning", Severity::medium},
                                                               {"note", Severity::low},
                                                               {"none", Severity::info}};
      auto it = levels.find(word);
      if (it == levels.end())
        return error(
            *level, where,
            fmt::format("unknown level \"{}\"; expected error, warning, note or none", word));
      value = it->second;
    }
    finding.fields["severity"] = to_string(*value);
  }

  /// The CWE that the `cwe` property or a tag (`CWE-79`, `external/cwe/cwe-079`) names.
  static std::string cwe_in(const Node* props) {
    if (std::string cwe = cwe_of(text_of(at(props, "cwe"))); !cwe.empty()) return cwe;
    const Node* tags = at(props, "tags");
    if (tags == nullptr || !tags->is_sequence()) return "";
    for (const Node& tag : tags->items()) {
      std::string_view text = text_of(&tag);
      bool names_cwe =
          text.size() >= 3 && (text.find("cwe") != text.npos || text.find("CWE") != text.npos);
      if (std::string cwe = names_cwe ? cwe_of(text) : ""; !cwe.empty()) return cwe;
    }
    return "";
  }

  /// The result's locations: a file's URI (with `:LINE` when a region starts on one), else the
  /// names of its logical locations.
  static void affected(ImportedFinding& finding, const Node& node, const Node& run) {
    std::vector<std::string> places;
    auto add = [&](std::string place) {
      if (!place.empty() && std::find(places.begin(), places.end(), place) == places.end())
        places.push_back(std::move(place));
    };
    const Node* locations = at(&node, "locations");
    if (locations != nullptr && locations->is_sequence())
      for (const Node& location : locations->items()) {
        const Node* physical = at(&location, "physicalLocation");
        const Node* artifact = at(physical, "artifactLocation");
        std::string uri(trim(text_of(at(artifact, "uri"))));
        if (uri.empty()) uri = artifact_uri(run, at(artifact, "index"));
        std::string_view line = text_of(at(at(physical, "region"), "startLine"));
        if (!uri.empty()) add(line.empty() ? uri : fmt::format("{}:{}", uri, line));
        const Node* logical = at(&location, "logicalLocations");
        if (uri.empty() && logical != nullptr && logical->is_sequence())
          for (const Node& name : logical->items()) {
            std::string_view text = text_of(at(&name, "fullyQualifiedName"));
            add(std::string(trim(text.empty() ? text_of(at(&name, "name")) : text)));
          }
      }
    if (!places.empty()) finding.fields["affected"] = places;
  }

  static std::string artifact_uri(const Node& run, const Node* index) {
    const Node* artifacts = at(&run, "artifacts");
    std::string_view text = text_of(index);
    if (artifacts == nullptr || !artifacts->is_sequence() || text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != text.npos)
      return "";
    size_t i = std::stoul(std::string(text));
    if (i >= artifacts->items().size()) return "";
    return std::string(trim(text_of(at(at(&artifacts->items()[i], "location"), "uri"))));
  }

  /// What the rule says: its help as the recommendation, its full description as the impact,
  /// its help URI (and any `references` property) as references.
  static void rule_texts(ImportedFinding& finding, const Node* rule, const Node* props,
                         const Node* rule_props, const std::string& title) {
    if (std::string help = clean_text(message_text(at(rule, "help"))); !help.empty())
      finding.fields["recommendation"] = help;
    std::string impact = clean_text(message_text(at(rule, "fullDescription")));
    if (!impact.empty() && impact != title) finding.fields["impact"] = impact;
    std::vector<std::string> references;
    auto add = [&](std::string_view ref) {
      std::string text(trim(ref));
      if (!text.empty() &&
          std::find(references.begin(), references.end(), text) == references.end())
        references.push_back(text);
    };
    add(text_of(at(rule, "helpUri")));
    for (const Node* p : {props, rule_props})
      if (const Node* list = at(p, "references"); list != nullptr && list->is_sequence())
        for (const Node& ref : list->items()) add(text_of(&ref));
    if (!references.empty()) finding.fields["references"] = references;
  }

  /// The fields a commplan export keeps in a result's properties.
  void commplan_fields(ImportedFinding& finding, const Node* props, const std::string& path) {
    static const std::vector<std::string> keys{"status",   "cvss",  "cwe",   "found",
                                               "due",      "phase", "owner", "client_feedback",
                                               "standard", "impact"};
    if (const Node* severity = at(props, "severity"); severity != nullptr)
      put(finding, "severity", *severity, path + ".severity");
    for (const std::string& key : keys)
      if (const Node* value = at(props, key); value != nullptr && !trim(text_of(value)).empty())
        put(finding, key, *value, path + "." + key);
    const Node* retest = at(props, "retest");
    if (retest == nullptr || !retest->is_mapping()) return;
    for (const char* key : {"date", "result", "note"})
      if (const Node* value = at(retest, key); value != nullptr && !trim(text_of(value)).empty())
        put(finding, std::string("retest_") + key, *value, path + ".retest." + key);
  }

  void put(ImportedFinding& finding, const std::string& key, const Node& value,
           const std::string& path) {
    std::string problem = value.is_scalar()
                              ? put_field(key, value.text(), project_, finding.fields)
                              : fmt::format("expected a text, got {}", kind_name(value));
    if (!problem.empty()) error(value, path, problem);
  }

  /// The id and the fingerprint: a commplan export's id (properties.id, else its rule id) and
  /// `commplan/v1` fingerprint (the finding's own fingerprint when it is not the id); another
  /// tool's first fingerprint, `KEY=VALUE`, of fingerprints, else of partialFingerprints (keys in
  /// order), else `RULE@PLACE` made of its rule and its first location.
  void identity(ImportedFinding& finding, const Node& node, const std::string& path,
                std::string_view rule_id, bool commplan) {
    const Node* props = at(&node, "properties");
    bool made = false;
    if (commplan) {
      finding.id = trim(text_of(at(props, "id")));
      if (finding.id.empty()) finding.id = trim(rule_id);
      std::string_view print =
          trim(text_of(at(at(&node, "partialFingerprints"), kCommplanFingerprint)));
      if (!print.empty() && print != finding.id) finding.fingerprint = print;
    } else {
      finding.fingerprint = first_fingerprint(at(&node, "fingerprints"));
      if (finding.fingerprint.empty())
        finding.fingerprint = first_fingerprint(at(&node, "partialFingerprints"));
      if (finding.fingerprint.empty() && !rule_id.empty() && finding.fields.contains("affected")) {
        finding.fingerprint =
            fmt::format("{}@{}", rule_id, finding.fields["affected"][0].get<std::string>());
        made = true;
      }
    }
    if (!finding.fingerprint.empty()) finding.fields["fingerprint"] = finding.fingerprint;
    if (once(finding, node, path, made)) out_.findings.push_back(std::move(finding));
  }

  static std::string first_fingerprint(const Node* prints) {
    if (prints == nullptr || !prints->is_mapping() || prints->entries().empty()) return "";
    const Entry* first = &prints->entries()[0];
    for (const Entry& entry : prints->entries())
      if (entry.key() < first->key()) first = &entry;
    std::string_view value = trim(text_of(&first->value));
    return value.empty() ? "" : fmt::format("{}={}", first->key(), value);
  }

  /// Whether this is the first result of the file with its id and fingerprint: a second one is
  /// an error, or passed over when its fingerprint was `made` of its rule and place.
  bool once(const ImportedFinding& finding, const Node& node, const std::string& path, bool made) {
    for (auto [value, seen, what] :
         {std::tuple(&finding.id, &seen_ids_, "id"),
          std::tuple(&finding.fingerprint, &seen_fingerprints_, "fingerprint")}) {
      if (value->empty()) continue;
      auto [it, inserted] = seen->emplace(*value, node.mark().line);
      if (inserted) continue;
      if (made) {
        ++out_.skipped;
        return false;
      }
      error(node, path,
            fmt::format("a second result with the {} \"{}\" (the first is on line {}): one result "
                        "a finding",
                        what, *value, it->second));
      return false;
    }
    return true;
  }

  void error(const Node& node, std::string path, std::string message) {
    diagnostics_.error(doc_.file, node.mark(), std::move(path), std::move(message),
                       doc_.line(node.mark()));
  }

  const Document& doc_;
  const Project& project_;
  Diagnostics& diagnostics_;
  ImportedFindings out_;
  std::map<std::string, int> seen_ids_, seen_fingerprints_;
};

}  // namespace

ImportedFindings read_sarif_findings(const std::string& file, std::string text,
                                     const Project& project, Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  Document doc = parse_document(file, std::move(text), Format::json, diagnostics);
  if (diagnostics.error_count() > errors || doc.root.is_null()) {
    if (diagnostics.error_count() == errors)
      diagnostics.error(file, {1, 1, 0}, {}, "an empty file: expected a SARIF log");
    return {};
  }
  return SarifReader(doc, project, diagnostics).read();
}

}  // namespace commplan
