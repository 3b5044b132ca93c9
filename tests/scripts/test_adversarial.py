#!/usr/bin/python3
"""The adversarial corpus: hostile inputs run through the built commplan, each in a fresh
process with a time limit and (without AddressSanitizer) a 1 GiB address-space limit.

For every case of tests/adversarial/cases.json and every generated case below: the exit code,
the peak resident memory when the case sets max_rss_mb (not under AddressSanitizer),
a regular expression the standard error must match, every line of standard error either a
located problem (`FILE:LINE:COL: error: ...` or `FILE: error: ...`) or a quoted source line
under one, no crash, and the -o target left exactly as it was when the run fails.

    test_adversarial.py COMMPLAN SOURCE_DIR
"""
import datetime
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading

TIME_LIMIT = 10  # seconds a run
MEMORY_LIMIT = 1 << 30  # bytes
HEADLINE = re.compile(r"^(\S.*?)(:\d+:\d+)?: (error|warning|note): \S")
PREVIOUS = b"previous content: a failed run must leave this file as it was\n"


class Runner:
    def __init__(self, binary, source, tmp):
        self.binary = binary
        self.source = pathlib.Path(source)
        self.tmp = pathlib.Path(tmp)
        self.sanitized = b"__asan_init" in pathlib.Path(binary).read_bytes()
        self.time_limit = TIME_LIMIT * (6 if self.sanitized else 1)
        self.passed = 0
        self.failures = []

    def expand(self, text):
        return (
            text.replace("{inputs}", str(self.source / "tests/adversarial/inputs"))
            .replace("{templates}", str(self.source / "tests/adversarial/templates"))
            .replace("{examples}", str(self.source / "examples"))
            .replace("{tmp}", str(self.tmp))
        )

    def limits(self):
        os.setsid()
        if not self.sanitized:  # ASan reserves terabytes of address space up front
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    def start(self, args, stdin):
        """commplan started on `args` in the temporary folder, within the limits, in this
        environment without COMMPLAN_* and GITHUB_ACTIONS, with a fixed date and no colour."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("COMMPLAN_")}
        env.update({"SOURCE_DATE_EPOCH": "1796083200", "NO_COLOR": "1", "LC_ALL": "C.UTF-8"})
        env.pop("GITHUB_ACTIONS", None)
        return subprocess.Popen(
            [self.binary] + args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, cwd=self.tmp, preexec_fn=self.limits)

    def run(self, args, stdin=b""):
        proc = self.start(args, subprocess.PIPE)
        try:
            out, err = proc.communicate(stdin, timeout=self.time_limit)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return None, b"", b""
        return proc.returncode, out, err

    def run_measured(self, args):
        """Like run (without standard input), and the peak resident memory of the process."""
        proc = self.start(args, subprocess.DEVNULL)
        streams = {proc.stdout: [], proc.stderr: []}
        readers = [threading.Thread(target=lambda f=f: streams[f].append(f.read()))
                   for f in streams]
        for reader in readers:
            reader.start()
        killed = []
        def kill():
            killed.append(True)
            os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(self.time_limit, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        for reader in readers:
            reader.join()
        if killed:
            return None, b"", b"", 0
        out, err = (b"".join(streams[f]) for f in (proc.stdout, proc.stderr))
        return proc.returncode, out, err, usage.ru_maxrss * 1024

    def check(self, case):
        name = case["name"]
        if case.get("unsanitized") and self.sanitized:  # needs the address-space limit
            print(f"skipped under the sanitizers: {name}")
            return
        args = [self.expand(a) for a in case["args"]]
        output = self.expand(case["output"]) if "output" in case else None
        before = self.prepare(case.get("prepare", "file"), output) if output else None
        stdin = self.expand(case.get("stdin", "")).encode()
        if "stdin_file" in case:
            stdin = pathlib.Path(self.expand(case["stdin_file"])).read_bytes()
        if "max_rss_mb" in case:
            code, out, err, rss = self.run_measured(args)
        else:
            (code, out, err), rss = self.run(args, stdin), 0
        problems = self.problems(case, code, err)
        limit = case.get("max_rss_mb", 0) << 20
        if limit and not self.sanitized and rss > limit:
            problems.append(f"peak memory {rss >> 20} MiB, over {case['max_rss_mb']} MiB")
        if code == case["exit"]:
            problems += contents(case, out, output)
        if output and code != 0 and self.snapshot(output) != before:
            problems.append(f"the -o target {output} changed")
        self.report(name, problems, err)

    def problems(self, case, code, err):
        problems = []
        if code is None:
            return [f"still running after {self.time_limit} s"]
        if code < 0:
            return [f"killed by signal {-code}"]
        if code != case["exit"]:
            problems.append(f"exit {code}, expected {case['exit']}")
        text = err.decode("utf-8", "replace")
        pattern = self.expand(case.get("stderr", ""))
        if pattern and not re.search(pattern, text, re.M):
            problems.append(f"stderr does not match {pattern!r}")
        problems += well_formed(text)
        return problems

    def prepare(self, kind, output):
        path = pathlib.Path(output)
        if kind == "file" and str(path.parent).startswith(str(self.tmp)):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(PREVIOUS)
        elif kind == "dir":
            path.mkdir(parents=True, exist_ok=True)
            (path / "inside.txt").write_bytes(PREVIOUS)
        elif kind == "under-file":
            path.parent.write_bytes(PREVIOUS)
        return self.snapshot(output)

    def snapshot(self, output):
        """The target's content, and the names beside it, so a stray temporary file shows."""
        path = pathlib.Path(output)
        ours = path.parent.is_dir() and str(path.parent).startswith(str(self.tmp))
        state = {"beside": sorted(os.listdir(path.parent)) if ours else None}
        if path.is_dir():
            state["target"] = sorted((c.name, c.read_bytes()) for c in path.iterdir())
        else:
            state["target"] = path.read_bytes() if path.is_file() else path.exists()
        return state

    def report(self, name, problems, err):
        if problems:
            tail = err.decode("utf-8", "replace").strip().splitlines()[-5:]
            self.failures.append(name)
            print(f"FAIL {name}: " + "; ".join(problems))
            for line in tail:
                print(f"    | {line}")
        else:
            self.passed += 1


