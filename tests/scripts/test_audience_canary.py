"""No page for the client (`--audience client`) carries anything for our team only.

Every example project (with its log_dir files) is copied with a unique canary string,
CANARY-<n>-<where>, planted in every team-only place the file format has:

- an `{text: CANARY, internal: true}` item in every text list: the lists are found by walking
  `commplan schema` for arrays whose items accept that form, so a list added later is covered
  without a change here (a list of the schema that no example lets us plant in fails);
- `notes` and `internal_notes` of every finding, log entry, minutes and phase;
- in every visible log entry, an internal client question (`{question, answer, internal}`)
  answered and one still owed, and a notification of an internal finding;
- in every visible minutes, an internal action and an internal confirmation;
- per phase, an internal finding (every text field, its history, its notification, a change
  to it recorded in a log_dir file) found on a recap day of the phase, and one internal good
  practice;
- an internal log entry on every daily recap day, and internal minutes of a daily recap.

The planted project must still validate (warnings allowed) and pass the JSON Schema, which
must also reject `{internal: true}` without text. Then every brief the plan calls for (the
kick-off, the daily recap of every recap day, every phase recap, the final recap, the minutes
of every minuted meeting, the plan, the 5W2H of every topic) is rendered with `--audience
client` in every page format the command offers among md, html, txt, json, eml and ics (a
format added later, e.g. eml, is picked up from `--help`), in the file's language, and in
Markdown in the other language. The test fails listing every (command, format, canary) found.

The control proves the test can fail: with `--audience team`, the daily recap in Markdown of
an internal finding's day shows its title and the day's internal log entry.

Usage: test_audience_canary.py COMMPLAN_BINARY SOURCE_DIR
"""

import concurrent.futures
import copy
import email
import email.policy
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

from commplan_test import Yaml12Loader, examples, fail, report

# The page formats a client may be handed (not five-w2h's yaml, which goes into a project file).
PAGE_FORMATS = ["md", "html", "txt", "json", "eml", "ics"]
CANARY = re.compile(r"canary[-_\s]?(\d+)", re.I)
TEXT_ITEM = {"text": "x", "internal": True}
SEVERITIES = ["critical", "high", "medium", "low"]
STATUSES = ["open", "in-progress", "resolved"]


class Canaries:
    """Unique canary strings, each with the place it was planted."""

    def __init__(self):
        self.where = {}

    def __call__(self, where):
        number = len(self.where) + 1
        slug = re.sub(r"[^A-Za-z0-9]+", "-", where).strip("-")[:48]
        assert not CANARY.search(slug), where
        self.where[number] = where
        return f"CANARY-{number}-{slug}"

    def found(self, text):
        """The numbers of the canaries in `text`; 0 for the word without a number."""
        numbers = {int(n) for n in CANARY.findall(text)}
        if not numbers and re.search("canary", text, re.I):
            numbers.add(0)
        return numbers


def run(binary, args):
    done = subprocess.run([binary, *args], capture_output=True, env={"PATH": "/usr/bin:/bin"})
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def load(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=Yaml12Loader)


# The text lists of the file format, from its JSON Schema.

def text_list_paths(schema, path=(), out=None):
    """Paths (tuples of keys, "[]" for a list's item) of the arrays whose items accept
    {text, internal}."""
    out = [] if out is None else out
    if not isinstance(schema, dict):
        return out
    for name, sub in schema.get("properties", {}).items():
        text_list_paths(sub, path + (name,), out)
    for form in schema.get("anyOf", []) + schema.get("oneOf", []):
        text_list_paths(form, path, out)
    items = schema.get("items")
    if isinstance(items, dict):
        if jsonschema.Draft202012Validator(items).is_valid(TEXT_ITEM):
            out.append(path)
        text_list_paths(items, path + ("[]",), out)
    return out


def label(node, where, index):
    """`where`[the item's id, date or name], else `where`[index]."""
    if isinstance(node, dict):
        for key in ("id", "date", "name"):
            if isinstance(node.get(key), str):
                return f"{where}[{node[key]}]"
    return f"{where}[{index}]"


