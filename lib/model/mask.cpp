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
  template <class Part, class T>
  void apart(std::string_view /*name*/, Boxed<Part>& box, T Part::*member, unsigned /*flags*/,
             std::string_view /*description*/) {
    if (box) mask((*box).*member);
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

/// The source lines warnings quote, each masked once for every warning on it (asked in source
/// order, each line is masked at most once: linear in the source however many warnings a line
/// has).
class MaskedLines {
 public:
  /// `also`: matches (offsets in the source) that the source holds as they are but that
  /// find_sensitive() does not see there (after an escape: `\t`), masked wherever their line
  /// is quoted too.
  MaskedLines(std::string_view source, std::vector<SensitiveMatch> also)
      : source_(source), also_(std::move(also)) {
    std::sort(also_.begin(), also_.end(), by_offset);
  }

  /// The excerpt of the source line at `offset`, masked so that a warning does not print what
  /// it warns about: what find_sensitive() finds in the line, and the matches of `also` in it.
  Excerpt at(size_t offset) {
    if (offset < start_ || offset > end_) load(offset);
    return excerpt_at(masked_, masked_offset(offset));
  }

 private:
  /// Masks the line holding `offset`.
  void load(size_t offset) {
    start_ = offset;
    while (start_ > 0 && source_[start_ - 1] != '\n') --start_;
    end_ = std::min(source_.find('\n', offset), source_.size());
    std::string_view line = source_.substr(start_, end_ - start_);
    found_ = find_sensitive(line);
    add_also();
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

  static bool by_offset(const SensitiveMatch& a, const SensitiveMatch& b) {
    return a.offset < b.offset;
  }

  /// Adds to found_ the matches of also_ in the line (cut at its end) that overlap none found,
  /// in order (a merge of two sorted lists: linear however many warnings the line has).
  void add_also() {
    auto it =
        std::lower_bound(also_.begin(), also_.end(), SensitiveMatch{start_, 0, {}}, by_offset);
    std::vector<SensitiveMatch> added;
    size_t next = 0;  // the first match found that ends after the added one starts
    for (; it != also_.end() && it->offset < end_; ++it) {
      SensitiveMatch m{it->offset - start_, std::min(it->length, end_ - it->offset), it->kind};
      while (next < found_.size() && found_[next].offset + found_[next].length <= m.offset) ++next;
      bool overlaps = (next < found_.size() && found_[next].offset < m.offset + m.length) ||
                      (!added.empty() && m.offset < added.back().offset + added.back().length);
      if (!overlaps) added.push_back(m);
    }
    if (added.empty()) return;
    std::vector<SensitiveMatch> merged;
    merged.reserve(found_.size() + added.size());
    std::merge(found_.begin(), found_.end(), added.begin(), added.end(), std::back_inserter(merged),
               by_offset);
    found_ = std::move(merged);
  }

  std::string_view source_;
  std::vector<SensitiveMatch> also_;  ///< offsets in the source, in order
  size_t start_ = 1, end_ = 0;        ///< the masked line's bytes in the source (none at first)
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
  /// Scans `doc`, which may be parsed still: its text is read as its scalars are walked.
  explicit SensitiveScan(const Document& doc) : doc_(doc) {}

  /// Adds the warnings found, in the document's order, each with its line quoted: once every
  /// warning is known, so that the line is masked for all of them.
  void finish(Diagnostics& diagnostics) {
    std::stable_sort(found_.begin(), found_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.mark.offset < b.mark.offset;
    });
    MaskedLines lines(doc_.text, std::move(verbatim_));
    for (Diagnostic& d : found_) {
      d.excerpt = lines.at(d.mark.offset);
      diagnostics.add(std::move(d));
    }
    found_.clear();
    verbatim_.clear();
  }

  /// Forgets the warnings found so far (the parser gives the same scalars again).
  void forget() {
    found_.clear();
    verbatim_.clear();
  }

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
      if (at && doc_.text.substr(mark.offset).starts_with(match))
        verbatim_.push_back({mark.offset, match.size(), m.kind});
      found_.push_back({Level::warning,
                        doc_.file,
                        mark,
                        path,
                        fmt::format("looks like {}; it is masked on client pages (--no-mask "
                                    "shows it)",
                                    with_article(m.kind)),
                        {}});
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
  std::vector<Diagnostic> found_;         ///< the warnings, their excerpts made by finish()
  std::vector<SensitiveMatch> verbatim_;  ///< their matches the source holds as they are
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
    Document doc;
    SensitiveScan scan(doc);  // the findings are given with `doc`: the same document
    ItemSink sink{"findings",
                  [&](const Document& /*doc*/, const Node& item, size_t index, bool /*kept*/) {
                    scan.walk_item("findings", index, item);
                  },
                  [&] { scan.forget(); }};
    parse_document(doc, loaded->file, FileText::borrow(loaded->text, readable),
                   detect_format(loaded->file, loaded->text), ignored, Limits{}, sink);
    if (ignored.has_errors()) continue;
    scan.walk(doc.root);
    scan.finish(diagnostics);
  }
}

}  // namespace commplan