def contents(case, out, output):
    """The texts that must come out unchanged, on standard output or in the -o file."""
    written = pathlib.Path(output).read_bytes() if output and pathlib.Path(output).is_file() else b""
    return [f"output lacks {needle!r}" for needle in case.get("output_contains", [])
            if needle.encode() not in out + written]


def well_formed(text):
    """Each problem on one located line; only quoted source lines and carets between them."""
    problems = []
    for line in text.splitlines():
        if HEADLINE.match(line) or line.startswith(" "):
            continue
        problems.append(f"stderr line not a located problem: {line[:120]!r}")
        break
    if "terminate called" in text or "Aborted" in text or "what():" in text:
        problems.append("an uncaught exception")
    return problems


# Generated inputs: too large or too repetitive to keep in the repository.

def generate(tmp, source):
    base = (source / "tests/adversarial/inputs/minimal.yaml").read_text()
    files = {
        "deep-flow.yaml": "[" * 10000 + "]" * 10000 + "\n",
        "deep-block.yaml": "- " * 10000 + "x\n",
        "deep-mapping.yaml": "".join(" " * i + "a:\n" for i in range(2000)),
        "deep.json": '{"a":' * 10000 + "1" + "}" * 10000,
        "deep-data.json": "[" * 10000 + "]" * 10000,
        "wide.json": "[" + ",".join(["0"] * 1_000_000) + "]",
    }
    for name, text in files.items():
        (tmp / name).write_text(text)
    with open(tmp / "string-100mb.yaml", "w") as f:
        f.write(base + "  summary: ")
        f.write("x" * (100 << 20))
        f.write("\n")
    with open(tmp / "string-120mb-escaped.json", "w") as f:  # unescaped, so copied: see GENERATED
        f.write('{"x": "T\\n')
        f.write("x" * (120 << 20))
        f.write('"}')
    with open(tmp / "over-the-size-limit.yaml", "w") as f:
        f.write(base + "# ")
        f.write("x" * ((128 << 20) + 1))
        f.write("\n")
    ids = ["".join(chr(97 + (i * 7 + j * j) % 26) for j in range(2000)) for i in range(300)]
    with open(tmp / "unknown-phases.yaml", "w") as f:
        f.write(base + "phases:\n")
        f.writelines(f"  - {{id: {i}, start: 2026-12-07, end: 2026-12-08}}\n" for i in ids)
        f.write("findings:\n")
        f.writelines(f"  - {{id: f{n}, title: t, phase: {'k' * 2000}{n}}}\n" for n in range(20))
    with open(tmp / "many-findings.yaml", "w") as f:
        f.write(base + "findings:\n")
        f.writelines(f'  - {{id: f{n}, title: "finding {n}", severity: high}}\n'
                     for n in range(20000))
    minified_findings(tmp)
    decade(tmp)
    deep = "{{#a}}" * 300 + "x" + "{{/a}}" * 300
    (tmp / "deep-sections.mustache").write_text(deep)


