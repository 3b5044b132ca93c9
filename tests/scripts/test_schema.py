"""Every example project validates against `commplan schema` with a real JSON Schema validator,
and broken copies of an example do not.

Run: /usr/bin/python3 tests/scripts/test_schema.py BINARY SOURCE_DIR
"""
import copy
import json
import pathlib
import sys

import jsonschema
import yaml

from commplan_test import Yaml12Loader, output


def load(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=Yaml12Loader)


def main():
    binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads(output(binary, "schema"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    examples = sorted(p for p in (source / "examples").iterdir() if p.suffix in {".yaml", ".yml", ".json"})
    assert examples, "no examples found"
    for path in examples:
        errors = list(validator.iter_errors(load(path)))
        for error in errors:
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
        failures += len(errors)

    # The schema must also reject what the loader rejects.
    base = load(examples[0])
    broken = []
    for mutate in (
        lambda d: d.pop("project"),
        lambda d: d["project"].__setitem__("start", "2026-13-01x"),
        lambda d: d.setdefault("findings", [{}]).__setitem__(0, {"id": "X", "title": "t", "severity": "urgent"}),
        lambda d: d.__setitem__("expectaions", []),
        lambda d: d.setdefault("meetings", {}).__setitem__("kickoff", {"time": "9:30"}),
        lambda d: d.setdefault("findings", [{}]).__setitem__(0, {
            "id": "X", "title": "t", "history": [{"date": "2026-12-08", "status": "fixed"}]}),
        lambda d: d.setdefault("findings", [{}]).__setitem__(0, {
            "id": "X", "title": "t", "history": [{"status": "resolved"}]}),
        lambda d: d.setdefault("log", [{}]).__setitem__(0, {
            "date": "2026-12-08", "questions": [{"answer": "not known yet"}]}),
        # What the loader refuses of a field's shape: an empty or repeating list of workdays,
        # an address with a name, a CWE or a CVSS vector written as a number.
        lambda d: d["project"].__setitem__("workdays", []),
        lambda d: d["project"].__setitem__("workdays", ["mon", "mon"]),
        lambda d: d["team"][0].__setitem__("email", "A <a@x.example>"),
        lambda d: d.setdefault("findings", [{}]).__setitem__(0, {"id": "X", "title": "t", "cwe": 79}),
        lambda d: d.setdefault("findings", [{}]).__setitem__(0, {"id": "X", "title": "t", "cvss": 9.1}),
    ):
        doc = copy.deepcopy(base)
        mutate(doc)
        broken.append(doc)
    for i, doc in enumerate(broken):
        if validator.is_valid(doc):
            print(f"mutation {i}: the schema accepted a broken project")
            failures += 1

    checked = len(examples) + len(broken)
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
