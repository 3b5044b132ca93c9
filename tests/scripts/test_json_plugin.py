"""The JSON fast path's plugin (lib/commplan/commplan-json.so, simdjson behind a C interface):
the program loads it, and simdjson with it, only when it reads JSON, from lib/commplan beside
its own folder (a build tree) or above it (../lib/commplan; the .deb installs it in
/usr/lib/<multiarch>/commplan, which the program also knows). Checked
with the dynamic loader's own trace (LD_DEBUG=files):

- a YAML project's brief loads neither the plugin nor simdjson, nor does a small JSON one
  (under 64 KiB on lines under 4 KiB, which the program's small reader reads in less time
  than loading the plugin takes: Limits::json_fast_from);
- a JSON project's brief on one long line loads both, from the build tree's lib/commplan;
- the program copied where no plugin is found, beside a plugin file that is not a library, or
  beside a library without the plugin's function (as one of another version), gives every
  JSON brief and every JSON error byte for byte as with the plugin (libfyaml reads the JSON
  the plugin would), with the same exit code, and says nothing of the plugin.

Usage: test_json_plugin.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from commplan_test import fail, report

DATE = "2027-05-14"
PLUGIN = "commplan-json.so"


def run(binary, args, trace=False, cwd=None):
    env = {"PATH": "/usr/bin:/bin"}
    if "ASAN_OPTIONS" in os.environ:
        env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"]
    if trace:
        env["LD_DEBUG"] = "files"
    return subprocess.run([binary, *args], capture_output=True, env=env, cwd=cwd)


def loaded(done):
    """The files the dynamic loader mapped, from its LD_DEBUG=files trace on stderr (it names
    the places it only tried as well, so a file counts once its link map is made)."""
    files = set()
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        if "file=" in line and "generating link map" in line:
            files.add(line.split("file=", 1)[1].split()[0])
    return files


def one_line(source, tmp):
    """The JSON example written again on one line (over 4 KiB), which the plugin reads."""
    path = os.path.join(tmp, "one-line.json")
    with open(os.path.join(source, "examples", "penetration-test.json"), encoding="utf-8") as f:
        project = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    return path


def commands(source, tmp):
    json_project = os.path.join(source, "examples", "penetration-test.json")
    minified = one_line(source, tmp)
    # Each error twice: small, as libfyaml reads it at once, and on a line of over 4 KiB, as
    # the plugin gives it up to libfyaml.
    padding = "p" * 5000
    broken = os.path.join(tmp, "broken.json")
    with open(broken, "w", encoding="utf-8") as f:
        f.write('{"project": {"name": "x",\n  "start": "2027-05-01",,\n  "team": [}\n')
    broken_long = os.path.join(tmp, "broken-long.json")
    with open(broken_long, "w", encoding="utf-8") as f:
        f.write('{"project": {"name": "' + padding + '", "start": "2027-05-01",, "team": [}\n')
    duplicate = os.path.join(tmp, "duplicate.json")
    with open(duplicate, "w", encoding="utf-8") as f:
        f.write('{"project": {"name": "x", "name": "y"}}\n')
    duplicate_long = os.path.join(tmp, "duplicate-long.json")
    with open(duplicate_long, "w", encoding="utf-8") as f:
        f.write('{"project": {"name": "' + padding + '", "name": "y"}}\n')
    return [
        ["kickoff", minified],
        ["recap", minified, "--level", "final", "--date", DATE],
        ["plan", minified, "--format", "json", "--date", DATE],
        ["validate", minified],
        ["validate", broken_long],
        ["kickoff", broken_long],
        ["validate", duplicate_long],
        ["kickoff", json_project],
        ["validate", broken],
        ["validate", duplicate],
    ]


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    folder = os.path.dirname(binary)
    plugin = os.path.join(folder, "lib", "commplan", PLUGIN)
    if not os.path.exists(plugin):
        fail(f"no plugin at {plugin}: the build puts it beside the program")
        return report("JSON plugin")

    yaml_run = run(binary, ["kickoff", os.path.join(source, "examples",
                                                    "datacentre-assessment.yaml")], trace=True)
    for name in loaded(yaml_run):
        if PLUGIN in name or "simdjson" in name:
            fail(f"a YAML kickoff loaded {name}")
    small_run = run(binary, ["kickoff", os.path.join(source, "examples",
                                                     "penetration-test.json")], trace=True)
    for name in loaded(small_run):
        if PLUGIN in name or "simdjson" in name:
            fail(f"a kickoff of the small JSON example loaded {name}")

    with tempfile.TemporaryDirectory() as tmp:
        names = loaded(run(binary, ["kickoff", one_line(source, tmp)], trace=True))
        if os.path.realpath(plugin) not in {os.path.realpath(n) for n in names}:
            fail(f"a one-line JSON kickoff did not load {plugin}: {sorted(names)}")
        if not any("libsimdjson" in n for n in names):
            fail(f"a one-line JSON kickoff did not load simdjson: {sorted(names)}")

    with tempfile.TemporaryDirectory() as tmp:
        cases = commands(source, tmp)
        expected = [run(binary, args, cwd=tmp) for args in cases]
        if (expected[0].returncode != 0 or expected[7].returncode != 0
                or any(expected[i].returncode == 0 for i in (4, 6, 8, 9))):
            fail("the cases do not do what they are meant to (briefs, then errors)")

        alone = os.path.join(tmp, "alone", "bin")
        os.makedirs(alone)
        shutil.copy2(binary, alone)
        # Beside a second copy, a plugin file that is not a library at all.
        broken_dir = os.path.join(tmp, "broken", "bin")
        os.makedirs(os.path.join(broken_dir, "lib", "commplan"))
        shutil.copy2(binary, broken_dir)
        with open(os.path.join(broken_dir, "lib", "commplan", PLUGIN), "wb") as f:
            f.write(b"\x7fELF not a library\n")

        # Beside a third, a library that loads but has not the interface's function (as a
        # plugin of another version would be): the C library's math library.
        other_dir = os.path.join(tmp, "other", "bin")
        os.makedirs(os.path.join(other_dir, "lib", "commplan"))
        shutil.copy2(binary, other_dir)
        places = ("/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6",
                  "/lib64/libm.so.6", "/usr/lib64/libm.so.6")
        libm = next(place for place in places if os.path.exists(place))
        shutil.copy2(libm, os.path.join(other_dir, "lib", "commplan", PLUGIN))

        for where in (alone, broken_dir, other_dir):
            copy = os.path.join(where, os.path.basename(binary))
            for args, want in zip(cases, expected):
                got = run(copy, args, cwd=tmp)
                label = f"{os.path.relpath(where, tmp)}: {' '.join(args[:1])} " \
                        f"{os.path.basename(args[1])}"
                if got.returncode != want.returncode:
                    fail(f"{label}: exit {got.returncode}, with the plugin {want.returncode}")
                if got.stdout != want.stdout:
                    fail(f"{label}: standard output differs from the run with the plugin")
                if got.stderr != want.stderr:
                    fail(f"{label}: standard error differs: {got.stderr[:300]!r} against "
                         f"{want.stderr[:300]!r}")
            traced = run(copy, cases[0], trace=True, cwd=tmp)
            for name in loaded(traced):
                if "simdjson" in name:
                    fail(f"{os.path.relpath(where, tmp)}: loaded {name} with no plugin to load")

    return report("JSON plugin: loaded for JSON past its size and line length only; "
                  "without it the same pages and errors")


if __name__ == "__main__":
    sys.exit(main())
