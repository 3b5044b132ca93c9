"""kickoff and five-w2h Markdown is GitHub-flavoured Markdown as cmark-gfm reads it.

For every example in both languages: the kick-off has one title, the agenda and the seven items
as second-level headings; the agenda is a table of seven rows whose minutes add up to the
meeting's duration; the phase table has a row a phase; the 5W2H checklist is a task list per
communication, its ticked boxes the answered dimensions. A project whose text holds Markdown,
HTML, Mustache tags, pipes and line breaks gives documents of the very same block structure,
with that text shown literally.

Usage: test_kickoff_markdown.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import sys
import tempfile

from commplan_test import NS, check_literal, fail, kind, parse, poisoned_copy, report, run, text_of

EXAMPLES = [
    ("examples/datacentre-assessment.yaml", "2026-12-07"),
    ("examples/penetration-test.json", "2027-05-10"),
    ("examples/software-delivery.zh.yaml", "2027-03-01"),
]
HOSTILE = " | pipe <script>alert(1)</script> {{x}} *em* [link](http://x.example)\n# new line"
LITERALS = ("<script>alert(1)</script>", "{{x}}", "*em*", "[link]", " | pipe")
# Fields whose values are ids, dates, times or enums: left alone by poison().
FORMATTED = {"commplan", "id", "phase", "standard", "date", "start", "end", "found", "severity",
             "status", "time", "lang", "workdays", "holidays", "timezone", "duration", "contact",
             "email", "phone", "attendees", "within", "level", "finding", "severities", "cvss", "cwe", "due", "result"}
BLOCKS = {"document", "heading", "paragraph", "list", "item", "tasklist", "block_quote", "table",
          "table_header", "table_row", "table_cell", "thematic_break", "code_block"}


def structure(node):
    """The block structure below `node`: kinds, heading levels, task states; no inline text."""
    label = kind(node)
    if label == "heading":
        label += node.get("level")
    elif label == "tasklist":
        label += node.get("completed", "false")
    return (label, tuple(structure(child) for child in node if kind(child) in BLOCKS))


def check_kickoff(document, view, where):
    headings = [(h.get("level"), text_of(h)) for h in document.iter(NS + "heading")]
    top = [text for level, text in headings if level == "1"]
    items = [text for level, text in headings if level == "2"]
    if len(top) != 1:
        fail(f"{where}: {len(top)} top-level headings")
    expected = [f"{item['number']}. {item['title']}" for item in view["agenda"]]
    if items[1:] != expected:
        fail(f"{where}: second-level headings {items}, expected the agenda then {expected}")
    tables = document.findall(NS + "table")
    if len(tables) != 2:
        fail(f"{where}: {len(tables)} tables, expected the agenda and the phases")
        return
    rows = tables[0].findall(NS + "table_row")
    minutes = 0
    for row, item in zip(rows, view["agenda"]):
        cells = [text_of(cell) for cell in row.findall(NS + "table_cell")]
        # The minutes: a number, with its unit on a Chinese page ("14 分钟").
        duration = str(item["minutes"]) + (" 分钟" if view["lang"] == "zh" else "")
        if cells != [f"{item['start']}–{item['end']}", duration,
                     f"{item['number']}. {item['title']}"]:
            fail(f"{where}: agenda row {cells} does not match the view")
        number = cells[1].removesuffix(" 分钟")
        minutes += int(number) if number.isdigit() else 0
    if len(rows) != 7 or minutes != view["meeting"]["duration"]:
        fail(f"{where}: {len(rows)} agenda rows of {minutes} minutes, "
             f"meeting of {view['meeting']['duration']}")
    phases = tables[1].findall(NS + "table_row")
    if len(phases) != len(view["execution_plan"]["phases"]):
        fail(f"{where}: {len(phases)} phase rows for {len(view['execution_plan']['phases'])}")
    for row in [tables[1].find(NS + "table_header")] + phases:
        if len(row.findall(NS + "table_cell")) != 6:
            fail(f"{where}: a phase row without six cells")


def check_five_w2h(document, view, where):
    lists = [node for node in document if kind(node) == "list"]
    checklists = [lst for lst in lists if lst.find(NS + "tasklist") is not None]
    if len(checklists) != len(view["communications"]):
        fail(f"{where}: {len(checklists)} checklists for {len(view['communications'])} topics")
    for checklist, topic in zip(checklists, view["communications"]):
        states = [box.get("completed") == "true" for box in checklist]
        if states != [not d["missing"] for d in topic["dimensions"]]:
            fail(f"{where}: ticks {states} do not match topic {topic['id']}")


def variant(source, directory, name, suffix):
    """The penetration-test example with `suffix` at the end of every text."""
    return poisoned_copy(os.path.join(source, "examples/penetration-test.json"),
                         os.path.join(directory, name), suffix, FORMATTED)


def check_examples(binary, source):
    count = 0
    for example, date in EXAMPLES:
        for lang in ("en", "zh"):
            path = os.path.join(source, example)
            common = ["--date", date, "--lang", lang]
            where = f"kickoff {example} {lang}"
            view = json.loads(run(binary, "kickoff", path, "--format", "json", *common))
            check_kickoff(parse(run(binary, "kickoff", path, *common), "tasklist"), view, where)
            where = f"five-w2h {example} {lang}"
            view = json.loads(run(binary, "five-w2h", path, "--format", "json", *common))
            check_five_w2h(parse(run(binary, "five-w2h", path, *common), "tasklist"), view, where)
            count += 2
        for lang in ("en", "zh"):
            blank = parse(run(binary, "five-w2h", "--lang", lang), "tasklist")
            boxes = [box.get("completed") for box in blank.iter(NS + "tasklist")]
            if boxes != ["false"] * 7:
                fail(f"blank checklist {lang}: boxes {boxes}")
    return count


def check_hostile(binary, source):
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        hostile = variant(source, tmp, "hostile.json", HOSTILE)
        plain = variant(source, tmp, "plain.json", " plain words")
        for command in ("kickoff", "five-w2h"):
            for lang in ("en", "zh"):
                where = f"hostile {command} {lang}"
                common = ["--date", "2027-05-10", "--lang", lang]
                document = parse(run(binary, command, hostile, *common), "tasklist")
                expected = structure(parse(run(binary, command, plain, *common), "tasklist"))
                if structure(document) != expected:
                    fail(f"{where}: the block structure changed")
                check_literal(document, where, LITERALS)
                count += 1
    return count


def main():
    binary, source = sys.argv[1], sys.argv[2]
    count = check_examples(binary, source) + check_hostile(binary, source)
    return report(f"{count} kickoff and five-w2h outputs checked")


if __name__ == "__main__":
    sys.exit(main())
