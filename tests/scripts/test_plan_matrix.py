"""The communication matrix matches the calendar: for every meeting kind a matrix row speaks of,
the people it names are exactly the client's side (everyone not on our team) of that kind's
touchpoints in the schedule, and every kind of touchpoint the schedule holds has a row. Checked
on `plan --format json` of every example in both languages, and of projects whose meetings
list their own attendees.

    test_plan_matrix.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import sys
import tempfile

from commplan_test import examples, fail, matrix_disagreements, report, run


def check(binary, path, name, lang):
    plan = json.loads(run(binary, "plan", path, "--format", "json", "--lang", lang) or "null")
    if plan is None:
        return
    for problem in matrix_disagreements(plan):
        fail(f"{name}: {problem}")


def own_attendees(tmp):
    """A project whose meetings each list their own people, a guest among them."""
    project = {
        "commplan": 1,
        "project": {"name": "A", "client": "B", "start": "2026-12-07", "end": "2026-12-18"},
        "team": [{"name": "Ann"}, {"name": "Bo"}],
        "client_team": [{"name": "Cy", "contact": True}, {"name": "Di"}, {"name": "Ed"}],
        "phases": [{"id": "p1", "name": "One", "start": "2026-12-07", "end": "2026-12-11"},
                   {"id": "p2", "name": "Two", "start": "2026-12-14", "end": "2026-12-18"}],
        "meetings": {"kickoff": {"attendees": ["Ann", "Cy", "Di"]},
                     "daily_recap": {"attendees": ["Bo", "Di"]},
                     "phase_recap": {"attendees": ["Ann", "Ed"]},
                     "final_recap": {"attendees": ["Ann", "Cy", "Ed", "Fay"]}},
    }
    path = os.path.join(tmp, "own.json")
    with open(path, "w") as f:
        json.dump(project, f)
    return path


def main():
    binary, source = sys.argv[1], sys.argv[2]
    cases = examples(source)
    with tempfile.TemporaryDirectory() as tmp:
        path = own_attendees(tmp)
        cases += [(path, "meetings with their own attendees", lang) for lang in ("en", "zh")]
        for path, name, lang in cases:
            check(binary, path, name, lang)
    return report(f"{len(cases)} plans: matrix and schedule compared")


if __name__ == "__main__":
    sys.exit(main())
