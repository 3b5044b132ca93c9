"""recap Markdown is GitHub-flavoured Markdown as cmark-gfm reads it: every table the templates
write is a table with one row a line and the header's number of cells, and a project whose text
holds Markdown, HTML, Mustache tags, pipes and line breaks gives a document of the very same
shape, with that text shown literally.

Usage: test_recap_markdown.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"

# (example, date for the daily recap, date for the phase recap)
EXAMPLES = [
    ("examples/datacentre-assessment.yaml", "2026-12-14", "2026-12-16"),
    ("examples/penetration-test.json", "2027-05-12", "2027-05-13"),
    ("examples/software-delivery.zh.yaml", "2027-03-15", "2027-03-19"),
]

HOSTILE = " | pipe <script>alert(1)</script> {{x}} *em* [link](http://x.example)\n# new line"
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message)


def recap(binary, project, level, date, lang):
    args = [binary, "recap", project, "--level", level, "--date", date, "--lang", lang]
    done = subprocess.run(args, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        fail(f"{' '.join(args[1:])}: exit {done.returncode}: {done.stderr}")
    return done.stdout


def parse(markdown):
    xml = subprocess.run(["cmark-gfm", "-e", "table", "-t", "xml"], input=markdown,
                         capture_output=True, text=True, check=True).stdout
    return ET.fromstring(xml)


def shape(document):
    """The document's top-level blocks: kind and size, without their text."""
    blocks = []
    for node in document:
        kind = node.tag.replace(NS, "")
        if kind == "heading":
            blocks.append(("heading", node.get("level")))
        elif kind == "table":
            header = node.find(NS + "table_header")
            rows = node.findall(NS + "table_row")
            blocks.append(("table", len(header), len(rows)))
        elif kind == "list":
            blocks.append(("list", len(node)))
        else:
            blocks.append((kind,))
    return blocks


def unescaped_pipes(line):
    return len(re.findall(r"(?<!\\)\|", line))


def check_table_lines(markdown, where):
    """Every table line has as many cell separators as its header: no row is split or merged."""
    header = None
    for number, line in enumerate(markdown.splitlines(), 1):
        if not line.startswith("|"):
            header = None
            continue
        if header is None:
            header = unescaped_pipes(line)
        elif unescaped_pipes(line) != header:
            fail(f"{where}:{number}: {unescaped_pipes(line)} cell separators, header has {header}")


def check_tables_parsed(markdown, document, where):
    source_tables = len(re.findall(r"^\|[-:| ]+\|$", markdown, re.MULTILINE))
    parsed = len(document.findall(NS + "table"))
    if parsed != source_tables or parsed == 0:
        fail(f"{where}: cmark-gfm sees {parsed} table(s), the text has {source_tables}")


def texts(document):
    return "".join(node.text or "" for node in document.iter(NS + "text"))


def poison(value, depth=0):
    """Appends HOSTILE to every non-empty string of the project's text fields."""
    if isinstance(value, dict):
        return {k: (v if k in ("id", "phase", "standard", "date", "start", "end", "found",
                                "severity", "status", "time", "lang", "workdays", "holidays",
                                "timezone")
                    else poison(v, depth + 1)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, depth + 1) for v in value]
    if isinstance(value, str) and value:
        return value + HOSTILE
    return value


def hostile_copy(source, directory):
    with open(os.path.join(source, "examples/penetration-test.json"), encoding="utf-8") as f:
        project = json.load(f)
    project = {k: (poison(v) if k not in ("commplan", "lang") else v) for k, v in project.items()}
    path = os.path.join(directory, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False)
    return path


def main():
    binary, source = sys.argv[1], sys.argv[2]
    outputs = 0
    for example, daily, phase in EXAMPLES:
        for level, date in (("daily", daily), ("phase", phase), ("final", phase)):
            for lang in ("en", "zh"):
                where = f"{example} {level} {lang}"
                markdown = recap(binary, os.path.join(source, example), level, date, lang)
                check_table_lines(markdown, where)
                check_tables_parsed(markdown, parse(markdown), where)
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
                text = texts(document)
                for literal in ("<script>alert(1)</script>", "{{x}}", "*em*", "[link]", " | pipe"):
                    if literal not in text:
                        fail(f"{where}: {literal!r} is not shown as literal text")
                html = [n.text for n in document.iter(NS + "html_inline") if n.text != "<br>"]
                html += [n.text for n in document.iter(NS + "html_block")]
                if html:
                    fail(f"{where}: raw HTML got through: {html}")
                outputs += 1

    print(f"{outputs} recap outputs checked, {len(FAILURES)} problem(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
