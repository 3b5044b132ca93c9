"""Every brief shows the project as it stood on its day: rendering a day, then recording later
changes (history entries dated after it, a finding found after it, a log entry after it), then
rendering the same day again gives the same bytes. Checked for every example, in English and
Chinese, Markdown and JSON: the daily recap of several days and the phase and final recaps and
the plan made on them. The later changes are recorded in the file itself (JSON) or in a file of
its log_dir (YAML), as the recording commands write them; a later day's pages do show them, so
the check can fail.

Usage: test_as_of.py COMMPLAN_BINARY SOURCE_DIR
"""

import datetime
import json
import os
import shutil
import sys
import tempfile

from commplan_test import fail, report, run

MARK = "LATER-RECORD"

# (example, the days rendered, the later day changes are recorded on, a finding found by the
# first day rendered). The later day is a workday after every day rendered.
EXAMPLES = [
    ("penetration-test.json", ["2027-05-10", "2027-05-11", "2027-05-12"], "2027-05-14", "PT-02"),
    ("datacentre-assessment.yaml", ["2026-12-08", "2026-12-10", "2026-12-14"], "2026-12-17",
     "DC-01"),
    ("software-delivery.zh.yaml", ["2027-03-03", "2027-03-08", "2027-03-12"], "2027-03-18",
     None),
]


def pages(binary, project, day):
    """Every page of `day`: the daily recap, the phase and final recaps and the plan, in
    Markdown in both languages and in JSON."""
    out = {}
    for level in ("daily", "phase", "final"):
        for fmt in (["--lang", "en"], ["--lang", "zh"], ["--format", "json"]):
            key = f"recap {level} {' '.join(fmt)} {day}"
            out[key] = run(binary, "recap", project, "--level", level, "--date", day, *fmt,
                           text=False)
    for fmt in (["--lang", "en"], ["--format", "json"]):
        out[f"plan {' '.join(fmt)} {day}"] = run(binary, "plan", project, "--date", day, *fmt,
                                                text=False)
    return out


def first_finding(binary, project, day):
    """The id of a finding found by `day` (the first of the final recap's open items)."""
    view = json.loads(run(binary, "recap", project, "--level", "daily", "--date", day,
                          "--format", "json"))
    for key in ("open_findings", "new_findings"):
        if view.get(key):
            return view[key][0]["id"]
    fail(f"{project}: no finding known on {day}")
    return None


def record_in_json(path, later, finding):
    """Records the later changes in a JSON project file."""
    with open(path, encoding="utf-8") as f:
        project = json.load(f)
    for f in project["findings"]:
        if f["id"] == finding:
            f.setdefault("history", []).append(
                {"date": later, "status": "resolved", "severity": "critical",
                 "note": f"{MARK} change", "by": "Later Tester"})
            f["status"] = "resolved"
    project["findings"].append(
        {"id": "LATER-1", "title": f"{MARK} finding", "found": later, "severity": "critical",
         "status": "open"})
    project["log"].append({"date": later, "by": "Later Tester", "done": [f"{MARK} log"]})
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=2)


def record_in_log_dir(path, later, finding):
    """Records the later changes in a new file of the YAML project's log_dir (adding a log_dir
    when the project has none)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    folder = "logs"
    if "\nlog_dir:" not in text:
        folder = "later-records"
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\nlog_dir: {folder}/\n")
    directory = os.path.join(os.path.dirname(path), folder)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, f"{later}.later-tester.yaml"), "w", encoding="utf-8") as f:
        f.write(f"log:\n  - date: {later}\n    by: Later Tester\n    done: [\"{MARK} log\"]\n"
                f"findings:\n  - id: LATER-1\n    title: \"{MARK} finding\"\n    found: {later}\n"
                f"    severity: critical\n")
        f.write(f"history:\n  - finding: {finding}\n    date: {later}\n    status: verified\n"
                f"    severity: critical\n    note: \"{MARK} change\"\n    by: Later Tester\n")


def copy_example(source, name, directory):
    """A copy of example `name` (with its log_dir) in `directory`; its path."""
    shutil.copy(os.path.join(source, "examples", name), directory)
    logs = os.path.join(source, "examples", "logs")
    if name.startswith("datacentre") and os.path.isdir(logs):
        shutil.copytree(logs, os.path.join(directory, "logs"))
    return os.path.join(directory, name)


def check_example(binary, source, name, days, later, finding):
    with tempfile.TemporaryDirectory() as directory:
        project = copy_example(source, name, directory)
        finding = finding or first_finding(binary, project, days[0])
        before = {}
        for day in days:
            before.update(pages(binary, project, day))
        later_before = pages(binary, project, later)
        if name.endswith(".json"):
            record_in_json(project, later, finding)
        else:
            record_in_log_dir(project, later, finding)
        valid = run(binary, "validate", project)
        if "valid" not in valid:
            fail(f"{name}: the copy with later records is not valid: {valid}")
        after = {}
        for day in days:
            after.update(pages(binary, project, day))
        for key, page in before.items():
            if after.get(key) != page:
                fail(f"{name}: {key} changed when changes dated {later} were recorded")
        # The later day does show them, so the check above could fail.
        later_after = pages(binary, project, later)
        daily = later_after[f"recap daily --lang en {later}"].decode()
        for what in (f"{MARK} finding", f"{MARK} change", finding):
            if what not in daily:
                fail(f"{name}: the daily recap of {later} does not show {what!r}")
        view = json.loads(later_after[f"recap daily --format json {later}"])
        moved = view["fixed_findings"] + view["finding_changes"]
        if not any(m["id"] == finding and m["date"] == later for m in moved):
            fail(f"{name}: {finding}'s change on {later} is not in the day's movement")
        if later_after == later_before:
            fail(f"{name}: no page of {later} shows the changes recorded that day")
        return len(before)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    checked = 0
    for name, days, later, finding in EXAMPLES:
        for day in days:
            if not (datetime.date.fromisoformat(day) < datetime.date.fromisoformat(later)):
                fail(f"{name}: {day} is not before {later}")
        checked += check_example(binary, source, name, days, later, finding)
    return report(f"{checked} pages rendered before and after later records")


if __name__ == "__main__":
    sys.exit(main())