def decade(tmp):
    """Ten years of two-day phases (1,560 phase recaps) and 5,000 findings: validate builds
    every recap on one plan, not a plan per phase."""
    start = datetime.date(2020, 1, 6)  # a Monday
    end = start + datetime.timedelta(days=3639)
    day = lambda n: start + datetime.timedelta(days=n)
    with open(tmp / "decade.yaml", "w") as f:
        f.write(f"commplan: 1\nproject: {{name: Decade, client: Northwind, start: {start}, "
                f"end: {end}}}\nphases:\n")
        for week in range(0, 3640, 7):
            for first, last in ((0, 1), (2, 3), (4, 6)):
                f.write(f"  - {{id: p{week + first}, start: {day(week + first)}, "
                        f"end: {day(week + last)}}}\n")
        f.write("findings:\n")
        f.writelines(f"  - {{id: f{n}, title: t, severity: high, found: {day(n * 7 % 3640)}}}\n"
                     for n in range(5000))


def minified_findings(tmp):
    """10,000 findings on one line of JSON (4 MB), each naming a standard the file lacks."""
    project = {"commplan": 1, "project": {"name": "Harbour audit", "client": "Northwind",
                                          "start": "2026-12-07", "end": "2026-12-11"},
               "standards": [{"id": "GB 50174-2017", "title": "Data centre design"}],
               "findings": [{"id": f"F-{n:05d}", "title": f"finding {n} " + "x" * 300,
                             "severity": "high", "standard": f"ISO 9{n:04d}"}
                            for n in range(10000)]}
    (tmp / "minified-warnings.json").write_text(json.dumps(project, separators=(",", ":")))


