"""Every bold and italic span the built-in templates write renders as such in GitHub's Markdown,
in both languages: each brief of each example (kick-off, daily recaps on every day of the
plan, each phase recap, the final recap, the plan, the 5W2H checklists), read back by
cmark-gfm, shows no literal `**`, and has as many <strong> (and <emph>) nodes as the Markdown
has `**…**` (and `*…*`) pairs outside code. CommonMark's flanking rules make `**客户：**正文`
literal text (a closing `**` after punctuation must be followed by a blank or punctuation),
so the templates write `**客户**：正文`.

Usage: test_bold_markdown.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import re
import sys

from commplan_test import NS, examples, fail, parse, report, run, text_of

EXTENSIONS = ("strikethrough", "autolink", "tasklist")


def delimiters(markdown):
    """The `**` and single `*` emphasis delimiters of `markdown` outside code: fenced blocks,
    code spans and backslash escapes taken out first."""
    text = re.sub(r"^ *(`{3,}|~{3,}).*?^ *\1[ \t]*$", "", markdown, flags=re.M | re.S)
    text = re.sub(r"\\.", "", text)
    text = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text, flags=re.S)
    strong = len(re.findall(r"\*\*", text))
    single = len(re.findall(r"\*", re.sub(r"\*\*", "", text)))
    return strong, single


def check(markdown, where):
    document = parse(markdown, *EXTENSIONS)
    text = text_of(document)
    if "**" in text:
        at = text.index("**")
        fail(f"{where}: literal ** shown: {text[max(0, at - 30):at + 30]!r}")
    strong, single = delimiters(markdown)
    if strong % 2 or single % 2:
        fail(f"{where}: unpaired delimiters: {strong} `**`, {single} `*`")
    shown = len(list(document.iter(NS + "strong")))
    if shown != strong // 2:
        fail(f"{where}: {shown} <strong>, the Markdown has {strong // 2} **…** pairs")
    shown = len(list(document.iter(NS + "emph")))
    if shown != single // 2:
        fail(f"{where}: {shown} <emph>, the Markdown has {single // 2} *…* pairs")


def briefs(binary, project, lang):
    """(name, arguments) of every brief of `project` in `lang`: the recap days and phases are
    those its plan holds."""
    plan = json.loads(run(binary, "plan", project, "--format", "json", "--lang", lang) or "{}")
    touchpoints = plan.get("touchpoints", [])
    start = touchpoints[0]["date"] if touchpoints else None
    common = ["--lang", lang] + (["--date", start] if start else [])
    yield "kickoff", ["kickoff", project, *common]
    yield "plan", ["plan", project, *common]
    yield "five-w2h", ["five-w2h", project, *common]
    for day in sorted({t["date"] for t in touchpoints}):
        yield f"daily {day}", ["recap", project, "--level", "daily", "--date", day, "--lang", lang]
    for phase in plan.get("phases", []):
        yield f"phase {phase['id']}", ["recap", project, "--level", "phase", "--phase",
                                       phase["id"], *common]
    if touchpoints:
        yield "final", ["recap", project, "--level", "final", "--date", touchpoints[-1]["date"],
                        "--lang", lang]


def main():
    binary, source = sys.argv[1], sys.argv[2]
    count = 0
    for path, name, lang in examples(source):
        for brief, args in briefs(binary, path, lang):
            check(run(binary, *args), f"{name} {brief}")
            count += 1
    for lang in ("en", "zh"):
        check(run(binary, "five-w2h", "--lang", lang), f"blank five-w2h ({lang})")
        count += 1
    return report(f"{count} briefs checked for bold and italic")


if __name__ == "__main__":
    sys.exit(main())
