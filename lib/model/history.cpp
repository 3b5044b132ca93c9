// A finding's state on a given day, from its fields and its dated history.

#include "model/project.hpp"

namespace commplan {

namespace {

/// The status and severity of `finding` with the history entries `include` accepts applied in
/// order, each passed to `applied`.
template <class Include, class Applied>
FindingFields apply_history(const Finding& finding, Include include, Applied applied) {
  FindingFields fields = finding_first_recorded(finding);
  for (const HistoryEntry& entry : finding.history) {
    if (!include(entry)) continue;
    fields = apply_entry(fields, entry);
    applied(entry);
  }
  return fields;
}

/// The state of `finding` with the history entries `include` accepts applied in order.
template <class Include>
FindingState state_of(const Finding& finding, Include include) {
  FindingState state;
  FindingFields fields = apply_history(
      finding, include, [&state](const HistoryEntry& entry) { state.applied.push_back(&entry); });
  state.status = fields.status;
  state.severity = fields.severity;
  state.client_feedback = fields.client_feedback;
  return state;
}

bool on_or_before(const HistoryEntry& entry, Date day) {
  return entry.date.ok() && entry.date <= day;
}

}  // namespace

FindingFields finding_first_recorded(const Finding& finding) {
  if (finding.history.empty()) return {finding.status, finding.severity, finding.client_feedback};
  return {finding.recorded_status.value_or(Status::open), finding.severity,
          finding.client_feedback};
}

FindingFields apply_entry(FindingFields fields, const HistoryEntry& entry) {
  if (entry.status) fields.status = entry.status;
  if (entry.severity) fields.severity = entry.severity;
  if (!entry.feedback.empty()) fields.client_feedback = entry.feedback;
  return fields;
}

bool states_found_status(const Finding& finding, const HistoryEntry& entry, Date first_day) {
  Date found = finding.found ? *finding.found : first_day;
  return !finding.history.empty() && &entry == &finding.history.front() && entry.status &&
         !entry.severity && entry.note.empty() && entry.by.empty() && !entry.notified &&
         entry.feedback.empty() && entry.date.ok() && found.ok() && entry.date <= found;
}

std::optional<FindingState> finding_as_of(const Finding& finding, Date day) {
  if (finding.found && day < *finding.found) return std::nullopt;
  return state_of(finding, [day](const HistoryEntry& e) { return on_or_before(e, day); });
}

std::optional<FindingFields> finding_fields_as_of(const Finding& finding, Date day) {
  if (finding.found && day < *finding.found) return std::nullopt;
  return apply_history(
      finding, [day](const HistoryEntry& e) { return on_or_before(e, day); },
      [](const HistoryEntry&) {});
}

FindingState finding_latest(const Finding& finding) {
  return state_of(finding, [](const HistoryEntry&) { return true; });
}

std::vector<std::string> question_texts(const std::vector<Question>& questions) {
  std::vector<std::string> texts;
  texts.reserve(questions.size());
  for (const Question& question : questions) texts.push_back(question.text);
  return texts;
}

}  // namespace commplan
