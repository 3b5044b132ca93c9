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

/// What five-w2h is told besides the common view options.
struct FiveW2HOptions {
  std::string topic;    ///< the communication to list (--topic); empty: every one
  bool strict = false;  ///< warn about each unanswered dimension (--strict)
};

/// The communications the checklist covers: the one with id `topic`, else all of the file's;
/// a single blank one when there is no project or it has none (warned). An unknown `topic`,
/// or one without a project, is an error from --topic (naming the closest id) and gives none.
std::vector<Communication> select_communications(const Project* project, const std::string& topic,
                                                 Diagnostics& diagnostics);

/// The checklist view model ("commplan/five-w2h") of `communications`, selected by `topic`
/// (empty: all); `project` may be null.
nlohmann::json five_w2h_view(const Project* project,
                             const std::vector<Communication>& communications,
                             const ViewOptions& options, const std::string& topic = {});

/// The checklist of `project`'s communications, or of the one `own.topic` names; nullopt
/// when the builder added an error (an unknown topic).
std::optional<View> build_five_w2h_view(const Project& project, const ViewOptions& common,
                                        const FiveW2HOptions& own, Diagnostics& diagnostics);
std::optional<View> build_five_w2h_view(const Project&& project, const ViewOptions& common,
                                        const FiveW2HOptions& own,
                                        Diagnostics& diagnostics) = delete;

/// The checklist without a project, the one builder that takes none (its view refers to
/// nothing): of `answered` (the interactive answers), or a blank one when it is empty. A
/// topic needs a project: an error here.
std::optional<View> build_five_w2h_view(const std::vector<Communication>& answered,
                                        const ViewOptions& common, const FiveW2HOptions& own,
                                        Diagnostics& diagnostics);

/// Warns `communications[N].where: missing WHERE` for every unanswered dimension that the
/// checklist for `audience` shows (the client's has no HOW or HOW MUCH); returns how many there
/// are.
size_t warn_missing_dimensions(const std::vector<Communication>& communications,
                               Diagnostics& diagnostics, Audience audience = Audience::team);

}  // namespace commplan
