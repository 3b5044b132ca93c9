"""Markdown escaping round trip: values rendered with `--escape markdown` into a table cell, a
list item, a paragraph and a heading come out of cmark-gfm (GitHub's Markdown) as their own
literal text, with no markup, no extra table rows and no new blocks.

Usage: test_markdown_escape.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import re
import sys
import tempfile

from commplan_test import kind, output, parse

SAMPLES = [
    "*** 作",
    "a | b",
    "a \\| b",
    "<script>alert('x')</script>",
    "[x](y)",
    "![img](src.png)",
    "line one\nline two\r\nline three",
    "a YAML block text ends with a line break\n",
    "kept lines  \n\n",
    "# not a heading",
    "## 标题 ##",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not ordered",
    "12) not ordered",
    "> not a quote",
    "---",
    "===",
    "___",
    "`code` and ``more``",
    "~~strike~~ ~one~",
    "_em_ *em* __strong__ **strong**",
    "snake_case_name and a_b",
    "&amp; &copy; &#65; R&D",
    "\\ backslash \\* \\",
    "<http://example.com>",
    "see http://example.com/a_b*c* and www.example.com> or WWW.x.org",
    "mail a@b.example.com\\> now",
    "<!-- comment --> <br> <b>bold</b>",
    "[ ] task",
    "[^1] footnote",
    "[ref]: http://example.com",
    "$x^2$ costs $5",
    "2026-12-07 17:30, 1.21 GW (approx.) v1.10",
    "    indented code?",
    "\t# tab heading",
    "trailing spaces  ",
    "中文 *强调* | 表格 <b>",
    "{braces} (parens) !bang? @mention #42",
    "|",
    "\\",
    "_",
    "<",
]

TEMPLATE = """| key | value |
|-----|-------|
{{#items}}
| {{key}} | {{value}} |
{{/items}}

{{#items}}
- {{value}}
{{/items}}

{{#items}}
{{value}}

{{/items}}
{{#items}}
## {{value}}
{{/items}}
"""

ALLOWED_INLINE = {"text", "softbreak", "linebreak", "html_inline", "link"}


def inline_text(node, problems, where):
    """The literal text a container shows; markup nodes are reported as problems."""
    out = []
    for child in node:
        name = kind(child)
        if name not in ALLOWED_INLINE:
            problems.append(f"{where}: markup <{name}> appeared")
        if name == "text":
            out.append(child.text or "")
        elif name in ("softbreak", "linebreak"):
            out.append("\n")
        elif name == "html_inline":
            if (child.text or "").strip().lower() not in ("<br>", "<br/>", "<br />"):
                problems.append(f"{where}: raw HTML {child.text!r} appeared")
            out.append("\n")
        elif name == "link":
            text = inline_text(child, problems, where)
            if text not in child.get("destination", "") and text not in (
                child.get("destination", "").replace("mailto:", "")
            ):
                problems.append(f"{where}: a link {child.get('destination')!r} appeared")
            out.append(text)
        else:
            out.append(inline_text(child, problems, where))
    return "".join(out)


def normalise(text):
    """Line breaks as \\n, without those at the end (with their blanks), which the escaping
    drops: a YAML block text ends with one. Table cells and blocks trim the ends, which is
    Markdown, not loss."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    tail = re.search(r"[ \t\n]*$", text).group()
    return text[:len(text) - len(tail)] if "\n" in tail else text


def main():
    binary = sys.argv[1]
    items = [{"key": f"k{i}", "value": value} for i, value in enumerate(SAMPLES)]
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "round-trip.md.mustache")
        with open(template, "w", encoding="utf-8") as f:
            f.write(TEMPLATE)
        markdown = output(binary, "render", template, "--data", "-", "--escape", "markdown",
                          stdin=json.dumps({"items": items}))
    doc = parse(markdown, "strikethrough", "autolink", "tagfilter", "tasklist")
    blocks = list(doc)
    problems = []
    kinds = [kind(b) for b in blocks]
    expected = ["table", "list"] + ["paragraph"] * len(SAMPLES) + ["heading"] * len(SAMPLES)
    if kinds != expected:
        problems.append(f"blocks were {kinds}, expected {expected}")
    else:
        rows = [r for r in blocks[0] if kind(r) == "table_row"]
        if len(rows) != len(SAMPLES):
            problems.append(f"table has {len(rows)} body rows, expected {len(SAMPLES)}")
        for i, row in enumerate(rows):
            cells = [c for c in row if kind(c) == "table_cell"]
            got = inline_text(cells[1], problems, f"table row {i}")
            check(got, SAMPLES[i], f"table row {i}", problems, trim=True)
        list_items = [li for li in blocks[1] if kind(li) == "item"]
        if len(list_items) != len(SAMPLES):
            problems.append(f"list has {len(list_items)} items, expected {len(SAMPLES)}")
        for i, li in enumerate(list_items):
            paragraphs = [p for p in li if kind(p) == "paragraph"]
            if len(paragraphs) != 1 or len(li) != 1:
                problems.append(f"list item {i}: {[kind(c) for c in li]}")
                continue
            check(inline_text(paragraphs[0], problems, f"list item {i}"), SAMPLES[i],
                  f"list item {i}", problems)
        for i, p in enumerate(blocks[2:2 + len(SAMPLES)]):
            check(inline_text(p, problems, f"paragraph {i}"), SAMPLES[i], f"paragraph {i}",
                  problems)
        for i, h in enumerate(blocks[2 + len(SAMPLES):]):
            if h.get("level") != "2":
                problems.append(f"heading {i}: level {h.get('level')}")
            check(inline_text(h, problems, f"heading {i}"), SAMPLES[i], f"heading {i}", problems)
    for p in problems:
        print(p)
    print(f"{len(SAMPLES) * 4 - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


def check(got, value, where, problems, trim=False):
    want = normalise(value)
    if trim:
        got, want = got.strip(), want.strip()
    if got != want:
        problems.append(f"{where}: {got!r} != {want!r}")


if __name__ == "__main__":
    sys.exit(main())
