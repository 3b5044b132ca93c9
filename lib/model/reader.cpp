// Reading a document into the typed model, every problem reported with its place and path.

#include "model/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "model/describe.hpp"

namespace commplan {

namespace {

/// Another word for an enum value, as a Chinese engineer writes it.
template <class E>
struct Alias {
  std::string_view word;
  E value;
};

template <class E>
struct EnumNames;
template <>
struct EnumNames<Severity> {
  static constexpr std::array<std::string_view, 5> names{"critical", "high", "medium", "low",
                                                         "info"};
  static constexpr std::array<Alias<Severity>, 9> aliases{{{"严重", Severity::critical},
                                                           {"高危", Severity::high},
                                                           {"高", Severity::high},
                                                           {"中危", Severity::medium},
                                                           {"中", Severity::medium},
                                                           {"低危", Severity::low},
                                                           {"低", Severity::low},
                                                           {"信息", Severity::info},
                                                           {"提示", Severity::info}}};
};
template <>
struct EnumNames<Status> {
  static constexpr std::array<std::string_view, 6> names{"open",     "agreed",   "in-progress",
                                                         "resolved", "verified", "wont-fix"};
  static constexpr std::array<Alias<Status>, 9> aliases{{{"待处理", Status::open},
                                                         {"已认可", Status::agreed},
                                                         {"已确认", Status::agreed},
                                                         {"处理中", Status::in_progress},
                                                         {"已解决", Status::resolved},
                                                         {"已验证", Status::verified},
                                                         {"已复测", Status::verified},
                                                         {"不处理", Status::wont_fix},
                                                         {"暂不处理", Status::wont_fix}}};
};
template <>
struct EnumNames<RetestResult> {
  static constexpr std::array<std::string_view, 3> names{"passed", "failed", "partial"};
  static constexpr std::array<Alias<RetestResult>, 4> aliases{
      {{"通过", RetestResult::passed},
       {"未通过", RetestResult::failed},
       {"部分通过", RetestResult::partial},
       {"部分修复", RetestResult::partial}}};
};
template <>
struct EnumNames<MeetingKind> {
  static constexpr std::array<std::string_view, 4> names{"kickoff", "daily", "phase", "final"};
  static constexpr std::array<Alias<MeetingKind>, 4> aliases{{{"启动会", MeetingKind::kickoff},
                                                              {"日总结", MeetingKind::daily},
                                                              {"阶段总结", MeetingKind::phase},
                                                              {"总结会", MeetingKind::final}}};
};
template <>
struct EnumNames<Lang> {
  static constexpr std::array<std::string_view, 2> names{"en", "zh"};
  static constexpr std::array<Alias<Lang>, 0> aliases{};
};
template <>
struct EnumNames<Weekday> {
  static constexpr std::array<std::string_view, 7> names{"mon", "tue", "wed", "thu",
                                                         "fri", "sat", "sun"};
  static constexpr std::array<Alias<Weekday>, 16> aliases{{{"周一", Weekday::mon},
                                                           {"周二", Weekday::tue},
                                                           {"周三", Weekday::wed},
                                                           {"周四", Weekday::thu},
                                                           {"周五", Weekday::fri},
                                                           {"周六", Weekday::sat},
                                                           {"周日", Weekday::sun},
                                                           {"星期一", Weekday::mon},
                                                           {"星期二", Weekday::tue},
                                                           {"星期三", Weekday::wed},
                                                           {"星期四", Weekday::thu},
                                                           {"星期五", Weekday::fri},
                                                           {"星期六", Weekday::sat},
                                                           {"星期日", Weekday::sun},
                                                           {"星期天", Weekday::sun},
                                                           {"周天", Weekday::sun}}};
};

}  // namespace

std::string_view to_string(Severity v) { return EnumNames<Severity>::names[size_t(v)]; }
std::string_view to_string(Status v) { return EnumNames<Status>::names[size_t(v)]; }
std::string_view to_string(MeetingKind v) { return EnumNames<MeetingKind>::names[size_t(v)]; }
std::string_view to_string(Audience v) { return v == Audience::team ? "team" : "client"; }
std::string_view to_string(RetestResult v) { return EnumNames<RetestResult>::names[size_t(v)]; }
std::string_view to_string(Lang v) { return EnumNames<Lang>::names[size_t(v)]; }
std::string_view to_string(Weekday v) { return EnumNames<Weekday>::names[size_t(v)]; }

template <class E>
std::vector<std::string> enum_names() {
  return {EnumNames<E>::names.begin(), EnumNames<E>::names.end()};
}
template std::vector<std::string> enum_names<Severity>();
template std::vector<std::string> enum_names<Status>();
template std::vector<std::string> enum_names<MeetingKind>();
template std::vector<std::string> enum_names<Lang>();
template std::vector<std::string> enum_names<Weekday>();
template std::vector<std::string> enum_names<RetestResult>();

template <class E>
std::vector<std::string> enum_aliases() {
  std::vector<std::string> words;
  for (const auto& alias : EnumNames<E>::aliases) words.emplace_back(alias.word);
  return words;
}
template std::vector<std::string> enum_aliases<Severity>();
template std::vector<std::string> enum_aliases<Status>();
template std::vector<std::string> enum_aliases<MeetingKind>();
template std::vector<std::string> enum_aliases<Lang>();
template std::vector<std::string> enum_aliases<Weekday>();
template std::vector<std::string> enum_aliases<RetestResult>();

void ReadContext::error(const Node& node, const std::string& path, std::string message) {
  diagnostics.error(doc->file, node.mark(), path, std::move(message), doc->line(node.mark()));
}

void ReadContext::warning(const Mark& mark, const std::string& path, std::string message) {
  diagnostics.warning(doc->file, mark, path, std::move(message), doc->line(mark));
}

bool ReadContext::expect(const Node& node, Node::Kind kind, const std::string& path,
                         std::string_view what) {
  if (node.kind() == kind) return kind != Node::Kind::scalar || expect_text(node, path);
  error(node, path, fmt::format("expected {}, got {}", what, kind_name(node)));
  return false;
}

bool ReadContext::expect_text(const Node& node, const std::string& path) {
  if (node.text().find('\0') == std::string_view::npos) return true;
  error(node, path, "a text cannot hold a NUL character (\\u0000 or \\0)");
  return false;
}

namespace {

/// The value of a scalar's text written without quotes (YAML 1.2 core schema).
nlohmann::json as_plain(const Node& node) {
  Node plain = node;
  plain.set_plain(true);
  return to_json(plain);
}

}  // namespace

void read_value(ReadContext& ctx, const Node& node, const std::string& path, std::string& out) {
  if (ctx.expect(node, Node::Kind::scalar, path, "a text")) out = node.text();
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, Text& out) {
  if (ctx.expect(node, Node::Kind::scalar, path, "a text")) out = ctx.store.keep_text(node.text());
}

void read_name(ReadContext& ctx, const Node& node, const std::string& path, Text& out) {
  if (ctx.expect(node, Node::Kind::scalar, path, "a text")) out = ctx.store.keep_name(node.text());
}

void read_shared(ReadContext& ctx, const Node& node, const std::string& path,
                 const std::string_view* field, Text& out) {
  if (ctx.expect(node, Node::Kind::scalar, path, "a text"))
    out = ctx.store.keep_shared(field, node.text());
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, bool& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "true or false")) return;
  nlohmann::json value = to_json(node);  // YAML 1.2: true, True, TRUE, false, False, FALSE
  if (value.is_boolean()) {
    out = value.get<bool>();
    return;
  }
  bool quoted = !node.plain() && as_plain(node).is_boolean();
  ctx.error(node, path,
            quoted ? fmt::format("expected true or false, got the text \"{}\"; write it "
                                 "without quotes",
                                 node.text())
                   : fmt::format("expected true or false, got \"{}\"", node.text()));
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                std::optional<int>& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a whole number")) return;
  nlohmann::json value = as_plain(node);
  // A number with no fraction, as JSON Schema's "integer": 60, 60.0, 6e1 and 0x3C are 60.
  double number = value.is_number() ? value.get<double>() : 0.5;
  bool whole = std::trunc(number) == number;
  if (node.plain() && whole && number >= 0 && number <= kMaxWholeNumber) {
    out = static_cast<int>(number);
    return;
  }
  if (!node.plain() && whole)
    ctx.error(node, path,
              fmt::format("expected a whole number (0 or more), got the text \"{}\"; write it "
                          "without quotes",
                          node.text()));
  else if (whole)
    ctx.error(
        node, path,
        fmt::format("expected a whole number from 0 to {}, got {}", kMaxWholeNumber, node.text()));
  else
    ctx.error(node, path,
              fmt::format("expected a whole number (0 or more), got \"{}\"", node.text()));
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, Date& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a date YYYY-MM-DD")) return;
  if (auto date = parse_date(node.text())) {
    out = *date;
    return;
  }
  // The model is day-granular: a date with a time of day (2027-03-03T11:20) is refused.
  std::string_view text = node.text();
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ') && parse_date(text.substr(0, 10))) {
    ctx.error(node, path,
              fmt::format("expected a date YYYY-MM-DD, got \"{}\": commplan records days, not "
                          "times of day; write {}",
                          node.text(), text.substr(0, 10)));
    return;
  }
  bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  ctx.error(node, path,
            shaped ? fmt::format("\"{}\" is not a real calendar date", node.text())
                   : fmt::format("expected a date YYYY-MM-DD, got \"{}\"", node.text()));
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                std::optional<Date>& out) {
  Date date;
  size_t before = ctx.diagnostics.items().size();  // reading a date only adds errors
  read_value(ctx, node, path, date);
  if (ctx.diagnostics.items().size() == before) out = date;
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                std::optional<ClockTime>& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a time HH:MM")) return;
  if (auto minutes = parse_time(node.text())) {
    out = ClockTime{*minutes};
    return;
  }
  ctx.error(node, path,
            fmt::format("expected a time HH:MM (00:00 to 23:59), got \"{}\"", node.text()));
}

