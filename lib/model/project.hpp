#pragma once
// Model: the typed project of the contract's file format. Loaded and validated by
// load_project(); described once in model/describe.hpp for reading and for the JSON Schema.

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/document.hpp"
#include "load/node_storage.hpp"
#include "util/boxed.hpp"
#include "util/cvss.hpp"
#include "util/dates.hpp"
#include "util/diagnostic.hpp"
#include "util/text_value.hpp"

namespace commplan {

/// One byte each, as are Status and RetestResult: a finding and its history hold several.
enum class Severity : std::uint8_t { critical, high, medium, low, info };
/// A finding's status; resolved means the client says it is fixed, verified that we re-tested
/// the fix and confirm it.
enum class Status : std::uint8_t { open, agreed, in_progress, resolved, verified, wont_fix };
/// The meetings of the method, as minutes name them.
enum class MeetingKind { kickoff, daily, phase, final };
enum class Lang { en, zh };
/// The outcome of re-testing a finding's fix.
enum class RetestResult : std::uint8_t { passed, failed, partial };
enum class Weekday { mon, tue, wed, thu, fri, sat, sun };
/// Who a page is for: our team (the talk-sheet we run a meeting from) or the client (the page
/// handed to them, which never holds what the file marks `internal: true` nor a `notes` or
/// `internal_notes` field).
enum class Audience { team, client };
/// Whether the client's project has its sensitive data (card numbers, IBANs, private keys,
/// tokens: util/sensitive.hpp) masked; off is `--no-mask`. The team's project never is.
enum class Masking { on, off };

/// A clock time of day, in minutes after midnight.
struct ClockTime {
  int minutes = 0;
};

/// The fields of a model type, in the order describe() gives them.
using FieldNames = std::vector<std::string_view>;

/// Where an object and its fields were written, kept for an object whose subtree is freed once
/// it is read (load_project() reads the findings as they are parsed): offsets in its document.
/// PlaceStore::keep() follows it in memory with the places of the fields written, and only
/// those (a finding writes about half of its 24 fields), in the order of `names`: each its
/// distance from the object in 16 bits, the top one set for a null value; or, where one is
/// before the object or 32 KiB or more past it (`wide`), their offsets in 32 bits. A finding's
/// Places take about 40 bytes.
struct Places {
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFF;  ///< the field is not written
  static constexpr std::uint32_t kNull = 0x80000000;    ///< on an offset: the value is null

  const FieldNames* names = nullptr;
  std::uint32_t object : 31 = 0;  ///< the offset of the object (a document is 512 MiB at most)
  std::uint32_t wide : 1 = 0;     ///< the fields' places are offsets in 32 bits
  std::uint32_t written = 0;      ///< bit i: field i of `names` is written (kMostFields ≤ 32)

  /// The offset of field `name` (with kNull on a null value), or kAbsent.
  std::uint32_t field(std::string_view name) const;
};

/// Texts kept once however many objects repeat them, found by their bytes: an open-addressing
/// table of the kept Texts beside 32 bits of their hash, at most half full (12 to 24 bytes a
/// text in it). A text is looked for in the kMostProbes slots from its hash's, and not added
/// where those are taken, so that texts made to collide (hostile input) cost no more than
/// that each.
class SharedTexts {
 public:
  /// The kept text equal to `text`, whose hash is `hash`; nullptr where there is none.
  const Text* find(std::string_view text, std::uint32_t hash) const;
  /// Adds `kept`, a kept text that find() did not find, whose hash is `hash`, unless the
  /// kMostProbes slots where find() would look for it are taken.
  void add(const Text& kept, std::uint32_t hash);
  static constexpr size_t kMostProbes = 32;
  /// How many texts it holds.
  size_t size() const { return count_; }

