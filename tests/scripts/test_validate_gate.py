"""validate is the gate: when `commplan validate` accepts a project (exit 0), every brief command
succeeds on it for every date of the engagement: kickoff, recap --level daily|phase|final,
plan --format md|json|ics and five-w2h.

The projects: the examples, two of bench/gen's, hand-made edge cases (phases ending on a
weekend or a holiday, a one-day engagement, late meetings, no team, no phases) and projects
drawn at random from a fixed seed, so every run checks the same ones. A project validate
rejects proves nothing; enough of them must pass for the check to mean something.

One exception the contract makes: `recap --level phase` of a project with no phases has nothing
to recap and is a usage error (exit 2), which validate cannot prevent short of rejecting
projects without phases. Before the first phase recap, `recap --level phase` renders the
first one (a page to prepare it) and exits 0 like any other day.

Every accepted project's matrix is also held to its calendar, as test_plan_matrix.py does.

    test_validate_gate.py COMMPLAN_BINARY SOURCE_DIR
"""

import concurrent.futures
import datetime
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

from commplan_test import fail, matrix_disagreements, report

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
SEED = 12
RANDOM_PROJECTS = 22
WORKERS = 4

WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ZONES = ["", "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney"]
OURS = ["Priya Raman", "Tom Lindqvist", "Chen Yue"]
THEIRS = ["Zhou Min", "Li Jianguo", "Sarah Okafor"]


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})


def iso(day):
    return day.isoformat()


def days(first, last):
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)


def base_project(start, end, lang="en"):
    return {"commplan": 1, "lang": lang,
            "project": {"name": "Gate", "client": "Client", "start": iso(start), "end": iso(end)}}


def person(name, rng, theirs, contact=False):
    member = {"name": name, "role": rng.choice(["Lead", "Engineer", ""]) or "Staff"}
    if rng.random() < 0.7:
        member["email"] = name.lower().replace(" ", ".") + "@example.com"
    if theirs:
        member["contact"] = contact
    else:
        member["responsibilities"] = ["Interviews"]
    return member


def random_phases(rng, start, end):
    phases, span = [], (end - start).days
    for i in range(rng.choice([0, 1, 1, 2, 3, 4])):
        first = start + datetime.timedelta(days=rng.randint(-2, span))
        last = first + datetime.timedelta(days=rng.randint(0, 6))
        if rng.random() < 0.8:
            last = min(last, end)  # else it may run past the engagement (a warning)
        phase = {"id": f"p{i + 1}", "name": f"Phase {i + 1}", "start": iso(first),
                 "end": iso(last)}
        if rng.random() < 0.5:
            phase["owner"] = rng.choice(OURS)
        phases.append(phase)
    return phases


def random_meeting(rng, kind, start, end):
    meeting = {}
    if rng.random() < 0.6:
        hour = rng.choice([8, 9, 14, 16, 17, 21, 22, 23])
        meeting["time"] = f"{hour:02d}:{rng.choice([0, 15, 30, 45, 55]):02d}"
    if rng.random() < 0.5:
        meeting["duration"] = rng.choice([3, 10, 20, 30, 45, 60, 120, 150, 300])
    if kind in ("kickoff", "final_recap") and rng.random() < 0.3:
        meeting["date"] = iso(start + datetime.timedelta(days=rng.randint(-2, (end - start).days + 2)))
    if rng.random() < 0.3:
        meeting["attendees"] = rng.sample(OURS + THEIRS + ["Guest Person"], rng.randint(1, 4))
    if rng.random() < 0.5:
        meeting["location"] = "Room 1"
    return meeting