def plant_lists(node, path, where, canary):
    """Appends an internal item to the list at `path` below `node` (making the list, and the
    mappings on the way, when missing; a list of mappings is never made); how many it planted."""
    key, rest = path[0], path[1:]
    if key == "[]":
        if not isinstance(node, list):
            return 0
        return sum(plant_lists(item, rest, label(item, where, i), canary)
                   for i, item in enumerate(node))
    if not isinstance(node, dict):
        return 0
    here = f"{where}.{key}" if where else key
    if not rest:
        if node.get(key) is None:
            node[key] = []
        node[key].append({"text": canary(here), "internal": True})
        return 1
    if node.get(key) is None:
        if rest[0] == "[]":
            return 0
        node[key] = {}
    return plant_lists(node[key], rest, here, canary)


# The planted copy of one example.

class Planted:
    """An example copied with canaries into `folder`, and what its pages should be asked for."""

    def __init__(self, source_file, folder, schema, canary, counts):
        self.canary = canary
        self.data = load(source_file)
        self.lang = self.data.get("lang", "en")
        self.log_files = {}
        if self.data.get("log_dir"):
            logs = os.path.join(os.path.dirname(source_file), self.data["log_dir"])
            for path in sorted(glob.glob(os.path.join(logs, "*.yaml")) +
                               glob.glob(os.path.join(logs, "*.json"))):
                self.log_files[os.path.basename(path)] = load(path)
        self.controls = []  # (date, [canaries the team's daily recap of that date shows])
        for path in text_list_paths(schema):
            planted = plant_lists(self.data, path, "", canary)
            if path[0] in ("log", "minutes", "findings"):
                for name, doc in self.log_files.items():
                    planted += plant_lists(doc, path, f"{name}:", canary)
            counts["/".join(path)] = counts.get("/".join(path), 0) + planted
        self.plant_notes()
        self.plant_in_visible()
        self.path = os.path.join(folder, os.path.basename(source_file) + ".json")
        self.log_dir = os.path.join(folder, self.data.get("log_dir") or "logs")

    def every(self, key):
        """(file label, item) of list `key` in the project and its log_dir files."""
        found = [(key, i, item) for i, item in enumerate(self.data.get(key) or [])]
        for name, doc in self.log_files.items():
            found += [(f"{name}:{key}", i, item) for i, item in enumerate(doc.get(key) or [])]
        return found

    def plant_notes(self):
        for key in ("findings", "log", "minutes", "phases"):
            for file, i, item in self.every(key):
                where = label(item, file, i)
                item["notes"] = self.canary(f"{where}.notes")
                item["internal_notes"] = self.canary(f"{where}.internal_notes")

    def plant_in_visible(self):
        c = self.canary
        team = [m["name"] for m in self.data.get("team") or []]
        client = [m["name"] for m in self.data.get("client_team") or []]
        self.team, self.client = team, client
        for file, i, entry in self.every("log"):
            where = label(entry, file, i)
            entry.setdefault("questions", [])
            entry["questions"] += [
                {"question": c(f"{where}.internal-question.owed"), "answer_by": entry["date"],
                 "internal": True},
                {"question": c(f"{where}.internal-question.answered"),
                 "answer": c(f"{where}.internal-question.answer"), "answered": entry["date"],
                 "internal": True}]
        for file, i, minutes in self.every("minutes"):
            where = label(minutes, file, i)
            minutes.setdefault("actions", [])
            minutes["actions"].append({"what": c(f"{where}.internal-action"), "owner": team[0],
                                       "due": minutes["date"], "internal": True})
            minutes.setdefault("confirmations", [])
            minutes["confirmations"].append({"what": c(f"{where}.internal-confirmation"),
                                             "by": client[0], "internal": True})

    def plant_internal(self, plan):
        """The internal findings, log entries and minutes, on the days `plan` (the plan's JSON
        view) holds recaps."""
        c = self.canary
        daily = sorted({t["date"] for t in plan["touchpoints"]
                        if t["kind"] == "daily" or "daily" in t.get("includes", [])})
        self.daily_days = daily
        visible = {}
        for _, _, entry in self.every("log"):
            visible.setdefault(entry["date"], []).append(entry)
        standards = [s["id"] for s in self.data.get("standards") or []]
        findings = []
        for i, phase in enumerate(self.data.get("phases") or []):
            days = [d for d in daily if phase["start"] <= d <= phase["end"]]
            days = [d for d in days if d in visible] or days or [phase["start"]]
            day = days[0]
            findings.append(self.internal_finding(day, phase["id"], i, standards[:1]))
        if findings:
            findings.append(self.internal_finding(findings[0]["found"], findings[0]["phase"], 0,
                                                  standards[:1], good_practice=True))
        self.data.setdefault("findings", [])
        self.data["findings"] += findings
        for name, doc in list(self.log_files.items())[:1]:  # a change recorded in log_dir
            for k, finding in enumerate(findings):
                where = f"{name}:history[{k}]"
                doc.setdefault("history", []).append(
                    {"finding": finding["id"], "date": finding["found"],
                     "note": c(f"{where}.note"), "feedback": c(f"{where}.feedback"),
                     "notified": {"to": c(f"{where}.to"), "via": c(f"{where}.via")}})
        for k, finding in enumerate(findings):
            for entry in visible.get(finding["found"], []):
                where = f"log[{entry['date']}].notified[internal-{k}]"
                entry.setdefault("notified", []).append(
                    {"finding": finding["id"], "to": c(f"{where}.to"), "via": c(f"{where}.via")})
        self.data.setdefault("log", [])
        for day in daily:
            used = {entry.get("by", "") for entry in visible.get(day, [])}
            by = next((name for name in self.team if name not in used), c(f"log[{day}].by"))
            where = f"internal-log[{day}]"
            entry = {"date": day, "by": by, "internal": True,
                     "done": [c(f"{where}.done")], "support_needed": [c(f"{where}.support")],
                     "next": [c(f"{where}.next")],
                     "questions": [c(f"{where}.question"),
                                   {"question": c(f"{where}.client-question"),
                                    "answer_by": day}],
                     "notes": c(f"{where}.notes"), "internal_notes": c(f"{where}.internal_notes")}
            entry["notified"] = [{"finding": f["id"], "to": c(f"{where}.notified.to"),
                                  "via": c(f"{where}.notified.via")}
                                 for f in findings if f["found"] <= day][:1]
            self.data["log"].append(entry)
            shown = [f["title"] for f in findings if f["found"] == day and not
                     f.get("good_practice")]
            self.controls.append((day, shown + [entry["done"][0]]))
        minuted = {(m["meeting"], m["date"]) for _, _, m in self.every("minutes")}
        free = [d for d in daily if ("daily", d) not in minuted]
        if free:
            day, where = free[0], f"internal-minutes[{free[0]}]"
            self.data.setdefault("minutes", []).append({
                "meeting": "daily", "date": day, "by": self.team[0], "internal": True,
                "present": [self.team[0], c(f"{where}.present")],
                "decisions": [c(f"{where}.decision")],
                "actions": [{"what": c(f"{where}.action"), "owner": self.team[0], "due": day}],
                "confirmations": [{"what": c(f"{where}.confirmation"), "by": self.client[0]}],
                "notes": c(f"{where}.notes"), "internal_notes": c(f"{where}.internal_notes")})

    def internal_finding(self, day, phase, i, standard, good_practice=False):
        """An internal finding of `phase` found on `day`, every text of it a canary."""
        c = self.canary
        where = f"internal-{'good-practice' if good_practice else 'finding'}[{phase}]"
        fid = c(f"{where}.id")
        finding = {"id": fid, "found": day, "phase": phase, "internal": True,
                   "severity": SEVERITIES[i % len(SEVERITIES)]}
        for field in ("title", "evidence", "impact", "recommendation", "owner",
                      "client_feedback", "notes", "internal_notes"):
            finding[field] = c(f"{where}.{field}")
        if standard:
            finding["standard"] = standard[0]
        if good_practice:
            finding["good_practice"] = True
        finding["history"] = [{"date": day, "status": STATUSES[i % len(STATUSES)],
                               "note": c(f"{where}.history.note"), "by": c(f"{where}.history.by"),
                               "notified": {"to": c(f"{where}.history.to"),
                                            "via": c(f"{where}.history.via")},
                               "feedback": c(f"{where}.history.feedback")}]
        return finding

    def write(self):
        """The project and its log_dir files, one value a line (so a diagnostic's excerpt
        quotes no neighbour)."""
        files = {self.path: self.data}
        files.update((os.path.join(self.log_dir, name), doc)
                     for name, doc in self.log_files.items())
        for path, data in files.items():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=1)

    def briefs(self, plan):
        """(label, args) of every page the plan calls for."""
        p = self.path
        out = [("kickoff", ["kickoff", p, "--date", self.data["project"]["start"]])]
        out += [(f"recap daily {d}", ["recap", p, "--level", "daily", "--date", d])
                for d in self.daily_days]
        recap_of = {}
        for t in plan["touchpoints"]:
            if t["kind"] == "phase" and t.get("phase"):
                recap_of[t["phase"]["id"]] = t["date"]
            for include in t.get("includes", []):
                if include.startswith("phase:"):
                    recap_of[include[len("phase:"):]] = t["date"]
        finals = [t["date"] for t in plan["touchpoints"] if t["kind"] == "final"]
        for phase in self.data.get("phases") or []:
            day = recap_of.get(phase["id"], phase["end"])
            out.append((f"recap phase {phase['id']}",
                        ["recap", p, "--level", "phase", "--phase", phase["id"], "--date", day]))
        final = finals[0] if finals else self.data["project"]["end"]
        out.append(("recap final", ["recap", p, "--level", "final", "--date", final]))
        for _, _, m in self.every("minutes"):
            kind = "internal minutes" if m.get("internal") else "minutes"
            out.append((f"{kind} {m['meeting']} {m['date']}",
                        ["minutes", p, "--date", m["date"], "--meeting", m["meeting"]]))
        out.append(("plan", ["plan", p, "--date", self.data["project"]["start"]]))
        out.append(("five-w2h", ["five-w2h", p]))
        for topic in self.data.get("communications") or []:
            out.append((f"five-w2h {topic['id']}", ["five-w2h", p, "--topic", topic["id"]]))
        return out


