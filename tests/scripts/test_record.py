"""The recording commands (finding add, finding set, log add): the text-preserving edit of a
commented hand-written YAML project and of a JSON one (a line diff before/after shows only
added lines, plus the top-level status line a change of status rewrites), log_dir mode, who
records (--by, COMMPLAN_USER, git's user.name, the first team member), the next id in the
project's pattern, refusals that leave every file as it was, an unwritable folder (exit 3,
no partial file), recordings that take turns on a locked project file, and an interrupted
recording that leaves no temporary file.

Run: python3 test_record.py BINARY SOURCE_DIR
"""

import datetime
import difflib
import fcntl
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import yaml

from commplan_test import fail, report

BINARY, SOURCE = sys.argv[1], sys.argv[2]
CHECKS = 0


def run(*args, env=None, cwd=None):
    """(exit code, stdout, stderr) of commplan with a bare environment plus `env`."""
    environment = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    environment.update(env or {})
    done = subprocess.run([BINARY, *args], capture_output=True, text=True, env=environment,
                          cwd=cwd)
    return done.returncode, done.stdout, done.stderr


def check(condition, message):
    global CHECKS
    CHECKS += 1
    if not condition:
        fail(message)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def diff(before, after):
    """The lines removed and added between two texts (a line diff)."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def recorded(code, out, err, what):
    check(code == 0, f"{what}: exit {code}: {err}")
    check(out.startswith("recorded "), f"{what}: no 'recorded' line: {out!r}")


def test_yaml_text_preserved(tmp):
    path = os.path.join(tmp, "p.yaml")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project.yaml"), path)
    before = read(path)
    by = {"COMMPLAN_USER": "Ana Lima"}
    recorded(*run("finding", "add", path, "--title", "Weak TLS ciphers", "--severity", "高危",
                  "--found", "2027-03-09", "--evidence", "RC4 offered", env=by),
             "finding add (yaml)")
    recorded(*run("finding", "set", path, "PN-1", "--status", "resolved", "--note",
                  "password changed", "--date", "2027-03-04", env=by), "finding set (yaml)")
    recorded(*run("log", "add", path, "--date", "2027-03-02", "--done", "scanned the DMZ",
                  "--question", "Who holds the VPN admin account?", env=by), "log add (yaml)")
    after = read(path)
    removed, added = diff(before, after)
    check(removed == ["    status: open   # waiting for the client"],
          f"yaml: removed lines {removed}")
    check("    status: resolved   # waiting for the client" in added,
          f"yaml: the status line keeps its comment: {added}")
    check(all(line.strip() for line in added), f"yaml: blank lines added: {added}")
    for line in before.splitlines():
        if line.lstrip().startswith("#"):
            check(line in after.splitlines(), f"yaml: comment lost: {line}")
    data = yaml.safe_load(after)
    pn3 = [f for f in data["findings"] if f["id"] == "PN-3"]
    check(len(pn3) == 1 and pn3[0]["phase"] == "exploit" and pn3[0]["severity"] == "高危",
          f"yaml: PN-3 with the phase of its found day: {pn3}")
    code, out, err = run("validate", "-q", path)
    check(code == 0, f"yaml: result does not validate: {err}")
    # A second log call of the same author and day adds to that entry.
    recorded(*run("log", "add", path, "--date", "2027-03-02", "--done", "wrote the draft",
                  env=by), "second log add")
    entries = [e for e in yaml.safe_load(read(path))["log"]
               if str(e["date"]) == "2027-03-02" and e.get("by") == "Ana Lima"]
    check(len(entries) == 1 and entries[0]["done"] == ["scanned the DMZ", "wrote the draft"],
          f"second log add: one entry with both items: {entries}")


def test_first_entry_carries_status(tmp):
    path = os.path.join(tmp, "c.yaml")
    write(path, "commplan: 1\n"
                "project: {name: A, client: B, start: 2027-03-01, end: 2027-03-12}\n"
                "team:\n  - name: Zhang San\n"
                "findings:\n  - id: F-08\n    title: x\n    found: 2027-03-02\n"
                "    status: in-progress\n")
    before = read(path)
    page = run("recap", path, "--level", "daily", "--date", "2027-03-03")
    found_page = run("recap", path, "--level", "daily", "--date", "2027-03-02")
    recorded(*run("finding", "set", path, "F-08", "--note", "called", "--date", "2027-03-04"),
             "finding set without --status")
    removed, added = diff(before, read(path))
    # The status held so far is dated the day the finding was found: with a history a finding
    # is open until an entry says otherwise, and the days before the change keep their pages.
    check(removed == [] and added == ["    history:", "      - date: 2027-03-02",
                                      "        status: in-progress", "      - date: 2027-03-04",
                                      "        note: called", "        by: Zhang San"],
          f"first entry carries the status (by: the first team member): {added}")
    check(run("recap", path, "--level", "daily", "--date", "2027-03-03") == page,
          "the page of a day before the change changed")
    # The entry that carries the status is no change of the day it was found either.
    check(run("recap", path, "--level", "daily", "--date", "2027-03-02") == found_page,
          "the page of the day the finding was found changed")
    # A new status too: the days before it keep the status held then.
    write(path, before)
    recorded(*run("finding", "set", path, "F-08", "--status", "resolved", "--date", "2027-03-04"),
             "finding set --status")
    check(run("recap", path, "--level", "daily", "--date", "2027-03-03") == page,
          "the page of a day before the new status changed")
    check(yaml.safe_load(read(path))["findings"][0]["history"] ==
          [{"date": datetime.date(2027, 3, 2), "status": "in-progress"},
           {"date": datetime.date(2027, 3, 4), "status": "resolved",
            "by": "Zhang San"}],
          f"history of a new status: {read(path)}")
    # A change dated before the history's last entry cannot be appended in order: refused.
    after = read(path)
    code, out, err = run("finding", "set", path, "F-08", "--note", "late", "--date", "2027-03-03")
    check(code == 2 and err.startswith("--date: error: finding \"F-08\" has a history entry "
                                       "dated 2027-03-04") and out == "",
          f"a change before the last entry: exit {code}, {err!r}")
    check(read(path) == after, "a refused change changed the file")
    # Without a found day, the status held is dated the engagement's first day.
    write(path, before.replace("    found: 2027-03-02\n", ""))
    page = run("recap", path, "--level", "daily", "--date", "2027-03-03")
    first_page = run("recap", path, "--level", "daily", "--date", "2027-03-01")
    recorded(*run("finding", "set", path, "F-08", "--note", "n", "--date", "2027-03-04"),
             "finding set without found")
    check(yaml.safe_load(read(path))["findings"][0]["history"][0] ==
          {"date": datetime.date(2027, 3, 1), "status": "in-progress"},
          f"without found: {read(path)}")
    check(run("recap", path, "--level", "daily", "--date", "2027-03-03") == page,
          "without found: the page of a day before the change changed")
    check(run("recap", path, "--level", "daily", "--date", "2027-03-01") == first_page,
          "without found: the page of the engagement's first day changed")


def test_messages_escape_the_files_texts(tmp):
    path = os.path.join(tmp, "m.yaml")
    write(path, "commplan: 1\n"
                "project: {name: A, client: B, start: 2027-03-01, end: 2027-03-12}\n"
                "team:\n  - name: Zhang San\n"
                "minutes:\n  - meeting: daily\n    date: 2027-03-02\n    actions:\n"
                "      - {what: \"Fix \\e[2J door\", owner: Zhang San}\n")
    code, out, err = run("minutes", "done", path, "--action", "door", "--date", "2027-03-03")
    recorded(code, out, err, "minutes done")
    check("\x1b" not in out and "Fix \\x1B[2J door" in out, f"the action's text: {out!r}")
    # Warnings the record brings are printed, those of the briefs' checks too.
    code, out, err = run("minutes", "add", path, "--meeting", "kickoff", "--date", "2027-03-05",
                         "--decision", "d")
    recorded(code, out, err, "minutes add")
    check("kick-off meeting minutes dated 2027-03-05, but the plan holds that meeting on "
          "2027-03-01" in err, f"minutes add: the plan's warning: {err!r}")
    # finding add takes its day as --found: --date is pointed there, not to --due.
    code, out, err = run("finding", "add", path, "--title", "t", "--severity", "low", "--date",
                         "2027-03-03")
    check(code == 2 and "unknown option --date; did you mean --found?" in err,
          f"finding add --date: exit {code}, {err!r}")


def test_json_style_kept(tmp):
    path = os.path.join(tmp, "p.json")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project-4.json"), path)
    before = read(path)
    env = {"COMMPLAN_USER": "Li Wei"}
    recorded(*run("finding", "add", path, "--title", "Open SMB share", "--severity", "medium",
                  "--found", "2026-12-08", env=env), "finding add (json)")
    recorded(*run("log", "add", path, "--date", "2026-12-08", "--done", "x", env=env),
             "log add (json)")
    after = read(path)
    removed, added = diff(before, after)
    # Only new lines, a comma after the item before a new one, and the empty list `[]` that
    # became the list of the new entry.
    check(all(r + "," in added or r == '    "log": []' for r in removed),
          f"json: removed lines {removed}")
    indent = {len(l) - len(l.lstrip(" ")) for l in after.splitlines() if l.strip()}
    check(all(i % 4 == 0 for i in indent), f"json: four-space indentation kept: {indent}")
    data = json.loads(after)
    check([f["id"] for f in data["findings"]][-1] == "F-2", "json: next id F-2")
    minified = os.path.join(tmp, "m.json")
    write(minified, json.dumps({"commplan": 1, "project": {"name": "A", "client": "B",
                                                          "start": "2027-03-01",
                                                          "end": "2027-03-12"}},
                               separators=(",", ":")))
    recorded(*run("log", "add", minified, "--date", "2027-03-02", "--done", "x", "--by", "Bo"),
             "log add (minified json)")
    check("\n" not in read(minified).strip(), "minified json stays on one line")


def test_log_dir(tmp):
    folder = os.path.join(tmp, "ld")
    os.makedirs(os.path.join(folder, "logs"))
    path = os.path.join(folder, "p.yaml")
    project = read(os.path.join(SOURCE, "tests/projects/edit/project.yaml")) + "log_dir: logs/\n"
    write(path, project)
    code, out, err = run("finding", "add", path, "--title", "Open SMB share", "--severity",
                         "medium", "--found", "2027-03-02", "--by", "Li Wei")
    recorded(code, out, err, "finding add (log_dir)")
    check(out == f"recorded PN-3 (medium) in {folder}/logs/2027-03-02.li-wei.yaml\n",
          f"finding add (log_dir) line: {out!r}")
    recorded(*run("finding", "set", path, "PN-1", "--status", "已解决", "--date", "2027-03-03",
                  "--by", "李伟", "--feedback", "fixed already"), "finding set (log_dir)")
    recorded(*run("log", "add", path, "--date", "2027-03-03", "--by", "李伟", "--done", "x"),
             "log add (log_dir)")
    check(read(path) == project, "log_dir: the project file is untouched")
    files = sorted(os.listdir(os.path.join(folder, "logs")))
    check(files == ["2027-03-02.li-wei.yaml", "2027-03-03.李伟.yaml"], f"log_dir files: {files}")
    day = yaml.safe_load(read(os.path.join(folder, "logs", "2027-03-03.李伟.yaml")))
    history = [dict(h, date=str(h["date"])) for h in day.get("history", [])]
    check(history == [{"finding": "PN-1", "date": "2027-03-03", "status": "已解决", "by": "李伟",
                       "feedback": "fixed already"}], f"log_dir history: {day}")
    check([e["done"] for e in day["log"]] == [["x"]], f"log_dir log: {day}")
    code, out, err = run("validate", "-q", path)
    check(code == 0, f"log_dir: the project with its new files does not validate: {err}")


def test_by_resolution(tmp):
    folder = os.path.join(tmp, "git")
    os.makedirs(folder)
    path = os.path.join(folder, "p.yaml")
    base = ("commplan: 1\nproject: {name: A, client: B, start: 2027-03-01, end: 2027-03-12}\n"
            "team:\n  - name: Zhang San\n")
    write(path, base)

    def author(env, *extra):
        write(path, base)
        code, out, err = run("log", "add", path, "--date", "2027-03-02", "--done", "x", *extra,
                             env=env)
        check(code == 0, f"--by resolution: exit {code}: {err}")
        return yaml.safe_load(read(path))["log"][0].get("by")

    check(author({}) == "Zhang San", "no --by, variable or git: the first team member")
    git = shutil.which("git")
    if git:
        subprocess.run([git, "init", "-q", folder], check=True)
        subprocess.run([git, "-C", folder, "config", "user.name", "Git Person"], check=True)
        check(author({}) == "Git Person", "git's user.name of the project's folder")
    check(author({"COMMPLAN_USER": "Env Person"}) == "Env Person", "COMMPLAN_USER beats git")
    check(author({"COMMPLAN_USER": "Env Person"}, "--by", "Option Person") == "Option Person",
          "--by beats COMMPLAN_USER")
    check(author({"PATH": "/nonexistent"}) == "Zhang San", "git missing: the first member")


def test_next_id(tmp):
    cases = [
        (["PN-1", "PN-16", "PN-2"], "PN-17"),
        (["F-07", "F-08"], "F-09"),
        (["F-99"], "F-100"),
        (["A-1", "B-01", "B-02"], "B-03"),
        ([], "F-01"),
    ]
    for ids, expected in cases:
        path = os.path.join(tmp, "ids.yaml")
        findings = "".join(f"  - {{id: {i}, title: t}}\n" for i in ids)
        write(path, "commplan: 1\nproject: {name: A, client: B, start: 2027-03-01, "
                    "end: 2027-03-12}\n" + ("findings:\n" + findings if ids else ""))
        code, out, err = run("finding", "add", path, "--title", "n", "--severity", "low",
                             "--found", "2027-03-02", "--by", "X")
        check(code == 0 and out.startswith(f"recorded {expected} (low)"),
              f"next id after {ids}: {out!r} {err}")


def test_register_fields(tmp):
    """finding add records the register's fields; the score is computed, never written."""
    path = os.path.join(tmp, "p.yaml")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project.yaml"), path)
    recorded(*run("finding", "add", path, "--title", "Reflected XSS in search", "--severity",
                  "medium", "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "--cwe",
                  "CWE-79", "--affected", "https://shop.example/search", "--affected", "cdn",
                  "--reference", "https://owasp.org/www-community/attacks/xss/", "--due",
                  "2027-03-20", "--found", "2027-03-09", "--by", "Ana"), "finding add (register)")
    with open(path, encoding="utf-8") as f:
        finding = yaml.safe_load(f)["findings"][-1]
    check(finding.get("cvss") == "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
          f"cvss: {finding}")
    check(finding.get("cwe") == "CWE-79" and finding.get("affected") ==
          ["https://shop.example/search", "cdn"], f"cwe, affected: {finding}")
    check(finding.get("references") == ["https://owasp.org/www-community/attacks/xss/"],
          f"references: {finding}")
    check(str(finding.get("due")) == "2027-03-20", f"due: {finding}")
    check("score" not in json.dumps(finding, default=str), f"a score was written: {finding}")
    # @FILE's byte order mark (Notepad's UTF-8) is not part of the text.
    with open(os.path.join(tmp, "bom.txt"), "wb") as f:
        f.write("\ufeffSeen on 3 hosts".encode("utf-8"))
    recorded(*run("finding", "add", path, "--title", "With a BOM", "--severity", "low",
                  "--evidence", "@" + os.path.join(tmp, "bom.txt"), "--found", "2027-03-09",
                  "--by", "Ana"), "finding add (@FILE with a BOM)")
    with open(path, encoding="utf-8") as f:
        finding = yaml.safe_load(f)["findings"][-1]
    check(finding.get("evidence") == "Seen on 3 hosts", f"@FILE with a BOM: {finding}")
    # An empty file (or one of white space) is likely the wrong one: refused, nothing written.
    before = read(path)
    write(os.path.join(tmp, "blank.txt"), "\n  \n")
    code, out, err = run("finding", "add", path, "--title", "Blank", "--severity", "low",
                         "--evidence", "@" + os.path.join(tmp, "blank.txt"), "--by", "Ana")
    check(code == 2 and err == f"--evidence: error: {tmp}/blank.txt holds no text\n" and
          out == "", f"@FILE of white space: exit {code}, {err!r}")
    check(read(path) == before, "@FILE of white space: the file changed")