def random_project(rng):
    start = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 700))
    end = start + datetime.timedelta(days=rng.choice([0, 1, 2, 4, 6, 9, 13]))
    data = base_project(start, end, rng.choice(["en", "zh"]))
    info = data["project"]
    if rng.random() < 0.4:
        info["workdays"] = rng.choice([["sun", "mon", "tue", "wed", "thu"], ["mon"],
                                       ["sat", "sun"], WEEK, ["mon", "wed", "fri"]])
    info["timezone"] = rng.choice(ZONES)
    if not info["timezone"]:
        del info["timezone"]
    holidays = sorted({iso(start + datetime.timedelta(days=rng.randint(-3, (end - start).days + 3)))
                       for _ in range(rng.randint(0, 3))})
    if holidays:
        info["holidays"] = holidays
    data["team"] = [person(n, rng, False) for n in OURS[:rng.randint(0, 3)]]
    data["client_team"] = [person(n, rng, True, i == 0 and rng.random() < 0.7)
                           for i, n in enumerate(THEIRS[:rng.randint(0, 3)])]
    data["phases"] = random_phases(rng, start, end)
    data["meetings"] = {kind: random_meeting(rng, kind, start, end)
                        for kind in ("kickoff", "daily_recap", "phase_recap", "final_recap")
                        if rng.random() < 0.7}
    ids = [p["id"] for p in data["phases"]]
    data["findings"] = [{"id": f"F-{i}", "title": f"Finding {i}",
                         "found": iso(start + datetime.timedelta(days=rng.randint(0, (end - start).days))),
                         "severity": rng.choice(["critical", "high", "medium", "low", "info"]),
                         **({"phase": rng.choice(ids)} if ids and rng.random() < 0.8 else {})}
                        for i in range(rng.randint(0, 5))]
    data["log"] = [{"date": iso(day), "done": ["Work"], "next": ["More work"]}
                   for day in sorted({start + datetime.timedelta(days=rng.randint(0, (end - start).days))
                                      for _ in range(rng.randint(0, 3))})]
    if rng.random() < 0.5:
        data["escalation"] = [{"level": 1, "who": "Zhou Min", "within": 4}]
    if rng.random() < 0.5:
        data["communications"] = [{"id": "talk", "title": "A talk", "why": "Because"}]
    return data


def edge_projects():
    """Hand-made projects at the edges the plan and the recaps must agree on."""
    mon = datetime.date(2026, 12, 7)
    team = [{"name": "Priya Raman", "role": "Lead", "responsibilities": ["All"]}]
    client = [{"name": "Zhou Min", "role": "IT manager", "contact": True}]

    def project(start, end, **extra):
        data = base_project(start, end)
        data.update({"team": team, "client_team": client}, **extra)
        return data

    weekend_end = project(mon, mon + datetime.timedelta(days=11), phases=[
        {"id": "one", "name": "One", "start": iso(mon), "end": iso(mon + datetime.timedelta(days=5))},
        {"id": "two", "name": "Two", "start": iso(mon + datetime.timedelta(days=7)),
         "end": iso(mon + datetime.timedelta(days=8))},
        {"id": "three", "name": "Three", "start": iso(mon + datetime.timedelta(days=9)),
         "end": iso(mon + datetime.timedelta(days=11))}])
    weekend_end["project"]["holidays"] = [iso(mon + datetime.timedelta(days=8))]
    return {
        "phases ending on a Saturday and a holiday, the last folded into the final": weekend_end,
        "one-day engagement": project(mon, mon, phases=[
            {"id": "only", "name": "Only", "start": iso(mon), "end": iso(mon)}]),
        "late meetings": project(mon, mon + datetime.timedelta(days=4), meetings={
            "daily_recap": {"time": "23:49", "duration": 10},
            "phase_recap": {"time": "23:29", "duration": 30},
            "final_recap": {"time": "21:59", "duration": 120},
            "kickoff": {"time": "19:59", "duration": 240}}),
        "a meeting past midnight": project(mon, mon + datetime.timedelta(days=4), meetings={
            "daily_recap": {"time": "23:55", "duration": 10}}),
        "no team": dict(base_project(mon, mon + datetime.timedelta(days=4)), phases=[
            {"id": "p", "name": "P", "start": iso(mon), "end": iso(mon + datetime.timedelta(days=2))}]),
        "no phases": project(mon, mon + datetime.timedelta(days=4)),
        "engagement over a weekend only": project(mon - datetime.timedelta(days=2),
                                                  mon - datetime.timedelta(days=1)),
        "phase with no workday": project(mon, mon + datetime.timedelta(days=6), phases=[
            {"id": "weekend", "name": "W", "start": iso(mon + datetime.timedelta(days=5)),
             "end": iso(mon + datetime.timedelta(days=6))}]),
        "holidays outside and on a weekend": dict(project(mon, mon + datetime.timedelta(days=4)),
                                                  project={"name": "Gate", "client": "Client",
                                                           "start": iso(mon),
                                                           "end": iso(mon + datetime.timedelta(days=4)),
                                                           "holidays": ["2026-12-05", "2027-01-01"]}),
        "a name in an e-mail field": project(mon, mon + datetime.timedelta(days=4), team=[
            {"name": "Priya Raman", "email": "Priya Raman <priya@example.com>"}]),
        "Sunday-to-Thursday week, final recap on a Friday": dict(
            project(mon, mon + datetime.timedelta(days=6),
                    meetings={"final_recap": {"date": iso(mon + datetime.timedelta(days=4))}}),
            project={"name": "Gate", "client": "Client", "start": iso(mon),
                     "end": iso(mon + datetime.timedelta(days=6)),
                     "workdays": ["sun", "mon", "tue", "wed", "thu"]}),
    }


