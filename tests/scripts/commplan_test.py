"""Helpers the tests/scripts/test_*.py scripts share: running the commplan binary, collecting
failures and summing them up, reading Markdown back with cmark-gfm, the CLI's --help text,
copies of an example whose every text carries hostile characters, YAML read as YAML 1.2, and
the communication matrix held to the plan's calendar.

Not a test itself: CMake registers only test_*.py. A script run as
`/usr/bin/python3 tests/scripts/test_X.py BINARY SOURCE_DIR` finds this module because Python puts
the script's folder first on sys.path.
"""

import glob
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import yaml

NS = "{http://commonmark.org/xml/1.0}"
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message)


def report(summary):
    """Prints what was checked and how many problems were found; returns the exit code."""
    print(f"{summary}, {len(FAILURES)} problem(s)")
    return 1 if FAILURES else 0


def run(binary, *args, text=True):
    """commplan's standard output (bytes unless `text`), run with nothing but PATH in its
    environment; a non-zero exit is a failure."""
    done = subprocess.run([binary, *args], capture_output=True, text=text,
                          env={"PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        stderr = done.stderr if text else done.stderr.decode()
        fail(f"{' '.join(args)}: exit {done.returncode}: {stderr}")
    return done.stdout


def output(binary, *args, stdin=None):
    """commplan's standard output, `stdin` its input, in the caller's environment; a non-zero
    exit raises."""
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True,
                          check=True).stdout


def examples(source):
    """Every example project, YAML and JSON, in both languages: (path, name, lang), sorted by
    path; no example is a failure."""
    found = sorted(glob.glob(os.path.join(source, "examples", "*.yaml")) +
                   glob.glob(os.path.join(source, "examples", "*.json")))
    if not found:
        fail("no examples found")
    return [(path, f"{os.path.basename(path)} ({lang})", lang)
            for path in found for lang in ("en", "zh")]


def help_section(text, title):
    """Entries of one section of a CLI11 --help text: (first word, rest of the line)."""
    entries, inside = [], False
    for line in text.splitlines():
        if not line or line.endswith(":"):
            inside = line == title
        elif inside and line.startswith("  ") and line[2] != " ":
            word, _, rest = line[2:].partition(" ")
            entries.append((word, rest))
    return entries


# Markdown read back by cmark-gfm, GitHub's own parser, as its XML tree.

def parse(markdown, *extensions):
    """The document cmark-gfm reads in `markdown`, with the table extension and `extensions`."""
    command = ["cmark-gfm", "-t", "xml", "-e", "table"]
    for extension in extensions:
        command += ["-e", extension]
    xml = subprocess.run(command, input=markdown, capture_output=True, text=True,
                         check=True).stdout
    return ET.fromstring(xml)


def kind(node):
    """A node's kind: its tag without the CommonMark namespace."""
    return node.tag.replace(NS, "")


def text_of(node):
    """The literal text below `node`, without markup."""
    return "".join(t.text or "" for t in node.iter(NS + "text"))


def shape(document):
    """The document's top-level blocks: kind and size, without their text."""
    blocks = []
    for node in document:
        name = kind(node)
        if name == "heading":
            blocks.append((name, node.get("level")))
        elif name == "table":
            blocks.append((name, len(node.find(NS + "table_header")),
                           len(node.findall(NS + "table_row"))))
        elif name == "list":
            blocks.append((name, len(node)))
        else:
            blocks.append((name,))
    return blocks


def unescaped_pipes(line):
    return len(re.findall(r"(?<!\\)\|", line))


def check_table_lines(markdown, where):
    """Every table line has as many cell separators as its header: no row is split or merged."""
    header = None
    for number, line in enumerate(markdown.splitlines(), 1):
        if not line.startswith("|"):
            header = None
        elif header is None:
            header = unescaped_pipes(line)
        elif unescaped_pipes(line) != header:
            fail(f"{where}:{number}: {unescaped_pipes(line)} cell separators, header has {header}")


def check_tables(markdown, document, where, least=1):
    """The tables cmark-gfm sees: one a delimiter row of the text, and at least `least`."""
    tables = document.findall(NS + "table")
    delimiters = len(re.findall(r"^\|[-:| ]+\|$", markdown, re.M))
    if len(tables) != delimiters or len(tables) < least:
        fail(f"{where}: cmark-gfm sees {len(tables)} table(s), the text has {delimiters}")
    return tables


def check_literal(document, where, literals):
    """Each of `literals` shown as text, and no raw HTML but the <br> a line break becomes."""
    text = text_of(document)
    for literal in literals:
        if literal not in text:
            fail(f"{where}: {literal!r} is not shown as literal text")
    html = [n.text for n in document.iter(NS + "html_inline") if n.text != "<br>"]
    html += [n.text for n in document.iter(NS + "html_block")]
    if html:
        fail(f"{where}: raw HTML got through: {html}")


# Projects whose texts carry hostile characters.

def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, data):
    """Writes `data` as UTF-8 JSON, characters unescaped; returns `path`."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def poison(value, suffix, keep, key=""):
    """`value` with `suffix` appended to every non-empty string, but those under a key in `keep`
    (ids, dates, times, enums: fields whose format the loader checks)."""
    if key in keep:
        return value
    if isinstance(value, dict):
        return {k: poison(v, suffix, keep, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, suffix, keep, key) for v in value]
    if isinstance(value, str) and value:
        return value + suffix
    return value


def poisoned_copy(project, path, suffix, keep):
    """A JSON copy of the JSON `project` at `path`, poisoned with `suffix`; returns `path`."""
    return write_json(path, poison(read_json(project), suffix, keep))


# YAML as commplan reads it.

class Yaml12Loader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1; commplan reads 1.2. Type plain scalars by the 1.2 core schema:
    no timestamps, no sexagesimal numbers, no yes/no booleans."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


# The communication matrix of a `plan --format json` view.

def client_side(touchpoints, kind):
    """The names not on our team at the touchpoints of `kind`, in order, each once."""
    names = []
    for t in touchpoints:
        if t["kind"] == kind:
            names += [a["name"] for a in t["attendees"]
                      if a["side"] != "ours" and a["name"] not in names]
    return names


def matrix_disagreements(plan):
    """How the matrix of a `plan --format json` view and its touchpoints disagree: a list of
    sentences, empty when they agree."""
    problems, covered = [], set()
    touchpoints = plan["touchpoints"]
    for row in plan["matrix"]:
        for meeting in row["meetings"]:
            kind = meeting["kind"]
            covered.add(kind)
            expected = client_side(touchpoints, kind)
            if meeting["people"] != expected:
                problems.append(f"row {row['id']}, {kind}: the matrix names {meeting['people']}, "
                                f"the schedule has {expected}")
            for name in meeting["people"]:
                if name not in row["who"]:
                    problems.append(f"row {row['id']}: {name} is not in its Who, {row['who']!r}")
    for kind in sorted({t["kind"] for t in touchpoints} - covered):
        problems.append(f"no matrix row speaks of the {kind} meetings")
    return problems
