#pragma once
// Views: one builder per command turns the project into the JSON view model its template
// renders. The view model is a public output (`--format json`) and `commplan render` input.

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"
#include "template/library.hpp"

namespace commplan {

// Every view builder has one shape:
//
//   std::optional<View> build_X_view(const Project& project, const ViewOptions& common,
//                                    const XOptions& own, Diagnostics& diagnostics);
//
// `own` holds what only that command is told (an empty struct when nothing); the result is
// nullopt when the builder added an error to `diagnostics`. A View may refer lazily to its
// Project (a recap's findings), so each builder has a deleted overload taking a `Project&&`:
// a view cannot be built from a temporary project. five-w2h without a project (a blank or
// interactive checklist) is the one builder that takes none, and its view refers to nothing.

/// What every view builder is told besides the project.
struct ViewOptions {
  Lang lang = Lang::en;
  Date today;  ///< the day "today" means (--date)
  /// Who the page is for; for the client the project was loaded for the client too
  /// (load_project() left out what is internal), and the view leaves out what is for us.
  Audience audience = Audience::team;
};

/// The `version` of the view models this commplan writes, and the one it reads back
/// (`plan --from-view`).
inline constexpr int kViewVersion = 1;

/// A view model: its JSON data, in which long lists (a recap's findings) may stand as empty
/// arrays that are made item by item when the view is rendered or printed. A final recap lists
/// every finding by phase and again the open ones; made as they are read, 10,000 findings take
/// a few kilobytes at a time instead of tens of megabytes.
struct View {
  /// A list kept out of `data`: `fill` writes item `index` (of `size`) into `item`, which holds
  /// null or an earlier item whose storage it may reuse.
  struct List {
    std::string at;  ///< a JSON pointer to its placeholder, an empty array in `data`
    size_t size = 0;
    std::function<void(size_t index, nlohmann::json& item)> fill;
  };

  View() = default;
  View(nlohmann::json d) : data(std::move(d)) {}  // NOLINT(google-explicit-constructor)

  nlohmann::json data;
  std::vector<List> lists;

  /// Puts a list of `size` items made by `fill` at `at` (a JSON pointer) in `data`.
  void add_list(std::string at, size_t size, std::function<void(size_t, nlohmann::json&)> fill);
  /// The lists as the template engine takes them, pointing into `data` (valid while `data` is
  /// not changed).
  std::vector<tmpl::LazyList> lazy_lists() const;
  /// The whole view model, every list made.
  nlohmann::json whole() const;
  /// The view model as JSON text, two-space indented like nlohmann's dump(2), with `kind` and
  /// `version` first; lists are written item by item as they are made.
  std::string dump() const;
  /// dump() written into `out` and given away as it is made: whenever `out` holds `drain_at`
  /// bytes or more after a list's item, `drain` takes them (leaving `out` empty). What is left
  /// at the end stays in `out`. A large view is then never held as one text.
  void dump(std::string& out, const std::function<void(std::string&)>& drain,
            size_t drain_at) const;
};

/// The head every view model starts with: kind "commplan/<command>", version 1, lang, date,
/// the project's identity (name, client, summary, start, end, timezone), and what the pages
/// call each kind of meeting (`meeting_names`: kickoff, daily, phase, final; each `name` and
/// `in_text`, the name inside a sentence), who the page is for (`audience`: `name`, and
/// `team` or `client` true) and the project's `classification` label.
/// The view's `audience`: `name` (team or client), and `team` or `client` true, for templates
/// to show a part to one audience only (`{{#audience.team}}…{{/audience.team}}`).
nlohmann::json audience_json(Audience audience);

nlohmann::json view_header(std::string_view command, const Project& project,
                           const ViewOptions& options);

/// Leaves out of `data`, at any depth, the members named in `keys`: on the client's page, what
/// its view holds for us only (the questions the team's page prompts us to ask, our
/// deadlines). The templates show those parts to the team alone, and `--format json` is a
/// client page too.
void leave_out(nlohmann::json& data, std::initializer_list<std::string_view> keys);

/// `view`, or nullopt when `diagnostics` holds more errors than `errors_before` (the count
/// when the builder began).
std::optional<View> unless_new_errors(View view, const Diagnostics& diagnostics,
                                      size_t errors_before);

/// Reports that no `kind` of the project ("phase", "communication") has the id `id` asked for
/// with `option`: an error from that option, naming the closest of `ids`, else listing them.
void unknown_id(Diagnostics& diagnostics, std::string option, std::string_view kind,
                std::string_view id, const std::vector<std::string>& ids);

/// A warning about the project as a whole or one of its objects (for "to confirm" gaps and
/// the like), located at `origin`'s field when known.
void warn(Diagnostics& diagnostics, const Origin& origin, std::string_view field,
          std::string message);

}  // namespace commplan
