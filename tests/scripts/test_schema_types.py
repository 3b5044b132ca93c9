"""The loader and the published schema agree on every typed field: for each field of the schema,
values of its type are accepted by both `commplan validate` and python3-jsonschema, values of
another type are rejected by both. Also: the Chinese enum words, YAML 1.2 booleans and NUL.

Run: /usr/bin/python3 tests/scripts/test_schema_types.py BINARY SOURCE_DIR
"""
import concurrent.futures
import copy
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import jsonschema
import yaml

from commplan_test import Yaml12Loader, fail, output, report


def meeting(duration):
    return {"name": "Meeting", "date": "2026-12-07", "time": "09:30", "duration": duration,
            "location": "Room 1", "attendees": ["Chen Ming"]}


# Every field of the schema, each with a value of its type (the test fails on a field missing here).
BASE = {
    "commplan": 1,
    "lang": "en",
    "project": {"name": "Audit", "client": "ACME", "summary": "Two weeks.",
                "start": "2026-12-07", "end": "2026-12-18", "timezone": "Asia/Shanghai",
                "classification": "TLP:AMBER",
                "workdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2026-12-10"],
                "extra_workdays": ["2026-12-12"]},
    "team": [{"name": "Chen Ming", "role": "lead", "responsibilities": ["scope"],
              "email": "chen@example.com", "phone": "+86 1"}],
    "client_team": [{"name": "Wang Jing", "role": "ops", "contact": True,
                     "email": "wang@example.com", "phone": "+86 2"}],
    "scope": ["the site"],
    "expectations": ["a list of risks"],
    "special_requirements": ["badges"],
    "method": {"summary": "Interviews.", "steps": ["interview"]},
    "cooperation": ["access"],
    "standards": [{"id": "ISO31000", "title": "Risk management"}],
    "phases": [{"id": "all", "name": "All of it", "start": "2026-12-07", "end": "2026-12-18",
                "activities": ["inspect"], "owner": "Chen Ming",
                "notes": "n", "internal_notes": "i"}],
    "meetings": {"kickoff": meeting(60), "daily_recap": meeting(10),
                 "phase_recap": meeting(30), "final_recap": meeting(60)},
    "questions": ["Who holds the keys?"],
    "escalation": [{"level": "1", "who": "the lead", "within": 4,
                    "severities": ["critical", "高危"]}],
    "findings": [{"id": "F1", "title": "Door open", "found": "2026-12-08", "phase": "all",
                  "severity": "high", "standard": "ISO31000", "evidence": "seen",
                  "impact": "theft", "recommendation": "close it", "owner": "Wang Jing",
                  "status": "open", "client_feedback": "agreed",
                  "history": [{"date": "2026-12-09", "status": "open", "severity": "critical",
                               "note": "re-tested", "by": "Chen Ming",
                               "notified": {"to": "the lead", "via": "phone"},
                               "feedback": "will fix"}],
                  "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "cwe": "CWE-284",
                  "affected": ["door 3"], "references": ["https://example.com/ref"],
                  "due": "2026-12-10",
                  "retest": {"date": "2026-12-09", "result": "passed", "note": "closed"},
                  "fingerprint": "fp1",
                  "good_practice": False, "internal": False, "notes": "n",
                  "internal_notes": "i"}],
    "log": [{"date": "2026-12-08", "by": "Chen Ming", "done": ["a"], "support_needed": ["b"], "next": ["c"],
             "questions": ["d", {"question": "e", "answer": "f", "answer_by": "2026-12-09",
                                 "answered": "2026-12-09"}],
             "notified": [{"finding": "F1", "to": "the lead", "via": "phone"}],
             "internal": False, "notes": "n", "internal_notes": "i"}],
    "minutes": [{"meeting": "phase", "date": "2026-12-18", "phase": "all", "by": "Chen Ming",
                 "present": ["Chen Ming", "Wang Jing"], "decisions": ["retest on Monday"],
                 "actions": [{"what": "send the report", "owner": "Chen Ming",
                              "due": "2026-12-21", "done": "2026-12-18", "internal": False}],
                 "confirmations": [{"what": "scope is complete", "by": "Wang Jing",
                                    "date": "2026-12-18", "internal": False}],
                 "internal": False, "notes": "n", "internal_notes": "i"}],
    "log_dir": "logs",
    "communications": [{"id": "c1", "title": "Access", "why": "w", "what": "w", "who": "w",
                        "when": "w", "where": "w", "how": "w", "how_much": "w"}],
}

# Texts whose value nothing else refers to or checks: a number or a boolean is text there too.
FREE_TEXT = {"name", "client", "summary", "role", "phone", "title", "location", "level", "who",
             "evidence", "impact", "recommendation", "client_feedback", "why", "what", "when",
             "where", "how", "how_much", "note", "by", "to", "via", "owner", "classification",
             "notes", "internal_notes", "text"}