 private:
  void grow();
  static size_t free_slot(const std::vector<Text>& texts, std::uint32_t hash, size_t most);
  std::vector<Text> texts_;  // by hash; empty where a slot is free
  std::vector<std::uint32_t> hashes_;
  size_t count_ = 0;
};

/// Where the objects read from files were: their paths, and the Places of those read from freed
/// subtrees. Allocated in blocks and freed together, with the project.
class PlaceStore {
 public:
  /// Keeps where an object of type `names` was (`object`), and its fields (`fields`, one per
  /// name: its offset, or kAbsent).
  const Places* keep(const FieldNames& names, std::uint32_t object,
                     std::span<const std::uint32_t> fields);
  /// Frees the Places kept, for Project::release_documents(): the paths and texts stay.
  void forget_places() { places_ = NodeStorage(); }
  /// A copy of an object's `path`, kept as long as the store: an Origin holds a Text that
  /// borrows it, 8 bytes.
  Text keep_path(std::string_view path) { return keep_text(path); }
  /// A copy of a text an object read holds (a finding's title), kept as long as the store,
  /// and a Text that borrows it (Text::keep_in). The texts of an object are copied side by
  /// side, in the order they are read, where they are not shared (keep_shared()): the pages
  /// that list them read them from a few cache lines, where the texts borrowed from the source
  /// (as written, between the keys and the indentation) made the 100,000-finding recap 6 %
  /// slower, although they took no memory of their own.
  Text keep_text(std::string_view text) {
    if (text.empty()) return {};
    return Text::keep_in(storage_.bytes(Text::room_for(text.size()), Text::align_for(text.size())),
                         text);
  }
  /// keep_text() of a name or id that many objects repeat (a phase's id, an owner's name): kept
  /// once, and the same kept text given for each repetition. 10,000 findings naming a dozen
  /// phases, standards and owners hold a few dozen texts instead of 30,000.
  Text keep_name(std::string_view text);
  /// keep_text() of a text of the field named `field` (the element of its type's FieldNames, so
  /// that each field of each type is told apart): kept once for every object that repeats it,
  /// while the field's texts repeat (a recommendation given for a dozen findings, a title
  /// found on many hosts). A field whose texts repeat less than once in eight, counted from its
  /// kTrial-th text on (an id, an evidence of each finding's own), is no longer looked up: its
  /// texts are kept as keep_text() keeps them, and a register of texts all its own spends at
  /// most a few thousand entries of the table a field.
  Text keep_shared(const std::string_view* field, std::string_view text);

 private:
  /// A field's texts given to keep_shared(): how many were looked up, how many of those were
  /// found, and whether they still are.
  struct Sharing {
    const std::string_view* field = nullptr;
    std::uint32_t looked = 0, found = 0;
    bool off = false;
  };
  /// The Sharing of `field`, or nullptr when kFields fields have one already.
  Sharing* sharing_of(const std::string_view* field);
  static constexpr std::uint32_t kTrial = 1024;
  static constexpr size_t kFields = 64;  // fields told apart; the texts of any more are not shared
  std::array<Sharing, kFields> sharing_{};  // by the field's address
  /// The names and the texts kept once (keep_name, keep_shared). At most kMostNames names are
  /// added, of at most kLongestName bytes each; past those, names are kept as other texts are.
  SharedTexts shared_;
  size_t names_ = 0;
  static constexpr size_t kMostNames = 4096;
  static constexpr size_t kLongestName = 128;
  NodeStorage places_;   // the Places, each followed by its fields' places
  NodeStorage storage_;  // the paths, the texts
};

/// Where a model object came from, so later checks can point at it and at its fields: its tree
/// node, or where the node is not kept, its Places.
struct Origin {
  const Document* doc = nullptr;
  /// The document path, such as `findings[3]`: in the project's PlaceStore (which lives as
  /// long as the document `doc` points to), or its own.
  Text path;

  Origin() = default;
  /// An object read from `node` of document `in`, at path `at`.
  Origin(const Document* in, const Node* node, Text at)
      : doc(in), path(std::move(at)), where_(reinterpret_cast<std::uintptr_t>(node)) {}
  /// An object read from a subtree of document `in` freed once read: its `places`.
  Origin(const Document* in, const Places* places, Text at)
      : doc(in), path(std::move(at)), where_(reinterpret_cast<std::uintptr_t>(places) | kPlaces) {}

