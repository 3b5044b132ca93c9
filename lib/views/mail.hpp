#pragma once
// Who a brief is mailed to and under what subject (--format eml): the `mail` block of the view
// model, which output/mail.hpp writes as a draft.
//
// The rules:
//   from     the lead: the first team member with an e-mail address;
//   to       the client's contact person, then the meeting's client attendees;
//   cc       our attendees of the meeting;
//   subject  the brief's words.mail pattern, in the page's language.
// Only people with an address are listed, each address once (compared without case), and the
// lead is never in To or Cc. A person named in both teams counts as ours, as in the plan.
// Each brief names its meeting's attendees: the kick-off's for kickoff, the recap meeting's for
// a recap (none on a day without one), the people present (else those invited) for minutes,
// everyone of both teams for plan, nobody for five-w2h (the contact and the lead only).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "views/schedule.hpp"

namespace commplan {

/// The names of `meeting`'s attendees; none for nullptr.
std::vector<std::string> attendee_names(const Touchpoint* meeting);

/// Everyone of both teams, ours first, in the file's order.
std::vector<std::string> everyone(const Project& project);

/// The names of a view's list of people: each item a name, or an object with a `name`.
std::vector<std::string> names_in(const nlohmann::json& list);

/// The `mail` block of `view` (a view model with its header and, for the meeting briefs, its
/// `meeting`): `from` ({name, email} or null), `to` and `cc` (lists of {name, email}) and
/// `subject`, for a meeting attended by `attendees` (names).
nlohmann::json mail_json(const Project& project, const nlohmann::json& view,
                         const std::vector<std::string>& attendees);

/// Sets `view["mail"]` to mail_json() of the attendees named.
void add_mail(nlohmann::json& view, const Project& project,
              const std::vector<std::string>& attendees);

/// Sets `view["mail"]` for the meeting `meeting` (nullptr: no meeting that day).
void add_mail(nlohmann::json& view, const Project& project, const Touchpoint* meeting);

}  // namespace commplan