def test_values_as_written(tmp):
    """A value is recorded as written, one per occurrence of its option: brackets and commas
    are text (CLI11 read `[WIP]` as a list), and a word after a value is not another one."""
    path = os.path.join(tmp, "p.yaml")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project.yaml"), path)
    recorded(*run("log", "add", path, "--date", "2027-03-10", "--by", "QA", "--done", "[WIP]",
                  "--done", "[Checked racks 1, 2]", "--question", "[]", "--support",
                  "Need a badge"), "log add (brackets)")
    with open(path, encoding="utf-8") as f:
        entry = yaml.safe_load(f)["log"][-1]
    check(entry.get("done") == ["[WIP]", "[Checked racks 1, 2]"] and
          entry.get("questions") == ["[]"] and entry.get("support_needed") == ["Need a badge"],
          f"log add (brackets): {entry}")
    recorded(*run("minutes", "add", path, "--meeting", "kickoff", "--date", "2027-03-08",
                  "--by", "QA", "--present", "[Alex Chen, Jordan Wang]", "--decision",
                  "[Scope agreed]"), "minutes add (brackets)")
    with open(path, encoding="utf-8") as f:
        minutes = yaml.safe_load(f)["minutes"][-1]
    check(minutes.get("present") == ["[Alex Chen, Jordan Wang]"] and
          minutes.get("decisions") == ["[Scope agreed]"], f"minutes add (brackets): {minutes}")
    before = read(path)
    code, out, err = run("log", "add", path, "--date", "2027-03-10", "--by", "QA", "--done", "a",
                         "b")
    check(code == 2 and out == "" and read(path) == before,
          f"log add --done a b: exit {code}, {err!r}")


