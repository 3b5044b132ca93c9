"""recap Markdown is GitHub-flavoured Markdown as cmark-gfm reads it: every table the templates
write is a table with one row a line and the header's number of cells, and a project whose text
holds Markdown, HTML, Mustache tags, pipes and line breaks gives a document of the very same
shape, with that text shown literally.

Usage: test_recap_markdown.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import sys
import tempfile

from commplan_test import (check_literal, check_table_lines, check_tables, fail, parse,
                           poisoned_copy, report, run, shape)

# (example, date for the daily recap, date for the phase recap)
EXAMPLES = [
    ("examples/datacentre-assessment.yaml", "2026-12-14", "2026-12-16"),
    ("examples/penetration-test.json", "2027-05-12", "2027-05-13"),
    ("examples/software-delivery.zh.yaml", "2027-03-15", "2027-03-19"),
]

HOSTILE = " | pipe <script>alert(1)</script> {{x}} *em* [link](http://x.example)\n# new line"
LITERALS = ("<script>alert(1)</script>", "{{x}}", "*em*", "[link]", " | pipe")
# Fields whose values are ids, dates, times or enums: HOSTILE is appended to every other text.
FORMATTED = {"commplan", "id", "phase", "standard", "date", "start", "end", "found", "severity",
             "status", "time", "lang", "workdays", "holidays", "timezone", "email", "finding",
             "severities", "cvss", "cwe", "due", "result"}


def recap(binary, project, level, date, lang):
    return run(binary, "recap", project, "--level", level, "--date", date, "--lang", lang)


def hostile_copy(source, directory):
    return poisoned_copy(os.path.join(source, "examples/penetration-test.json"),
                         os.path.join(directory, "hostile.json"), HOSTILE, FORMATTED)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    outputs = 0
    for example, daily, phase in EXAMPLES:
        for level, date in (("daily", daily), ("phase", phase), ("final", phase)):
            for lang in ("en", "zh"):
                where = f"{example} {level} {lang}"
                markdown = recap(binary, os.path.join(source, example), level, date, lang)
                check_table_lines(markdown, where)
                check_tables(markdown, parse(markdown), where)
                outputs += 1

    with tempfile.TemporaryDirectory() as tmp:
        hostile = hostile_copy(source, tmp)
        clean = os.path.join(source, "examples/penetration-test.json")
        dates = (("daily", "2027-05-12"), ("phase", "2027-05-13"), ("final", "2027-05-14"))
        for level, date in dates:
            for lang in ("en", "zh"):
                where = f"hostile {level} {lang}"
                markdown = recap(binary, hostile, level, date, lang)
                document = parse(markdown)
                check_table_lines(markdown, where)
                expected = shape(parse(recap(binary, clean, level, date, lang)))
                if shape(document) != expected:
                    fail(f"{where}: the document's shape changed:\n{shape(document)}\n{expected}")
                check_literal(document, where, LITERALS)
                outputs += 1

    return report(f"{outputs} recap outputs checked")


if __name__ == "__main__":
    sys.exit(main())