def gen_project(tmp, name, *args):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "bench", "gen"), *args],
                               check=True, capture_output=True, text=True).stdout)
    return path


def engagement_days(path):
    plan = run("plan", path, "--format", "json")
    if plan.returncode != 0:
        return None
    summary = json.loads(plan.stdout)["summary"]
    return list(days(datetime.date.fromisoformat(summary["start"]),
                     datetime.date.fromisoformat(summary["end"])))


def commands(path, has_phases, engagement):
    """Every brief command, each recap level for every day; the rest on the first, a middle
    and the last day (their output depends on the date only in its header)."""
    sample = sorted({engagement[0], engagement[len(engagement) // 2], engagement[-1]})
    for day in engagement:
        for level in ("daily", "phase", "final"):
            if level == "phase" and not has_phases:
                continue
            yield ["recap", path, "--level", level, "--date", iso(day)]
    for day in sample:
        yield ["kickoff", path, "--date", iso(day)]
        for fmt in ("md", "json", "ics"):
            yield ["plan", path, "--format", fmt, "--date", iso(day)]
        yield ["five-w2h", path, "--date", iso(day)]


def check_project(name, path):
    """Returns (validated, failures) for one project file."""
    validated = run("validate", path)
    if validated.returncode != 0:
        return False, []
    engagement = engagement_days(path)
    if engagement is None:
        return True, [f"{name}: validate exits 0 but plan --format json fails"]
    plan = json.loads(run("plan", path, "--format", "json").stdout)
    has_phases = bool(plan["phases"])
    failures = [f"{name}: {problem}" for problem in matrix_disagreements(plan)]
    for args in commands(path, has_phases, engagement):
        done = run(*args)
        if done.returncode != 0:
            failures.append(f"{name}: {' '.join(args[:1] + args[2:])}: exit {done.returncode}: "
                            f"{done.stderr.strip()}")
    if not has_phases:
        done = run("recap", path, "--level", "phase", "--date", iso(engagement[0]))
        if done.returncode != 2 or "no phases" not in done.stderr:
            failures.append(f"{name}: recap --level phase without phases: exit "
                            f"{done.returncode}, {done.stderr.strip()}")
    return True, failures


def write(tmp, name, data):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    return path


def projects(tmp):
    found = {os.path.basename(p): p for p in sorted(glob.glob(os.path.join(SOURCE, "examples", "*.yaml")) +
                                                     glob.glob(os.path.join(SOURCE, "examples", "*.json")))}
    found["bench/gen seed 5"] = gen_project(tmp, "gen5.yaml", "--findings", "30", "--days", "12",
                                            "--phases", "3", "--seed", "5")
    found["bench/gen seed 6"] = gen_project(tmp, "gen6.json", "--findings", "5", "--days", "3",
                                            "--phases", "2", "--seed", "6", "--format", "json")
    for i, (name, data) in enumerate(edge_projects().items()):
        found[name] = write(tmp, f"edge{i}.json", data)
    rng = random.Random(SEED)
    for i in range(RANDOM_PROJECTS):
        found[f"random project {i} (seed {SEED})"] = write(tmp, f"random{i}.json", random_project(rng))
    return found


def main():
    with tempfile.TemporaryDirectory() as tmp:
        found = projects(tmp)
        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            results = dict(zip(found, pool.map(lambda item: check_project(*item), found.items())))
    passed = [name for name, (ok, _) in results.items() if ok]
    for name, (_, failures) in results.items():
        for failure in failures:
            fail(failure)
    for name in ("datacentre-assessment.yaml", "penetration-test.json",
                 "software-delivery.zh.yaml", "bench/gen seed 5",
                 "phases ending on a Saturday and a holiday, the last folded into the final",
                 "one-day engagement", "late meetings", "no team", "no phases"):
        if name not in passed:
            fail(f"{name}: validate should accept it")
    for name in ("a meeting past midnight", "engagement over a weekend only",
                 "phase with no workday", "a name in an e-mail field"):
        if name in passed:
            fail(f"{name}: validate should reject it")
    if len(passed) < len(found) // 2:
        fail(f"only {len(passed)} of {len(found)} projects pass validate: too few to test the gate")
    return report(f"{len(found)} projects, {len(passed)} accepted by validate and rendered "
                  f"with every command on every day")


if __name__ == "__main__":
    sys.exit(main())