GENERATED = [
    {"name": "10,000 nested flow sequences", "args": ["validate", "{tmp}/deep-flow.yaml"],
     "exit": 1, "stderr": r"deep-flow\.yaml:1:65: error: nested more than 64 levels deep"},
    {"name": "10,000 nested block sequences", "args": ["validate", "{tmp}/deep-block.yaml"],
     "exit": 1, "stderr": r"deep-block\.yaml:1:\d+: error: nested more than 64 levels deep"},
    {"name": "2,000 nested block mappings", "args": ["validate", "{tmp}/deep-mapping.yaml"],
     "exit": 1, "stderr": r"deep-mapping\.yaml:\d+:\d+: error: nested more than 64 levels"},
    {"name": "10,000 nested JSON objects", "args": ["validate", "{tmp}/deep.json"],
     "exit": 1, "stderr": r"deep\.json:1:\d+: error: nested more than 64 levels deep"},
    {"name": "10,000 nested arrays as render data",
     "args": ["render", "{templates}/rtl.mustache", "--data", "{tmp}/deep-data.json",
              "-o", "{tmp}/out.md"], "output": "{tmp}/out.md",
     "exit": 1, "stderr": r"deep-data\.json:1:65: error: nested more than 64 levels deep"},
    {"name": "20,000 findings: final recap",
     "args": ["recap", "{tmp}/many-findings.yaml", "--level", "final", "--date", "2026-12-11",
              "-o", "{tmp}/out.md"], "output": "{tmp}/out.md", "exit": 0,
     "output_contains": ["f19999"]},
    {"name": "10,000 warnings on one 4 MB line of JSON: final recap",
     "args": ["recap", "{tmp}/minified-warnings.json", "--level", "final", "--date", "2026-12-11",
              "-o", "{tmp}/out.md"], "output": "{tmp}/out.md", "exit": 0, "max_rss_mb": 100,
     "stderr": r"^ … and 9,980 more warnings like this; `--all-diagnostics` shows them$",
     "output_contains": ["F-09999"]},
    {"name": "1,560 phases over ten years and 5,000 findings: validate",
     "args": ["validate", "{tmp}/decade.yaml"], "exit": 0},
    {"name": "a million numbers as render data",
     "args": ["render", "{templates}/rtl.mustache", "--data", "{tmp}/wide.json"], "exit": 0},
    {"name": "300 nested sections in a template",
     "args": ["render", "{tmp}/deep-sections.mustache", "-o", "{tmp}/out.md"],
     "output": "{tmp}/out.md", "exit": 1,
     "stderr": r"deep-sections\.mustache:1:\d+: error: .*nested"},
    {"name": "a 100 MB text in a project", "args": ["kickoff", "{tmp}/string-100mb.yaml",
                                                   "-o", "{tmp}/kickoff.md"],
     "exit": 0, "stderr": r"warning"},
    {"name": "20 unknown phases of 2,000 characters among 300 such ids",
     "args": ["validate", "{tmp}/unknown-phases.yaml"], "exit": 1,
     "stderr": r"unknown-phases\.yaml:\d+:\d+: error: findings\[19\]\.phase: no phase has the id"},
    # Within the limits, but a text of 120 MB that holds an escape is copied as it is read and
    # again as render data: past 1 GiB. Running out of memory is an I/O error (exit 3), said in
    # one line, with -o's file as it was (it aborted on an uncaught std::bad_alloc).
    {"name": "a 120 MB text with an escape as render data, out of memory",
     "args": ["render", "{templates}/rtl.mustache", "--data", "{tmp}/string-120mb-escaped.json",
              "-o", "{tmp}/out.md"], "output": "{tmp}/out.md", "exit": 3, "unsanitized": True,
     "stderr": r"^commplan: error: out of memory"},
    {"name": "a file over the size limit",
     "args": ["validate", "{tmp}/over-the-size-limit.yaml"], "exit": 1,
     "stderr": r"over-the-size-limit\.yaml: error: file is larger than 128 MiB \(the limit\)"},
    {"name": "a file over the size limit on standard input",
     "args": ["validate", "-"], "stdin_file": "{tmp}/over-the-size-limit.yaml", "exit": 1,
     "stderr": r"^<stdin>: error: file is larger than 128 MiB \(the limit\)"},
]


