"""bench/gen writes projects that pass `commplan validate --strict`, in YAML and JSON, the same
bytes for the same seed, and the same project in both formats; `--people K` puts K people in
each team, unique by name, and changes nothing else.

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
             ["--findings", "300", "--days", "260", "--phases", "12", "--seed", "3"],
             ["--findings", "20", "--days", "10", "--phases", "3", "--people", "250"]]
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
    check_people(source)
    return report(f"{len(cases)} cases and --people")


def check_people(source):
    """K people in each team, unique names; the rest of the project as without --people."""
    base = ["--findings", "20", "--days", "10", "--phases", "3", "--format", "json"]
    four, many = (json.loads(gen(source, *base, *extra)) for extra in ([], ["--people", "250"]))
    for team in ("team", "client_team"):
        names = [m["name"] for m in many[team]]
        if len(names) != 250 or len(set(names)) != 250:
            fail(f"--people 250: {team} has {len(names)} people, {len(set(names))} names")
        if len(four[team]) != 4 or many[team][:4] != four[team]:
            fail(f"--people 250: the first four of {team} differ from the default ones")
    if len({m["name"] for m in many["team"]} & {m["name"] for m in many["client_team"]}):
        fail("--people 250: a name is in both teams")
    rest = {k: v for k, v in four.items() if k not in ("team", "client_team")}
    if rest != {k: v for k, v in many.items() if k not in ("team", "client_team")}:
        fail("--people 250 changed more than the teams")
    if subprocess.run(["/usr/bin/python3", f"{source}/bench/gen", "--people", "3"],
                      capture_output=True).returncode != 2:
        fail("--people 3 is accepted")


if __name__ == "__main__":
    sys.exit(main())