namespace {

/// The value `text` names, canonical or alias, or nullopt.
template <class E>
std::optional<E> enum_value(std::string_view text) {
  const auto& names = EnumNames<E>::names;
  for (size_t i = 0; i < names.size(); ++i)
    if (text == names[i]) return static_cast<E>(i);
  for (const auto& alias : EnumNames<E>::aliases)
    if (text == alias.word) return alias.value;
  return std::nullopt;
}

/// `text` in lower case, with spaces and underscores as hyphens: `In Progress` → `in-progress`.
std::string folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '_') c = '-';
  }
  return out;
}

/// The canonical value `text` most likely means: the same word in other case (`Mon`), a longer
/// form of it (`monday`, `informational`), else the closest by spelling.
template <class E>
std::string suggestion(std::string_view text) {
  std::string word = folded(text);
  if (auto value = enum_value<E>(word)) return std::string(to_string(*value));
  for (std::string_view name : EnumNames<E>::names)
    if (name.size() >= 3 && word.starts_with(name)) return std::string(name);
  return closest_name(word, enum_names<E>());
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// What a file is told of a word that names no value of E, with the closest value.
template <class E>
std::string unknown_enum_message(std::string_view text) {
  std::string message = fmt::format("unknown value \"{}\"", text);
  std::string close = suggestion<E>(text);
  if (!close.empty())
    message += fmt::format("; did you mean \"{}\"?", close);
  else if (is_ascii(text) || EnumNames<E>::aliases.empty())
    message += fmt::format("; expected one of {}", join(enum_names<E>(), ", "));
  else
    message += fmt::format("; expected one of {} (or {})", join(enum_names<E>(), ", "),
                           join(enum_aliases<E>(), ", "));
  return message;
}

}  // namespace