# A finding's top-level status and its history's last status must agree: a value given to one
# is given to the other (a history entry without a status leaves the finding open).
STATUS = ["findings", 0, "status"]
HISTORY_STATUS = ["findings", 0, "history", 0, "status"]


def align_status(doc, path, value):
    if path == STATUS and value is not None:
        set_path(doc, HISTORY_STATUS, value)
    elif path == HISTORY_STATUS:
        set_path(doc, STATUS, "open" if value is None else value)


def unwrap(schema):
    """The schema of a field without the null an optional field allows, and whether it did."""
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s != {"type": "null"}]
        return options[0], True
    if isinstance(schema.get("type"), list) and "null" in schema["type"]:
        inner = dict(schema)
        inner["type"] = [t for t in schema["type"] if t != "null"]
        if len(inner["type"]) == 1:
            inner["type"] = inner["type"][0]
        return inner, True
    return schema, False


def kind(schema):
    if "const" in schema:
        return "const"
    if "enum" in schema:
        return "enum"
    t = schema.get("type")
    if isinstance(t, list):
        return "text"
    if t == "string":
        return "time" if ":" in schema.get("pattern", "") else "date"
    return t  # boolean, integer, array, object


WRONG = {
    "text": [[], {}],
    "boolean": ["true", "True", 1, 0, "yes"],
    "integer": ["60", 60.5, -1, 10000000, True, "x"],
    "date": [20261207, True, [], "2026-12-7"],
    "time": ["9:30", 930, True, "24:00"],
    "enum": ["urgent", 1, True, [], "Mon"],
    "array": ["x", {}],
    "object": ["x", []],
    "const": [2, 0, -1, "1", []],  # `commplan:`, the one format version read
}


def right_values(k, schema, name, value):
    if k == "boolean":
        return [True, False]
    if k == "integer":
        return [value, float(value)]  # 60.0 is a JSON Schema integer, and 60 to commplan
    if k == "enum":
        return schema["enum"]
    if k == "const":
        return [schema["const"]]
    if k == "text" and name in FREE_TEXT:
        return [value, 5, True]
    return [value]


def fields(schema, value, path):
    """(path, schema, value) for every field under an object schema, depth first."""
    for name, sub in schema["properties"].items():
        if name not in value:
            fail(f"{'.'.join(map(str, path + [name]))}: not in BASE: add a value of its type")
            continue
        inner, optional = unwrap(sub)
        yield path + [name], inner, optional, value[name]
        k = kind(inner)
        if k == "object":
            yield from fields(inner, value[name], path + [name])
        elif k == "array":
            item, _ = unwrap(inner["items"])
            yield path + [name, 0], item, False, value[name][0]
            if kind(item) == "object":
                yield from fields(item, value[name][0], path + [name, 0])


def set_path(doc, path, value):
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


class Checker:
    """Runs the checks a few at a time; each project file is written to a file of its own."""

    def __init__(self, binary, schema, folder, pool):
        self.binary = binary
        self.validator = jsonschema.Draft202012Validator(schema)
        self.folder = folder
        self.pool = pool
        self.pending = []
        self.runs = 0

    def commplan_accepts(self, text, suffix, number=None):
        if number is None:
            self.runs += 1
            number = self.runs
        path = self.folder / f"p{number}{suffix}"
        path.write_bytes(text.encode())
        done = subprocess.run([self.binary, "validate", "-q", str(path)], capture_output=True,
                              text=True)
        if done.returncode not in (0, 1):
            fail(f"validate exited {done.returncode}: {done.stderr}")
        return done.returncode == 0, done.stderr

    def check(self, label, doc, expected, text=None, suffix=".json"):
        if text is None:
            text = json.dumps(doc, indent=1, ensure_ascii=False)
        by_schema = self.validator.is_valid(doc)
        self.runs += 1  # here, not in the threads: each run has its own file
        self.pending.append((label, expected, by_schema,
                             self.pool.submit(self.commplan_accepts, text, suffix, self.runs)))

    def finish(self):
        for label, expected, by_schema, future in self.pending:
            by_commplan, stderr = future.result()
            if by_commplan != expected or by_schema != expected:
                verdict = "accepts" if expected else "rejects"
                fail(f"{label}: expected both to {verdict}; commplan validate "
                     f"{'accepts' if by_commplan else 'rejects'}, the schema "
                     f"{'accepts' if by_schema else 'rejects'} {stderr.strip()}")


