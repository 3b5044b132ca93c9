"""A two-week engagement run from the terminal: a project from `commplan init`, then only the
recording commands, day by day (findings found, notified, fixed, verified; the logs of two
people), in four set-ups: YAML and JSON, each with and without log_dir. At the end of some
days the daily recap is rendered, as the team would, and compared with the goldens in
tests/golden/engagement/<date>.md (one page a day for all four set-ups: the file's format and
where records go change nothing on the page); then the later days are recorded and the same
days rendered again, which must give the same bytes.

COMMPLAN_UPDATE_GOLDENS=1 rewrites the goldens from the current output (read the diff).

Run: python3 test_engagement.py BINARY SOURCE_DIR
"""

import json
import os
import subprocess
import sys
import tempfile

from commplan_test import fail, report

BINARY, SOURCE = sys.argv[1], sys.argv[2]
GOLDENS = os.path.join(SOURCE, "tests", "golden", "engagement")
UPDATE = os.environ.get("COMMPLAN_UPDATE_GOLDENS") == "1"

ALEX, SAM = "Alex Chen", "Sam Li"

# The engagement, day by day: (day, author, command, arguments). The days whose recap is
# rendered are in RECAP_DAYS; RENDER_AFTER is the last day recorded before they are rendered.
DAYS = [
    ("2027-03-01", ALEX, "log", ["--done", "Kick-off meeting held", "--done", "Document list agreed",
                                 "--question", "Who holds the keys to the server room?"]),
    ("2027-03-01", SAM, "log", ["--done", "Read the incident register", "--next",
                                "Interview the facilities manager"]),
    ("2027-03-02", SAM, "add", ["--title", "No tested restore of the ERP backups", "--severity",
                                "high", "--standard", "ISO31000", "--evidence",
                                "Last restore test on record: 2024-11-02",
                                "--recommendation", "Run a restore test every quarter",
                                "--owner", "Jordan Wang"]),
    ("2027-03-02", SAM, "set", ["F-01", "--notified", "Jordan Wang", "--via", "phone"]),
    ("2027-03-02", SAM, "log", ["--done", "Interviewed the facilities manager",
                                "--support", "A key for the server room"]),
    ("2027-03-03", ALEX, "add", ["--title", "Fire extinguishers past their inspection date",
                                 "--severity", "medium", "--owner", "Jordan Wang"]),
    ("2027-03-03", ALEX, "set", ["F-01", "--status", "agreed", "--note",
                                 "the client accepts the finding"]),
    ("2027-03-03", ALEX, "log", ["--done", "Inspected the server room"]),
    ("2027-03-03", SAM, "log", ["--done", "Reviewed the backup logs"]),
    ("2027-03-04", SAM, "add", ["--title", "Server room door held open with a wedge",
                                "--severity", "critical", "--recommendation",
                                "Remove the wedge and fit a door closer"]),
    ("2027-03-04", SAM, "set", ["F-03", "--notified", "Jordan Wang", "--via", "in person"]),
    ("2027-03-04", ALEX, "set", ["F-02", "--status", "resolved", "--note",
                                 "extinguishers replaced"]),
    ("2027-03-04", ALEX, "log", ["--done", "Walked the site with the contact person",
                                 "--next", "Re-test the extinguishers"]),
    ("2027-03-05", ALEX, "set", ["F-02", "--status", "verified", "--note",
                                 "re-tested: labels current"]),
    ("2027-03-05", SAM, "set", ["F-03", "--status", "in-progress"]),
    ("2027-03-05", SAM, "log", ["--done", "Interviewed the IT manager"]),
    ("2027-03-05", ALEX, "log", ["--done", "Drafted the week's summary"]),
    ("2027-03-08", SAM, "set", ["F-03", "--status", "resolved", "--note", "door closer fitted"]),
    ("2027-03-08", ALEX, "add", ["--title", "Visitor log not kept at reception", "--severity",
                                 "low"]),
    ("2027-03-08", ALEX, "log", ["--done", "Checked reception", "--question",
                                 "Is the visitor policy written down?"]),
    # Later changes: recorded after the recaps above were rendered.
    ("2027-03-09", SAM, "set", ["F-03", "--status", "verified", "--note", "re-tested"]),
    ("2027-03-09", ALEX, "set", ["F-04", "--status", "wont-fix", "--feedback",
                                 "reception is staffed at all times"]),
    ("2027-03-10", ALEX, "set", ["F-01", "--severity", "medium", "--note",
                                 "a second copy exists off site"]),
    ("2027-03-10", SAM, "log", ["--done", "Analysed the findings"]),
    ("2027-03-11", ALEX, "set", ["F-01", "--status", "resolved", "--note", "restore tested"]),
    ("2027-03-11", ALEX, "log", ["--done", "Drafted the report"]),
    ("2027-03-12", ALEX, "set", ["F-01", "--status", "verified"]),
]
RENDER_AFTER = "2027-03-08"
RECAP_DAYS = ["2027-03-03", "2027-03-04", "2027-03-05", "2027-03-08"]