template <class E>
bool read_enum(ReadContext& ctx, const Node& node, const std::string& path, E& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a text")) return false;
  if (auto value = enum_value<E>(node.text())) {
    out = *value;
    return true;
  }
  ctx.error(node, path, unknown_enum_message<E>(node.text()));
  return false;
}

std::optional<Severity> severity_named(std::string_view word, std::string* problem) {
  auto value = enum_value<Severity>(word);
  if (!value && problem != nullptr) *problem = unknown_enum_message<Severity>(word);
  return value;
}

std::optional<Status> status_named(std::string_view word, std::string* problem) {
  auto value = enum_value<Status>(word);
  if (!value && problem != nullptr) *problem = unknown_enum_message<Status>(word);
  return value;
}

std::optional<RetestResult> retest_result_named(std::string_view word, std::string* problem) {
  auto value = enum_value<RetestResult>(word);
  if (!value && problem != nullptr) *problem = unknown_enum_message<RetestResult>(word);
  return value;
}

#define COMMPLAN_ENUM_READERS(E)                                                         \
  void read_value(ReadContext& ctx, const Node& node, const std::string& path, E& out) { \
    read_enum(ctx, node, path, out);                                                     \
  }                                                                                      \
  void read_value(ReadContext& ctx, const Node& node, const std::string& path,           \
                  std::optional<E>& out) {                                               \
    E value{};                                                                           \
    if (read_enum(ctx, node, path, value)) out = value;                                  \
  }
