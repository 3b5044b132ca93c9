#pragma once
// Internal to model/: the visitor that reads described fields from a document.

#include <fmt/format.h>

#include <array>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "model/describe.hpp"
#include "util/text.hpp"

namespace commplan {

/// The document being read and where its problems go.
struct ReadContext {
  const Document* doc;
  Diagnostics& diagnostics;
  /// Where the objects read keep their paths, and with keep_places their Places.
  PlaceStore& store;
  /// Audience::client: the items of text lists marked internal are read, checked and left out.
  Audience audience = Audience::team;
  /// When set, the objects read keep their Places in `store` instead of their node: for a
  /// subtree freed once it is read (load_project() reads the findings as they are parsed).
  bool keep_places = false;

  /// The origin of an object read from `node` at `path` (kept in `store`): the node, or with
  /// keep_places, the places of the object and of its fields `names` (`values`: their values
  /// in that order, nullptr where absent). `names` must outlive the origin.
  Origin origin(const Node& node, std::string_view path, const FieldNames& names,
                std::span<const Node* const> values);
  /// The origin of a value with no fields read from `node` at `path`.
  Origin origin(const Node& node, std::string_view path);

  void error(const Node& node, const std::string& path, std::string message);
  void warning(const Mark& mark, const std::string& path, std::string message);
  /// True when `node` is of `kind` (a scalar without NUL); reports "expected WHAT, got …" or
  /// the NUL otherwise.
  bool expect(const Node& node, Node::Kind kind, const std::string& path, std::string_view what);
  /// True when a scalar's text holds no NUL character (which would cut it short further on).
  bool expect_text(const Node& node, const std::string& path);
};

/// The most fields a describe() gives (a finding's 24, with room).
constexpr size_t kMostFields = 32;
static_assert(kMostFields <= 32, "Places keeps a bit per field in 32 bits");

/// Collects the names describe() gives (field_names()).
struct FieldNameList {
  FieldNames names;
  template <class T>
  void field(std::string_view name, T&, unsigned, std::string_view) {
    names.push_back(name);
  }
  template <class Part, class T>
  void apart(std::string_view name, Boxed<Part>&, T Part::*, unsigned, std::string_view) {
    names.push_back(name);
  }
};

/// The fields of model type T, in describe()'s order (made once).
template <class T>
const FieldNames& field_names() {
  static const FieldNames names = [] {
    T object{};
    FieldNameList list;
    describe(list, object);
    if (list.names.size() > kMostFields) throw std::logic_error("raise kMostFields");
    return std::move(list.names);
  }();
  return names;
}

/// The largest whole number a field takes (minutes in years, far past any use).
constexpr int kMaxWholeNumber = 9'999'999;

/// The canonical values of an enum, in declaration order.
template <class E>
std::vector<std::string> enum_names();
/// The other words accepted for an enum's values (Chinese: 严重, 待处理, 周一...).
template <class E>
std::vector<std::string> enum_aliases();

void read_value(ReadContext&, const Node&, const std::string& path, std::string& out);
/// A text kept in the context's store, which the project holds as long as its objects.
void read_value(ReadContext&, const Node&, const std::string& path, Text& out);
/// A text read as read_value() reads one, kept once for all the objects that repeat it (a
/// field marked kName).
void read_name(ReadContext&, const Node&, const std::string& path, Text& out);
/// A text of the field named `field` (an element of its type's FieldNames), read as
/// read_value() reads one and kept once for the objects that repeat it while the field's texts
/// repeat (PlaceStore::keep_shared).
void read_shared(ReadContext&, const Node&, const std::string& path, const std::string_view* field,
                 Text& out);
void read_value(ReadContext&, const Node&, const std::string& path, bool& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<int>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Date& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<Date>& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<ClockTime>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Severity& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<Severity>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Status& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<Status>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Lang& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<Lang>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Weekday& out);
void read_value(ReadContext&, const Node&, const std::string& path, std::optional<Weekday>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Member& out);
void read_value(ReadContext&, const Node&, const std::string& path, ClientMember& out);
void read_value(ReadContext&, const Node&, const std::string& path, ProjectInfo& out);
void read_value(ReadContext&, const Node&, const std::string& path, Method& out);
void read_value(ReadContext&, const Node&, const std::string& path, Standard& out);
void read_value(ReadContext&, const Node&, const std::string& path, Phase& out);
void read_value(ReadContext&, const Node&, const std::string& path, Meeting& out);
void read_value(ReadContext&, const Node&, const std::string& path, Meetings& out);
void read_value(ReadContext&, const Node&, const std::string& path, EscalationLevel& out);
void read_value(ReadContext&, const Node&, const std::string& path, Finding& out);
void read_value(ReadContext&, const Node&, const std::string& path, Notification& out);
void read_value(ReadContext&, const Node&, const std::string& path, RetestResult& out);
void read_value(ReadContext&, const Node&, const std::string& path,
                std::optional<RetestResult>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Retest& out);
void read_value(ReadContext&, const Node&, const std::string& path, Boxed<Retest>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Boxed<Notification>& out);
void read_value(ReadContext&, const Node&, const std::string& path, HistoryEntry& out);
void read_value(ReadContext&, const Node&, const std::string& path, RecordedChange& out);
void read_value(ReadContext&, const Node&, const std::string& path, MeetingKind& out);
void read_value(ReadContext&, const Node&, const std::string& path,
                std::optional<MeetingKind>& out);
void read_value(ReadContext&, const Node&, const std::string& path, Action& out);
void read_value(ReadContext&, const Node&, const std::string& path, Confirmation& out);
void read_value(ReadContext&, const Node&, const std::string& path, Minutes& out);
/// A question: a plain text or a mapping {text, internal} (ours to ask), or a mapping
/// {question, answer, answer_by, answered, internal} (the client's, for us to answer).
void read_value(ReadContext&, const Node&, const std::string& path, Question& out);
void read_value(ReadContext&, const Node&, const std::string& path, LoggedNotification& out);
void read_value(ReadContext&, const Node&, const std::string& path, LogEntry& out);
void read_value(ReadContext&, const Node&, const std::string& path, TextItem& out);
void read_value(ReadContext&, const Node&, const std::string& path, Communication& out);
void read_value(ReadContext&, const Node&, const std::string& path, Project& out);
void read_value(ReadContext&, const Node&, const std::string& path, LogFile& out);

/// An item of a text list: a text, or a mapping {text, internal} (TextItem). False when the
/// item is internal and `ctx` reads for the client: it is left out.
bool read_text_item(ReadContext& ctx, const Node& node, const std::string& path, std::string& out);

/// Reads a list; an enum value that cannot be read is left out (not taken as the first value);
/// a text list's items may be written {text, internal} (read_text_item).
template <class T>
void read_value(ReadContext& ctx, const Node& node, const std::string& path, std::vector<T>& out) {
  if (!ctx.expect(node, Node::Kind::sequence, path, "a list")) return;
  out.clear();
  out.reserve(node.items().size());
  std::string item_path;  // one buffer for every item's path
  for (size_t i = 0; i < node.items().size(); ++i) {
    T item{};
    item_path.clear();
    fmt::format_to(std::back_inserter(item_path), "{}[{}]", path, i);
    if constexpr (std::is_enum_v<T>) {
      size_t before = ctx.diagnostics.items().size();
      read_value(ctx, node.items()[i], item_path, item);
      if (ctx.diagnostics.items().size() != before) continue;  // reported
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!read_text_item(ctx, node.items()[i], item_path, item)) continue;
    } else {
      read_value(ctx, node.items()[i], item_path, item);
    }
    out.push_back(std::move(item));
  }
}

