#include "output/plan_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "output/view_field.hpp"
#include "template/escape.hpp"
#include "util/dates.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

// Sizes in SVG user units (CSS pixels).
constexpr int kRow = 26;        // a phase's or the meetings' row
constexpr int kScale = 38;      // the day scale above the rows
constexpr int kLegend = 34;     // the legend below them
constexpr int kPad = 8;         // around the labels
constexpr int kFontSize = 12;   // labels
constexpr int kSmallFont = 10;  // the day scale

constexpr std::string_view kRestFill = "#eaeef2";
constexpr std::string_view kHolidayFill = "#ffd8d3";
constexpr std::string_view kBarFill = "#4f7cac";
const std::map<std::string, std::string_view> kMarkerFill = {
    {"kickoff", "#2da44e"}, {"daily", "#8c959f"}, {"phase", "#bf8700"}, {"final", "#cf222e"}};

/// `text` escaped for XML character data and attribute values.
std::string xml(std::string_view text) {
  std::string out;
  tmpl::append_escaped(out, text, tmpl::Escape::html);
  return out;
}

/// A rough width of `text` in user units at `size`: CJK and other wide characters count
/// about a full em, Latin letters a little over half.
int text_width(std::string_view text, int size) {
  int half_ems = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80)
      half_ems += 11;
    else if (byte >= 0xE0)
      half_ems += 20;  // a three- or four-byte character: CJK, full-width punctuation
    else if (byte >= 0xC0)
      half_ems += 12;
  }
  return half_ems * size / 20;
}

struct Day {
  Date date;
  std::string weekday;
  bool workday = true, holiday = false;
};

struct Bar {
  std::string label;
  Date start, end;
};

struct Marker {
  std::string kind, title;
  Date date;
};

class Drawing {
 public:
  explicit Drawing(const Field& view) : lang_(lang_of(view)) {
    for (const Field& d : view["days"].items())
      days_.push_back(
          {d["date"].date(), d["weekday"].text(), d["workday"].flag(), d["holiday"].flag()});
    if (days_.empty()) malformed("days", "expected the days of the engagement");
    for (const Field& p : view["phases"].items()) {
      std::string name = p["name"].text();
      bars_.push_back({name.empty() ? p["id"].text() : name, p["start"].date(), p["end"].date()});
    }
    for (const Field& t : view["touchpoints"].items())
      markers_.push_back(
          {t["kind"].text(),
           fmt::format("{} · {} {}", t["title"].text(), t["date"].text(), t["start"].text()),
           t["date"].date()});
    // The daily recaps' dots first, so a bigger meeting's diamond on their day stays on top.
    std::stable_partition(markers_.begin(), markers_.end(),
                          [](const Marker& m) { return m.kind == "daily"; });
    for (auto& [kind, fill] : kMarkerFill)
      kind_names_[kind] = view["meeting_names"][kind]["name"].text();
    title_ = fmt::format(fmt::runtime(words(lang_).timeline.title),
                         fmt::arg("project", view["project"]["name"].text()));
  }

  std::string draw() {
    const Words::Timeline& w = words(lang_).timeline;
    label_width_ = text_width(w.meetings, kFontSize);
    for (const Bar& bar : bars_)
      label_width_ = std::max(label_width_, text_width(bar.label, kFontSize));
    label_width_ = std::clamp(label_width_, 60, 280) + 2 * kPad;
    day_width_ = std::clamp(720 / static_cast<int>(days_.size()), 14, 36);
    rows_ = static_cast<int>(bars_.size()) + 1;
    int width = label_width_ + day_width_ * static_cast<int>(days_.size()) + kPad;
    int height = kScale + rows_ * kRow + kLegend;
    out_ = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{0}\" "
        "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" font-family=\"-apple-system, "
        "'Segoe UI', Roboto, Arial, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', "
        "sans-serif\" font-size=\"{2}\">\n<title>{3}</title>\n",
        width, height, kFontSize, xml(title_));
    shade();
    scale();
    phases();
    meetings(w);
    legend(w, height - kLegend + 8);
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  int x_of(Date day) const {
    return label_width_ +
           day_width_ * static_cast<int>((sys_days(day) - sys_days(days_.front().date)).count());
  }
  static std::chrono::sys_days sys_days(Date day) { return std::chrono::sys_days{day}; }