  /// Its node, unless it keeps Places instead or its document's tree was freed
  /// (Project::release_documents): then nullptr.
  const Node* tree_node() const;
  /// Its Places, when it keeps them instead of its node and its document is kept; else
  /// nullptr (Project::release_documents() frees the Places with the trees).
  const Places* places() const {
    if ((where_ & kPlaces) == 0 || doc == nullptr || doc->released) return nullptr;
    return reinterpret_cast<const Places*>(where_ & ~kPlaces);
  }
  /// Whether the object was read from a file.
  bool from_file() const { return doc != nullptr; }
  /// Whether field `name` is written in the file (also as null), while its document is kept.
  bool has(std::string_view name) const;
  /// Whether field `name` is written in the file with a value other than null.
  bool has_value(std::string_view name) const;
  /// The place of field `name` (its value; the object itself when the field is absent).
  Mark mark_of(std::string_view name = {}) const;
  /// A problem at field `name`, placed as mark_of places it, with the file, the path (of the
  /// field, or of the object when the field is absent) and the excerpt.
  Diagnostic problem(Level level, std::string_view name, std::string message) const;
  /// A problem at item `index` of the list field `name`, placed at that item when the tree holds
  /// it (path `name[index]`), else as problem() places it.
  Diagnostic item_problem(Level level, std::string_view name, size_t index,
                          std::string message) const;

 private:
  /// The node or the Places, one pointer for the two: the Places' with its lowest bit set
  /// (both types are aligned to more than a byte). An Origin is 24 bytes.
  static constexpr std::uintptr_t kPlaces = 1;
  static_assert(alignof(Node) > 1 && alignof(Places) > 1);
  const Node* node() const {
    return where_ & kPlaces ? nullptr : reinterpret_cast<const Node*>(where_);
  }
  std::uintptr_t where_ = 0;
};

struct Member {
  Origin origin;
  std::string name, role, email, phone;
  std::vector<std::string> responsibilities;
};

struct ClientMember {
  Origin origin;
  std::string name, role, email, phone;
  bool contact = false;
};

struct ProjectInfo {
  Origin origin;
  std::string name, client, summary, timezone;
  std::string classification;  ///< the label on every client page, e.g. TLP:AMBER, 内部资料
  Date start, end;
  std::vector<Weekday> workdays;  ///< empty in the file means Monday to Friday
  std::vector<Date> holidays;
  std::vector<Date> extra_workdays;  ///< rest days worked in lieu (调休): workdays for every rule
};

struct Method {
  Origin origin;
  std::string summary;
  std::vector<std::string> steps;
};

struct Standard {
  Origin origin;
  std::string id, title;
};

/// What a finding's `standard` refers to: a standard of the project, and a clause of it.
struct StandardRef {
  const Standard* standard = nullptr;  ///< nullptr when no standard of the project is named
  std::string_view clause;             ///< `8.1.7` of `GB 50174-2017 8.1.7`; may be empty
};

/// The project's standards by id, for resolving the `standard` of findings: an id alone, or
/// an id, white space and a clause (`ISO/IEC 27001:2022 A.7.2`), the longest id winning.
class StandardIndex {
 public:
  /// Indexes `standards`, which must outlive the index.
  explicit StandardIndex(const std::vector<Standard>& standards);
  /// The standard and clause `text` names.
  StandardRef find(std::string_view text) const;