def check_fields(checker, schema):
    checker.check("the base project", BASE, True)
    for path, sub, optional, value in fields(schema, BASE, []):
        label = ".".join(map(str, path))
        k = kind(sub)
        last = path[-1]
        name = last if isinstance(last, str) else path[-2]
        for good in right_values(k, sub, name, value):
            doc = copy.deepcopy(BASE)
            if k == "enum" and isinstance(last, int):
                set_path(doc, path[:-1], [good])  # alone, as two words may name one day
            else:
                set_path(doc, path, good)
            align_status(doc, path, good)
            checker.check(f"{label} = {json.dumps(good, ensure_ascii=False)}", doc, True)
        for bad in WRONG[k] + ([] if optional or isinstance(last, int) else [None]):
            doc = copy.deepcopy(BASE)
            set_path(doc, path, bad)
            checker.check(f"{label} = {json.dumps(bad)}", doc, False)
        if optional:
            doc = copy.deepcopy(BASE)
            set_path(doc, path, None)
            if path == ["phases"]:
                del doc["findings"][0]["phase"]  # no longer refers to a phase
                del doc["minutes"][0]["phase"]
            if path == ["findings"]:
                del doc["log"][0]["notified"]  # no longer refers to a finding
            align_status(doc, path, None)
            checker.check(f"{label} = null", doc, True)


def check_yaml(checker):
    """YAML 1.2 booleans, and YAML 1.1's that are text now, read alike by both."""
    head = "commplan: 1\nproject: {name: A, client: B, start: 2026-12-07, end: 2026-12-18}\n"
    for word, expected in [("true", True), ("True", True), ("TRUE", True), ("False", True),
                           ("FALSE", True), ("yes", False), ("on", False), ("No", False),
                           ("tRUE", False), ('"true"', False)]:
        text = head + f"client_team:\n  - {{name: C, contact: {word}}}\n"
        checker.check(f"YAML contact: {word}", yaml.load(text, Loader=Yaml12Loader), expected,
                      text=text, suffix=".yaml")
    for value, expected in [("60", True), ("0x3C", True), ("6e1", True), ('"60"', False),
                            ("'60'", False), ("60.5", False), ("1h", False)]:
        text = head + f"meetings:\n  kickoff: {{duration: {value}}}\n"
        checker.check(f"YAML duration: {value}", yaml.load(text, Loader=Yaml12Loader), expected,
                      text=text, suffix=".yaml")


def check_question_mappings(checker):
    """A log question as a mapping: both read its fields alike, and reject what is not one."""
    for label, question, expected in [
            ("question alone", {"question": "q"}, True),
            ("answer_by not a date", {"question": "q", "answer_by": "2026-12-9"}, False),
            ("no question", {"answer": "a"}, False),
            ("answer a list", {"question": "q", "answer": ["a"]}, False),
            ("unknown key", {"question": "q", "anwser": "a"}, False),
            ("a list", ["q"], False)]:
        doc = copy.deepcopy(BASE)
        doc["log"][0]["questions"] = [question]
        if label == "unknown key":  # a warning for commplan, an error for the schema
            accepted, _ = checker.commplan_accepts(json.dumps(doc), ".json")
            if not accepted or checker.validator.is_valid(doc):
                fail("questions[0] with an unknown key: commplan warns, the schema rejects")
            continue
        checker.check(f"questions[0] {label}", doc, expected)


def check_history_rules(checker):
    """What validate checks across fields is outside any schema; it is still an error there."""
    for label, change in [
            ("history before found", lambda f: f["history"][0].__setitem__("date", "2026-12-07")),
            ("status not the history's", lambda f: f.__setitem__("status", "resolved"))]:
        doc = copy.deepcopy(BASE)
        change(doc["findings"][0])
        accepted, _ = checker.commplan_accepts(json.dumps(doc), ".json")
        if accepted:
            fail(f"{label}: commplan validate accepts it")


def check_nul(checker):
    """A NUL in a text is an error for commplan. The schema cannot say so for free text; for
    the texts that name something (dates, times, enums) it rejects it too."""
    for path, value in [(["project", "timezone"], "UTC\u0000garbage"),
                        (["project", "name"], "A\u0000B"),
                        (["findings", 0, "id"], "F\u00001"),
                        (["team", 0, "email"], "a@b.example\u0000x")]:
        doc = copy.deepcopy(BASE)
        set_path(doc, path, value)
        accepted, _ = checker.commplan_accepts(json.dumps(doc), ".json")
        if accepted:
            fail(f"{'.'.join(map(str, path))} with a NUL: commplan validate accepts it")
    for path, value in [(["project", "start"], "2026-12-07\u0000"),
                        (["meetings", "kickoff", "time"], "09:30\u0000"),
                        (["findings", 0, "severity"], "high\u0000")]:
        doc = copy.deepcopy(BASE)
        set_path(doc, path, value)
        checker.check(f"{'.'.join(map(str, path))} with a NUL", doc, False)


def main():
    binary = sys.argv[1]
    schema = json.loads(output(binary, "schema"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (folder / "logs").mkdir()
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            checker = Checker(binary, schema, folder, pool)
            check_fields(checker, schema)
            check_yaml(checker)
            check_nul(checker)
            check_question_mappings(checker)
            check_history_rules(checker)
            checker.finish()
    return report(f"{checker.runs} values checked against commplan validate and the schema")


if __name__ == "__main__":
    sys.exit(main())