def run(*args):
    done = subprocess.run([BINARY, *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
    return done.returncode, done.stdout, done.stderr


def start_project(folder, fmt, log_dir):
    """The project file the engagement starts from: `commplan init`, plus log_dir."""
    path = os.path.join(folder, f"project.{fmt}")
    code, _, err = run("init", "--date", "2027-02-26", "-o", path)
    if code != 0:
        fail(f"init: exit {code}: {err}")
    if log_dir:
        os.makedirs(os.path.join(folder, "logs"))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if fmt == "json":
            data = json.loads(text)
            data["log_dir"] = "logs"
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        else:
            text += "log_dir: logs/\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return path


def record(path, day, author, command, args):
    if command == "log":
        argv = ["log", "add", path, "--date", day]
    elif command == "add":
        argv = ["finding", "add", path, "--found", day]
    else:
        argv = ["finding", "set", path, args[0], "--date", day]
        args = args[1:]
    code, out, err = run(*argv, "--by", author, *args)
    if code != 0 or not out.startswith("recorded "):
        fail(f"{' '.join(argv)}: exit {code}: {out}{err}")


def recaps(path):
    pages = {}
    for day in RECAP_DAYS:
        code, out, err = run("recap", path, "--level", "daily", "--date", day)
        if code != 0:
            fail(f"recap {day}: exit {code}: {err}")
        pages[day] = out
    return pages


def compare_goldens(setup, pages):
    folder = GOLDENS
    for day, page in pages.items():
        golden = os.path.join(folder, f"{day}.md")
        if UPDATE:
            os.makedirs(folder, exist_ok=True)
            with open(golden, "w", encoding="utf-8") as f:
                f.write(page)
            continue
        if not os.path.exists(golden):
            fail(f"{setup}: no golden {golden} (COMMPLAN_UPDATE_GOLDENS=1 writes it)")
            continue
        with open(golden, encoding="utf-8") as f:
            if f.read() != page:
                fail(f"{setup}: the recap of {day} differs from {golden}")


def engagement(fmt, log_dir):
    setup = f"{fmt}{'-log-dir' if log_dir else ''}"
    with tempfile.TemporaryDirectory() as folder:
        path = start_project(folder, fmt, log_dir)
        later = [step for step in DAYS if step[0] > RENDER_AFTER]
        for step in DAYS:
            if step[0] <= RENDER_AFTER:
                record(path, *step)
        before = recaps(path)
        compare_goldens(setup, before)
        for step in later:
            record(path, *step)
        code, _, err = run("validate", "-q", path)
        if code != 0:
            fail(f"{setup}: the finished engagement does not validate: {err}")
        after = recaps(path)
        differing = [day for day in RECAP_DAYS if before[day] != after[day]]
        if differing:
            fail(f"{setup}: recaps changed by later records: {differing}")
        if log_dir:
            names = sorted(os.listdir(os.path.join(folder, "logs")))
            if "2027-03-04.sam-li.yaml" not in names or "2027-03-04.alex-chen.yaml" not in names:
                fail(f"{setup}: one file a day per author expected: {names}")
    return before


def main():
    pages = {}
    for fmt in ("yaml", "json"):
        for log_dir in (False, True):
            pages[(fmt, log_dir)] = engagement(fmt, log_dir)
    # The same engagement gives the same pages whatever the file's format and wherever the
    # records go (the goldens hold them all to one page a day; this names the odd one out).
    for setup, got in pages.items():
        if got != pages[("yaml", False)]:
            fail(f"{setup}: the recaps differ from those of the YAML project without log_dir")
    return report(f"engagement: {len(DAYS)} records, {len(RECAP_DAYS)} recaps in 4 set-ups")


if __name__ == "__main__":
    sys.exit(main())