 private:
  std::unordered_map<std::string_view, const Standard*> by_id_;
  size_t longest_ = 0;
};

/// An item of a text list written as a mapping, `{text, internal}`: internal items stay out
/// of the client's pages (load_project() for Audience::client leaves them out of the list).
struct TextItem {
  Origin origin;
  std::string text;
  bool internal = false;
};

struct Phase {
  Origin origin;
  std::string id, name, owner;
  std::string notes, internal_notes;  ///< for the team only
  Date start, end;
  std::vector<std::string> activities;
};

struct Meeting {
  Origin origin;
  std::string name;  ///< what every page and the calendar call it; empty: the default name
  std::optional<Date> date;
  std::optional<ClockTime> time;
  std::optional<int> duration;  ///< minutes
  std::string location;
  std::vector<std::string> attendees;
};

struct Meetings {
  Origin origin;
  Meeting kickoff, daily_recap, phase_recap, final_recap;
};

struct EscalationLevel {
  Origin origin;
  std::string level, who;
  std::optional<int> within;  ///< hours
  /// The severities this level is for; when no level lists any, the first is for critical
  /// and high (escalation_level_of, views/deadlines.hpp).
  std::vector<Severity> severities;
};

/// Who was told of a finding, and how (`notified` of a history entry).
struct Notification {
  Origin origin;
  Text to, via;
};

/// A dated change to a finding: a new status or severity, a note, a notification.
struct HistoryEntry {
  Origin origin;
  Date date;
  std::optional<Status> status;
  std::optional<Severity> severity;
  Text note, by;
  Boxed<Notification> notified;
  Text feedback;  ///< what the client said of it that day: its client_feedback from then
};

/// The last re-test of a finding's fix: when, with what outcome, and what was seen.
struct Retest {
  Origin origin;
  Date date;
  std::optional<RetestResult> result;
  Text note;
};

/// A finding's CVSS vector as commplan scored it (never typed by the user).
struct CvssScore {
  cvss::Scores scores;
  int score = 0;  ///< the most specific score, in tenths (cvss::overall)
  cvss::Rating rating = cvss::Rating::none;
};

/// The fields of a finding that a security register gives and most findings leave out (an
/// assessment's findings give none of them): held apart, in one block, so that a finding
/// without them takes 8 bytes for them instead of 88 (Finding::details).
struct FindingDetails {
  Text cvss;                            ///< a CVSS 3.x or 4.0 vector string, as written
  Boxed<CvssScore> cvss_score;          ///< computed from `cvss` by load_project()
  std::vector<std::string> affected;    ///< assets it affects: hosts, URLs, systems
  std::vector<std::string> references;  ///< where to read more: URLs
  Text cwe;                             ///< its weakness class, CWE-NUMBER
  Boxed<Retest> retest;                 ///< the last re-test of the fix
  Text fingerprint;            ///< a scanner's fingerprint of the result it was imported from
  Text notes, internal_notes;  ///< for the team only
};

struct Finding {
  Origin origin;
  Text id, title, phase, standard, evidence, impact, recommendation, owner, client_feedback;
  std::vector<HistoryEntry> history;  ///< in date order
  /// FindingDetails, where the finding gives any: read them with the accessors below, set
  /// them through details_to_set().
  Boxed<FindingDetails> details;

  const Text& cvss() const { return details_or_none().cvss; }
  const Boxed<CvssScore>& cvss_score() const { return details_or_none().cvss_score; }
  const std::vector<std::string>& affected() const { return details_or_none().affected; }
  const std::vector<std::string>& references() const { return details_or_none().references; }
  const Text& cwe() const { return details_or_none().cwe; }
  const Boxed<Retest>& retest() const { return details_or_none().retest; }
  const Text& fingerprint() const { return details_or_none().fingerprint; }
  /// For the team only: kept apart, as few findings have them.
  const Text& notes() const { return details_or_none().notes; }
  const Text& internal_notes() const { return details_or_none().internal_notes; }
  /// Its details, made empty first where it has none.
  FindingDetails& details_to_set() {
    if (!details) details = FindingDetails{};
    return *details;
  }
  /// Its details, or empty ones.
  const FindingDetails& details_or_none() const {
    static const FindingDetails kNone;
    return details ? *details : kNone;
  }

