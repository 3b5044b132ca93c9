"""findings import: a Semgrep-like SARIF log (CodeQL-style CWE tags, security-severity) into a
copy of an example, which still validates, with the findings' severity, CWE and places; the
same import again changes nothing; a changed scan updates the finding by its fingerprint, with
a dated history entry; a CSV register with Chinese headers; bad CSV cells reported at their
place naming the column, the project byte-identical; --dry-run writes nothing, and refuses
what the real run refuses (the project checked with the edits); a project with
log_dir gets new findings in the author's file of the day; and the round trip with `findings
export` (CSV and SARIF).

Run: python3 test_findings_import.py BINARY SOURCE_DIR
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

from commplan_test import Yaml12Loader, fail, help_section, report

BINARY, SOURCE = sys.argv[1], sys.argv[2]
CHECKS = 0
PENTEST = os.path.join(SOURCE, "examples", "penetration-test.json")


def run(*args):
    """(exit code, stdout, stderr) of commplan in a bare environment."""
    done = subprocess.run([BINARY, *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
    return done.returncode, done.stdout, done.stderr


def check(condition, message):
    global CHECKS
    CHECKS += 1
    if not condition:
        fail(message)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


def findings_of(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f) if path.endswith(".json") else yaml.load(f, Loader=Yaml12Loader)
    return {f["id"]: f for f in data.get("findings", [])}


def sarif_log(xss_score="6.1"):
    """A Semgrep-like run of three results: rules with CWE tags (Semgrep's and CodeQL's style),
    security-severity on one rule and one result, fingerprints of two kinds."""
    rules = [
        {"id": "javascript.express.xss.raw-html",
         "shortDescription": {"text": "Raw HTML built from user input"},
         "fullDescription": {"text": "User input reaches the page unescaped: script runs in "
                                     "another customer's browser."},
         "help": {"text": "Render through the template engine, which escapes."},
         "helpUri": "https://owasp.org/www-community/attacks/xss/",
         "properties": {"tags": ["CWE-79: Improper Neutralization of Input During Web Page "
                                 "Generation", "security"],
                        "security-severity": xss_score}},
        {"id": "py/sql-injection",
         "shortDescription": {"text": "SQL query built from user-controlled sources"},
         "defaultConfiguration": {"level": "error"},
         "properties": {"tags": ["security", "external/cwe/cwe-089"]}},
        {"id": "generic.secrets.hardcoded-password",
         "shortDescription": {"text": "Hard-coded password"},
         "properties": {"tags": ["security", "external/cwe/cwe-798"]}},
    ]
    results = [
        {"ruleId": "javascript.express.xss.raw-html", "ruleIndex": 0, "level": "warning",
         "message": {"text": "Raw HTML in the profile page\nThe name field is echoed as is."},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/views/profile.js"},
                                             "region": {"startLine": 42, "startColumn": 7}}}],
         "fingerprints": {"matchBasedId/v1": "9f2c1e"}},
        {"ruleId": "py/sql-injection",
         "message": {"text": "SQL injection in /login"},
         "properties": {"security-severity": "9.8"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "api/login.py"},
                                             "region": {"startLine": 17}}}],
         "partialFingerprints": {"primaryLocationLineHash": "39fa2ee980eb94b0:1"}},
        {"ruleId": "generic.secrets.hardcoded-password", "level": "note",
         "message": {"text": "Password in the deployment script"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "deploy/run.sh"},
                                             "region": {"startLine": 3}}}],
         "fingerprints": {"matchBasedId/v1": "77ab01"}},
        {"ruleId": "generic.secrets.hardcoded-password", "level": "note", "kind": "pass",
         "message": {"text": "Checked: no password here"}},
    ]
    return {"version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [{"tool": {"driver": {"name": "Semgrep OSS", "rules": rules}},
                      "results": results}]}


def test_sarif(tmp):
    project = os.path.join(tmp, "p.json")
    shutil.copy(PENTEST, project)
    scan = write(os.path.join(tmp, "scan.sarif"), json.dumps(sarif_log(), indent=2))
    code, out, err = run("findings", "import", project, scan, "--from", "sarif",
                         "--found", "2027-05-12", "--by", "Aoife Brennan")
    check(code == 0, f"sarif import: exit {code}: {err}")
    lines = out.splitlines()
    check(lines[:3] == ["add PT-07 (medium) Raw HTML in the profile page",
                        "add PT-08 (critical) SQL injection in /login",
                        "add PT-09 (low) Password in the deployment script"],
          f"sarif import: lines {lines}")
    check(any(line.startswith("passed over 1 result (") for line in lines),
          f"sarif import: the passing result is not passed over: {lines}")
    check(lines[-1].startswith("recorded findings from scan.sarif: 3 added, 0 changed in "),
          f"sarif import: last line {lines[-1]!r}")
    code, _, err = run("validate", project)
    check(code == 0, f"validate after the sarif import: exit {code}: {err}")
    found = findings_of(project)
    xss, sqli, password = found.get("PT-07", {}), found.get("PT-08", {}), found.get("PT-09", {})
    check(xss.get("cwe") == "CWE-79" and sqli.get("cwe") == "CWE-89" and
          password.get("cwe") == "CWE-798", f"cwe: {xss.get('cwe')}, {sqli.get('cwe')}")
    check(xss.get("affected") == ["src/views/profile.js:42"], f"affected: {xss.get('affected')}")
    check(sqli.get("affected") == ["api/login.py:17"], f"affected: {sqli.get('affected')}")
    check(xss.get("fingerprint") == "matchBasedId/v1=9f2c1e", f"fingerprint: {xss}")
    check(xss.get("evidence") == "The name field is echoed as is.", f"evidence: {xss}")
    check(xss.get("references") == ["https://owasp.org/www-community/attacks/xss/"],
          f"references: {xss}")
    check(xss.get("recommendation", "").startswith("Render through"), f"help: {xss}")
    check(all(f.get("phase") == "testing" and f.get("found") == "2027-05-12" and
              f.get("status") == "open" for f in (xss, sqli, password)),
          f"found, phase, status: {xss}")

    before = read_bytes(project)
    code, out, err = run("findings", "import", project, scan, "--from", "sarif",
                         "--found", "2027-05-12")
    check(code == 0 and "nothing to import" in out, f"second import: exit {code}: {out}{err}")
    check(read_bytes(project) == before, "second import changed the project")

    rescan = write(os.path.join(tmp, "rescan.sarif"), json.dumps(sarif_log("7.5")))
    code, out, err = run("findings", "import", project, rescan, "--from", "sarif",
                         "--found", "2027-05-13", "--by", "Aoife Brennan", "--dry-run")
    check(code == 0 and out.splitlines()[0] == "change PT-07: severity medium → high",
          f"dry run: exit {code}: {out}{err}")
    check(read_bytes(project) == before, "--dry-run changed the project")
    code, out, err = run("findings", "import", project, rescan, "--from", "sarif",
                         "--found", "2027-05-13", "--by", "Aoife Brennan")
    check(code == 0, f"rescan: exit {code}: {err}")
    xss = findings_of(project).get("PT-07", {})
    check(xss.get("severity") == "medium" and
          xss.get("history") == [{"date": "2027-05-13", "severity": "high",
                                  "by": "Aoife Brennan"}],
          f"rescan: {xss}")
    check(len(findings_of(project)) == 9, "rescan: a finding was added")


CSV_ZH = ("\ufeff编号,问题,风险等级,状态,影响资产,发现日期,CWE,CVSS 评分,整改建议\r\n"
          ",后台弱口令,高,处理中,\"admin.example\r\nvpn.example\",2027-05-13,cwe-521,9.8,"
          "\"'=启用复杂度策略\"\r\n"
          "PT-03,Session not invalidated on the server at logout,中,已解决,,,,,\r\n")


def test_csv(tmp):
    project = os.path.join(tmp, "p.json")
    shutil.copy(PENTEST, project)
    register = write(os.path.join(tmp, "register.csv"), CSV_ZH)
    code, out, err = run("findings", "import", project, register, "--from", "csv",
                         "--found", "2027-05-14", "--by", "Marek Nowicki")
    check(code == 0, f"csv import: exit {code}: {err}")
    check(out.splitlines()[:2] == ["add PT-07 (high) 后台弱口令",
                                   "change PT-03: status agreed → resolved"],
          f"csv import: {out}")
    code, _, err = run("validate", project)
    check(code == 0, f"validate after the csv import: exit {code}: {err}")
    found = findings_of(project)
    weak = found.get("PT-07", {})
    check(weak.get("severity") == "high" and weak.get("status") == "in-progress" and
          weak.get("affected") == ["admin.example", "vpn.example"] and
          weak.get("found") == "2027-05-13" and weak.get("cwe") == "CWE-521" and
          weak.get("recommendation") == "=启用复杂度策略",
          f"csv finding: {weak}")
    session = found.get("PT-03", {})
    check(session.get("status") == "resolved" and session.get("history", [])[-1] ==
          {"date": "2027-05-14", "status": "resolved", "by": "Marek Nowicki"},
          f"csv change: {session}")


BAD_CSV = ("ID,Title,Severity,Found\n"
           ",Weak TLS,hgh,2027-05-12\n"
           ",Open redirect,low,2027-02-30\n")


def test_bad_csv(tmp):
    project = os.path.join(tmp, "p.json")
    shutil.copy(PENTEST, project)
    before = read_bytes(project)
    bad = write(os.path.join(tmp, "bad.csv"), BAD_CSV)
    code, out, err = run("findings", "import", project, bad, "--from", "csv")
    check(code == 1, f"bad csv: exit {code}")
    check(f'{bad}:2:11: error: column "Severity": unknown value "hgh"; did you mean "high"?'
          in err, f"bad csv: severity not reported: {err}")
    check(f'{bad}:3:20: error: column "Found": "2027-02-30" is not a real calendar date' in err,
          f"bad csv: date not reported: {err}")
    check(out == "", f"bad csv: printed {out!r}")
    check(read_bytes(project) == before, "bad csv: the project changed")

    # An import the project would refuse (a change dated before the finding's last history
    # entry): the dry run refuses it as the real run does, with the same located error.
    back = write(os.path.join(tmp, "back.csv"), "ID,Status\nPT-01,Agreed\n")
    runs = [run("findings", "import", project, back, "--from", "csv", "--found", "2027-05-12",
                "--by", "QA", *extra) for extra in (["--dry-run"], [])]
    # The history is listed oldest first and a change is appended: refused at the option that
    # gave its day, before anything is written.
    for (code, out, err), name in zip(runs, ("dry run", "real run")):
        check(code == 2 and err.startswith('--found: error: finding "PT-01" has a history entry '
                                           'dated 2027-05-14'),
              f"import before the last entry, {name}: exit {code}: {out}{err}")
        check(out == "", f"import before the last entry, {name}: {out}")
    check(read_bytes(project) == before, "import before the last entry: the project changed")

    unknown = write(os.path.join(tmp, "unknown.csv"), "ID,Titel,Severity\n,x,high\n")
    code, _, err = run("findings", "import", project, unknown, "--from", "csv")
    check(code == 1 and 'unknown.csv:1:4: error: unknown column "Titel"; did you mean "Title"?'
          in err, f"unknown column: exit {code}: {err}")
    check(read_bytes(project) == before, "unknown column: the project changed")


def test_log_dir(tmp):
    """In a project with log_dir, new findings go to the author's file of the day; a change
    of status is a history entry there, other fields are set in the file holding the finding."""
    folder = os.path.join(tmp, "dc")
    os.mkdir(folder)
    project = os.path.join(folder, "p.yaml")
    shutil.copy(os.path.join(SOURCE, "examples", "datacentre-assessment.yaml"), project)
    shutil.copytree(os.path.join(SOURCE, "examples", "logs"), os.path.join(folder, "logs"))
    ids = list(findings_of(project))
    target = ids[0]
    register = write(os.path.join(tmp, "dc.csv"),
                     "id,title,severity,status,owner\n"
                     ",Cable trays overfilled in row C,medium,,\n"
                     f"{target},,,wont-fix,Facilities team\n")
    code, out, err = run("findings", "import", project, register, "--from", "csv",
                         "--found", "2026-12-16", "--by", "Li Wei")
    check(code == 0, f"log_dir import: exit {code}: {err}")
    day_file = os.path.join(folder, "logs", "2026-12-16.li-wei.yaml")
    check(os.path.exists(day_file), f"log_dir import: no {day_file}: {out}")
    if os.path.exists(day_file):
        with open(day_file, encoding="utf-8") as f:
            day = yaml.load(f, Loader=Yaml12Loader)
        check([f["title"] for f in day.get("findings", [])] == ["Cable trays overfilled in row C"],
              f"log_dir import: the day file's findings: {day}")
        check(day.get("history") == [{"finding": target, "date": "2026-12-16",
                                      "status": "wont-fix", "by": "Li Wei"}],
              f"log_dir import: the day file's history: {day.get('history')}")
    check(findings_of(project)[target].get("owner") == "Facilities team",
          f"log_dir import: owner not set in the project file: {out}")
    code, _, err = run("validate", project)
    check(code == 0, f"validate after the log_dir import: exit {code}: {err}")

    # An author whose day file's name is too long for the file system: an I/O error at that
    # file, as `log add` gives, and nothing written (it aborted on an uncaught exception).
    before = read_bytes(project)
    for dry_run in ([], ["--dry-run"]):
        code, out, err = run("findings", "import", project, register, "--from", "csv",
                             "--found", "2026-12-17", "--by", "a" * 300, *dry_run)
        expected = 0 if dry_run else 3
        check(code == expected and "terminate" not in err,
              f"a day file's name too long{' (dry run)' if dry_run else ''}: exit {code}, "
              f"expected {expected}: {err}")
        check(bool(dry_run) or "File name too long" in err, f"a day file's name too long: {err}")
    check(read_bytes(project) == before, "a day file's name too long: the project was changed")


def test_round_trip(tmp):
    """findings export then import: into the same project nothing changes; into the project
    without its findings the same findings come back."""
    _, text, _ = run("findings", "--help")
    check(any(word == "export" for word, _ in help_section(text, "Subcommands:")),
          "round trip: `findings export` is not in this build")
    for fmt, ext in (("csv", "csv"), ("sarif", "sarif")):
        project = os.path.join(tmp, f"rt-{fmt}.json")
        with open(PENTEST, encoding="utf-8") as f:
            data = json.load(f)
        # A finding not rated yet, and a title of two lines: SARIF writes the first with the
        # level note (read back as low) and the second with its evidence in one message.
        data["findings"].append({"id": "PT-90", "title": "Door held open\nin building B",
                                 "found": "2027-05-12", "evidence": "Seen twice"})
        write(project, json.dumps(data, indent=2, ensure_ascii=False))
        exported = os.path.join(tmp, f"register.{ext}")
        # The register stands as of --date: the engagement's last day holds every finding.
        code, _, err = run("findings", "export", project, "--format", fmt, "--date",
                           "2027-05-14", "-o", exported)
        check(code == 0, f"export {fmt}: exit {code}: {err}")
        if code != 0:
            continue
        before = read_bytes(project)
        code, out, err = run("findings", "import", project, exported, "--from", fmt)
        check(code == 0 and "nothing to import" in out,
              f"round trip {fmt} into the same project: exit {code}: {out}{err}")
        check(read_bytes(project) == before, f"round trip {fmt}: the project changed")

        with open(PENTEST, encoding="utf-8") as f:
            data = json.load(f)
        original = copy.deepcopy(data["findings"])
        data["findings"] = []
        for entry in data.get("log", []):
            entry.pop("notified", None)  # it names findings the empty project lacks
        empty = write(os.path.join(tmp, f"empty-{fmt}.json"), json.dumps(data, indent=2))
        code, out, err = run("findings", "import", empty, exported, "--from", fmt,
                             "--found", "2027-05-14")
        check(code == 0, f"round trip {fmt} into an empty project: exit {code}: {err}")
        back = findings_of(empty)
        for f in original:
            if f.get("good_practice"):
                continue
            got = back.get(f["id"])
            if got is None:
                fail(f"round trip {fmt}: {f['id']} did not come back")
                continue
            latest = {"status": f.get("status"), "severity": f.get("severity")}
            for entry in f.get("history", []):
                latest.update({k: entry[k] for k in ("status", "severity") if k in entry})
            keys = ["title", "found", "phase", "owner", "evidence", "recommendation"]
            for key in keys + (["standard"] if fmt == "csv" else []):
                check(got.get(key) == f.get(key),
                      f"round trip {fmt}: {f['id']}.{key}: {got.get(key)!r} != {f.get(key)!r}")
            for key, value in latest.items():
                check(got.get(key) == value,
                      f"round trip {fmt}: {f['id']}.{key}: {got.get(key)!r} != {value!r}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for test in (test_sarif, test_csv, test_bad_csv, test_log_dir, test_round_trip):
            folder = os.path.join(tmp, test.__name__)
            os.mkdir(folder)
            test(folder)
    return report(f"findings import: {CHECKS} checks")


if __name__ == "__main__":
    sys.exit(main())
