"""Every brief as an HTML page (`--format html`) and as chat text (`--format txt`).

HTML: for every example in en and zh and every brief (kickoff, the three recaps, plan,
five-w2h), the page parses with html5lib in strict mode (any parse error fails), holds no
<script>, loads nothing from elsewhere (no src, no stylesheet link, no url() in its CSS), has
its <title> and lang; the plan's page carries the timeline as an inline SVG with one bar per
phase and one marker per touchpoint, and no Mermaid block left; in the phase recap every
reference the view gives a `url` is a link to it (an <a href>), and no other reference is (at
least one link must be seen over the examples). When headless Chromium or
WeasyPrint is installed, the datacentre plan is printed to PDF and must come out as A4 pages
(skipped with a note when neither is).

Chat text: no Markdown left (no `**`, no backslash escapes, no table rule, no heading `#`,
no `<br>`), every line of it found in the Markdown's text; `--max-bytes N` gives numbered
parts `(i/n)` each within N bytes, separated by form feed lines, and together they hold the
whole text; a part never splits a UTF-8 character. A value of two lines stays two lines in
the HTML of a paragraph and of a table cell, in en and zh.

Usage: test_html_txt.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import html5lib
import yaml

from commplan_test import examples, fail, report, run

DATE = {"datacentre-assessment.yaml": "2026-12-10", "penetration-test.json": "2027-05-12",
        "software-delivery.zh.yaml": "2027-03-10"}


def briefs(project):
    date = DATE.get(os.path.basename(project), "today")
    return [("kickoff", ["kickoff", project]),
            ("daily", ["recap", project, "--level", "daily", "--date", date]),
            ("phase", ["recap", project, "--level", "phase", "--date", date]),
            ("final", ["recap", project, "--level", "final", "--date", date]),
            ("plan", ["plan", project, "--date", date]),
            ("five-w2h", ["five-w2h", project])]


def attempt(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, env={"PATH": "/usr/bin:/bin"})
    return done.returncode, done.stdout, done.stderr.decode()


def check_html(name, raw, lang):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        doc = parser.parse(raw)
    except Exception as e:  # html5lib raises ParseError in strict mode
        fail(f"{name}: not valid HTML5: {e}")
        return None
    text = raw.decode("utf-8")
    if doc.find(".//script") is not None or "<script" in text:
        fail(f"{name}: holds a script")
    for element in doc.iter():
        for attribute in ("src", "srcset"):
            if element.get(attribute):
                fail(f"{name}: <{element.tag} {attribute}> loads something from elsewhere")
        if element.tag == "link":
            fail(f"{name}: a <link> to another resource")
    style = doc.find(".//style")
    if style is None or "url(" in (style.text or ""):
        fail(f"{name}: no inline style, or a style that loads something")
    if not (doc.findtext(".//title") or "").strip():
        fail(f"{name}: no title")
    want = "zh-CN" if lang == "zh" else "en"
    if doc.get("lang") != want:
        fail(f"{name}: lang {doc.get('lang')!r}, expected {want}")
    return doc


def check_timeline(name, doc, view):
    svg = doc.find(".//{http://www.w3.org/2000/svg}svg")
    if svg is None:
        fail(f"{name}: no inline SVG timeline")
        return
    ns = "{http://www.w3.org/2000/svg}"
    bars = [e for e in svg.iter(ns + "rect") if e.get("class") == "phase"]
    if len(bars) != len(view["phases"]):
        fail(f"{name}: {len(bars)} bars for {len(view['phases'])} phases")
    markers = [e for e in svg.iter() if (e.get("class") or "").startswith("meeting ")
               and e.find(ns + "title") is not None]
    if len(markers) != len(view["touchpoints"]):
        fail(f"{name}: {len(markers)} markers for {len(view['touchpoints'])} touchpoints")
    shaded = [e for e in svg.iter(ns + "rect") if e.get("class") in ("rest-day", "holiday")]
    off = [d for d in view["days"] if not d["workday"]]
    if len(shaded) != len(off):
        fail(f"{name}: {len(shaded)} shaded days for {len(off)} days off")
    if doc.find(".//code") is not None and "gantt" in (doc.find(".//code").text or ""):
        fail(f"{name}: the Mermaid chart is still there")


MARKDOWN_LEFT = [(re.compile(r"\*\*"), "bold markers"), (re.compile(r"\\[\\`*_{}\[\]()#+\-.!:|<>]"), "an escape"),
                 (re.compile(r"^\s*\|?\s*-{3,}\s*\|", re.M), "a table rule"),
                 (re.compile(r"^#{1,6} ", re.M), "a heading marker"), (re.compile(r"<br\s*/?>"), "<br>")]


def check_links(name, doc, view):
    """The phase recap's references: links exactly where the view gives a url. Returns how
    many links were checked."""
    hrefs = {a.get("href") for a in doc.iter("a")}
    seen = 0
    for finding in view.get("findings", []):
        for reference in finding.get("reference_links", []):
            url = reference["url"]
            if url is not None and url not in hrefs:
                fail(f"{name}: reference {url} is not a link")
            if url is None and reference["text"] in hrefs:
                fail(f"{name}: reference {reference['text']!r} is a link")
            seen += url is not None
    return seen


def check_txt(name, text):
    for pattern, what in MARKDOWN_LEFT:
        found = pattern.search(text)
        if found:
            fail(f"{name}: {what} left in the chat text: {found.group(0)!r}")


def check_parts(name, text, raw_parts, limit):
    parts = raw_parts.decode("utf-8").split("\f\n")
    if len(parts) < 2:
        fail(f"{name}: --max-bytes {limit} gave one part for {len(text.encode())} bytes")
        return
    body = []
    for i, part in enumerate(parts, 1):
        size = len(part.encode("utf-8"))
        if size > limit:
            fail(f"{name}: part {i} is {size} bytes, more than {limit}")
        first, _, rest = part.partition("\n")
        if first != f"({i}/{len(parts)})":
            fail(f"{name}: part {i} starts with {first!r}")
        body.append(rest)
    squeeze = lambda s: re.sub(r"\s+", "", s)
    if squeeze("".join(body)) != squeeze(text):
        fail(f"{name}: the parts do not hold the whole text")


def check_pdf(binary, source, tmp):
    project = os.path.join(source, "examples", "datacentre-assessment.yaml")
    page = os.path.join(tmp, "plan.html")
    pdf = os.path.join(tmp, "plan.pdf")
    with open(page, "wb") as f:
        f.write(run(binary, "plan", project, "--date", "2026-12-10", "--format", "html", text=False))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page],
                       capture_output=True, timeout=120)
    elif shutil.which("weasyprint"):
        subprocess.run(["weasyprint", page, pdf], capture_output=True, timeout=120)
    else:
        print("note: neither headless Chromium nor WeasyPrint is installed: the page was not "
              "printed to PDF")
        return
    if not os.path.exists(pdf):
        fail("printing the plan to PDF made no file")
        return
    with open(pdf, "rb") as f:
        data = f.read()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    if pages < 1 or pages > 12:
        fail(f"the plan printed to {pages} pages")
    for width, height in boxes:
        if abs(float(width) - 595.3) > 2 or abs(float(height) - 841.9) > 2:
            fail(f"a PDF page of {width} x {height} points is not A4")
            break
    print(f"note: the plan printed to {pages} A4 page(s)")


def check_line_breaks(binary, source, tmp):
    """A value of two lines (a summary in a paragraph, a recommendation in a table cell) is
    two lines in the page, in both languages: html5lib finds the <br> between them, and no
    omitted raw HTML where the Markdown held the break."""
    cases = [("datacentre-assessment.yaml", "Fuel checked weekly.", "Second tank planned."),
             ("software-delivery.zh.yaml", "短期：每周补油。", "中期：增加第二个油罐。")]
    for name, first, second in cases:
        with open(os.path.join(source, "examples", name), encoding="utf-8") as f:
            data = yaml.safe_load(f)
        data.pop("log_dir", None)
        data["project"]["summary"] = f"{first}\n{second}"
        data["findings"][0]["recommendation"] = f"{first}\n{second}"
        project = os.path.join(tmp, "lines-" + name)
        with open(project, "w", encoding="utf-8") as f:
            yaml.safe_dump(data, f, allow_unicode=True)
        lang = "zh" if ".zh." in name else "en"
        plan = json.loads(run(binary, "plan", project, "--format", "json"))
        final = next(t["date"] for t in plan["touchpoints"] if t["kind"] == "final")
        for brief, args, tag in (("kickoff", ["kickoff", project], "p"),
                                 ("final", ["recap", project, "--level", "final", "--date",
                                            final], "td")):
            code, html, err = attempt(binary, *args, "--format", "html")
            doc = check_html(f"{name} {brief} with a value of two lines", html, lang)
            if code != 0 or doc is None:
                fail(f"{name} {brief}: html exit {code}: {err}")
                continue
            if "raw HTML omitted" in html.decode("utf-8"):
                fail(f"{name} {brief}: a line break omitted as raw HTML")
            holders = [e for e in doc.iter(tag) if (e.text or "").strip() == first]
            if not holders or holders[0].find("br") is None or \
                    (holders[0].find("br").tail or "").strip() != second:
                fail(f"{name} {brief}: no <{tag}> with {first!r}, <br>, {second!r}")


def main(binary, source):
    count = 0
    links = 0
    with tempfile.TemporaryDirectory() as tmp:
        for project, label, lang in examples(source):
            for brief, args in briefs(project):
                name = f"{label} {brief}"
                args = args + ["--lang", lang]
                code, html, err = attempt(binary, *args, "--format", "html")
                if code != 0:
                    fail(f"{name}: html exit {code}: {err}")
                    continue
                doc = check_html(name + " html", html, lang)
                if doc is not None and brief == "plan":
                    view = json.loads(run(binary, *args, "--format", "json"))
                    check_timeline(name + " html", doc, view)
                if doc is not None and brief == "phase":
                    view = json.loads(run(binary, *args, "--format", "json"))
                    links += check_links(name + " html", doc, view)
                code, txt, err = attempt(binary, *args, "--format", "txt")
                text = txt.decode("utf-8")
                check_txt(name + " txt", text)
                limit = max(200, len(txt) // 3)
                code, parts, err = attempt(binary, *args, "--format", "txt", "--max-bytes", str(limit))
                if code != 0:
                    fail(f"{name}: txt --max-bytes {limit} exit {code}: {err}")
                else:
                    check_parts(name + " txt", text, parts, limit)
                count += 1
        # The pentest's references are in its testing phase, recapped on the engagement's last day.
        pentest = os.path.join(source, "examples", "penetration-test.json")
        for lang in ("en", "zh"):
            args = ["recap", pentest, "--level", "phase", "--phase", "testing", "--date",
                    "2027-05-14", "--lang", lang]
            code, html, err = attempt(binary, *args, "--format", "html")
            doc = check_html(f"pentest testing phase {lang} html", html, lang) if code == 0 else None
            if doc is None:
                fail(f"pentest testing phase {lang}: html exit {code}: {err}")
                continue
            view = json.loads(run(binary, *args, "--format", "json"))
            links += check_links(f"pentest testing phase {lang} html", doc, view)
        if links == 0:
            fail("no reference was a link in any phase recap: the check saw nothing")
        check_pdf(binary, source, tmp)
        check_line_breaks(binary, source, tmp)
        project = examples(source)[0][0]
        code, out, err = attempt(binary, "kickoff", project, "--max-bytes", "100")
        if code != 2 or "--max-bytes" not in err:
            fail(f"--max-bytes without txt: exit {code}: {err}")
        code, out, err = attempt(binary, "kickoff", project, "--format", "txt", "--max-bytes", "10")
        if code != 2 or "no room" not in err:
            fail(f"--max-bytes 10: exit {code}: {err}")
    return report(f"{count} briefs checked as HTML and chat text, {links} reference links")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
