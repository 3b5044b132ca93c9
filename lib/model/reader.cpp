// Reading a document into the typed model, every problem reported with its place and path.

#include "model/reader.hpp"

#include <fmt/format.h>

#include <array>

#include "model/describe.hpp"

namespace commplan {

namespace {

template <class E>
struct EnumNames;
template <>
struct EnumNames<Severity> {
  static constexpr std::array<std::string_view, 5> names{"critical", "high", "medium", "low",
                                                         "info"};
};
template <>
struct EnumNames<Status> {
  static constexpr std::array<std::string_view, 5> names{"open", "agreed", "in-progress",
                                                         "resolved", "wont-fix"};
};
template <>
struct EnumNames<Lang> {
  static constexpr std::array<std::string_view, 2> names{"en", "zh"};
};
template <>
struct EnumNames<Weekday> {
  static constexpr std::array<std::string_view, 7> names{"mon", "tue", "wed", "thu",
                                                         "fri", "sat", "sun"};
};

std::string_view kind_name(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      return "nothing";
    case Node::Kind::scalar:
      return "a text";
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::mapping:
      return "a mapping";
  }
  return "a value";
}

}  // namespace

std::string_view to_string(Severity v) { return EnumNames<Severity>::names[size_t(v)]; }
std::string_view to_string(Status v) { return EnumNames<Status>::names[size_t(v)]; }
std::string_view to_string(Lang v) { return EnumNames<Lang>::names[size_t(v)]; }
std::string_view to_string(Weekday v) { return EnumNames<Weekday>::names[size_t(v)]; }

template <class E>
std::vector<std::string> enum_names() {
  return {EnumNames<E>::names.begin(), EnumNames<E>::names.end()};
}
template std::vector<std::string> enum_names<Severity>();
template std::vector<std::string> enum_names<Status>();
template std::vector<std::string> enum_names<Lang>();
template std::vector<std::string> enum_names<Weekday>();

void ReadContext::error(const Node& node, const std::string& path, std::string message) {
  diagnostics.error(doc->file, node.mark, path, std::move(message), doc->line(node.mark));
}

void ReadContext::warning(const Mark& mark, const std::string& path, std::string message) {
  diagnostics.warning(doc->file, mark, path, std::move(message), doc->line(mark));
}

bool ReadContext::expect(const Node& node, Node::Kind kind, const std::string& path,
                         std::string_view what) {
  if (node.kind == kind) return true;
  error(node, path, fmt::format("expected {}, got {}", what, kind_name(node)));
  return false;
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, std::string& out) {
  if (ctx.expect(node, Node::Kind::scalar, path, "a text")) out = node.text;
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, bool& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "true or false")) return;
  if (node.plain && (node.text == "true" || node.text == "false")) {
    out = node.text == "true";
    return;
  }
  ctx.error(node, path, fmt::format("expected true or false, got \"{}\"", node.text));
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                std::optional<int>& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a whole number")) return;
  std::string_view t = node.text;
  constexpr size_t kMaxDigits = 7;  // up to 9,999,999: minutes in years, far past any use
  bool digits = !t.empty() && t.size() <= kMaxDigits &&
                t.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) {
    ctx.error(node, path, fmt::format("expected a whole number (0 or more), got \"{}\"", t));
    return;
  }
  out = std::stoi(std::string(t));
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path, Date& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a date YYYY-MM-DD")) return;
  if (auto date = parse_date(node.text)) {
    out = *date;
    return;
  }
  bool shaped = node.text.size() == 10 && node.text[4] == '-' && node.text[7] == '-';
  ctx.error(node, path,
            shaped ? fmt::format("\"{}\" is not a real calendar date", node.text)
                   : fmt::format("expected a date YYYY-MM-DD, got \"{}\"", node.text));
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                std::optional<Date>& out) {
  Date date;
  size_t before = ctx.diagnostics.error_count();
  read_value(ctx, node, path, date);
  if (ctx.diagnostics.error_count() == before) out = date;
}

void read_value(ReadContext& ctx, const Node& node, const std::string& path,
                std::optional<ClockTime>& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a time HH:MM")) return;
  if (auto minutes = parse_time(node.text)) {
    out = ClockTime{*minutes};
    return;
  }
  ctx.error(node, path,
            fmt::format("expected a time HH:MM (00:00 to 23:59), got \"{}\"", node.text));
}

template <class E>
bool read_enum(ReadContext& ctx, const Node& node, const std::string& path, E& out) {
  if (!ctx.expect(node, Node::Kind::scalar, path, "a text")) return false;
  const auto& names = EnumNames<E>::names;
  for (size_t i = 0; i < names.size(); ++i)
    if (node.text == names[i]) {
      out = static_cast<E>(i);
      return true;
    }
  std::vector<std::string> all = enum_names<E>();
  std::string message = fmt::format("unknown value \"{}\"", node.text);
  std::string close = closest_name(node.text, all);
  message += close.empty() ? fmt::format("; expected one of {}", join(all, ", "))
                           : fmt::format("; did you mean \"{}\"?", close);
  ctx.error(node, path, message);
  return false;
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
COMMPLAN_ENUM_READERS(Lang)
COMMPLAN_ENUM_READERS(Weekday)
#undef COMMPLAN_ENUM_READERS

ObjectReader::ObjectReader(ReadContext& ctx, const Node& node, std::string path)
    : ctx_(ctx), node_(node), path_(std::move(path)), used_(node.entries.size(), false) {
  names_.reserve(20);  // as many as the largest describe() asks for
}

const Node* ObjectReader::take(std::string_view name, unsigned flags) {
  names_.push_back(name);
  // Files usually list fields in the order describe() asks for them: look after the last one.
  const auto& entries = node_.entries;
  for (size_t n = 0; n < entries.size(); ++n) {
    size_t i = (next_ + n) % entries.size();
    if (entries[i].key != name) continue;
    used_[i] = true;
    next_ = i + 1;
    if (!entries[i].value.is_null()) return &entries[i].value;
    break;
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
    const Entry& entry = node_.entries[i];
    std::string message = fmt::format("unknown field \"{}\"", entry.key);
    std::string close = closest_name(entry.key, {names_.begin(), names_.end()});
    if (!close.empty()) message += fmt::format("; did you mean \"{}\"?", close);
    ctx_.warning(entry.key_mark, child_path(entry.key), message);
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
COMMPLAN_OBJECT_READER(Communication)
COMMPLAN_OBJECT_READER(Project)
COMMPLAN_OBJECT_READER(LogFile)
#undef COMMPLAN_OBJECT_READER

}  // namespace commplan