  // The small fields last, side by side, so that no padding comes between them (a large
  // register holds hundreds of thousands of findings).
  std::optional<Date> found;
  std::optional<Date> due;           ///< the remediation deadline
  std::optional<Severity> severity;  ///< as first recorded; history entries may change it
  std::optional<Status> status;      ///< with history: the state after its last entry, if given
  /// The status as first recorded, the one history starts from: open when the finding's own
  /// file gives it a history, else its top-level status (changes recorded in log_dir's files
  /// apply after it). Set by load_project().
  std::optional<Status> recorded_status;
  bool internal = false;       ///< never on a client page
  bool good_practice = false;  ///< a good practice seen, not a problem: listed apart
};

/// A history entry recorded apart from its finding, in a log_dir file (`history` of a log
/// file): `finding` names the finding's id.
struct RecordedChange : HistoryEntry {
  std::string finding;
};

/// A finding as it stood at the end of a day.
struct FindingState {
  std::optional<Status> status;
  std::optional<Severity> severity;
  std::vector<const HistoryEntry*> applied;  ///< the history entries of that day or earlier
  std::string_view client_feedback;          ///< the last feedback given, else the finding's
};

/// The state of `finding` at the end of `day`: its fields as first recorded (with history, its
/// status is open from the day it was found) with every history entry dated `day` or earlier
/// applied in order; nullopt when the finding was found after `day`.
std::optional<FindingState> finding_as_of(const Finding& finding, Date day);

/// The state of `finding` after its last history entry (its top-level fields without history).
FindingState finding_latest(const Finding& finding);

/// A finding's status and severity at the end of a day: finding_as_of() without the list of
/// entries, so nothing is allocated (for pages that ask it of every finding).
struct FindingFields {
  std::optional<Status> status;
  std::optional<Severity> severity;
  std::string_view client_feedback;  ///< the last feedback given, else the finding's own
};

/// The status and severity of `finding` at the end of `day`, as finding_as_of() gives them;
/// nullopt when the finding was found after `day`.
std::optional<FindingFields> finding_fields_as_of(const Finding& finding, Date day);

/// The status and severity `finding` was first recorded with, the state its history starts
/// from (with history, its status is Finding::recorded_status, else open).
FindingFields finding_first_recorded(const Finding& finding);

/// `fields` with the status and severity `entry` sets.
FindingFields apply_entry(FindingFields fields, const HistoryEntry& entry);

/// Whether `entry` states the status `finding` was found with rather than a change of it: the
/// first entry of its history, dated on or before the day it was found (without `found`,
/// `first_day`, the engagement's), setting its status and nothing else. `finding set` writes
/// such an entry before a finding's first change when the finding held a status other than
/// open, so that its history starts where its pages stood; no page lists it as a change.
bool states_found_status(const Finding& finding, const HistoryEntry& entry, Date first_day);

/// A question of a log entry: a plain text is one we put to the client; a mapping is one the
/// client put to us, owed until answered, with the answer and the day it is promised by.
struct Question {
  Origin origin;
  std::string text, answer;
  std::optional<Date> answer_by;
  std::optional<Date> answered;  ///< the day the answer was given
  bool from_client = false;      ///< a mapping {question, ...}: the client asked, we owe the answer
  bool internal = false;         ///< never on a client page
};

/// The day `question` of an entry dated `asked` counts as answered: its `answered` date; else,
/// when it has an answer and no promised date, the day it was asked (answered on the spot);
/// else none (an answer beside `answer_by` is what we said meanwhile, "not known yet").
std::optional<Date> answered_on(const Question& question, Date asked);

/// The texts of `questions`, in order.
std::vector<std::string> question_texts(const std::vector<Question>& questions);

/// A notification recorded in a log entry (dated by its entry): the finding's id, who was
/// told and how.
struct LoggedNotification : Notification {
  std::string finding;
};

struct LogEntry {
  Origin origin;
  Date date;
  std::string by;  ///< who wrote it; one entry a day per author
  std::vector<std::string> done, support_needed, next;
  std::vector<Question> questions;
  std::vector<LoggedNotification> notified;  ///< findings notified that day
  std::string notes, internal_notes;         ///< for the team only
  bool internal = false;                     ///< never on a client page
};

/// An action agreed in a meeting.
struct Action {
  Origin origin;
  std::string what, owner;
  std::optional<Date> due;
  std::optional<Date> done;  ///< the day it was done; open until then
  bool internal = false;     ///< never on a client page
};

/// Something the client confirmed in a meeting, and who confirmed it.
struct Confirmation {
  Origin origin;
  std::string what, by;
  std::optional<Date> date;  ///< default: the meeting's day
  bool internal = false;     ///< never on a client page
};

/// The minutes of one meeting.
struct Minutes {
  Origin origin;
  MeetingKind meeting = MeetingKind::daily;
  Date date;
  std::string phase;  ///< the phase a phase recap recaps
  std::string by;     ///< who took the minutes
  std::vector<std::string> present, decisions;
  std::vector<Action> actions;
  std::vector<Confirmation> confirmations;
  std::string notes, internal_notes;  ///< for the team only
  bool internal = false;              ///< never on a client page
};

struct Communication {
  Origin origin;
  std::string id, title, why, what, who, when, where, how, how_much;
};

/// The version of the project file's format this commplan reads (`commplan: 1`).
constexpr int kFileFormat = 1;

/// The whole project file (with the entries of its log_dir merged in).
struct Project {
  Origin origin;
  std::optional<int> format;  ///< `commplan:`, required, must be kFileFormat
  std::optional<Lang> lang;
  ProjectInfo project;
  std::vector<Member> team;
  std::vector<ClientMember> client_team;
  std::vector<std::string> scope, expectations, special_requirements, cooperation, questions;
  Method method;
  std::vector<Standard> standards;
  std::vector<Phase> phases;
  Meetings meetings;
  std::vector<EscalationLevel> escalation;
  std::vector<Finding> findings;
  std::vector<LogEntry> log;
  std::vector<Minutes> minutes;
  std::string log_dir;
  std::vector<Communication> communications;