def test_takes_turns(tmp):
    """A recording waits while another holds the project file's lock, then reads the file that
    one wrote: nothing recorded meanwhile is lost (without the lock, the last to write won)."""
    path = os.path.join(tmp, "t.yaml")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project.yaml"), path)
    environment = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    with open(path, encoding="utf-8") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = subprocess.Popen([BINARY, "log", "add", path, "--date", "2027-03-10", "--by",
                                    "QA", "--done", "Waited its turn"], env=environment,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1)
        check(waiting.poll() is None, "log add did not wait for the project file's lock")
        # Meanwhile the holder replaces the file, as a recording does (a new file renamed in).
        replacement = os.path.join(tmp, "t.new")
        write(replacement, read(path) + "# recorded meanwhile\n")
        os.rename(replacement, path)
    out, err = waiting.communicate(timeout=60)
    recorded(waiting.returncode, out, err, "log add after the lock was let go")
    check(err == f"commplan: waiting for another record into {path} to finish\n",
          f"log add waited without saying so: {err!r}")
    text = read(path)
    check("# recorded meanwhile" in text and "Waited its turn" in text,
          f"log add after the lock: what was recorded meanwhile or its own record is lost:\n{text}")


def test_interrupted_write(tmp):
    """SIGINT or SIGTERM while the new project text is written: the project stays as it was and
    no temporary file (.commplan-XXXXXX) is left beside it."""
    path = os.path.join(tmp, "i.yaml")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project.yaml"), path)
    before = read(path)
    environment = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    for number in (signal.SIGINT, signal.SIGTERM):
        caught = False
        for megabytes in (30, 60, 120):  # until the write is caught in the act
            write(os.path.join(tmp, "evidence.txt"), "x" * (megabytes << 20))
            process = subprocess.Popen([BINARY, "finding", "add", path, "--title", "T",
                                        "--severity", "low", "--found", "2027-03-09", "--by",
                                        "QA", "--evidence", "@evidence.txt"], cwd=tmp,
                                       env=environment, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            while process.poll() is None and not glob.glob(os.path.join(tmp, ".commplan-*")):
                pass
            if process.poll() is None:
                process.send_signal(number)
                caught = True
            process.wait()
            if caught:
                break
            write(path, before)  # it finished first: try again with more to write
        if not caught:
            print(f"note: every write ended before {signal.Signals(number).name} could be sent")
            continue
        check(process.returncode == -number,
              f"{signal.Signals(number).name}: exit {process.returncode}, not ended by it")
        check(read(path) == before, f"{signal.Signals(number).name}: the project changed")
        left = glob.glob(os.path.join(tmp, ".commplan-*"))
        check(not left, f"{signal.Signals(number).name}: temporary files left: {left}")
        for name in left:
            os.remove(name)


def test_refusals(tmp):
    path = os.path.join(tmp, "r.yaml")
    shutil.copy(os.path.join(SOURCE, "tests/projects/edit/project.yaml"), path)
    before = read(path)
    cases = [
        (["finding", "add", path, "--title", "t", "--severity", "urgent", "--by", "X"], 2,
         "unknown value"),
        (["finding", "add", path, "--title", "t", "--severity", "low", "--phase", "exploti",
          "--by", "X"], 2, 'did you mean "exploit"'),
        (["finding", "add", path, "--title", "t", "--severity", "low", "--id", "PN-1",
          "--by", "X"], 2, "already"),
        (["finding", "set", path, "PN-7", "--status", "resolved", "--by", "X"], 2,
         "no finding has the id"),
        (["finding", "set", path, "PN-1", "--status", "resolved", "--date", "2027-03-01",
          "--by", "X"], 1, "before the finding was found"),
        (["finding", "set", path, "PN-1", "--notified", "Bo", "--by", "X"], 2, "go together"),
        (["finding", "add", path, "--title", "t", "--severity", "low", "--cvss",
          "CVSS:3.1/AV:N/AC:Q", "--found", "2027-03-09", "--by", "X"], 1,
         'unknown value "Q" for AC'),
        (["finding", "add", path, "--title", "t", "--severity", "low", "--cwe", "XSS",
          "--found", "2027-03-09", "--by", "X"], 1, "is not a CWE id"),
        (["log", "add", path, "--by", "X"], 2, "nothing to record"),
        (["log", "add", "-", "--done", "x"], 2, "not -"),
        # A text to record that is empty or only white space would be written as an empty item.
        (["log", "add", path, "--done", "x", "--done", "", "--by", "X"], 2,
         "--done: must not be empty"),
        (["log", "add", path, "--next", " \t\u3000", "--by", "X"], 2,
         "--next: must hold more than white space"),
        (["minutes", "add", path, "--meeting", "kickoff", "--decision", " ", "--by", "X"], 2,
         "--decision: must hold more than white space"),
        (["finding", "set", path, "PN-1", "--note", "  ", "--by", "X"], 2,
         "--note: must hold more than white space"),
        (["finding", "add", path, "--title", "t", "--severity", "low", "--owner", "",
          "--by", "X"], 2, "--owner: must not be empty"),
    ]
    for args, expected, words in cases:
        code, out, err = run(*args)
        check(code == expected and words in err and out == "",
              f"{' '.join(args[:2])} {args[3:]}: exit {code}, {err!r}")
        check(read(path) == before, f"{args}: the file changed")
    check(sorted(os.listdir(tmp)) == ["r.yaml"], f"refusals left files: {os.listdir(tmp)}")


def test_unwritable_folder(tmp):
    path = os.path.join(tmp, "u.yaml")
    if os.geteuid() == 0:
        log_dir = "/sys/kernel"  # not writable, even for root
    else:
        log_dir = os.path.join(tmp, "ro")
        os.makedirs(log_dir)
        os.chmod(log_dir, 0o555)
    write(path, "commplan: 1\nproject: {name: A, client: B, start: 2027-03-01, "
                f"end: 2027-03-12}}\nlog_dir: {log_dir}\n")
    before = sorted(os.listdir(log_dir))
    code, out, err = run("log", "add", path, "--date", "2027-03-02", "--done", "x", "--by", "X")
    check(code == 3 and "error" in err and out == "", f"unwritable folder: exit {code}, {err!r}")
    check(sorted(os.listdir(log_dir)) == before, "unwritable folder: a file was left")
    if os.geteuid() != 0:
        os.chmod(log_dir, 0o755)


def main():
    for test in (test_yaml_text_preserved, test_first_entry_carries_status,
                 test_messages_escape_the_files_texts, test_json_style_kept,
                 test_log_dir, test_by_resolution, test_next_id, test_register_fields,
                 test_values_as_written, test_takes_turns, test_interrupted_write,
                 test_refusals,
                 test_unwritable_folder):
        with tempfile.TemporaryDirectory() as tmp:
            test(tmp)
    return report(f"recording commands: {CHECKS} checks")


if __name__ == "__main__":
    sys.exit(main())
