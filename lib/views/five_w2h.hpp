#pragma once
// The 5W2H checklist: for each communication, the seven dimensions of the method (WHY, WHAT,
// WHO, WHEN, WHERE, HOW, HOW MUCH), each with its guiding question and the answer, if any.

#include <array>
#include <string>
#include <vector>

#include "views/view.hpp"

namespace commplan {

/// One dimension of 5W2H: its key in the file and its name; its label and question in each
/// language are Words::FiveW2H's, at the same place in the list.
struct Dimension {
  std::string_view key;   ///< the field of a communication, e.g. `how_much`
  std::string_view name;  ///< `HOW MUCH`, the same in every language
  std::string Communication::*field;
};

/// The seven dimensions in the method's order.
const std::array<Dimension, 7>& five_w2h_dimensions();

/// The communications the checklist covers: the one with id `topic`, else all of the file's;
/// a single blank one when there is no project or it has none (warned). Throws Error(usage)
/// for an unknown `topic`, naming the closest id.
std::vector<Communication> select_communications(const Project* project, const std::string& topic,
                                                 Diagnostics& diagnostics);

/// The checklist view model ("commplan/five-w2h") of `communications`, selected by `topic`
/// (empty: all); `project` may be null.
nlohmann::json five_w2h_view(const Project* project,
                             const std::vector<Communication>& communications,
                             const ViewOptions& options, const std::string& topic = {});

/// The checklist of `project` (nullable: a blank checklist), or of its communication `topic`.
nlohmann::json build_five_w2h_view(const Project* project, const ViewOptions& options,
                                   Diagnostics& diagnostics, std::string topic);

/// Warns `communications[N].where: missing WHERE` for every unanswered dimension; returns how
/// many there are.
size_t warn_missing_dimensions(const std::vector<Communication>& communications,
                               Diagnostics& diagnostics);


}  // namespace commplan
