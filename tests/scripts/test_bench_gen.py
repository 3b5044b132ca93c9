"""bench/gen writes projects that pass `commplan validate --strict`, in YAML and JSON, the same
bytes for the same seed, and the same project in both formats.

Run: /usr/bin/python3 tests/scripts/test_bench_gen.py BINARY SOURCE_DIR
"""
import json
import subprocess
import sys

from commplan_test import fail, report


def gen(source, *args):
    return subprocess.run(["/usr/bin/python3", f"{source}/bench/gen", *args], check=True,
                          capture_output=True, text=True).stdout


def run(binary, args, text):
    return subprocess.run([binary, *args], input=text, capture_output=True, text=True)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    cases = [["--findings", "0", "--days", "1", "--phases", "1"],
             ["--findings", "40", "--days", "30", "--phases", "4", "--seed", "2"],
             ["--findings", "300", "--days", "260", "--phases", "12", "--seed", "3"]]
    for args in cases:
        texts = {fmt: gen(source, *args, "--format", fmt) for fmt in ("yaml", "json")}
        for fmt, text in texts.items():
            checked = run(binary, ["validate", "--strict", "-"], text)
            if checked.returncode != 0:
                fail(f"{' '.join(args)} --format {fmt}: exit {checked.returncode}\n"
                     f"{checked.stdout}{checked.stderr}")
            if gen(source, *args, "--format", fmt) != text:
                fail(f"{' '.join(args)} --format {fmt}: not the same bytes twice")
        # The same project either way: commplan's JSON view of both is identical.
        day = json.loads(texts["json"])["project"]["start"]
        views = [run(binary, ["plan", "-", "--format", "json", "--date", day], text).stdout
                 for text in texts.values()]
        if not views[0] or views[0] != views[1]:
            fail(f"{' '.join(args)}: YAML and JSON give different plans")
    return report(f"{len(cases)} cases")


if __name__ == "__main__":
    sys.exit(main())
