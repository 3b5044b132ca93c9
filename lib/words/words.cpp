#include "words/words.hpp"

#include <fmt/format.h>

#include "words/tables.hpp"

namespace commplan {

namespace {

struct Table {
  Lang lang;
  const Words* words;
};

// In Lang's order, English first; a new language adds its line here.
constexpr Table kTables[] = {{Lang::en, &kEnglish}, {Lang::zh, &kChinese}};

constexpr bool in_lang_order() {
  for (size_t i = 0; i < std::size(kTables); ++i)
    if (static_cast<size_t>(kTables[i].lang) != i) return false;
  return true;
}
static_assert(in_lang_order(), "kTables is indexed by Lang");

constexpr auto kLanguages = [] {
  std::array<Lang, std::size(kTables)> list{};
  for (size_t i = 0; i < list.size(); ++i) list[i] = kTables[i].lang;
  return list;
}();

std::span<const std::string_view> one(const std::string_view& text) { return {&text, 1}; }

template <size_t N>
std::span<const std::string_view> one(const Texts<N>& texts) {
  return texts;
}

using Kind = WordField::Kind;

constexpr WordField field(std::span<const std::string_view> (*texts)(const Words&),
                          std::string_view name, WordField::Kind kind,
                          std::string_view names = {}) {
  return {name, kind, texts, names};
}

// A field of Words: how to reach its texts, its name, its kind, the values it may name.
#define COMMPLAN_FIELD(member, ...) \
  field([](const Words& w) { return one(w.member); }, #member, __VA_ARGS__)
#define COMMPLAN_ROW(row)                                                                       \
  COMMPLAN_FIELD(matrix.row.audience, Kind::text), COMMPLAN_FIELD(matrix.row.what, Kind::text), \
      COMMPLAN_FIELD(matrix.row.why, Kind::text), COMMPLAN_FIELD(matrix.row.how, Kind::text)

constexpr std::string_view kDateValues = "iso year month day weekday weekday_long";
constexpr std::string_view kMailValues = "project date meeting phase";

constexpr WordField kFields[] = {
    COMMPLAN_FIELD(weekdays, Kind::text),
    COMMPLAN_FIELD(weekdays_short, Kind::text),
    COMMPLAN_FIELD(weekdays_long, Kind::text),
    COMMPLAN_FIELD(dates.long_date, Kind::named, kDateValues),
    COMMPLAN_FIELD(dates.short_date, Kind::named, kDateValues),
    COMMPLAN_FIELD(dates.day_with_weekday, Kind::named, kDateValues),
    COMMPLAN_FIELD(separators.list, Kind::text),
    COMMPLAN_FIELD(separators.clause, Kind::text),
    COMMPLAN_FIELD(separators.comma, Kind::text),
    COMMPLAN_FIELD(separators.colon, Kind::text),
    COMMPLAN_FIELD(separators.sentence_end, Kind::text),
    COMMPLAN_FIELD(separators.and_list, Kind::text),
    COMMPLAN_FIELD(separators.and_last, Kind::text),
    COMMPLAN_FIELD(to_confirm, Kind::text),
    COMMPLAN_FIELD(plan.meeting_names, Kind::text),
    COMMPLAN_FIELD(plan.meeting_names_in_text, Kind::text),
    COMMPLAN_FIELD(plan.purposes, Kind::text),
    COMMPLAN_FIELD(plan.outputs, Kind::text),
    COMMPLAN_FIELD(plan.kickoff_agenda, Kind::text),
    COMMPLAN_FIELD(plan.daily_agenda, Kind::text),
    COMMPLAN_FIELD(plan.phase_agenda, Kind::text),
    COMMPLAN_FIELD(plan.final_agenda, Kind::text),
    COMMPLAN_FIELD(plan.method_questions, Kind::text),
    COMMPLAN_FIELD(plan.every_day, Kind::text),
    COMMPLAN_FIELD(plan.day_range, Kind::pattern),
    COMMPLAN_FIELD(plan.every_workday, Kind::text),
    COMMPLAN_FIELD(plan.last_workday_of_each_phase, Kind::text),
    COMMPLAN_FIELD(plan.within_hours, Kind::pattern),
    COMMPLAN_FIELD(plan.with_role, Kind::pattern),
    COMMPLAN_FIELD(plan.includes, Kind::pattern),
    COMMPLAN_FIELD(plan.includes_daily, Kind::pattern),
    COMMPLAN_FIELD(plan.includes_phase, Kind::named, "phase recap"),
    COMMPLAN_FIELD(plan.gantt_phases, Kind::text),
    COMMPLAN_FIELD(plan.gantt_meetings, Kind::text),
    COMMPLAN_FIELD(plan.gantt_milestone, Kind::pattern),
    COMMPLAN_FIELD(calendar.agenda, Kind::text),
    COMMPLAN_FIELD(calendar.output, Kind::text),
    COMMPLAN_FIELD(calendar.attendees, Kind::text),
    COMMPLAN_FIELD(calendar.project, Kind::text),
    COMMPLAN_FIELD(calendar.client, Kind::text),
    COMMPLAN_FIELD(timeline.title, Kind::named, "project"),
    COMMPLAN_FIELD(timeline.phases, Kind::text),
    COMMPLAN_FIELD(timeline.meetings, Kind::text),
    COMMPLAN_FIELD(timeline.rest_day, Kind::text),
    COMMPLAN_FIELD(timeline.holiday, Kind::text),
    COMMPLAN_ROW(contact),
    COMMPLAN_ROW(management),
    COMMPLAN_ROW(client_team),
    COMMPLAN_ROW(our_team),
    COMMPLAN_ROW(escalation),
    COMMPLAN_FIELD(matrix.contact_often, Kind::named, "time minutes"),
    COMMPLAN_FIELD(matrix.management_often, Kind::named, "phases recap day final"),
    COMMPLAN_FIELD(matrix.client_team_often, Kind::named, "kickoff day"),
    COMMPLAN_FIELD(matrix.one_another, Kind::text),
    COMMPLAN_FIELD(matrix.level_within, Kind::named, "level hours"),
    COMMPLAN_FIELD(matrix.level_untimed, Kind::named, "level"),
    COMMPLAN_FIELD(matrix.escalation_often, Kind::pattern),
    COMMPLAN_FIELD(kickoff.titles, Kind::text),
    COMMPLAN_FIELD(kickoff.questions, Kind::text),
    COMMPLAN_FIELD(kickoff.contact_confirm_question, Kind::text),
    COMMPLAN_FIELD(kickoff.scope_open_question, Kind::text),
    COMMPLAN_FIELD(kickoff.plan_open_question, Kind::text),
    COMMPLAN_FIELD(kickoff.special_question, Kind::text),
    COMMPLAN_FIELD(recap.severities, Kind::text),
    COMMPLAN_FIELD(recap.unrated, Kind::text),
    COMMPLAN_FIELD(recap.severities_in_text, Kind::text),
    COMMPLAN_FIELD(recap.unrated_in_text, Kind::text),
    COMMPLAN_FIELD(recap.statuses, Kind::text),
    COMMPLAN_FIELD(register_.columns, Kind::text),
    COMMPLAN_FIELD(register_.retest_results, Kind::text),
    COMMPLAN_FIELD(register_.cvss_ratings, Kind::text),
    COMMPLAN_FIELD(register_.sheet_findings, Kind::text),
    COMMPLAN_FIELD(register_.sheet_summary, Kind::text),
    COMMPLAN_FIELD(register_.total, Kind::text),
    COMMPLAN_FIELD(register_.summary_open, Kind::text),
    COMMPLAN_FIELD(register_.summary_closed, Kind::text),
    COMMPLAN_FIELD(register_.summary_count, Kind::text),
    COMMPLAN_FIELD(register_.truncated, Kind::text),
    COMMPLAN_FIELD(recap.status_unset, Kind::text),
    COMMPLAN_FIELD(recap.no_phase, Kind::text),
    COMMPLAN_FIELD(recap.daily_questions, Kind::text),
    COMMPLAN_FIELD(recap.next_workday_question, Kind::pattern),
    COMMPLAN_FIELD(recap.last_workday_question, Kind::text),
    COMMPLAN_FIELD(recap.daily_support_question, Kind::text),
    COMMPLAN_FIELD(recap.phase_questions, Kind::text),
    COMMPLAN_FIELD(recap.final_questions, Kind::text),
    COMMPLAN_FIELD(recap.notice_states, Kind::text),
    COMMPLAN_FIELD(five_w2h.labels, Kind::text),
    COMMPLAN_FIELD(five_w2h.questions, Kind::text),
    COMMPLAN_FIELD(five_w2h.intro, Kind::text),
    COMMPLAN_FIELD(five_w2h.topic_prompt, Kind::text),
    COMMPLAN_FIELD(five_w2h.yaml_note, Kind::text),
    COMMPLAN_FIELD(minutes.sides, Kind::text),
    COMMPLAN_FIELD(mail.kickoff, Kind::named, kMailValues),
    COMMPLAN_FIELD(mail.daily, Kind::named, kMailValues),
    COMMPLAN_FIELD(mail.phase, Kind::named, kMailValues),
    COMMPLAN_FIELD(mail.final, Kind::named, kMailValues),
    COMMPLAN_FIELD(mail.minutes, Kind::named, kMailValues),
    COMMPLAN_FIELD(mail.plan, Kind::named, kMailValues),
    COMMPLAN_FIELD(mail.five_w2h, Kind::named, kMailValues),
};

#undef COMMPLAN_ROW
#undef COMMPLAN_FIELD

size_t index(Date day) { return static_cast<size_t>(weekday_index(day)); }

}  // namespace

const Words& words(Lang lang) { return *kTables[static_cast<size_t>(lang)].words; }

std::span<const Lang> languages() { return kLanguages; }

std::span<const WordField> word_fields() { return kFields; }

std::vector<std::string> language_codes() {
  std::vector<std::string> codes;
  for (Lang lang : languages()) codes.emplace_back(to_string(lang));
  return codes;
}

std::string language_codes_text() {
  std::vector<std::string> codes = language_codes();
  std::string text = codes.front();
  for (size_t i = 1; i < codes.size(); ++i)
    text += (i + 1 == codes.size() ? " or " : ", ") + codes[i];
  return text;
}

std::optional<Lang> language_named(std::string_view code) {
  for (Lang lang : languages())
    if (to_string(lang) == code) return lang;
  return std::nullopt;
}

std::string with_role(const std::string& name, const std::string& role, Lang lang) {
  if (role.empty()) return name;
  bool nested = role.find('(') != std::string::npos || role.find("（") != std::string::npos;
  const Words& w = words(lang);
  if (nested) return fmt::format("{}{}{}", name, w.separators.comma, role);
  return fmt::format(fmt::runtime(w.plan.with_role), name, role);
}

std::string_view weekday_name(Date day, Lang lang) { return words(lang).weekdays[index(day)]; }

std::string_view weekday_long(Date day, Lang lang) { return words(lang).weekdays_long[index(day)]; }

std::string_view weekday_short(Date day, Lang lang) {
  return words(lang).weekdays_short[index(day)];
}

std::string format_day(std::string_view pattern, Date day, Lang lang) {
  return fmt::format(fmt::runtime(pattern), fmt::arg("iso", format_date(day)),
                     fmt::arg("year", static_cast<int>(day.year())),
                     fmt::arg("month", static_cast<unsigned>(day.month())),
                     fmt::arg("day", static_cast<unsigned>(day.day())),
                     fmt::arg("weekday", weekday_name(day, lang)),
                     fmt::arg("weekday_long", weekday_long(day, lang)));
}

std::string long_date(Date day, Lang lang) {
  return format_day(words(lang).dates.long_date, day, lang);
}

std::string short_date(Date day, Lang lang) {
  return format_day(words(lang).dates.short_date, day, lang);
}

std::string day_with_weekday(Date day, Lang lang) {
  return format_day(words(lang).dates.day_with_weekday, day, lang);
}

}  // namespace commplan