# What a page holds, read as its reader reads it.

def readable(fmt, raw):
    """The text of a page, with what a format encodes (MIME, folding, entities) undone."""
    text = raw.decode("utf-8", "replace")
    if fmt == "eml":
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [f"{k}: {v}" for k, v in message.items()]
        for part in message.walk():
            parts += [f"{k}: {v}" for k, v in part.items()]
            if not part.is_multipart():
                payload = part.get_payload(decode=True) or b""
                parts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
        return text + "\n".join(parts)
    if fmt == "ics":
        return re.sub(r"\r?\n[ \t]", "", text)
    if fmt == "html":
        return text + html.unescape(text)
    if fmt == "json":
        try:
            return text + json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return text + text.replace("\\", "")


def formats_of(binary, command):
    code, out, _ = run(binary, [command, "--help"])
    match = re.search(r"--format TEXT:\{([^}]*)\}", out.decode())
    offered = match.group(1).split(",") if match else ["md"]
    return [f for f in PAGE_FORMATS if f in offered]


def check_schema(schema, planted):
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(planted.data))
    for error in errors[:5]:
        fail(f"{planted.path}: the JSON Schema rejects the planted project: {error.message} "
             f"at {list(error.absolute_path)}")
    for wrong in ({"internal": True}, {"text": "x", "internal": "yes"}, {"txt": "x"}):
        data = copy.deepcopy(planted.data)
        data.setdefault("scope", []).append(wrong)
        if validator.is_valid(data):
            fail(f"the JSON Schema accepts the scope item {wrong}")


