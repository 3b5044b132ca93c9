"""`commplan plan` Markdown as cmark-gfm reads it: for every example in both languages, every
table is a table with one row a line and as many cells as its header, and the chart is one
```mermaid code block holding exactly the view's `mermaid`. A copy of an example whose every
text (names and attendee lists alike) ends in Markdown, HTML, Mustache, pipes and a line break
gives a document of the very same shape, with that text shown literally and no HTML let through
(but the `<br>` a line break becomes).

Usage: test_plan_markdown.py COMMPLAN_BINARY SOURCE_DIR
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
HOSTILE = " | x <b>bold</b> {{y}} *em* [a](http://z.example)\n# h"
KEEP = {"id", "phase", "standard", "date", "start", "end", "found", "severity", "status", "time",
        "lang", "workdays", "holidays", "timezone", "email", "commplan", "level", "within",
        "duration", "contact"}
DATE = "2026-11-30"
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message)


def run(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        fail(f"{' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return done.stdout


def parse(markdown):
    xml = subprocess.run(["cmark-gfm", "-e", "table", "-t", "xml"], input=markdown,
                         capture_output=True, text=True, check=True).stdout
    return ET.fromstring(xml)


def cells(line):
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def check_table_lines(markdown, where):
    header = None
    for number, line in enumerate(markdown.splitlines(), 1):
        if not line.startswith("|"):
            header = None
        elif header is None:
            header = cells(line)
        elif cells(line) != header:
            fail(f"{where}:{number}: {cells(line)} cells, the header has {header}")


def shape(document):
    blocks = []
    for node in document:
        kind = node.tag.replace(NS, "")
        if kind == "table":
            blocks.append((kind, len(node.find(NS + "table_header")),
                           len(node.findall(NS + "table_row"))))
        elif kind == "list":
            blocks.append((kind, len(node)))
        elif kind == "heading":
            blocks.append((kind, node.get("level")))
        else:
            blocks.append((kind,))
    return blocks


def check_document(binary, project, where, lang):
    markdown = run(binary, "plan", project, "--date", DATE, "--lang", lang)
    view = json.loads(run(binary, "plan", project, "--format", "json", "--date", DATE,
                          "--lang", lang))
    document = parse(markdown)
    check_table_lines(markdown, where)
    tables = document.findall(NS + "table")
    if len(tables) != len(re.findall(r"^\|[-:| ]+\|$", markdown, re.M)) or len(tables) < 4:
        fail(f"{where}: cmark-gfm sees {len(tables)} tables")
    rows = tables[1].findall(NS + "table_row") if len(tables) > 1 else []
    if len(rows) != len(view["touchpoints"]):
        fail(f"{where}: {len(rows)} schedule rows for {len(view['touchpoints'])} touchpoints")
    charts = [b for b in document.iter(NS + "code_block") if b.get("info") == "mermaid"]
    if len(charts) != 1 or charts[0].text != view["mermaid"] + "\n":
        fail(f"{where}: the mermaid block is not the view's chart")
    return document


def poison(value, key=""):
    if key in KEEP:
        return value
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and value:
        return value + HOSTILE
    return value


def main():
    binary, source = sys.argv[1], sys.argv[2]
    examples = sorted(glob.glob(os.path.join(source, "examples", "*.yaml")) +
                      glob.glob(os.path.join(source, "examples", "*.json")))
    for project in examples:
        for lang in ("en", "zh"):
            check_document(binary, project, f"{os.path.basename(project)} ({lang})", lang)
    clean = os.path.join(source, "examples", "penetration-test.json")
    with open(clean, encoding="utf-8") as f:
        data = poison(json.load(f))
    with tempfile.TemporaryDirectory() as folder:
        hostile = os.path.join(folder, "hostile.json")
        with open(hostile, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        for lang in ("en", "zh"):
            where = f"hostile.json ({lang})"
            document = check_document(binary, hostile, where, lang)
            if shape(document) != shape(check_document(binary, clean, where, lang)):
                fail(f"{where}: the hostile text changed the document's shape")
            html = [n.text for n in document.iter(NS + "html_inline") if n.text != "<br>"]
            if html or any(document.iter(NS + "html_block")):
                fail(f"{where}: HTML got through: {html}")
            text = "".join(n.text or "" for n in document.iter(NS + "text"))
            if "<b>bold</b> {{y}} *em* [a](http://z.example)" not in text:
                fail(f"{where}: the hostile text is not shown literally")
    print(f"{2 * len(examples) + 2} plans checked")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
