#include "record.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "brief.hpp"
#include "output/write.hpp"
#include "sink.hpp"
#include "util/read.hpp"
#include "util/text.hpp"
#include "views/validate.hpp"

extern char** environ;

namespace commplan::cli {

namespace fs = std::filesystem;

void add_record_options(CLI::App* cmd, RecordOptions& opts, const std::string& date_option,
                        const std::string& date_help) {
  cmd->add_option("PROJECT", opts.project, "Project file (.yaml, .yml, .json) to record into")
      ->required();
  cmd->add_option(date_option, opts.date, date_help)->check(non_empty());
  cmd->add_option("--by", opts.by,
                  "Who records it (default: COMMPLAN_USER, else git's user.name in the project's "
                  "folder, else the first team member)")
      ->check(non_empty());
}

std::optional<Recording> open_recording(Context& ctx, const RecordOptions& opts) {
  if (opts.project == "-")
    throw Error(Error::Kind::usage, Source::option, "PROJECT",
                "a record is written into the project file: name the file, not -");
  Recording rec;
  rec.lock = FileLock(opts.project, [&ctx, &opts] {
    ctx.err << fmt::format("commplan: waiting for another record into {} to finish\n",
                           printable(opts.project));
    ctx.err.flush();
  });
  rec.file = opts.project;
  rec.text = read_file(opts.project);
  std::optional<Project> project = load_project(rec.file, rec.text, rec.diagnostics);
  if (!project || rec.diagnostics.has_errors()) {
    Diagnostics errors;
    for (const Diagnostic& d : rec.diagnostics.items())
      if (d.level == Level::error) errors.add(d);
    report(ctx, errors);
    ctx.err << fmt::format("commplan: nothing recorded: {} has errors; fix them first\n",
                           printable(rec.file));
    return std::nullopt;
  }
  rec.project = std::move(*project);
  return rec;
}

Date record_date(Context& ctx, std::string_view option, const std::string& date,
                 const Project& project) {
  BriefOptions opts;
  opts.date = date;
  try {
    return resolve_today(ctx, opts, &project);
  } catch (const Error& e) {
    const auto& items = e.diagnostics().items();
    if (option == "--date" || items.empty() || items.front().file != "--date") throw;
    throw Error(Error::Kind::usage, Source::option, std::string(option), items.front().message);
  }
}

std::string git_user_name(const std::string& folder) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::string dir = folder.empty() ? "." : folder;
  std::vector<std::string> args{"git", "-C", dir, "config", "user.name"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  std::string out;
  if (spawned == 0) {
    char buffer[512];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
      if (n < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (out.size() < 4096) out.append(buffer, static_cast<size_t>(n));
    }
  }
  ::close(pipe_fds[0]);
  if (spawned != 0) return {};
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
  return std::string(trim(out));
}

std::string resolve_author(Context& ctx, const std::string& by, const Recording& rec) {
  if (!by.empty()) return by;
  if (auto env = ctx.getenv("COMMPLAN_USER"); env && !trim(*env).empty())
    return std::string(trim(*env));
  if (std::string name = git_user_name(fs::path(rec.file).parent_path().string()); !name.empty())
    return name;
  if (!rec.project.team.empty()) return rec.project.team.front().name;
  return {};
}

std::string file_name_part(std::string_view name) {
  std::string out;
  bool gap = false;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    bool keep = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '_';
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '-';
    gap = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

RecordTarget target_holding(const Recording& rec, const Document& doc) {
  RecordTarget target;
  target.log_file = &doc != rec.project.documents.front().get();
  target.file = target.log_file ? fs::path(doc.file).lexically_normal().string() : rec.file;
  target.text = target.log_file ? read_file(target.file) : rec.text;
  return target;
}

std::optional<size_t> index_of(const Node* list, const Node* node) {
  if (list == nullptr || !list->is_sequence()) return std::nullopt;
  for (size_t i = 0; i < list->items().size(); ++i)
    if (&list->items()[i] == node) return i;
  return std::nullopt;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

RecordTarget record_target(const Recording& rec, Date day, const std::string& author) {
  RecordTarget target;
  target.start = rec.project.project.start;
  if (rec.project.log_dir.empty()) {
    target.file = rec.file;
    target.text = rec.text;
    return target;
  }
  std::string name = file_name_part(author);
  if (name.empty())
    throw Error(Error::Kind::usage, Source::option, "--by",
                "a log_dir file is named after who records: give --by NAME (or set "
                "COMMPLAN_USER)");
  fs::path path = fs::path(log_dir_folder(rec.project, rec.file)) /
                  fmt::format("{}.{}.yaml", format_date(day), name);
  target.file = path.lexically_normal().string();
  target.log_file = true;
  target.exists = entry_exists(target.file);
  if (target.exists) target.text = read_file(target.file);
  return target;
}

FileEdit open_edit(const RecordTarget& target) {
  return FileEdit(target.file, target.text, target.log_file ? log_file_schema() : project_schema());
}

namespace {

/// An id split into the text before its last digits and those digits: `PN-16` → {`PN-`, `16`}.
struct IdParts {
  std::string_view prefix, digits;
};

std::optional<IdParts> split_id(std::string_view id) {
  size_t end = id.size();
  while (end > 0 && id[end - 1] >= '0' && id[end - 1] <= '9') --end;
  if (end == id.size() || id.size() - end > 18) return std::nullopt;
  return IdParts{id.substr(0, end), id.substr(end)};
}

}  // namespace

std::vector<std::string> next_finding_ids(const Project& project, size_t count,
                                          const std::vector<std::string>& taken) {
  struct Prefix {
    size_t count = 0;
    std::optional<Date> latest;
    size_t last_index = 0;
    unsigned long long largest = 0;
    size_t width = 0;
  };
  std::map<std::string_view, Prefix> prefixes;
  for (size_t i = 0; i < project.findings.size(); ++i) {
    const Finding& f = project.findings[i];
    auto parts = split_id(f.id);
    if (!parts) continue;
    Prefix& p = prefixes[parts->prefix];
    ++p.count;
    if (f.found && (!p.latest || *f.found >= *p.latest)) p.latest = f.found;
    p.last_index = i;
    unsigned long long number = std::stoull(std::string(parts->digits));
    if (p.count == 1 || number > p.largest ||
        (number == p.largest && p.width < parts->digits.size())) {
      p.largest = number;
      p.width = parts->digits.size();
    }
  }
  if (prefixes.empty()) prefixes[std::string_view("F-")] = Prefix{0, {}, 0, 0, 2};
  auto rank = [](const Prefix& p) {
    return std::tuple(p.count, p.latest.value_or(Date{}), p.last_index);
  };
  auto best = std::max_element(prefixes.begin(), prefixes.end(), [&](const auto& a, const auto& b) {
    return rank(a.second) < rank(b.second);
  });
  std::set<std::string_view> ids(taken.begin(), taken.end());
  for (const Finding& f : project.findings) ids.insert(f.id);
  std::vector<std::string> out;
  for (unsigned long long number = best->second.largest + 1; out.size() < count; ++number) {
    std::string id = fmt::format("{}{:0{}}", best->first, number, best->second.width);
    if (!ids.contains(id)) out.push_back(std::move(id));
  }
  return out;
}

std::string next_finding_id(const Project& project) { return next_finding_ids(project, 1)[0]; }

std::string phase_on(const Project& project, Date day) {
  const Phase* best = nullptr;
  for (const Phase& phase : project.phases)
    if (phase.start.ok() && phase.end.ok() && phase.start <= day && day <= phase.end &&
        (best == nullptr || best->start < phase.start))
      best = &phase;
  return best != nullptr ? best->id : "";
}

void check_phase(const Project& project, const std::string& id) {
  std::vector<std::string> ids;
  for (const Phase& phase : project.phases) {
    if (phase.id == id) return;
    ids.push_back(phase.id);
  }
  throw unknown_id("--phase", "phase", id, ids);
}

void append_finding_change(FileEdit& edit, const RecordTarget& target, const Finding& finding,
                           nlohmann::ordered_json entry, std::string_view date_option) {
  if (target.log_file) {
    nlohmann::ordered_json change{{"finding", finding.id}};
    change.update(entry);
    edit.append({"history"}, change);
    return;
  }
  std::optional<size_t> index = find_item(edit.document(), "findings", "id", finding.id);
  if (!index)
    throw Error(Error::Kind::invalid_input, target.file,
                fmt::format("finding \"{}\" is not a plain item of findings", finding.id));
  // The history is in date order, and an entry is only ever appended to it: one dated before
  // the last would make the file invalid, so it is refused before anything is written.
  std::optional<Date> day = parse_date(entry["date"].get<std::string>());
  if (!day) throw Error(Error::Kind::usage, Source::option, std::string(date_option), "not a date");
  if (!finding.history.empty() && *day < finding.history.back().date)
    throw Error(
        Error::Kind::usage, Source::option, std::string(date_option),
        fmt::format("finding \"{}\" has a history entry dated {}, and the history in "
                    "the project file is listed oldest first: record the change on that "
                    "day or later",
                    printable(finding.id.view()), format_date(finding.history.back().date)));
  const Node& node = edit.document().root.find("findings")->items()[*index];
  const Node* status = node.find("status");
  bool has_status = status != nullptr && status->is_scalar();
  std::string status_text = has_status ? std::string(status->text()) : "";
  std::string new_status = entry.contains("status") ? entry["status"].get<std::string>() : "";
  if (finding.history.empty() && has_status && finding.status && *finding.status != Status::open) {
    // With a history a finding is open from the day it was found until an entry says
    // otherwise: the status it has held so far is written first, dated the day it was found
    // (without one, the engagement's first day), so that the pages of the days up to this
    // change say what they said; no page lists that entry as a change (states_found_status).
    Date since = finding.found ? *finding.found : target.start.ok() ? target.start : *day;
    since = std::min(since, *day);
    edit.append({"findings", *index, "history"},
                nlohmann::ordered_json{{"date", format_date(since)}, {"status", status_text}});
  }
  edit.append({"findings", *index, "history"}, entry);
  if (has_status && !new_status.empty() && status_named(status_text) != status_named(new_status))
    edit.set({"findings", *index, "status"}, new_status);
}

namespace {

/// What identifies a problem across two loads of a project: its level, file, path and message.
std::string problem_key(const Diagnostic& d) {
  return fmt::format("{}\n{}\n{}\n{}", level_word(d.level), d.file, d.path, d.message);
}

}  // namespace

int commit_record(Context& ctx, const Recording& rec, const RecordTarget& target,
                  const std::string& text, const std::string& summary) {
  return commit_records(ctx, rec, {{target, text}}, summary);
}

int commit_records(Context& ctx, const Recording& rec, const std::vector<EditedFile>& files,
                   const std::string& summary, bool dry_run) {
  Diagnostics after;
  std::string project_text = rec.text;
  FileOverrides overrides;
  for (const EditedFile& file : files) {
    if (file.target.log_file)
      overrides[file.target.file] = file.text;
    else
      project_text = file.text;
  }
  std::optional<Project> project =
      load_project(rec.file, project_text, after, {}, overrides.empty() ? nullptr : &overrides);
  if (!project || after.has_errors()) {
    Diagnostics errors;
    for (const Diagnostic& d : after.items())
      if (d.level == Level::error) errors.add(d);
    report(ctx, errors);
    std::vector<std::string> names;
    for (const EditedFile& file : files) names.push_back(printable(file.target.file));
    ctx.err << fmt::format("commplan: {}: {} would not be valid\n",
                           dry_run ? "dry run" : "nothing recorded", join(names, " and "));
    return kInvalid;
  }
  std::vector<std::string> names;
  std::vector<FileContent> contents;
  for (const EditedFile& file : files) {
    contents.push_back({file.target.file, file.text});
    names.push_back(printable(file.target.file));
  }
  if (!dry_run) write_files_atomic(contents);  // all written, or none
  // New warnings are those of the load and of every brief's checks (as validate makes them:
  // minutes on a day the plan holds no such meeting) that the project did not have before.
  std::set<std::string> known;
  for (const Diagnostic& d : rec.diagnostics.items()) known.insert(problem_key(d));
  Diagnostics before;
  check_briefs(rec.project, before);
  for (const Diagnostic& d : before.items()) known.insert(problem_key(d));
  check_briefs(*project, after);
  after.sort_by_place();
  Diagnostics news;
  for (const Diagnostic& d : after.items())
    if (d.level == Level::warning && !known.contains(problem_key(d))) news.add(d);
  report(ctx, news);
  if (dry_run) return kOk;
  // The summary quotes the file's texts (an action, a question, an id): shown as escapes, so
  // that a text cannot drive the terminal.
  ctx.out << fmt::format("recorded {} in {}\n", printable(summary), join(names, ", "));
  return kOk;
}

Severity severity_option(std::string_view option, std::string_view word) {
  std::string problem;
  if (auto value = severity_named(word, &problem)) return *value;
  throw Error(Error::Kind::usage, Source::option, std::string(option), problem);
}

Status status_option(std::string_view option, std::string_view word) {
  std::string problem;
  if (auto value = status_named(word, &problem)) return *value;
  throw Error(Error::Kind::usage, Source::option, std::string(option), problem);
}

std::string text_or_file(std::string_view option, const std::string& value) {
  if (value.starts_with("@@")) return value.substr(1);
  if (value.starts_with("@") && value.size() > 1) {
    // A byte order mark (Notepad's UTF-8) marks the file's encoding; it is not part of the text.
    std::string text = without_bom(read_file(value.substr(1)));
    // An empty file is likely the wrong one: it would record nothing, in silence.
    if (is_blank(text))
      throw Error(Error::Kind::usage, Source::option, std::string(option),
                  fmt::format("{} holds no text", printable(value.substr(1))));
    return text;
  }
  return value;
}

std::optional<size_t> find_item(const Document& doc, std::string_view key, std::string_view field,
                                std::string_view value) {
  const Node* list = doc.root.is_mapping() ? doc.root.find(key) : nullptr;
  if (list == nullptr || !list->is_sequence()) return std::nullopt;
  for (size_t i = 0; i < list->items().size(); ++i) {
    const Node& item = list->items()[i];
    const Node* found = item.is_mapping() ? item.find(field) : nullptr;
    if (found != nullptr && found->is_scalar() && found->text() == value) return i;
  }
  return std::nullopt;
}

Error unknown_id(std::string_view option, std::string_view what, const std::string& value,
                 const std::vector<std::string>& known) {
  std::string close = closest_name(value, known);
  return Error(Error::Kind::usage, Source::option, std::string(option),
               fmt::format("no {} has the id \"{}\"{}", what, value,
                           close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
}

}  // namespace commplan::cli
