#pragma once
// The 5W2H checklist: for each communication, the seven dimensions of the method (WHY, WHAT,
// WHO, WHEN, WHERE, HOW, HOW MUCH), each with its guiding question and the answer, if any.

#include <array>
#include <string>
#include <vector>

#include "views/i18n.hpp"
#include "views/view.hpp"

namespace commplan {

/// One dimension of 5W2H: its key in the file, its name, a short label and its question.
struct Dimension {
  std::string_view key;   ///< the field of a communication, e.g. `how_much`
  std::string_view name;  ///< `HOW MUCH`, the same in every language
  Phrase label;
  Phrase question;
  std::string Communication::*field;
};

/// The seven dimensions in the method's order.
const std::array<Dimension, 7>& five_w2h_dimensions();

/// What the interactive checklist says before its questions, and the prompt for the topic.
inline constexpr Phrase kFiveW2HIntro{
    "Answer each question on one line; an empty line leaves it open.",
    "请逐项回答，每项一行；直接回车表示暂不填写。"};
inline constexpr Phrase kFiveW2HTopicPrompt{"Topic: what is the conversation about?",
                                            "主题：这次沟通要谈什么？"};

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

/// Every phrase the checklist uses, for completeness checks.
std::vector<Phrase> five_w2h_phrases();

}  // namespace commplan
