#!/usr/bin/python3
"""Writes the fuzzers' seed corpora, one folder a target, from the examples, the golden
fixtures and test projects, the seeds kept in tests/fuzz/seeds, the adversarial corpus, the
built-in templates and (when present) the Mustache spec.

    tests/fuzz/make_seeds.py SOURCE_DIR OUT_DIR [SPEC_DIR]
"""
import hashlib
import json
import pathlib
import sys

SEPARATOR = "\n%%\n"


def write(out: pathlib.Path, target: str, data: bytes) -> None:
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def project_inputs(source: pathlib.Path):
    yield from sorted((source / "examples").glob("*.yaml"))
    yield from sorted((source / "examples").glob("*.json"))
    yield from sorted((source / "tests" / "golden").rglob("project.yaml"))
    yield from sorted((source / "tests" / "golden").rglob("stdin"))
    yield from sorted((source / "tests" / "golden").glob("*.yaml"))
    yield from sorted((source / "tests" / "projects").glob("*.yaml"))
    yield from sorted((source / "tests" / "fuzz" / "seeds" / "project").iterdir())


def template_seeds(source: pathlib.Path):
    """Each built-in template with a view model of its command, and without data."""
    views = {}
    for expected in sorted((source / "tests" / "golden").rglob("expected.json")):
        command = expected.parent.parent.name
        views.setdefault(command, expected.read_text())
    for template in sorted((source / "templates").glob("*.mustache")):
        text = template.read_text()
        command = template.name.split(".")[0].split("-")[0]
        if command == "five":
            command = "five-w2h"
        yield text
        if command in views:
            yield views[command] + SEPARATOR + text


def spec_seeds(spec: pathlib.Path):
    """Every test of the Mustache spec: data, template and partials."""
    for file in sorted(spec.glob("*.json")):
        for test in json.loads(file.read_text())["tests"]:
            parts = [json.dumps(test["data"]), test["template"]]
            for name, text in test.get("partials", {}).items():
                parts.append(name + "\n" + text)
            yield SEPARATOR.join(parts)


def main() -> int:
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    spec = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
    for path in project_inputs(source):
        data = path.read_bytes()
        write(out, "project", data)
        write(out, "json" if data.lstrip()[:1] in (b"{", b"[") else "yaml", data)
    for path in sorted((source / "examples" / "logs").glob("*")):
        write(out, "yaml", path.read_bytes())
    for path in sorted((source / "tests" / "adversarial" / "inputs").iterdir()):
        data = path.read_bytes()
        if len(data) <= 64 << 10:
            write(out, "project", data)
            write(out, "json" if path.suffix == ".json" else "yaml", data)
    for path in sorted((source / "tests" / "fuzz" / "seeds" / "template").iterdir()):
        write(out, "template", path.read_bytes())
    for path in sorted((source / "tests" / "adversarial" / "templates").rglob("*.mustache")):
        if path.stat().st_size <= 64 << 10:
            write(out, "template", path.read_bytes())
    for path in sorted((source / "tests" / "golden").rglob("expected.json")):
        write(out, "json", path.read_bytes())
    for text in template_seeds(source):
        write(out, "template", text.encode())
    if spec is not None and spec.is_dir():
        for text in spec_seeds(spec):
            write(out, "template", text.encode())
        for file in sorted(spec.glob("*.json")):
            write(out, "json", file.read_bytes())
    for path in sorted((source / "tests" / "fuzz" / "seeds" / "markup").iterdir()):
        write(out, "markup", path.read_bytes())
    for pattern in ("expected.md", "expected.ics"):
        for path in sorted((source / "tests" / "golden").rglob(pattern)):
            write(out, "markup", path.read_bytes())
    for target in ("yaml", "json", "project", "template", "markup"):
        count = len(list((out / target).iterdir()))
        print(f"seeds: {target}: {count} inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
