#pragma once
// What the recording commands (finding add, finding set, log add, minutes add) share: who
// records, which file a record goes to, and validate-then-write of one edit of that file.
//
// A run, for any recording command:
//   auto rec = open_recording(ctx, opts);          // PROJECT loaded; nullopt: errors reported
//   if (!rec) return kInvalid;
//   Date day = record_date(ctx, opts.date, rec->project);
//   std::string author = resolve_author(ctx, opts.by, *rec);
//   RecordTarget target = record_target(*rec, day, author);   // project file or log_dir file
//   FileEdit edit = open_edit(target);
//   edit.append({"log"}, {{"date", format_date(day)}, {"by", author}, {"done", {"…"}}});
//   return commit_record(ctx, *rec, target, edit.text(), "the log of 2027-03-03 by Li Wei");
// commit_record loads the project as it would be with the new text, refuses (exit 1, nothing
// written) when that has errors, else writes the file atomically and prints
// `recorded SUMMARY in FILE`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "edit/edit.hpp"
#include "model/project.hpp"
#include "output/write.hpp"

namespace commplan::cli {

/// The options every recording command takes: PROJECT, --date and --by.
struct RecordOptions {
  std::string project;
  std::string date;  ///< --date (--found): YYYY-MM-DD, today or yesterday; empty: today
  std::string by;    ///< --by: who records; empty: resolve_author() decides
};

/// Adds PROJECT, the day's option `date_option` (--date; finding add's --found) described by
/// `date_help`, and --by to `cmd`.
void add_record_options(CLI::App* cmd, RecordOptions& opts, const std::string& date_option,
                        const std::string& date_help);

/// A project opened to record into: its file, its text as read, and the model.
struct Recording {
  /// The project file locked from before it is read until the command ends, so that recording
  /// commands run at once on one project (a CI job and a person) take turns: each reads what
  /// the one before wrote, and none loses another's record.
  FileLock lock;
  std::string file;         ///< PROJECT as given
  std::string text;         ///< its content
  Project project;          ///< loaded from it, log_dir included
  Diagnostics diagnostics;  ///< what loading it said (warnings only: it had no error)
};

/// Loads PROJECT to record into. It must be a file (not standard input) and load without
/// errors: otherwise the errors are reported and nullopt returned (exit 1).
std::optional<Recording> open_recording(Context& ctx, const RecordOptions& opts);

/// The day the option `option` names (`date`: YYYY-MM-DD, today, yesterday; empty: today,
/// which is SOURCE_DATE_EPOCH's day when set, else the current date in the project's time
/// zone), as the briefs read --date. Throws Error(usage) for a malformed value.
Date record_date(Context& ctx, std::string_view option, const std::string& date,
                 const Project& project);

/// Who records: `by` (--by), else COMMPLAN_USER, else `git config user.name` run in the
/// project file's folder, else the first member of the team; empty when none of these gives a
/// name.
std::string resolve_author(Context& ctx, const std::string& by, const Recording& rec);

/// The user.name git gives in `folder` (run without a shell); empty when git is missing,
/// fails or has none.
std::string git_user_name(const std::string& folder);

/// `name` as a file name may carry it: ASCII letters in lower case, digits and other
/// characters (CJK names) kept, every run of anything else (spaces, dots, slashes, control
/// characters) one `-`, none at either end: `Li Wei` → `li-wei`, `李伟` → `李伟`.
std::string file_name_part(std::string_view name);

/// The file a record of `author` on `day` goes to.
struct RecordTarget {
  std::string file;       ///< the path to write
  bool log_file = false;  ///< a log_dir file, DATE.NAME.yaml; else the project file
  bool exists = true;     ///< false for a log_dir file not written yet
  std::string text;       ///< its current text ("" when it does not exist)
  Date start;             ///< the engagement's first day
};

/// With log_dir, the author's file of the day in that folder, `DATE.NAME.yaml` (NAME the
/// file_name_part() of the author); without, the project file itself. Throws Error(usage)
/// when log_dir needs a name and `author` is empty.
RecordTarget record_target(const Recording& rec, Date day, const std::string& author);

/// The file that holds `doc`, one of the documents `rec`'s project was read from (the project
/// file or one of its log_dir files), to edit a record already written there.
RecordTarget target_holding(const Recording& rec, const Document& doc);

/// The index of the item of sequence `list` whose node is `node`; nullopt when it is not one.
std::optional<size_t> index_of(const Node* list, const Node* node);

/// `text` with its ASCII letters in lower case, for matching a text given on the command line.
std::string ascii_lower(std::string_view text);

/// An edit of the target's text (an empty YAML text for a new log file).
FileEdit open_edit(const RecordTarget& target);

/// Loads the project as it would be with `text` in place of the target's content; when that
/// has errors, reports them (located in the new text) and returns kInvalid, writing nothing.
/// Otherwise writes the file atomically (Error(io), exit 3, when it cannot be written: nothing
/// is left half-written), reports the warnings the project did not have before, prints
/// `recorded SUMMARY in FILE` and returns kOk.
int commit_record(Context& ctx, const Recording& rec, const RecordTarget& target,
                  const std::string& text, const std::string& summary);

/// The value of a --severity word (canonical or Chinese: high, 高危); Error(usage) naming
/// `option` and the closest word otherwise.
Severity severity_option(std::string_view option, std::string_view word);
/// The value of a --status word, as severity_option() does.
Status status_option(std::string_view option, std::string_view word);

/// The text of `value`, or the content of FILE for `@FILE` (Error(io) when it cannot be
/// read, a usage error at `option` when it holds only white space; a byte order mark at its
/// start left out); `@@…` stands for a text starting with `@`.
std::string text_or_file(std::string_view option, const std::string& value);

/// The index of the item of the sequence `key` of the target document's root whose field
/// `field` has the text `value`; nullopt when there is none.
std::optional<size_t> find_item(const Document& doc, std::string_view key, std::string_view field,
                                std::string_view value);

/// An Error(usage) at `option` for `value`, which names no `what` among `known`: `no phase has
/// the id "x"; did you mean "y"?`.
Error unknown_id(std::string_view option, std::string_view what, const std::string& value,
                 const std::vector<std::string>& known);

/// The ids `count` new findings get, in order, in the project's own pattern. Of the ids ending
/// in a number, the prefix (what comes before the number) most findings use wins; on a tie, the
/// prefix of the finding found last (undated findings count as earliest; then the later in the
/// files). Numbers follow the largest with that prefix, written with at least as many digits as
/// that largest was (zero padding kept): PN-16 → PN-17, F-08 → F-09, F-99 → F-100; ids the
/// project has or `taken` lists are passed over. A project without such ids starts at F-01.
std::vector<std::string> next_finding_ids(const Project& project, size_t count,
                                          const std::vector<std::string>& taken = {});
/// The id a new finding gets: the first of next_finding_ids().
std::string next_finding_id(const Project& project);

/// The phase active on `day`: of the phases running that day, the one that started last (the
/// first in the file on a tie); empty when none runs.
std::string phase_on(const Project& project, Date day);

/// Throws unknown_id() at --phase when the project has no phase `id`.
void check_phase(const Project& project, const std::string& id);

/// Records `entry`, a history entry of `finding` (date first, then what changed: status,
/// severity, note, by, notified, feedback), in `edit` of `target`. In a log_dir file it is an
/// item of the file's `history` naming the finding (changes there apply after the finding's
/// status as its own file gives it). In the project file it is an item of the finding's own
/// history, the finding's top-level status set to a new status. Before the first entry of a
/// finding whose status is not open, an entry dated the day it was found gives that status (a
/// finding with a history is open until an entry says otherwise), so that the pages of earlier
/// days do not change. Throws Error(usage), at `date_option` (the option that gave the day), when
/// the entry is dated before the history's last.
void append_finding_change(FileEdit& edit, const RecordTarget& target, const Finding& finding,
                           nlohmann::ordered_json entry, std::string_view date_option = "--date");

/// An edited file, its new text, to write with the others of a record.
struct EditedFile {
  RecordTarget target;
  std::string text;
};

/// commit_record() of edits to several files (the project file, log_dir files): the project is
/// loaded as it would be with all of them; with errors nothing is written. Otherwise each file
/// is written atomically in turn (an I/O error on one leaves those written before it) and
/// `recorded SUMMARY in FILE, FILE` is printed. A `dry_run` checks the same and writes and
/// prints nothing but the problems (its caller says what it would have done).
int commit_records(Context& ctx, const Recording& rec, const std::vector<EditedFile>& files,
                   const std::string& summary, bool dry_run = false);

}  // namespace commplan::cli
