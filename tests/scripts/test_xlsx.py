"""`commplan findings export --format xlsx` read back by openpyxl (python3-openpyxl): on a copy
of the penetration-test example with findings added (a CVSS vector, a due date, affected
assets, a re-test, a title that looks like a formula, a Chinese title without a severity), in
English and in Chinese: the two sheets by name, the header row in the language, dates as
dates, the CVSS score as a number, the formula-looking title kept as text, the header row
frozen, a filter over the table, and the summary's counts by severity equal to the project's
(each finding's latest severity) and to the Findings sheet's; the project's name as the
workbook's title; U+FFFE and U+FFFF in a title and in that name leave a workbook that opens;
byte-identical across runs.

Fails (exit 77) when the binary has no `findings export` command.

Usage: test_xlsx.py COMMPLAN_BINARY SOURCE_DIR
"""

import collections
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

from commplan_test import fail, report

DATE = "2027-05-14"

HEADERS = {
    "en": ["ID", "Title", "Severity", "Status", "CVSS vector", "CVSS score", "CWE", "Phase",
           "Found", "Due", "Owner", "Affected", "Standard", "Evidence", "Impact",
           "Recommendation", "References", "Client feedback", "Retest date", "Retest result",
           "Retest note", "Fingerprint"],
    "zh": ["编号", "问题", "严重程度", "状态", "CVSS 向量", "CVSS 评分", "CWE", "阶段", "发现日期",
           "整改期限", "负责人", "影响资产", "依据标准", "证据", "影响", "整改建议",
           "参考资料", "客户意见", "复测日期", "复测结果", "复测说明", "指纹"],
}
SHEETS = {"en": ["Findings", "Summary"], "zh": ["问题清单", "统计"]}
FORMULA = '=HYPERLINK("http://example.com","click")'
VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"

ADDED = [
    {"id": "PT-90", "title": FORMULA, "found": "2027-05-12", "phase": "testing",
     "severity": "high", "status": "open", "cvss": VECTOR, "cwe": "CWE-79",
     "due": "2027-05-20", "affected": ["portal.larkspur-mutual.example", "10.0.0.5"],
     "references": ["https://owasp.org/www-community/attacks/xss/"],
     "retest": {"date": "2027-05-14", "result": "failed", "note": "Still reflected"}},
    {"id": "PT-91", "title": "管理后台使用默认口令", "found": "2027-05-13", "phase": "testing",
     "status": "open", "evidence": "admin/admin 可登录\n第二行"},
    # U+FFFE and U+FFFF, which XML cannot hold: escaped as _xFFFE_ (Excel's escape).
    {"id": "PT-92", "title": "Noncharacters \ufffe and \uffff", "found": "2027-05-13",
     "phase": "testing", "status": "open"},
]


def latest_severity(finding):
    severity = finding.get("severity")
    for entry in finding.get("history", []):
        if entry.get("date", "") <= DATE and entry.get("severity"):
            severity = entry["severity"]
    return severity


def export(binary, project, lang, out, dated):
    date = ["--date", DATE] if dated else []
    done = subprocess.run([binary, "findings", "export", project, "--format", "xlsx", "-o", out,
                           "--lang", lang, *date],
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        fail(f"findings export --lang {lang}: exit {done.returncode}: {done.stderr}")
        return None
    with open(out, "rb") as f:
        return f.read()


def check_findings(name, sheet, lang, project):
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0]) if rows else []
    if header != HEADERS[lang]:
        fail(f"{name}: header row {header}")
        return {}
    if sheet.freeze_panes != "A2":
        fail(f"{name}: frozen at {sheet.freeze_panes}, expected A2")
    if sheet.auto_filter.ref != f"A1:V{len(rows)}":
        fail(f"{name}: filter over {sheet.auto_filter.ref}, expected A1:V{len(rows)}")
    ids = {sheet.cell(r, 1).value: r for r in range(2, len(rows) + 1)}
    for finding in ADDED:
        if finding["id"] not in ids:
            fail(f"{name}: no row for {finding['id']}")
            return {}
    row = ids["PT-90"]
    title = sheet.cell(row, 2)
    if title.data_type != "s" or title.value != FORMULA:
        fail(f"{name}: the formula-looking title is {title.data_type} {title.value!r}")
    for key, expected in (("found", "2027-05-12"), ("due", "2027-05-20"),
                          ("retest_date", "2027-05-14")):
        index = {"found": 8, "due": 9, "retest_date": 18}[key]
        value = sheet.cell(row, index + 1).value
        if not isinstance(value, datetime.datetime) or value.strftime("%Y-%m-%d") != expected:
            fail(f"{name}: {key} is {value!r}, expected the date {expected}")
    score = sheet.cell(row, 6)
    if score.data_type != "n" or score.value != 9.8:
        fail(f"{name}: the CVSS score is {score.data_type} {score.value!r}, expected 9.8")
    if sheet.cell(row, 5).value != VECTOR:
        fail(f"{name}: the CVSS vector is {sheet.cell(row, 5).value!r}")
    affected = sheet.cell(row, 12)
    if affected.value != "portal.larkspur-mutual.example\n10.0.0.5" or not affected.alignment.wrap_text:
        fail(f"{name}: affected is {affected.value!r}, wrapped: {affected.alignment.wrap_text}")
    # Excel reads _xHHHH_ back as the character; openpyxl leaves the escape as written.
    if sheet.cell(ids["PT-92"], 2).value != "Noncharacters _xFFFE_ and _xFFFF_":
        fail(f"{name}: the title with noncharacters is {sheet.cell(ids['PT-92'], 2).value!r}")
    cjk = ids["PT-91"]
    if sheet.cell(cjk, 2).value != "管理后台使用默认口令":
        fail(f"{name}: the Chinese title is {sheet.cell(cjk, 2).value!r}")
    # Each row's severity label, by the project's canonical severity of its finding.
    by_id = {f["id"]: f for f in project["findings"]}
    labels = {}
    counts = collections.Counter()
    for finding_id, r in ids.items():
        if finding_id not in by_id:
            fail(f"{name}: row {r} holds {finding_id!r}, no finding of the project")
            continue
        canonical = latest_severity(by_id[finding_id])
        label = sheet.cell(r, 3).value
        if labels.setdefault(canonical, label) != label:
            fail(f"{name}: severity {canonical} shows as {labels[canonical]!r} and {label!r}")
        counts[label] += 1
    missing = [f["id"] for f in project["findings"]
               if not f.get("good_practice") and f["id"] not in ids]
    if missing:
        fail(f"{name}: findings missing from the sheet: {missing}")
    return counts