  /// Rest days and holidays, shaded from the scale to the last row.
  void shade() {
    for (const Day& day : days_) {
      if (day.workday) continue;
      const Words::Timeline& w = words(lang_).timeline;
      out_ += fmt::format(
          "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
          "<title>{} {}</title></rect>\n",
          day.holiday ? "holiday" : "rest-day", x_of(day.date), kScale - 14, day_width_,
          rows_ * kRow + 14, day.holiday ? kHolidayFill : kRestFill,
          xml(day.holiday ? w.holiday : w.rest_day), format_date(day.date));
    }
  }

  /// The months above the days' numbers, and each day's number.
  void scale() {
    unsigned last_month = 0;
    for (const Day& day : days_) {
      auto ymd = std::chrono::year_month_day{day.date};
      unsigned month = static_cast<unsigned>(ymd.month());
      if (month != last_month) {
        std::string label = lang_ == Lang::zh
                                ? fmt::format("{}年{}月", static_cast<int>(ymd.year()), month)
                                : format_date(day.date).substr(0, 7);
        out_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>\n",
                            x_of(day.date) + 2, 12, kSmallFont, xml(label));
        last_month = month;
      }
      out_ += fmt::format(
          "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
          x_of(day.date) + day_width_ / 2, kScale - 16, kSmallFont,
          day.workday ? "#1f2328" : "#8c959f", static_cast<unsigned>(ymd.day()));
    }
  }

  void phases() {
    for (size_t i = 0; i < bars_.size(); ++i) {
      const Bar& bar = bars_[i];
      int y = kScale + static_cast<int>(i) * kRow;
      out_ += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", kPad, y + kRow / 2 + 4,
                          xml(bar.label));
      int x = x_of(bar.start);
      int end = x_of(bar.end) + day_width_;
      out_ += fmt::format(
          "<rect class=\"phase\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" "
          "fill=\"{}\"><title>{}: {} – {}</title></rect>\n",
          x + 1, y + 6, std::max(end - x - 2, 2), kRow - 12, kBarFill, xml(bar.label),
          format_date(bar.start), format_date(bar.end));
    }
  }

  void meetings(const Words::Timeline& w) {
    int y = kScale + static_cast<int>(bars_.size()) * kRow;
    out_ +=
        fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", kPad, y + kRow / 2 + 4, xml(w.meetings));
    int middle = y + kRow / 2;
    for (const Marker& m : markers_) {
      int x = x_of(m.date) + day_width_ / 2;
      out_ += shape(m.kind, x, middle, fmt::format("<title>{}</title>", xml(m.title)));
    }
  }

  /// A touchpoint's marker: a dot for a daily recap, a diamond for the others.
  std::string shape(const std::string& kind, int x, int y, const std::string& inside) const {
    auto fill = kMarkerFill.find(kind);
    std::string_view color = fill != kMarkerFill.end() ? fill->second : kBarFill;
    if (kind == "daily")
      return fmt::format(
          "<circle class=\"meeting daily\" cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\">{}</circle>\n",
          x, y, color, inside);
    return fmt::format(
        "<polygon class=\"meeting {}\" points=\"{},{} {},{} {},{} {},{}\" "
        "fill=\"{}\">{}</polygon>\n",
        xml(kind), x, y - 7, x + 7, y, x, y + 7, x - 7, y, color, inside);
  }

  void legend(const Words::Timeline& w, int y) {
    int x = kPad;
    auto swatch = [&](std::string_view fill, std::string_view label) {
      out_ += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#d0d7de\"/>"
          "<text x=\"{}\" y=\"{}\">{}</text>\n",
          x, y, fill, x + 16, y + 10, xml(label));
      x += 16 + text_width(label, kFontSize) + 14;
    };
    swatch(kRestFill, w.rest_day);
    swatch(kHolidayFill, w.holiday);
    for (const auto& kind : {"kickoff", "daily", "phase", "final"}) {
      out_ += shape(kind, x + 6, y + 6, "");
      const std::string& label = kind_names_[kind];
      out_ += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", x + 16, y + 10, xml(label));
      x += 16 + text_width(label, kFontSize) + 14;
    }
  }

  Lang lang_;
  std::vector<Day> days_;
  std::vector<Bar> bars_;
  std::vector<Marker> markers_;
  std::map<std::string, std::string> kind_names_;
  std::string title_, out_;
  int label_width_ = 0, day_width_ = 0, rows_ = 0;
};

}  // namespace

std::string plan_svg(const nlohmann::json& plan_view) {
  Field view(plan_view, "");
  if (std::string kind = view["kind"].text(); kind != "commplan/plan")
    malformed("kind", fmt::format("expected \"commplan/plan\", got \"{}\"", kind));
  return Drawing(view).draw();
}

}  // namespace commplan
