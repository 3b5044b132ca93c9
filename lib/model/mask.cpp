// Sensitive data in a project: masked in the loaded model for the client, warned about in the
// documents for validate.

#include "model/mask.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <type_traits>
#include <variant>

#include "model/describe.hpp"
#include "util/sensitive.hpp"

namespace commplan {

namespace {

/// The types of the model's fields that hold no text: the Masker leaves them alone. A field
/// of any other type without a describe() fails to compile, so a new kind of text (as Text
/// was) cannot be left unmasked by being unknown.
template <class T>
constexpr bool kHoldsNoText = std::is_arithmetic_v<T> || std::is_enum_v<T> ||
                              std::is_same_v<T, Date> || std::is_same_v<T, ClockTime>;

/// The visitor of describe() that masks every text it is shown. A type with a describe() of its
/// own is visited field by field; a type without one must hold no text (kHoldsNoText: a date,
/// a number, an enum, a flag) and is left alone, so a field added to the model of a known type
/// needs nothing here.
class Masker {
 public:
  template <class T>
  void field(std::string_view /*name*/, T& member, unsigned /*flags*/,
             std::string_view /*description*/) {
    mask(member);
  }

  template <class T>
  void mask(T& object) {
    if constexpr (requires(Masker & v) { describe(v, object); })
      describe(*this, object);
    else
      static_assert(kHoldsNoText<T>, "a type the Masker does not know: mask() its texts");
  }

  template <class T>
  requires std::is_same_v<T, std::string> || std::is_same_v<T, Text>
  void mask(T& text) {
    std::vector<SensitiveMatch> found = find_sensitive(text);
    if (!found.empty()) text = mask_sensitive(text, found);
  }

  template <class T>
  void mask(std::vector<T>& items) {
    for (T& item : items) mask(item);
  }

  template <class T>
  void mask(std::optional<T>& value) {
    if (value) mask(*value);
  }

