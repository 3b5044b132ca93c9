"""`commplan plan` Markdown as cmark-gfm reads it: for every example in both languages, every
table is a table with one row a line and as many cells as its header, and the chart is one
```mermaid code block holding exactly the view's `mermaid`. A copy of an example whose every
text (names and attendee lists alike) ends in Markdown, HTML, Mustache, pipes and a line break
gives a document of the very same shape, with that text shown literally and no HTML let through
(but the `<br>` a line break becomes).

Usage: test_plan_markdown.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import sys
import tempfile

from commplan_test import (NS, check_literal, check_table_lines, check_tables, examples, fail,
                           parse, poisoned_copy, report, run, shape)

HOSTILE = " | x <b>bold</b> {{y}} *em* [a](http://z.example)\n# h"
KEEP = {"id", "phase", "standard", "date", "start", "end", "found", "severity", "status", "time",
        "lang", "workdays", "holidays", "timezone", "email", "commplan", "level", "within",
        "duration", "contact", "finding", "severities", "cvss", "cwe", "due", "result"}
DATE = "2026-11-30"


def check_document(binary, project, where, lang):
    markdown = run(binary, "plan", project, "--date", DATE, "--lang", lang)
    view = json.loads(run(binary, "plan", project, "--format", "json", "--date", DATE,
                          "--lang", lang))
    document = parse(markdown)
    check_table_lines(markdown, where)
    tables = check_tables(markdown, document, where, least=4)
    rows = tables[1].findall(NS + "table_row") if len(tables) > 1 else []
    if len(rows) != len(view["touchpoints"]):
        fail(f"{where}: {len(rows)} schedule rows for {len(view['touchpoints'])} touchpoints")
    charts = [b for b in document.iter(NS + "code_block") if b.get("info") == "mermaid"]
    if len(charts) != 1 or charts[0].text != view["mermaid"] + "\n":
        fail(f"{where}: the mermaid block is not the view's chart")
    return document


def main():
    binary, source = sys.argv[1], sys.argv[2]
    runs = examples(source)
    for project, name, lang in runs:
        check_document(binary, project, name, lang)
    clean = os.path.join(source, "examples", "penetration-test.json")
    with tempfile.TemporaryDirectory() as folder:
        hostile = poisoned_copy(clean, os.path.join(folder, "hostile.json"), HOSTILE, KEEP)
        for lang in ("en", "zh"):
            where = f"hostile.json ({lang})"
            document = check_document(binary, hostile, where, lang)
            if shape(document) != shape(check_document(binary, clean, where, lang)):
                fail(f"{where}: the hostile text changed the document's shape")
            check_literal(document, where, ["<b>bold</b> {{y}} *em* [a](http://z.example)"])
    return report(f"{len(runs) + 2} plans checked")


if __name__ == "__main__":
    sys.exit(main())