def special_outputs(runner):
    """-o naming a device, a pipe or a symbolic link: written through, never replaced."""
    tmp, project = runner.tmp, str(runner.source / "tests/adversarial/inputs/minimal.yaml")
    checks = []
    try:  # device nodes of our own (root only), so a regression cannot replace /dev/null
        os.mknod(tmp / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        os.mknod(tmp / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        checks += [("-o names a null device", "null", 0, ""),
                   ("-o names a full device", "full", 3, r"full: error: cannot write: No space")]
    except PermissionError:
        print("skipped the device cases: creating device nodes needs root")
    for name, target, exit_code, pattern in checks:
        code, _, err = runner.run(["kickoff", project, "-o", str(tmp / target)])
        problems = [] if code == exit_code else [f"exit {code}, expected {exit_code}"]
        if pattern and not re.search(pattern, err.decode()):
            problems.append(f"stderr does not match {pattern!r}")
        if not stat.S_ISCHR(os.lstat(tmp / target).st_mode):
            problems.append("the device was replaced")
        runner.report(name, problems, err)
    fifo(runner, project)
    symlink(runner, project)
    # /dev/stdout as it is made (a link to /proc/self/fd/1), but our own: a regression that
    # replaced it would replace this link, not the machine's /dev/stdout.
    stdout = tmp / "stdout"
    os.symlink("/proc/self/fd/1", stdout)
    code, out, err = runner.run(["kickoff", project, "-o", str(stdout)])
    problems = [] if code == 0 and b"# " in out else [f"exit {code}, output {out[:40]!r}"]
    if not os.path.islink(stdout):
        problems.append("the link to standard output was replaced")
    runner.report("-o a link to /proc/self/fd/1, as /dev/stdout is", problems, err)


def fifo(runner, project):
    path = runner.tmp / "fifo"
    os.mkfifo(path)
    received = []
    reader = threading.Thread(target=lambda: received.append(path.read_bytes()), daemon=True)
    reader.start()
    code, _, err = runner.run(["kickoff", project, "-o", str(path)])
    if code != 0:  # the reader waits for a writer that never came
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(runner.time_limit)
    problems = [] if code == 0 else [f"exit {code}"]
    if not received or b"# " not in received[0]:
        problems.append("nothing came through the pipe")
    if not stat.S_ISFIFO(os.lstat(path).st_mode):
        problems.append("the pipe was replaced")
    runner.report("-o names a pipe", problems, err)


def symlink(runner, project):
    target = runner.tmp / "elsewhere" / "kickoff.md"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    link = runner.tmp / "link.md"
    link.symlink_to(target)
    code, _, err = runner.run(["kickoff", project, "-o", str(link)])
    problems = [] if code == 0 else [f"exit {code}"]
    if not link.is_symlink():
        problems.append("the link was replaced by a file")
    if not target.read_bytes().startswith(b"# "):
        problems.append("the file the link names was not written")
    runner.report("-o names a symbolic link", problems, err)


def truncations(runner, source):
    """An example cut at every line end and at every structural character of its first
    4 KiB, validated in batches: each is valid or gets located errors, none crashes."""
    checked = 0
    for example in ["datacentre-assessment.yaml", "penetration-test.json"]:
        text = (source / "examples" / example).read_bytes()
        cuts = {i + 1 for i, c in enumerate(text) if c == 10}
        cuts |= {i for i, c in enumerate(text[:4096]) if chr(c) in ':-[]{},"\'&*#|> '}
        cuts |= {i + 1 for i, c in enumerate(text[:4096]) if chr(c) in ':-[]{},"'}
        cuts = sorted(c for c in cuts if 0 < c < len(text))
        folder = runner.tmp / ("cut-" + example)
        folder.mkdir()
        suffix = pathlib.Path(example).suffix
        files = []
        for cut in cuts:
            path = folder / f"{cut:06d}{suffix}"
            path.write_bytes(text[:cut])
            files.append(str(path))
        for i in range(0, len(files), 200):
            batch = files[i:i + 200]
            code, _, err = runner.run(["validate"] + batch)
            problems = []
            if code is None or code < 0 or code not in (0, 1):
                problems.append(f"exit {code}")
            problems += well_formed(err.decode("utf-8", "replace"))
            if suffix == ".json":
                named = set(re.findall(r"^(\S+\.json)(?::\d+:\d+)?: error:", err.decode(), re.M))
                missing = [f for f in batch if f not in named]
                if missing:
                    problems.append(f"truncated JSON without an error: {missing[0]}")
            runner.report(f"{example} cut at {len(batch)} places from byte "
                          f"{pathlib.Path(batch[0]).stem.lstrip('0')}", problems, err)
            checked += len(batch)
    return checked


def main():
    # Absolute: every run starts in a temporary folder.
    binary, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
    cases = json.loads((source / "tests/adversarial/cases.json").read_text())["cases"]
    with tempfile.TemporaryDirectory(prefix="commplan-adversarial-") as tmp:
        runner = Runner(binary, source, tmp)
        generate(runner.tmp, source)
        for case in cases + GENERATED:
            runner.check(case)
            for leftover in ["out.md", "kickoff.md"]:
                (runner.tmp / leftover).unlink(missing_ok=True)
        special_outputs(runner)
        cut = truncations(runner, source)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        if peak > MEMORY_LIMIT and not runner.sanitized:
            runner.report("memory", [f"a run took {peak >> 20} MiB"], b"")
        shutil.rmtree(runner.tmp, ignore_errors=True)
    print(f"{runner.passed} passed, {len(runner.failures)} failed "
          f"({len(cases) + len(GENERATED)} cases, {cut} truncated files, "
          f"peak {peak >> 20} MiB)")
    return 1 if runner.failures else 0


if __name__ == "__main__":
    sys.exit(main())