  template <class T>
  void mask(Boxed<T>& value) {
    if (value) mask(*value);
  }
};

}  // namespace

void mask_project(Project& project) {
  Masker masker;
  masker.mask(project);
}

namespace {

/// "a payment card number", "an IBAN"...: the kind's name with its article.
std::string with_article(SensitiveKind kind) {
  std::string_view name = to_string(kind);
  bool vowel = name.find_first_of("AEIOUaeiou") == 0;
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The source lines warnings quote, each masked once for every warning on it (warnings come
/// in source order, so each line is masked at most once: linear in the source however many
/// warnings a line has).
class MaskedLines {
 public:
  explicit MaskedLines(std::string_view source) : source_(source) {}

  /// The excerpt of the source line at `offset`, masked so that a warning does not print what
  /// it warns about: what find_sensitive() finds in the line, and `match`, when the source has
  /// it as it is at `offset` where find_sensitive() does not see it (after an escape: `\t`).
  Excerpt at(size_t offset, std::string_view match) {
    if (offset < start_ || offset > end_) load(offset);
    size_t caret = masked_offset(offset);
    Excerpt excerpt = excerpt_at(masked_, caret);
    if (match.empty() || !source_.substr(offset).starts_with(match) ||
        masked_.compare(caret, match.size(), match) != 0)
      return excerpt;
    std::string_view shown = std::string_view(excerpt.text).substr(excerpt.caret);
    size_t same = 0;
    while (same < shown.size() && same < match.size() && shown[same] == match[same]) ++same;
    excerpt.text.replace(excerpt.caret, same, mask_sensitive(match));
    return excerpt;
  }

 private:
  /// Masks the line holding `offset`.
  void load(size_t offset) {
    start_ = offset;
    while (start_ > 0 && source_[start_ - 1] != '\n') --start_;
    end_ = std::min(source_.find('\n', offset), source_.size());
    std::string_view line = source_.substr(start_, end_ - start_);
    found_ = find_sensitive(line);
    masked_ = mask_sensitive(line, found_);
    growth_.clear();
    long growth = 0;
    for (const SensitiveMatch& m : found_) {
      std::string_view bytes = line.substr(m.offset, m.length);
      growth += static_cast<long>(mask_sensitive(bytes, {{0, m.length, m.kind}}).size()) -
                static_cast<long>(m.length);
      growth_.push_back(growth);
    }
  }

  /// Where byte `offset` of the source is in the masked line (a match's start for a byte in it).
  size_t masked_offset(size_t offset) const {
    size_t at = offset - start_;
    auto after = std::upper_bound(
        found_.begin(), found_.end(), at,
        [](size_t value, const SensitiveMatch& m) { return value < m.offset + m.length; });
    long growth =
        after == found_.begin() ? 0 : growth_[static_cast<size_t>(after - found_.begin()) - 1];
    if (after != found_.end() && after->offset < at) at = after->offset;
    return static_cast<size_t>(static_cast<long>(at) + growth);
  }

  std::string_view source_;
  size_t start_ = 1, end_ = 0;  ///< the masked line's bytes in the source (none at first)
  std::string masked_;
  std::vector<SensitiveMatch> found_;  ///< in the line
  std::vector<long> growth_;           ///< what the masks up to each match add to its length
};

/// Bytes of a match's first line searched for in the source: enough to place it, and a
/// bounded cost per place tried.
constexpr size_t kNeedle = 64;

/// Places the matches of one scalar in the source, in text order, in one pass over the
/// scalar's source. A scalar whose text is a view of the source (plain or quoted on one line,
/// nothing to unescape) places them exactly; any other (a block text, escapes, folded lines) is
/// searched for each match's first line (its first kNeedle bytes), from where its text could start
/// at the earliest (escapes, indentation and folded line breaks only make the source longer than
/// the text) within a window a little more than twice the text; a match not found there, and every
/// one after it, is placed at the scalar.
class Placer {
 public:
  Placer(std::string_view source, const Node& node)
      : source_(source),
        node_(node),
        cursor_(node.mark()),
        end_(std::min(source.size(), node.mark().offset + 2 * node.text().size() + 256)) {
    auto begin = reinterpret_cast<std::uintptr_t>(source.data());
    auto text = reinterpret_cast<std::uintptr_t>(node.text().data());
    if (text >= begin && text + node.text().size() <= begin + source.size())
      verbatim_ = static_cast<size_t>(text - begin);
  }

  /// The place of the match at `offset` of the scalar's text, whose bytes are `match`; nullopt
  /// when it cannot be told.
  std::optional<Mark> place(size_t offset, std::string_view match) {
    std::optional<size_t> at;
    if (verbatim_)
      at = *verbatim_ + offset;
    else if (!lost_)
      at = search(offset, match.substr(0, std::min(match.find('\n'), kNeedle)));
    if (!at || *at < cursor_.offset) {
      lost_ = true;
      return std::nullopt;
    }
    cursor_ = advance(source_, cursor_, *at);
    return cursor_;
  }

 private:
  std::optional<size_t> search(size_t offset, std::string_view first_line) {
    size_t from = std::max(cursor_.offset, node_.mark().offset + offset);
    if (from >= end_) return std::nullopt;
    size_t found = source_.substr(from, end_ - from).find(first_line);
    if (found == std::string_view::npos) return std::nullopt;
    return from + found;
  }

  std::string_view source_;
  const Node& node_;
  Mark cursor_;  ///< where the last match was placed (the scalar's start at first)
  size_t end_;   ///< where the search for a match stops
  std::optional<size_t> verbatim_;  ///< the offset of the text in the source, when a view of it
  bool lost_ = false;
};

/// Keys of more bytes are cut in the path of a warning, so a hostile key costs little however
/// many warnings fall below it.
constexpr size_t kMaxPathKey = 64;

/// Walks a document's tree, warning about each piece of sensitive data in its scalars.
class SensitiveScan {
 public:
  SensitiveScan(const Document& doc, Diagnostics& diagnostics)
      : doc_(doc), diagnostics_(diagnostics), lines_(doc.text) {}

  /// Walks `item`, the `index`th of the list under the top-level `key`, given on its own.
  void walk_item(std::string_view key, size_t index, const Node& item) {
    path_.emplace_back(key);
    path_.emplace_back(index);
    walk(item);
    path_.clear();
  }

  void walk(const Node& node) {
    if (is_alias(node)) return;  // its original was walked where it stands
    if (node.is_scalar()) return scalar(node);
    for (size_t i = 0; i < node.items().size(); ++i) {
      path_.emplace_back(i);
      walk(node.items()[i]);
      path_.pop_back();
    }
    for (const Entry& entry : node.entries()) {
      path_.emplace_back(entry.key());
      walk(entry.value);
      path_.pop_back();
    }
  }

 private:
  /// An alias (`*name`) is a copy of its anchored node marked at the name. Only a block
  /// mapping whose first key is an alias starts there too; its first key starts with it.
  bool is_alias(const Node& node) const {
    size_t at = node.mark().offset;
    if (at == 0 || at > doc_.text.size() || doc_.text[at - 1] != '*') return false;
    return !(node.is_mapping() && !node.entries().empty() &&
             node.entries().front().key_mark().offset == at);
  }

  void scalar(const Node& node) {
    std::vector<SensitiveMatch> found = find_sensitive(node.text());
    if (found.empty()) return;
    Placer placer(doc_.text, node);
    std::string path = path_text();
    for (const SensitiveMatch& m : found) {
      std::string_view match = node.text().substr(m.offset, m.length);
      std::optional<Mark> at = placer.place(m.offset, match);
      Mark mark = at.value_or(start_of(node));
      diagnostics_.add({Level::warning, doc_.file, mark, path,
                        fmt::format("looks like {}; it is masked on client pages (--no-mask "
                                    "shows it)",
                                    with_article(m.kind)),
                        lines_.at(mark.offset, at ? match : "")});
    }
  }

  /// Where the text of `node` starts: a block text's mark is the start of its first line.
  Mark start_of(const Node& node) const {
    size_t at = node.mark().offset;
    while (at < doc_.text.size() && (doc_.text[at] == ' ' || doc_.text[at] == '\t')) ++at;
    return advance(doc_.text, node.mark(), at);
  }

  /// `findings[3].evidence`, each key cut to kMaxPathKey bytes.
  std::string path_text() const {
    std::string out;
    for (const auto& part : path_) {
      if (const size_t* index = std::get_if<size_t>(&part)) {
        fmt::format_to(std::back_inserter(out), "[{}]", *index);
        continue;
      }
      std::string_view key = std::get<std::string_view>(part);
      if (!out.empty()) out += '.';
      if (key.size() <= kMaxPathKey) {
        out += key;
        continue;
      }
      size_t cut = kMaxPathKey;
      while (cut > 0 && is_continuation(key[cut])) --cut;
      out += key.substr(0, cut);
      out += "…";
    }
    return out;
  }

  const Document& doc_;
  Diagnostics& diagnostics_;
  MaskedLines lines_;
  std::vector<std::variant<size_t, std::string_view>> path_;  ///< indexes and keys to the node
};

}  // namespace

void warn_sensitive(const Project& project, Diagnostics& diagnostics) {
  // load_project() keeps no tree of the findings (it reads them as they are parsed): each
  // document is parsed again, from its kept text, and the findings are walked one by one as
  // they are parsed, then freed, as load_project() reads them.
  for (const auto& loaded : project.documents) {
    size_t readable =
        loaded->storage ? loaded->storage->readable_from(loaded->text) : loaded->text.size();
    Diagnostics ignored;  // the file parsed before
    Diagnostics items;    // what the findings hold, forgotten if the parser gives them again
    std::optional<SensitiveScan> item_scan;  // made at the first: `doc` has its text then
    Document doc;
    ItemSink sink{"findings",
                  [&](const Document& from, const Node& item, size_t index, bool /*kept*/) {
                    if (!item_scan) item_scan.emplace(from, items);
                    item_scan->walk_item("findings", index, item);
                  },
                  [&] { items = Diagnostics(); }};
    parse_document(doc, loaded->file, FileText::borrow(loaded->text, readable),
                   detect_format(loaded->file, loaded->text), ignored, Limits{}, sink);
    if (ignored.has_errors()) continue;
    SensitiveScan(doc, items).walk(doc.root);
    items.sort_by_place();  // in the document's order: the findings were walked first
    diagnostics.append(items);
  }
}

}  // namespace commplan
