#include "views/validate.hpp"

#include <set>
#include <tuple>

#include "views/kickoff.hpp"
#include "views/minutes.hpp"
#include "views/plan.hpp"
#include "views/recap.hpp"

namespace commplan {

namespace {

using Key = std::tuple<Level, std::string, int, int, std::string, std::string>;

Key key_of(const Diagnostic& d) {
  return {d.level, d.file, d.mark.line, d.mark.column, d.path, d.message};
}

/// Appends the problems of `found` that `into` does not hold yet. Notes are about the page a
/// command makes on a day (a recap prepared before its meeting), not about the file: left out.
void append_new(Diagnostics& into, const Diagnostics& found) {
  std::set<Key> seen;
  for (const Diagnostic& d : into.items()) seen.insert(key_of(d));
  for (const Diagnostic& d : found.items())
    if (d.level != Level::note && seen.insert(key_of(d)).second) into.add(d);
}

}  // namespace

void check_briefs(const Project& project, Diagnostics& diagnostics) {
  ViewOptions options{project.lang.value_or(Lang::en), project.project.start};
  Diagnostics found;
  build_plan_view(project, options, {}, found);
  build_kickoff_view(project, options, {}, found);
  check_recaps(project, options, found);
  if (!project.minutes.empty()) {
    Diagnostics planning;  // the plan's own problems are the plan view's to report
    check_minutes_plan(project, build_schedule(project, planning), found);
  }
  append_new(diagnostics, found);
  diagnostics.sort_by_place();
}

}  // namespace commplan
