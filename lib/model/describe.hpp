#pragma once
// The project file's fields, described once. A visitor V reads them from a document
// (model/reader.cpp), masks their texts (model/mask.cpp) or writes the JSON Schema
// (model/schema.cpp):
//   v.field(name, member, flags, description)
//   v.apart(name, box, &Part::member, flags, description)
// apart() is a field of an object's part held apart (Boxed<Part>, e.g. FindingDetails): a
// reader makes the part when the field is given, the others leave an empty box alone.

#include "model/project.hpp"

namespace commplan {

/// kName marks a text that many objects repeat, a name or an id of something defined elsewhere
/// (a finding's phase, standard, owner and CWE, who recorded or was told, and how): a reader
/// keeps each such text once (PlaceStore::keep_name). The other texts of an object are kept once
/// while their field's texts repeat (PlaceStore::keep_shared).
enum FieldFlags : unsigned { kOptional = 0, kRequired = 1, kName = 2 };

template <class V>
void describe(V& v, Member& m) {
  v.field("name", m.name, kRequired, "Full name");
  v.field("role", m.role, kOptional, "Role on the engagement, e.g. lead assessor");
  v.field("responsibilities", m.responsibilities, kOptional, "What this person answers for");
  v.field("email", m.email, kOptional, "E-mail address (used for calendar invitations)");
  v.field("phone", m.phone, kOptional, "Phone number");
}

template <class V>
void describe(V& v, ClientMember& m) {
  v.field("name", m.name, kRequired, "Full name");
  v.field("role", m.role, kOptional, "Role at the client");
  v.field("contact", m.contact, kOptional, "true for the client's contact person");
  v.field("email", m.email, kOptional, "E-mail address (used for calendar invitations)");
  v.field("phone", m.phone, kOptional, "Phone number");
}

template <class V>
void describe(V& v, ProjectInfo& p) {
  v.field("name", p.name, kRequired, "Name of the engagement");
  v.field("client", p.client, kRequired, "The client's name");
  v.field("summary", p.summary, kOptional, "One or two sentences on the engagement");
  v.field("start", p.start, kRequired, "First day on site, YYYY-MM-DD");
  v.field("end", p.end, kRequired, "Last day on site, YYYY-MM-DD, not before start");
  v.field("timezone", p.timezone, kOptional, "IANA time zone of the site, e.g. Asia/Shanghai");
  v.field("classification", p.classification, kOptional,
          "The confidentiality label on every page for the client, e.g. TLP:AMBER or 内部资料");
  v.field("workdays", p.workdays, kOptional,
          "Working days of the week: mon to sun, or 周一 to 周日 (default mon to fri)");
  v.field("holidays", p.holidays, kOptional, "Days off within the engagement, YYYY-MM-DD");
  v.field("extra_workdays", p.extra_workdays, kOptional,
          "Rest days worked in lieu (make-up workdays, 调休), YYYY-MM-DD");
}

template <class V>
void describe(V& v, Method& m) {
  v.field("summary", m.summary, kOptional, "How we will work, in a sentence");
  v.field("steps", m.steps, kOptional, "The steps of the method");
}

template <class V>
void describe(V& v, Standard& s) {
  v.field("id", s.id, kRequired, "Short unique id, e.g. ISO27001-A.7");
  v.field("title", s.title, kOptional, "Full title of the standard or clause");
}

template <class V>
void describe(V& v, TextItem& t) {
  v.field("text", t.text, kRequired, "The item");
  v.field("internal", t.internal, kOptional, "true: for our team only, never on a client page");
}

/// The team-only fields an object may carry.
template <class V, class T>
void describe_notes(V& v, T& t) {
  v.field("notes", t.notes, kOptional, "Notes for our team, never on a client page");
  v.field("internal_notes", t.internal_notes, kOptional,
          "Notes for our team, never on a client page");
}

template <class V>
void describe(V& v, Phase& p) {
  v.field("id", p.id, kRequired, "Short unique id, referred to by findings");
  v.field("name", p.name, kOptional, "Name of the phase");
  v.field("start", p.start, kRequired, "First day, YYYY-MM-DD");
  v.field("end", p.end, kRequired, "Last day, YYYY-MM-DD, not before start");
  v.field("activities", p.activities, kOptional, "What happens in the phase");
  v.field("owner", p.owner, kOptional, "Who on our team leads the phase");
  describe_notes(v, p);
}

template <class V>
void describe(V& v, Meeting& m) {
  v.field("name", m.name, kOptional,
          "What every page, the plan and the calendar call this meeting (default: Kick-off "
          "meeting, Daily recap, Phase recap, Final recap, or their Chinese names)");
  v.field("date", m.date, kOptional, "Day of the meeting, YYYY-MM-DD (default: from the plan)");
  v.field("time", m.time, kOptional, "Start time, HH:MM");
  v.field("duration", m.duration, kOptional, "Length in minutes");
  v.field("location", m.location, kOptional, "Where it takes place");
  v.field("attendees", m.attendees, kOptional, "Who attends (default: from the plan)");
}

template <class V>
void describe(V& v, Meetings& m) {
  v.field("kickoff", m.kickoff, kOptional, "The kick-off meeting");
  v.field("daily_recap", m.daily_recap, kOptional, "The end-of-day recap");
  v.field("phase_recap", m.phase_recap, kOptional, "The recap at the end of each phase");
  v.field("final_recap", m.final_recap, kOptional, "The closing recap of the engagement");
}

template <class V>
void describe(V& v, EscalationLevel& e) {
  v.field("level", e.level, kOptional, "Level of the escalation path, e.g. 1");
  v.field("who", e.who, kOptional, "Who is told at this level");
  v.field("within", e.within, kOptional,
          "Hours within which they are told of a finding of a severity this level is for, "
          "counted in whole days: under 24 the same day, 24 to 47 by the next day, and so on");
  v.field("severities", e.severities, kOptional,
          "Severities this level is for (same words as a finding's severity); when no level "
          "lists any, the first level is for critical and high");
}

template <class V>
void describe(V& v, Finding& f) {
  v.field("id", f.id, kRequired, "Short unique id, e.g. F-01");
  v.field("title", f.title, kRequired, "One line naming the problem");
  v.field("found", f.found, kOptional, "Day it was found, YYYY-MM-DD");
  v.field("phase", f.phase, kOptional | kName, "Id of the phase it was found in");
  v.field(
      "severity", f.severity, kOptional,
      "critical (严重), high (高危, 高), medium (中危, 中), low (低危, 低) or info (信息, 提示)");
  v.field("standard", f.standard, kOptional | kName, "Id of the standard it is assessed against");
  v.field("evidence", f.evidence, kOptional, "What was seen");
  v.field("impact", f.impact, kOptional, "What it puts at risk");
  v.field("recommendation", f.recommendation, kOptional, "What we recommend");
  v.field("owner", f.owner, kOptional | kName, "Who owns the remedy");
  v.field(
      "status", f.status, kOptional,
      "open (待处理), agreed (已认可, 已确认), in-progress (处理中), resolved (已解决: the client "
      "says it is fixed), verified (已验证, 已复测: we re-tested the fix) or wont-fix (不处理, "
      "暂不处理)");
  v.field("client_feedback", f.client_feedback, kOptional, "What the client said of it");
  v.field("history", f.history, kOptional,
          "Dated changes, oldest first: with a history the status is open from the day it was "
          "found until an entry changes it, and a top-level status, if given, must be the one "
          "after the last entry; a top-level severity is the one first recorded");
  v.apart(
      "cvss", f.details, &FindingDetails::cvss, kOptional,
      "CVSS 3.0, 3.1 or 4.0 vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H: commplan "
      "computes the score and its rating");
  v.apart("cwe", f.details, &FindingDetails::cwe, kOptional | kName,
          "Its weakness class, CWE-NUMBER, e.g. CWE-79");
  v.apart("affected", f.details, &FindingDetails::affected, kOptional,
          "Assets it affects: hosts, URLs, systems");
  v.apart("references", f.details, &FindingDetails::references, kOptional,
          "Where to read more: URLs");
  v.field("due", f.due, kOptional, "Remediation deadline agreed with the client, YYYY-MM-DD");
  v.apart("retest", f.details, &FindingDetails::retest, kOptional, "The last re-test of the fix");
  v.apart("fingerprint", f.details, &FindingDetails::fingerprint, kOptional,
          "A scanner's fingerprint of the result it was imported from (findings import matches "
          "on it)");
  v.field("good_practice", f.good_practice, kOptional,
          "true for a good practice seen (not a problem): listed apart, not counted");
  v.field("internal", f.internal, kOptional, "true: for our team only, never on a client page");
  v.apart("notes", f.details, &FindingDetails::notes, kOptional,
          "Notes for our team, never on a client page");
  v.apart("internal_notes", f.details, &FindingDetails::internal_notes, kOptional,
          "Notes for our team, never on a client page");
}

template <class V>
void describe(V& v, Retest& r) {
  v.field("date", r.date, kRequired, "Day of the re-test, YYYY-MM-DD");
  v.field("result", r.result, kRequired,
          "passed (通过), failed (未通过) or partial (部分通过): whether the fix holds");
  v.field("note", r.note, kOptional, "What the re-test saw");
}

template <class V>
void describe(V& v, Notification& n) {
  v.field("to", n.to, kRequired | kName, "Who was told");
  v.field("via", n.via, kRequired | kName, "How, e.g. phone, e-mail, in person");
}

template <class V>
void describe(V& v, HistoryEntry& e) {
  v.field("date", e.date, kRequired,
          "The day, YYYY-MM-DD: not before the finding was found nor before the entry above");
  v.field("status", e.status, kOptional, "The new status (same words as the finding's status)");
  v.field("severity", e.severity, kOptional,
          "The new severity (same words as the finding's severity)");
  v.field("note", e.note, kOptional, "What happened, e.g. re-tested and closed");
  v.field("by", e.by, kOptional | kName, "Who recorded it");
  v.field("notified", e.notified, kOptional, "Who was told of the finding that day, and how");
  v.field("feedback", e.feedback, kOptional,
          "What the client said of it that day: the finding's client_feedback from then on");
}

/// A change recorded in a log_dir file: the finding's id, then the fields of a history entry.
template <class V>
void describe(V& v, RecordedChange& c) {
  v.field("finding", c.finding, kRequired, "Id of the finding it changes");
  describe(v, static_cast<HistoryEntry&>(c));
}

template <class V>
void describe(V& v, Question& q) {
  v.field("question", q.text, kRequired, "The question");
  v.field("answer", q.answer, kOptional, "Our answer, even when it is \"not known yet\"");
  v.field("answer_by", q.answer_by, kOptional, "The day we promised an answer by, YYYY-MM-DD");
  v.field("answered", q.answered, kOptional,
          "The day we gave the answer, YYYY-MM-DD: owed until then (without it, an answer and no "
          "answer_by count as given the day it was asked)");
  v.field("internal", q.internal, kOptional, "true: for our team only, never on a client page");
}

/// A notification in a log entry: the finding's id, then who was told and how.
template <class V>
void describe(V& v, LoggedNotification& n) {
  v.field("finding", n.finding, kRequired, "Id of the finding the client was told of");
  describe(v, static_cast<Notification&>(n));
}

template <class V>
void describe(V& v, LogEntry& e) {
  v.field("date", e.date, kRequired, "The day, YYYY-MM-DD (one entry a day per author)");
  v.field("by", e.by, kOptional | kName,
          "Who wrote it: entries of one day by different people are merged, each item "
          "attributed");
  v.field("done", e.done, kOptional, "What was done");
  v.field("support_needed", e.support_needed, kOptional, "Support needed from the client");
  v.field("next", e.next, kOptional, "The plan for the next workday");
  v.field("questions", e.questions, kOptional,
          "Questions of the day: a text (or {text, internal}) is one we put to the client; a "
          "mapping {question, answer, answer_by, answered} is one the client put to us, owed "
          "until answered");
  v.field("notified", e.notified, kOptional,
          "Findings the client was told of that day: {finding, to, via}");
  v.field("internal", e.internal, kOptional,
          "true: the whole entry is for our team only, never on a client page");
  describe_notes(v, e);
}

template <class V>
void describe(V& v, Action& a) {
  v.field("what", a.what, kRequired, "What is to be done");
  v.field("owner", a.owner, kOptional, "Who does it");
  v.field("due", a.due, kOptional, "Due day, YYYY-MM-DD");
  v.field("done", a.done, kOptional, "The day it was done, YYYY-MM-DD (open until then)");
  v.field("internal", a.internal, kOptional, "true: for our team only, never on a client page");
}

template <class V>
void describe(V& v, Confirmation& c) {
  v.field("what", c.what, kRequired, "What the client confirmed");
  v.field("by", c.by, kOptional, "Who confirmed it");
  v.field("date", c.date, kOptional, "The day, YYYY-MM-DD (default: the meeting's)");
  v.field("internal", c.internal, kOptional, "true: for our team only, never on a client page");
}

template <class V>
void describe(V& v, Minutes& m) {
  v.field("meeting", m.meeting, kRequired, "Which meeting: kickoff, daily, phase or final");
  v.field("date", m.date, kRequired, "The day it was held, YYYY-MM-DD");
  v.field("phase", m.phase, kOptional, "The phase a phase recap recaps");
  v.field("by", m.by, kOptional, "Who took the minutes");
  v.field("present", m.present, kOptional, "Who attended");
  v.field("decisions", m.decisions, kOptional, "What was decided");
  v.field("actions", m.actions, kOptional, "Actions agreed: {what, owner, due, done}");
  v.field("confirmations", m.confirmations, kOptional,
          "What the client confirmed: {what, by, date}");
  v.field("internal", m.internal, kOptional,
          "true: these minutes are for our team only, never on a client page");
  describe_notes(v, m);
}

template <class V>
void describe(V& v, Communication& c) {
  v.field("id", c.id, kRequired, "Short unique id, used by five-w2h --topic");
  v.field("title", c.title, kOptional, "What the conversation is about");
  v.field("why", c.why, kOptional, "WHY: the purpose");
  v.field("what", c.what, kOptional, "WHAT: what must be made clear; the key point");
  v.field("who", c.who, kOptional, "WHO: the counterpart's role");
  v.field("when", c.when, kOptional, "WHEN: good and bad times");
  v.field("where", c.where, kOptional, "WHERE: good and bad places");
  v.field("how", c.how, kOptional, "HOW: firm, tactful or otherwise");
  v.field("how_much", c.how_much, kOptional, "HOW MUCH: how far to take it");
}

template <class V>
void describe(V& v, Project& p) {
  v.field("commplan", p.format, kRequired, "File format version: 1");
  v.field("lang", p.lang, kOptional, "Language of the built-in templates: en or zh");
  v.field("project", p.project, kRequired, "The engagement");
  v.field("team", p.team, kOptional, "Our people");
  v.field("client_team", p.client_team, kOptional, "The client's people");
  v.field("scope", p.scope, kOptional, "The needs we are here for");
  v.field("expectations", p.expectations, kOptional, "The client's goals");
  v.field("special_requirements", p.special_requirements, kOptional, "Special requirements");
  v.field("method", p.method, kOptional, "How we will work");
  v.field("cooperation", p.cooperation, kOptional, "What we need from the client");
  v.field("standards", p.standards, kOptional, "What we assess against");
  v.field("phases", p.phases, kOptional, "The execution plan");
  v.field("meetings", p.meetings, kOptional, "Times and places of the meetings");
  v.field("questions", p.questions, kOptional, "Extra interview questions for execution");
  v.field("escalation", p.escalation, kOptional, "Who is told when something goes wrong");
  v.field("findings", p.findings, kOptional, "What we found");
  v.field("log", p.log, kOptional, "One entry a day per author");
  v.field("minutes", p.minutes, kOptional, "Minutes of the meetings held");
  v.field("log_dir", p.log_dir, kOptional, "Folder whose *.yaml and *.json add log and findings");
  v.field("communications", p.communications, kOptional, "5W2H briefs of single conversations");
}

template <class V>
void describe(V& v, LogFile& f) {
  v.field("log", f.log, kOptional, "More daily log entries");
  v.field("findings", f.findings, kOptional, "More findings");
  v.field("history", f.history, kOptional,
          "Changes to findings defined here or elsewhere: {finding, date, status, severity, "
          "note, by, notified}");
  v.field("minutes", f.minutes, kOptional, "Minutes of meetings");
}

}  // namespace commplan