COMMPLAN_ENUM_READERS(Severity)
COMMPLAN_ENUM_READERS(Status)
COMMPLAN_ENUM_READERS(MeetingKind)
COMMPLAN_ENUM_READERS(Lang)
COMMPLAN_ENUM_READERS(Weekday)
COMMPLAN_ENUM_READERS(RetestResult)
#undef COMMPLAN_ENUM_READERS

ObjectReader::ObjectReader(ReadContext& ctx, const Node& node, std::string path,
                           const FieldNames& names)
    : ctx_(ctx),
      node_(node),
      path_(std::move(path)),
      used_(node.entries().size(), false),
      names_(names) {
  find_fields();
}

Origin ReadContext::origin(const Node& node, std::string_view path, const FieldNames& names,
                           std::span<const Node* const> values) {
  if (!keep_places) return Origin(doc, &node, store.keep_path(path));
  std::array<std::uint32_t, kMostFields> offsets{};
  for (size_t i = 0; i < values.size() && i < offsets.size(); ++i) {
    const Node* value = values[i];
    offsets[i] = value == nullptr ? Places::kAbsent
                                  : static_cast<std::uint32_t>(value->mark().offset) |
                                        (value->is_null() ? Places::kNull : 0u);
  }
  auto object = static_cast<std::uint32_t>(node.mark().offset);
  return Origin(doc, store.keep(names, object, std::span(offsets).first(names.size())),
                store.keep_path(path));
}

Origin ReadContext::origin(const Node& node, std::string_view path) {
  static const FieldNames kNone;
  return origin(node, path, kNone, {});
}

void ObjectReader::find_fields() {
  entry_of_.fill(kNoEntry);
  // Files usually list fields in the order describe() asks for them: each key is looked for
  // after the field the last one was, so an object costs about a comparison a key.
  size_t next = 0;
  const auto& entries = node_.entries();
  for (size_t i = 0; i < entries.size(); ++i) {
    for (size_t n = 0; n < names_.size(); ++n) {
      size_t f = next + n < names_.size() ? next + n : next + n - names_.size();
      if (names_[f] != entries[i].key()) continue;
      entry_of_[f] = static_cast<std::uint32_t>(i);
      next = f + 1 < names_.size() ? f + 1 : 0;
      break;
    }
  }
}

const Node* ObjectReader::take(std::string_view name, unsigned flags) {
  // field_names() refuses a type with more fields than values_ holds; describe() asks for the
  // fields of names_ in that order, every time.
  size_t field = asked_++;
  const Node*& value = values_.at(field);
  std::uint32_t i = kNoEntry;
  // describe() passes the literals field_names() kept: their addresses match.
  if (field < names_.size() && names_[field].size() == name.size() &&
      (names_[field].data() == name.data() || names_[field] == name)) {
    i = entry_of_[field];
  } else {  // a describe() that asks otherwise than field_names() found: looked for by name
    const auto& entries = node_.entries();
    for (size_t n = 0; n < entries.size() && i == kNoEntry; ++n)
      if (entries[n].key() == name) i = static_cast<std::uint32_t>(n);
  }
  if (i != kNoEntry) {
    const Entry& entry = node_.entries()[i];
    used_[i] = true;
    value = &entry.value;
    if (!entry.value.is_null()) return &entry.value;
  }
  if (flags & kRequired)
    ctx_.error(node_, path_, fmt::format("missing required field \"{}\"", name));
  return nullptr;
}