def main(binary, source):
    canary = Canaries()
    code, out, err = run(binary, ["schema"])
    schema = json.loads(out)
    paths = text_list_paths(schema)
    if len(paths) < 10:
        fail(f"the schema has only {len(paths)} lists taking {{text, internal}}: {paths}")
    counts = {}
    formats = {c: formats_of(binary, c) for c in ("kickoff", "recap", "minutes", "plan",
                                                 "five-w2h")}
    leaks, runs, controls = {}, 0, 0
    in_diagnostics = set()  # canaries the file's own diagnostics name, for either audience
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 2)) as pool:
        projects = []
        for i, source_file in enumerate(sorted({p for p, _, _ in examples(source)})):
            folder = os.path.join(tmp, str(i))
            os.makedirs(folder)
            planted = Planted(source_file, folder, schema, canary, counts)
            planted.write()
            code, out, err = run(binary, ["plan", planted.path, "--format", "json"])
            if code != 0:
                fail(f"{planted.path}: plan exit {code}: {err}")
                continue
            plan = json.loads(out)
            planted.plant_internal(plan)
            planted.write()
            code, out, err = run(binary, ["validate", planted.path])
            print(f"{planted.path}: {err.count(': warning: ')} warning(s) on validation")
            in_diagnostics |= canary.found(err)
            if code != 0:
                fail(f"{os.path.basename(source_file)} planted does not validate: exit {code}\n"
                     f"{err}")
                continue
            check_schema(schema, planted)
            projects.append((os.path.basename(source_file), planted, plan))

        jobs = {}
        for name, planted, plan in projects:
            other = "zh" if planted.lang == "en" else "en"
            for brief, args in planted.briefs(plan):
                command = args[0]
                for fmt in formats[command]:
                    job = args + ["--audience", "client", "--lang", planted.lang, "--format", fmt]
                    jobs[pool.submit(run, binary, job)] = (name, brief, planted.lang, fmt, job)
                job = args + ["--audience", "client", "--lang", other, "--format", "md"]
                jobs[pool.submit(run, binary, job)] = (name, brief, other, "md", job)
            for day, shown in planted.controls:
                job = ["recap", planted.path, "--level", "daily", "--date", day,
                       "--audience", "team", "--format", "md"]
                jobs[pool.submit(run, binary, job)] = (name, f"control {day}", shown, "md", job)
        for future in concurrent.futures.as_completed(jobs):
            name, brief, lang, fmt, job = jobs[future]
            code, out, err = future.result()
            if brief.startswith("control"):
                controls += 1
                text = out.decode("utf-8", "replace")
                for expected in lang:
                    if code != 0 or expected not in text:
                        fail(f"{name} {brief}: the team's daily recap does not show {expected} "
                             f"(exit {code}): the canaries cannot be seen, the test proves "
                             f"nothing")
                continue
            runs += 1
            # The client has no minutes where the only ones are internal: a usage error.
            if code != (2 if brief.startswith("internal minutes") else 0):
                fail(f"{name}: {' '.join(job[:1] + job[2:])}: exit {code}: {err}")
            for number in canary.found(err) - in_diagnostics:
                leaks.setdefault(number, []).append(f"{name} {brief} ({lang}) {fmt} stderr")
            for number in canary.found(readable(fmt, out)):
                leaks.setdefault(number, []).append(f"{name} {brief} ({lang}) {fmt}")

    for path, planted in sorted(counts.items()):
        if planted == 0:
            fail(f"the text list {path} of the schema has nowhere to plant in any example: add "
                 "one to an example or plant it here")
    for number in sorted(leaks):
        pages = sorted(leaks[number])
        where = canary.where.get(number, "the word canary")
        fail(f"CANARY-{number} ({where}) is on {len(pages)} client page(s): "
             + "; ".join(pages[:6]) + (" ..." if len(pages) > 6 else ""))
    return report(f"{len(canary.where)} canaries in {len(projects)} examples, {len(paths)} text "
                  f"lists; {runs} client pages and {controls} team controls read")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
