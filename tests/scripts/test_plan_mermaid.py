"""The Mermaid gantt block of `commplan plan` checked line by line against the subset of
Mermaid's gantt grammar commplan writes, for every example in both languages and for a project
whose names hold Mermaid syntax:

    gantt
        title TEXT
        dateFormat YYYY-MM-DD
        axisFormat %m-%d
        inclusiveEndDates
        todayMarker off
        excludes ITEM, ITEM, ...          (weekends, a day of the week, YYYY-MM-DD)
        includes YYYY-MM-DD, ...          (the extra workdays, worked in lieu)
        section TEXT
        NAME :ID, YYYY-MM-DD, YYYY-MM-DD  (a phase: start, inclusive end)
        NAME :milestone, ID, YYYY-MM-DD, 0d

TEXT and NAME hold no ':', ';', '#' or line break and start with no gantt keyword. The bars
are the project's phases and the milestones its kick-off, phase and final recaps, as in
`--format json`.

Usage: test_plan_mermaid.py COMMPLAN_BINARY SOURCE_DIR
"""

import datetime
import json
import os
import re
import sys
import tempfile

from commplan_test import examples, fail, report, run

KEYWORDS = {"accdescr", "acctitle", "axisformat", "call", "click", "dateformat", "displaymode",
            "excludes", "gantt", "inclusiveenddates", "includes", "section", "tickinterval",
            "title", "todaymarker", "topaxis", "weekday", "weekend"}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
ID = r"[A-Za-z][A-Za-z0-9_]*"
DAY = r"\d{4}-\d{2}-\d{2}"
TASK = re.compile(rf"(?P<name>[^:;#]+?) :(?P<id>{ID}), (?P<start>{DAY}), (?P<end>{DAY})")
MILESTONE = re.compile(rf"(?P<name>[^:;#]+?) :milestone, (?P<id>{ID}), (?P<start>{DAY}), 0d")
HEADER = ["gantt", "title", "dateFormat YYYY-MM-DD", "axisFormat %m-%d", "inclusiveEndDates",
          "todayMarker off"]


def real_day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def check_text(where, text):
    if not text or text != text.strip() or re.search(r"[:;#\r\n]", text):
        fail(f"{where}: {text!r} is not plain Mermaid text")
    first = re.match(r"[A-Za-z]*", text).group(0).lower()
    if first in KEYWORDS:
        fail(f"{where}: {text!r} starts with the keyword {first!r}")


def check_excludes(where, items):
    for item in items.split(", "):
        if item != "weekends" and item not in DAYS and not real_day(item):
            fail(f"{where}: cannot exclude {item!r}")


def check_includes(where, items, expected):
    days = items.split(", ")
    if any(not real_day(day) for day in days) or days != expected:
        fail(f"{where}: includes {days}, not the extra workdays {expected}")


def parse_block(name, block, extra_workdays=()):
    """Checks every line; returns (bars, milestones) as lists of (name, start, end)."""
    lines = block.split("\n")
    bars, milestones, ids, section = [], [], set(), None
    if extra_workdays and not any(line.startswith("    includes ") for line in lines):
        fail(f"{name}: no includes line for the extra workdays {list(extra_workdays)}")
    if lines[0] != "gantt":
        fail(f"{name}: the block starts with {lines[0]!r}, not 'gantt'")
    for number, line in enumerate(lines[1:], 2):
        where = f"{name}:{number}"
        if not line.startswith("    ") or line[4:5] == " ":
            fail(f"{where}: not indented by four spaces: {line!r}")
        body = line[4:]
        keyword, _, rest = body.partition(" ")
        if number <= len(HEADER):
            expected = HEADER[number - 1]
            if (keyword if expected == "title" else body) != expected:
                fail(f"{where}: expected {expected!r}, got {body!r}")
            if expected == "title":
                check_text(where, rest)
            continue
        if keyword == "excludes" and section is None:
            check_excludes(where, rest)
        elif keyword == "includes" and section is None:
            check_includes(where, rest, list(extra_workdays))
        elif keyword == "section":
            check_text(where, rest)
            section = rest
        elif section is None:
            fail(f"{where}: a task before any section: {body!r}")
        elif m := MILESTONE.fullmatch(body) or TASK.fullmatch(body):
            check_text(where, m["name"])
            start = real_day(m["start"])
            end = real_day(m["end"]) if "end" in m.groupdict() else start
            if m["id"] in ids:
                fail(f"{where}: the id {m['id']!r} is used twice")
            ids.add(m["id"])
            if not start or not end or end < start:
                fail(f"{where}: bad dates in {body!r}")
            (milestones if "end" not in m.groupdict() else bars).append((m["name"], start, end))
        else:
            fail(f"{where}: not a gantt statement: {body!r}")
    return bars, milestones


def mermaid_blocks(markdown):
    return re.findall(r"^```mermaid\n(.*?)\n```$", markdown, re.S | re.M)


def check_plan(binary, project, name, lang, date="2026-11-30", extra_workdays=()):
    markdown = run(binary, "plan", project, "--date", date, "--lang", lang)
    view = json.loads(run(binary, "plan", project, "--format", "json", "--date", date,
                          "--lang", lang))
    blocks = mermaid_blocks(markdown)
    if len(blocks) != 1:
        fail(f"{name}: {len(blocks)} mermaid blocks")
        return
    if blocks[0] != view["mermaid"]:
        fail(f"{name}: the Markdown's block differs from the view's mermaid")
    bars, milestones = parse_block(name, blocks[0], extra_workdays)
    phases = [(p["start"], p["end"]) for p in view["phases"]]
    if [(str(s), str(e)) for _, s, e in bars] != phases:
        fail(f"{name}: bars {bars} are not the phases {phases}")
    meetings = [t["date"] for t in view["touchpoints"] if t["kind"] != "daily"]
    if [str(s) for _, s, _ in milestones] != meetings:
        fail(f"{name}: milestones {milestones} are not the meetings on {meetings}")


HOSTILE = """commplan: 1
project:
  name: "Audit: phase #2; ok"
  client: ACME
  start: 2026-12-06
  end: 2026-12-17
  workdays: [sun, mon, tue, wed, thu]
  holidays: [2026-12-08]
  extra_workdays: [2026-12-12]
phases:
  - {id: a, name: "section A: the start", start: 2026-12-06, end: 2026-12-10}
  - {id: b, name: "%% not a comment\\nsecond line; #3", start: 2026-12-11, end: 2026-12-17}
  - {id: c, name: "   ", start: 2026-12-13, end: 2026-12-13}
"""


def main():
    binary, source = sys.argv[1], sys.argv[2]
    runs = examples(source)
    for project, name, lang in runs:
        check_plan(binary, project, name, lang)
    with tempfile.TemporaryDirectory() as folder:
        hostile = os.path.join(folder, "hostile.yaml")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        for lang in ("en", "zh"):
            check_plan(binary, hostile, f"hostile.yaml ({lang})", lang,
                       extra_workdays=["2026-12-12"])
    return report(f"{len(runs) + 2} gantt charts checked")


if __name__ == "__main__":
    sys.exit(main())