const std::string& ObjectReader::child_path(std::string_view name) {
  child_.assign(path_);
  if (!child_.empty()) child_ += '.';
  child_ += name;
  return child_;
}

void ObjectReader::finish() {
  for (size_t i = 0; i < used_.size(); ++i) {
    if (used_[i]) continue;
    const Entry& entry = node_.entries()[i];
    if (entry.key() == "<<" && detect_format(ctx_.doc->file, ctx_.doc->text) == Format::yaml) {
      // YAML 1.1's merge key, which YAML 1.2 dropped: its fields would be missing unseen (in
      // JSON, "<<" is only an unknown key).
      ctx_.diagnostics.error(ctx_.doc->file, entry.key_mark(), child_path(entry.key()),
                             "a merge key (\"<<\") is not read, so the fields it names are not "
                             "there: write them out in this mapping",
                             ctx_.doc->line(entry.key_mark()));
      continue;
    }
    std::string message = fmt::format("unknown field \"{}\"", entry.key());
    std::string close = closest_name(entry.key(), {names_.begin(), names_.end()});
    if (!close.empty()) message += fmt::format("; did you mean \"{}\"?", close);
    ctx_.warning(entry.key_mark(), child_path(entry.key()), message);
  }
}

#define COMMPLAN_OBJECT_READER(T)                                                        \
  void read_value(ReadContext& ctx, const Node& node, const std::string& path, T& out) { \
    read_object(ctx, node, path, out);                                                   \
  }
COMMPLAN_OBJECT_READER(Member)
COMMPLAN_OBJECT_READER(ClientMember)
COMMPLAN_OBJECT_READER(ProjectInfo)
COMMPLAN_OBJECT_READER(Method)
COMMPLAN_OBJECT_READER(Standard)
COMMPLAN_OBJECT_READER(Phase)
COMMPLAN_OBJECT_READER(Meeting)
COMMPLAN_OBJECT_READER(Meetings)
COMMPLAN_OBJECT_READER(EscalationLevel)
COMMPLAN_OBJECT_READER(Finding)
COMMPLAN_OBJECT_READER(LogEntry)
COMMPLAN_OBJECT_READER(LoggedNotification)
COMMPLAN_OBJECT_READER(Notification)
COMMPLAN_OBJECT_READER(Retest)
COMMPLAN_OBJECT_READER(HistoryEntry)
COMMPLAN_OBJECT_READER(RecordedChange)
COMMPLAN_OBJECT_READER(Action)
COMMPLAN_OBJECT_READER(Confirmation)
COMMPLAN_OBJECT_READER(Minutes)
COMMPLAN_OBJECT_READER(Communication)
COMMPLAN_OBJECT_READER(Project)
COMMPLAN_OBJECT_READER(LogFile)
#undef COMMPLAN_OBJECT_READER

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                Boxed<Notification>& out) {
  Notification notification;
  read_object(ctx, node, path, notification);
  if (notification.origin.from_file()) out = std::move(notification);
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, Boxed<Retest>& out) {
  Retest retest;
  read_object(ctx, node, path, retest);
  if (retest.origin.from_file()) out = std::move(retest);
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, TextItem& out) {
  read_object(ctx, node, path, out);
}

bool read_text_item(ReadContext& ctx, const Node& node, const std::string& path, std::string& out) {
  if (!node.is_mapping()) {
    read_value(ctx, node, path, out);
    return true;
  }
  TextItem item;
  read_object(ctx, node, path, item);
  out = std::move(item.text);
  return !(item.internal && ctx.audience == Audience::client);
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, Question& out) {
  if (node.is_mapping() && node.find("question") == nullptr && node.find("text") != nullptr) {
    TextItem item;  // one of ours, written {text, internal}
    read_object(ctx, node, path, item);
    out.origin = item.origin;
    out.text = std::move(item.text);
    out.internal = item.internal;
    return;
  }
  if (node.is_mapping()) {
    out.from_client = true;
    return read_object(ctx, node, path, out);
  }
  if (!ctx.expect(node, Node::Kind::scalar, path, "a text or a mapping")) return;
  out.origin = ctx.origin(node, path);
  out.text = node.text();
}

}  // namespace commplan