  /// The loaded documents the Origins point into (the file, then log_dir's files).
  std::vector<std::shared_ptr<Document>> documents;
  /// The paths of the Origins, and the Places of those whose nodes are not kept (the
  /// findings').
  std::shared_ptr<PlaceStore> places;

  /// The working days: project.workdays, or Monday to Friday.
  std::vector<Weekday> workdays() const;

  /// Frees the documents' texts and trees, keeping their file names: for a run that has made
  /// every check and built its view, and has only to render it. The model's texts are its own
  /// (the findings' are in `places`). After it, Origins give a problem its file and path but
  /// no place (mark_of() gives an empty mark).
  void release_documents();
};

/// What a log_dir file holds.
struct LogFile {
  Origin origin;
  std::vector<LogEntry> log;
  std::vector<Finding> findings;
  std::vector<RecordedChange> history;  ///< changes to findings defined anywhere
  std::vector<Minutes> minutes;
};

/// The name of an enum value as written in the file (`in-progress`, `mon`, `zh`).
std::string_view to_string(Severity value);
std::string_view to_string(Status value);
std::string_view to_string(Lang value);
std::string_view to_string(Weekday value);
std::string_view to_string(MeetingKind value);
std::string_view to_string(Audience value);
std::string_view to_string(RetestResult value);

/// Texts to read in place of log_dir files' contents, by path (as the project file's folder
/// joined with log_dir and the file's name gives it): a recording command validates the
/// project as it would be after its edit. A path in the log_dir folder that does not exist
/// yet is read as if it did.
using FileOverrides = std::map<std::string, std::string>;

/// Loads, merges and validates a project file. `text` is the file's content (`file` "-" names
/// standard input). Every problem goes to `diagnostics`; the project is returned whenever it
/// could be read at all (check diagnostics.has_errors() before using it). `overrides`, when
/// given, replaces the contents of log_dir files (see FileOverrides). For Audience::client
/// the project holds only what the client may read: every problem is still found (the whole
/// file is read and checked), then what is marked `internal: true` is left out (findings, log
/// entries, questions, minutes, actions, confirmations, items of text lists, and whatever
/// refers to a finding left out) and every `notes` and `internal_notes` is emptied; then, with
/// `masking` on, every text left has its sensitive data masked (mask_project, model/mask.hpp).
std::optional<Project> load_project(const std::string& file, FileText text,
                                    Diagnostics& diagnostics, const Limits& limits = {},
                                    const FileOverrides* overrides = nullptr,
                                    Audience audience = Audience::team,
                                    Masking masking = Masking::on);

/// The severity a word of the file names (critical, 高危…), or nullopt with `problem` set to
/// the message a file would get for it ("unknown value …; did you mean …?").
std::optional<Severity> severity_named(std::string_view word, std::string* problem = nullptr);
/// The status a word of the file names (resolved, 已解决…), as severity_named() does.
std::optional<Status> status_named(std::string_view word, std::string* problem = nullptr);
/// The re-test result a word of the file names (passed, 通过…), as severity_named() does.
std::optional<RetestResult> retest_result_named(std::string_view word,
                                                std::string* problem = nullptr);

/// Whether `file` is the project file `project_file` or a file of its log_dir (`project`
/// read from it, nullptr when it could not be read: then only the project file is).
bool is_project_input(const std::string& file, const std::string& project_file,
                      const Project* project);

/// The folder of `project`'s log_dir (read from `project_file`), normalized without a trailing
/// slash: `logs` for `log_dir: logs/` beside `project.yaml`. Only for a project with a log_dir.
std::string log_dir_folder(const Project& project, const std::string& project_file);

/// The JSON Schema (draft 2020-12) of the project file, generated from the same description
/// the loader reads with.
nlohmann::json project_schema();

/// The JSON Schema of a log_dir file (LogFile), made as project_schema() is.
nlohmann::json log_file_schema();

}  // namespace commplan
