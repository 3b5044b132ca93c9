#pragma once
// five-w2h's interactive checklist, apart from the terminal check so tests can drive it.

#include <iosfwd>

#include "model/project.hpp"

namespace commplan::cli {

/// Asks for the topic, then the seven 5W2H questions in turn, on `prompts`, reading one answer
/// a line from `in`; an empty line or the end of input leaves a dimension unanswered.
Communication ask_communication(std::istream& in, std::ostream& prompts, Lang lang);

}  // namespace commplan::cli
