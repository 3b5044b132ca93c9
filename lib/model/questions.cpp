// The questions of log entries: when one the client put to us counts as answered.

#include "model/project.hpp"

namespace commplan {

std::optional<Date> answered_on(const Question& question, Date asked) {
  if (question.answered) return question.answered;
  if (!question.answer.empty() && !question.answer_by) return asked;
  return std::nullopt;
}

}  // namespace commplan
