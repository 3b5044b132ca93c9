"""`commplan plan --from-view VIEW` renders from a view model saved by `plan --format json`:
for every example in both languages, and for every plan golden, ics, md and json from the saved
view are byte-identical to what the project gives, and so is `commplan render plan.LANG.md
--data VIEW --escape markdown`. A malformed or wrong-kind view, or one whose lang, date, mail
block or classification was edited to a wrong type or left out, is a located error in every
format (exit 1), never an abort;
PROJECT, --lang, --date, --audience or --no-mask beside --from-view is a usage error (exit 2),
and a view saved for the client renders the client's page; --templates-dir is
honoured; a view saved without `organizer` gives a calendar without ORGANIZER or ATTENDEE.

Usage: test_plan_from_view.py COMMPLAN_BINARY SOURCE_DIR
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

from commplan_test import examples, fail, read_json, report, run, write_json

DATE = "2026-11-30"


def attempt(binary, *args, stdin=None):
    """(exit code, stdout, stderr) of a run with nothing but PATH in its environment."""
    done = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})
    return done.returncode, done.stdout, done.stderr


def check_same(binary, name, project_args, view, lang):
    """Each format from the project and from `view` (saved from the same args) agree."""
    for fmt in ("ics", "md", "json"):
        direct = run(binary, "plan", *project_args, "--format", fmt, text=False)
        saved = run(binary, "plan", "--from-view", view, "--format", fmt, text=False)
        if direct != saved:
            fail(f"{name}: --format {fmt} differs when rendered from the saved view")
    md = run(binary, "plan", *project_args, "--format", "md", text=False)
    rendered = run(binary, "render", f"plan.{lang}.md", "--data", view, "--escape", "markdown",
                   text=False)
    if md != rendered:
        fail(f"{name}: render plan.{lang}.md --data VIEW differs from plan's md")


def check_examples(binary, source, folder):
    runs = examples(source)
    for project, name, lang in runs:
        args = [project, "--lang", lang, "--date", DATE]
        view = os.path.join(folder, "view.json")
        run(binary, "plan", *args, "--format", "json", "-o", view)
        check_same(binary, name, args, view, lang)
    return len(runs)


def check_goldens(binary, source, folder):
    """Every plan golden's expected output, made again from its saved view."""
    found = sorted(glob.glob(os.path.join(source, "tests", "golden", "plan", "*", "args")))
    for path in found:
        name = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            args = [line for line in f.read().splitlines() if line][1:]  # without "plan"
        args = [os.path.join(source, a) if os.path.exists(os.path.join(source, a)) else a
                for a in args]
        fmt = args[args.index("--format") + 1] if "--format" in args else "md"
        project_args = [a for i, a in enumerate(args)
                        if a != "--format" and (i == 0 or args[i - 1] != "--format")]
        view = os.path.join(folder, f"{name}.json")
        run(binary, "plan", *project_args, "--format", "json", "-o", view)
        expected = glob.glob(os.path.join(os.path.dirname(path), "expected.*"))
        with open(expected[0], "rb") as f:
            want = f.read()
        env = {"PATH": "/usr/bin:/bin"}  # and the golden's own variables (SOURCE_DATE_EPOCH)
        env_file = os.path.join(os.path.dirname(path), "env")
        if os.path.exists(env_file):
            with open(env_file, encoding="utf-8") as f:
                env.update(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
        got = subprocess.run([binary, "plan", "--from-view", view, "--format", fmt],
                             capture_output=True, env=env).stdout
        if got != want:
            fail(f"golden {name}: --from-view {view} --format {fmt} differs from {expected[0]}")
    return len(found)


def expect_error(binary, name, args, code, pattern, stdin=None):
    got, out, err = attempt(binary, *args, stdin=stdin)
    if got != code:
        fail(f"{name}: exit {got}, expected {code}: {err}")
    if not re.search(pattern, err, re.M):
        fail(f"{name}: stderr {err!r} does not match {pattern!r}")
    if out:
        fail(f"{name}: wrote {out!r} on standard output")


def check_errors(binary, source, folder):
    project = os.path.join(source, "examples", "penetration-test.json")
    view = os.path.join(folder, "plan.json")
    run(binary, "plan", project, "--date", DATE, "--format", "json", "-o", view)
    data = read_json(view)
    kickoff = os.path.join(folder, "kickoff.json")
    run(binary, "kickoff", project, "--date", DATE, "--format", "json", "-o", kickoff)
    expect_error(binary, "wrong kind", ["plan", "--from-view", kickoff], 1,
                 r"^" + re.escape(kickoff) + r":\d+:\d+: error: kind: expected a plan view model")
    bad = os.path.join(folder, "bad.json")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('{"kind": "commplan/plan",\n  "touchpoints": [1,}\n')
    expect_error(binary, "malformed JSON", ["plan", "--from-view", bad, "--format", "ics"], 1,
                 r"^" + re.escape(bad) + r":2:\d+: error: ")
    expect_error(binary, "not a view", ["plan", "--from-view", "-"], 1,
                 r"^<stdin>:1:1: error: kind: not a view model", stdin="[1]\n")
    data["touchpoints"][1]["start"] = "half past nine"
    broken = write_json(os.path.join(folder, "broken.json"), data)
    expect_error(binary, "malformed field", ["plan", "--from-view", broken, "--format", "ics"], 1,
                 r"^" + re.escape(broken) + r":1:\d+: error: touchpoints\[1\]\.start: "
                 r"expected HH:MM, got \"half past nine\"")
    # The fields every format reads before its own, edited by hand: located errors with
    # their paths in every format, never an abort; a null mail block is no mail block.
    data = read_json(view)
    heads = [("lang", None, r"lang: expected a string"),
             ("lang", "fr", r"lang: unknown language \"fr\""),
             ("date", None, r"date: expected a string"),
             ("date", "2026-02-30", r"date: expected YYYY-MM-DD"),
             ("mail", "lead", r"mail: expected a mapping"),
             ("mail", {"to": [None]}, r"mail\.to\[0\]: expected a mapping"),
             ("mail", {"from": {"email": 7}}, r"mail\.from\.email: expected a string"),
             ("project", {"classification": []}, r"project\.classification: expected a string"),
             ("version", 2, r"version: a view model of version 2; this commplan reads version 1")]
    for key, value, pattern in heads:
        edited = dict(data, **{key: value})
        path = write_json(os.path.join(folder, "edited.json"), edited)
        for fmt in ("md", "html", "txt", "eml", "json", "ics"):
            expect_error(binary, f"{key}: {value!r}, --format {fmt}",
                         ["plan", "--from-view", path, "--format", fmt], 1,
                         r"^" + re.escape(path) + r":1:\d+: error: " + pattern)
    for key in ("lang", "date"):
        path = write_json(os.path.join(folder, "edited.json"),
                          {k: v for k, v in data.items() if k != key})
        expect_error(binary, f"no {key}", ["plan", "--from-view", path], 1,
                     r"^" + re.escape(path) + r":1:1: error: " + key + ": missing")
    no_mail = write_json(os.path.join(folder, "no-mail.json"), dict(data, mail=None))
    code, out, err = attempt(binary, "plan", "--from-view", no_mail, "--format", "eml")
    if code != 0 or "\nTo:" in out:
        fail(f"a null mail block: exit {code}, {err!r}, or a To: line written")
    for extra in ([project], ["--lang", "zh"], ["--date", DATE], ["--audience", "client"],
                  ["--no-mask"]):
        expect_error(binary, f"--from-view with {extra[0]}", ["plan", "--from-view", view, *extra],
                     2, r"excludes")
    # The audience is the view's: the client's view gives the client's page, which has no
    # interview questions, from the view as from the project.
    client_view = os.path.join(folder, "client-view.json")
    run(binary, "plan", project, "--date", DATE, "--audience", "client", "--format", "json", "-o",
        client_view)
    client_page = run(binary, "plan", project, "--date", DATE, "--audience", "client")
    if run(binary, "plan", "--from-view", client_view) != client_page:
        fail("the client's view does not render the client's page")
    if run(binary, "plan", "--from-view", view) == client_page:
        fail("the team's view renders the client's page")
    expect_error(binary, "neither PROJECT nor --from-view", ["plan"], 2,
                 r"plan needs a PROJECT, or --from-view FILE")
    expect_error(binary, "-o the view", ["plan", "--from-view", view, "-o", view], 2,
                 r"-o names an input")
    calendar = os.path.join(folder, "plan.ics")
    run(binary, "plan", project, "--date", DATE, "--format", "ics", "-o", calendar)
    code, _, err = attempt(binary, "plan", "--from-view", view, "--format", "ics",
                           "--check", calendar)
    if code != 0:
        fail(f"--check of an equal calendar: exit {code}: {err}")


def check_options(binary, source, folder):
    project = os.path.join(source, "examples", "penetration-test.json")
    view = os.path.join(folder, "plan.json")
    run(binary, "plan", project, "--date", DATE, "--format", "json", "-o", view)
    templates = os.path.join(folder, "templates")
    os.makedirs(templates, exist_ok=True)
    with open(os.path.join(templates, "plan.en.md.mustache"), "w", encoding="utf-8") as f:
        f.write("{{project.name}} on {{date}}\n")
    got = run(binary, "plan", "--from-view", view, "--templates-dir", templates)
    if got != "Customer portal penetration test on 2026-11-30\n":
        fail(f"--templates-dir: got {got!r}")
    data = read_json(view)
    del data["organizer"]
    older = write_json(os.path.join(folder, "older.json"), data)
    ics = run(binary, "plan", "--from-view", older, "--format", "ics")
    if "ORGANIZER" in ics or "ATTENDEE" in ics:
        fail("a view without organizer: ORGANIZER or ATTENDEE written")
    if ics.count("BEGIN:VEVENT") != len(data["touchpoints"]):
        fail("a view without organizer: events missing")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as folder:
        runs = check_examples(binary, source, folder)
        goldens = check_goldens(binary, source, folder)
        check_errors(binary, source, folder)
        check_options(binary, source, folder)
    return report(f"{runs} example runs and {goldens} plan goldens rendered from saved views")


if __name__ == "__main__":
    sys.exit(main())
