// A finding's state on a given day, from its fields and its dated history.

#include "model/project.hpp"

namespace commplan {

namespace {

/// The state of `finding` with the history entries `include` accepts applied in order.
template <class Include>
FindingState apply_history(const Finding& finding, Include include) {
  FindingState state{finding.status, finding.severity, {}, finding.client_feedback};
  if (finding.history.empty()) return state;
  state.status = finding.recorded_status.value_or(Status::open);
  for (const HistoryEntry& entry : finding.history) {
    if (!include(entry)) continue;
    if (entry.status) state.status = entry.status;
    if (entry.severity) state.severity = entry.severity;
    if (!entry.feedback.empty()) state.client_feedback = entry.feedback;
    state.applied.push_back(&entry);
  }
  return state;
}

}  // namespace

std::optional<FindingState> finding_as_of(const Finding& finding, Date day) {
  if (finding.found && day < *finding.found) return std::nullopt;
  return apply_history(finding,
                       [day](const HistoryEntry& e) { return e.date.ok() && e.date <= day; });
}

FindingState finding_latest(const Finding& finding) {
  return apply_history(finding, [](const HistoryEntry&) { return true; });
}

std::vector<std::string> question_texts(const std::vector<Question>& questions) {
  std::vector<std::string> texts;
  texts.reserve(questions.size());
  for (const Question& question : questions) texts.push_back(question.text);
  return texts;
}

}  // namespace commplan