/// Reads the fields of one mapping; what is left unread is warned about by finish().
class ObjectReader {
 public:
  /// Reads `node` at `path`, whose type's describe() asks for `names` (field_names()), in order.
  ObjectReader(ReadContext& ctx, const Node& node, std::string path, const FieldNames& names);

  template <class T>
  void field(std::string_view name, T& out, unsigned flags, std::string_view /*description*/) {
    if (const Node* value = take(name, flags)) read(*value, child_path(name), out, flags);
  }
  template <class Part, class T>
  void apart(std::string_view name, Boxed<Part>& box, T Part::*member, unsigned flags,
             std::string_view /*description*/) {
    if (const Node* value = take(name, flags)) {
      if (!box) box = Part{};
      read(*value, child_path(name), (*box).*member, flags);
    }
  }
  /// Warns about every field no describe() asked for, naming the closest known one.
  void finish();
  /// The values of the fields asked for, in the order asked (nullptr where absent).
  std::span<const Node* const> values() const { return std::span(values_).first(asked_); }

 private:
  const Node* take(std::string_view name, unsigned flags);
  template <class T>
  void read(const Node& value, const std::string& path, T& out, unsigned flags) {
    if constexpr (std::is_same_v<T, Text>) {
      if ((flags & kName) != 0) return read_name(ctx_, value, path, out);
      // The field just taken; where describe() asked otherwise than names_ says, it has none.
      if (asked_ <= names_.size()) return read_shared(ctx_, value, path, &names_[asked_ - 1], out);
    }
    read_value(ctx_, value, path, out);
  }
  /// The entry of each field of names_ into entry_of_ (kNoEntry where none).
  void find_fields();
  /// The path of field `name`, valid until the next call.
  const std::string& child_path(std::string_view name);

  ReadContext& ctx_;
  const Node& node_;
  std::string path_;
  std::string child_;  // the buffer child_path() fills
  std::vector<bool> used_;
  const FieldNames& names_;  // the fields describe() asks for
  std::array<const Node*, kMostFields>
      values_{};      // the values of those asked, nullptr where absent
  size_t asked_ = 0;  // how many have been asked for
  static constexpr std::uint32_t kNoEntry = 0xFFFFFFFF;
  std::array<std::uint32_t, kMostFields> entry_of_{};  // by find_fields()
};

template <class T>
void read_object(ReadContext& ctx, const Node& node, const std::string& path, T& out) {
  if (!ctx.expect(node, Node::Kind::mapping, path, "a mapping")) return;
  const FieldNames& names = field_names<T>();
  ObjectReader reader(ctx, node, path, names);
  describe(reader, out);
  reader.finish();
  out.origin = ctx.origin(node, path, names, reader.values());
}

}  // namespace commplan