def check_summary(name, sheet, lang, counts):
    rows = list(sheet.iter_rows(values_only=True))
    words = {"en": ("Severity", "Open", "Closed", "Total"), "zh": ("严重程度", "未关闭", "已关闭", "合计")}
    if not rows or tuple(rows[0][:4]) != words[lang]:
        fail(f"{name}: summary header {rows[0] if rows else None}")
        return
    seen = collections.Counter()
    total_row = None
    for r, row in enumerate(rows[1:], 2):
        if row[0] == words[lang][3]:
            total_row = row
            break
        label, opened, closed, total = row[:4]
        if not all(isinstance(v, (int, float)) for v in (opened, closed, total)):
            fail(f"{name}: summary row {r} is not numbers: {row}")
            continue
        if opened + closed != total:
            fail(f"{name}: summary row {r}: {opened} + {closed} != {total}")
        if total:
            seen[label] = total
    if seen != +counts:
        fail(f"{name}: summary by severity {dict(seen)}, the findings give {dict(counts)}")
    if total_row is None or total_row[3] != sum(counts.values()):
        fail(f"{name}: total row {total_row}, expected {sum(counts.values())} findings")
    statuses = [row for row in rows if row and isinstance(row[1], (int, float))
                and row[0] not in words[lang][3:] and row[2] is None]
    if sum(row[1] for row in statuses) != sum(counts.values()):
        fail(f"{name}: counts by status {statuses} do not add up to {sum(counts.values())}")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    known = subprocess.run([binary, "findings", "export", "--help"], capture_output=True,
                           text=True)
    if known.returncode != 0 or "xlsx" not in known.stdout:
        print("skipped: this binary has no `findings export --format xlsx`")
        return 77
    with open(os.path.join(source, "examples", "penetration-test.json"), encoding="utf-8") as f:
        project = json.load(f)
    project["findings"].extend(ADDED)
    project["project"]["name"] += " \uffff"  # the workbook's title: a space for it
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "project.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(project, f, ensure_ascii=False, indent=2)
        for lang in ("en", "zh"):
            out = os.path.join(tmp, f"register-{lang}.xlsx")
            first = export(binary, path, lang, out, "--date" in known.stdout)
            if first is None:
                continue
            if export(binary, path, lang, out, "--date" in known.stdout) != first:
                fail(f"{lang}: two runs gave different bytes")
            book = openpyxl.load_workbook(out)
            title = project["project"]["name"].replace("\uffff", " ")
            if book.properties.title != title:
                fail(f"{lang}: the workbook's title is {book.properties.title!r}, not {title!r}")
            if book.sheetnames != SHEETS[lang]:
                fail(f"{lang}: sheets {book.sheetnames}, expected {SHEETS[lang]}")
                continue
            counts = check_findings(f"{lang} findings", book[SHEETS[lang][0]], lang, project)
            check_summary(f"{lang} summary", book[SHEETS[lang][1]], lang, counts)
    return report("the findings workbook in en and zh")


if __name__ == "__main__":
    sys.exit(main())
