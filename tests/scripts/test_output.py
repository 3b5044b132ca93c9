#!/usr/bin/python3
"""Where results go, through the built binary: standard output that cannot be written
(/dev/full, closed, a pipe nobody reads), `-o` through links, over files the user cannot
write, with long names or naming an input, `-` as standard output for every command, empty
option values, `templates export` over a dangling link, `--check`'s diff of control
characters, and SOURCE_DATE_EPOCH out of the calendar.

    test_output.py COMMPLAN SOURCE_DIR
"""
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile

from commplan_test import fail, report

ENV = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1796083200", "LC_ALL": "C.UTF-8"}
PREVIOUS = b"previous content\n"


class Cli:
    def __init__(self, binary, source, tmp):
        self.binary, self.source, self.tmp = binary, source, tmp
        self.project = tmp / "p.yaml"
        shutil.copy(source / "tests/adversarial/inputs/minimal.yaml", self.project)

    def run(self, *args, env=None, **kwargs):
        options = {"capture_output": True} if not {"stdout", "stderr"} & kwargs.keys() else {}
        return subprocess.run([self.binary, *map(str, args)], env=env or ENV, cwd=self.tmp,
                              **options, **kwargs)

    def expect(self, name, done, code, stderr=None):
        err = (done.stderr or b"").decode("utf-8", "replace")
        if done.returncode != code:
            fail(f"{name}: exit {done.returncode}, expected {code}: {err.strip()[:300]}")
        elif stderr is not None and stderr not in err:
            fail(f"{name}: stderr lacks {stderr!r}: {err.strip()[:300]}")


def standard_output(cli):
    """Every failed write to standard output is exit 3 with the system's reason."""
    no_space = "error: cannot write standard output: No space left on device"
    with open("/dev/full", "wb") as full:
        for args in [("plan", cli.project), ("schema",), ("validate", cli.project),
                     ("templates", "list"), ("--help",), ("kickoff", cli.project, "-o", "-")]:
            cli.expect(f"{' '.join(map(str, args))} > /dev/full",
                       cli.run(*args, stdout=full, stderr=subprocess.PIPE), 3, no_space)
    closed = cli.run("plan", cli.project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                     preexec_fn=lambda: os.close(1))
    cli.expect("plan >&-", closed, 3, "error: cannot write standard output: Bad file descriptor")
    for ignored in (True, False):
        read, write = os.pipe()
        os.close(read)
        action = signal.SIG_IGN if ignored else signal.SIG_DFL
        done = cli.run("plan", cli.project, stdout=write, stderr=subprocess.PIPE,
                       restore_signals=False, preexec_fn=lambda: signal.signal(signal.SIGPIPE,
                                                                               action))
        os.close(write)
        if ignored:
            cli.expect("plan into a closed pipe, SIGPIPE ignored", done, 3,
                       "error: cannot write standard output: Broken pipe")
        elif done.returncode != -signal.SIGPIPE:  # as any Unix filter ends
            fail(f"plan into a closed pipe: exit {done.returncode}, expected SIGPIPE")


def links(cli):
    tmp = cli.tmp
    (tmp / "elsewhere").mkdir()
    dangling = tmp / "dangling.md"
    dangling.symlink_to("elsewhere/new.md")
    cli.expect("-o a dangling link", cli.run("kickoff", cli.project, "-o", dangling), 0)
    if not dangling.is_symlink() or not (tmp / "elsewhere/new.md").read_bytes().startswith(b"# "):
        fail("-o a dangling link: the link was replaced, or its target not written")
    chain = tmp / "chain.md"
    chain.symlink_to("dangling-2.md")
    (tmp / "dangling-2.md").symlink_to(tmp / "elsewhere/chained.md")
    cli.expect("-o a chain of links", cli.run("kickoff", cli.project, "-o", chain), 0)
    if not chain.is_symlink() or not (tmp / "elsewhere/chained.md").is_file():
        fail("-o a chain of links: the end of the chain was not written")
    missing = tmp / "into-missing.md"
    missing.symlink_to("no-such-folder/out.md")
    cli.expect("-o a link into a missing folder",
               cli.run("kickoff", cli.project, "-o", missing), 3, "error: cannot write")
    if os.readlink(missing) != "no-such-folder/out.md" or (tmp / "no-such-folder").exists():
        fail("-o a link into a missing folder: the link changed or the folder was made")
    loop = tmp / "loop.md"
    loop.symlink_to("loop.md")
    cli.expect("-o a link to itself", cli.run("kickoff", cli.project, "-o", loop), 3,
               "error: cannot write")
    if os.readlink(loop) != "loop.md":
        fail("-o a link to itself: the link changed")


def unwritable(cli):
    """A file the user may not write stays as it is, though its folder is writable."""
    folder = cli.tmp / "shared"
    folder.mkdir()
    project = folder / "p.yaml"
    shutil.copy(cli.project, project)
    target = folder / "read-only.md"
    target.write_bytes(PREVIOUS)
    target.chmod(0o444)
    command = [cli.binary, "kickoff", str(project), "-o", str(target)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            print("skipped the unwritable-file case: root without setpriv")
            return
        cli.tmp.chmod(0o755)
        folder.chmod(0o777)
        project.chmod(0o644)
        command = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
        probe = subprocess.run(command[:4] + [cli.binary, "--version"], capture_output=True)
        if probe.returncode != 0:
            print("skipped the unwritable-file case: user nobody cannot run", cli.binary)
            return
    done = subprocess.run(command, capture_output=True, env=ENV, cwd=folder)
    cli.expect("-o a file the user cannot write", done, 3, "Permission denied")
    if target.read_bytes() != PREVIOUS or sorted(os.listdir(folder)) != ["p.yaml",
                                                                         "read-only.md"]:
        fail("-o a file the user cannot write: it changed, or a file was left beside it")


def names(cli):
    long_name = cli.tmp / ("n" * 250 + ".md")  # 253 characters: NAME_MAX is 255
    cli.expect("-o a 253-character name", cli.run("kickoff", cli.project, "-o", long_name), 0)
    if not long_name.is_file():
        fail("-o a 253-character name: not written")
    for args, what in [(("kickoff", cli.project), "-o"), (("kickoff", cli.project, "--check"),
                                                         "--check"),
                       (("recap", cli.project, "--level", "daily", "--date"), "--date"),
                       (("init", "--date"), "init --date"), (("schema", "-o"), "schema -o"),
                       (("render", "kickoff.en.md", "-o"), "render -o")]:
        flag = ["-o"] if what == "-o" else []
        cli.expect(f"{what} ''", cli.run(*args, *flag, ""), 2, "empty")
    before = sorted(os.listdir(cli.tmp))
    for args in [("schema",), ("man",), ("completion", "bash"), ("init",),
                 ("render", "kickoff.en.md"), ("kickoff", cli.project),
                 ("five-w2h",), ("templates", "show", "kickoff.en.md")]:
        done = cli.run(*args, "-o", "-") if args[0] != "templates" else cli.run(*args)
        cli.expect(f"{args[0]} -o -", done, 0)
        if not done.stdout:
            fail(f"{args[0]} -o -: nothing on standard output")
    if sorted(os.listdir(cli.tmp)) != before:
        fail(f"-o - made a file: {set(os.listdir(cli.tmp)) - set(before)}")


def inputs(cli):
    """-o naming a file the command reads is a usage error, and the file stays."""
    tmp = cli.tmp
    (tmp / "logs").mkdir()
    log = tmp / "logs/a.yaml"
    log.write_text("log:\n  - {date: 2026-12-08, text: arrived}\n")
    project = tmp / "with-logs.yaml"
    project.write_text(cli.project.read_text() + "log_dir: logs\n")
    template = tmp / "t.mustache"
    template.write_text("{{project.name}}\n")
    data = tmp / "data.yaml"
    data.write_text("project: {name: x}\n")
    (tmp / "link-to-project.yaml").symlink_to(project)
    os.link(project, tmp / "hard-link.yaml")
    cases = [
        ("the project", ("kickoff", project, "-o", project)),
        ("the project through a link", ("plan", project, "-o", tmp / "link-to-project.yaml")),
        ("a hard link to the project", ("plan", project, "-o", tmp / "hard-link.yaml")),
        ("a log file", ("recap", project, "--level", "final", "-o", log)),
        ("the template", ("kickoff", project, "--template", template, "-o", template)),
        ("render's template", ("render", template, "--data", data, "-o", template)),
        ("render's data", ("render", template, "--data", data, "-o", data)),
        ("five-w2h's project", ("five-w2h", project, "-o", project)),
    ]
    for name, args in cases:
        files = [project, log, template, data]
        before = [f.read_bytes() for f in files]
        cli.expect(f"-o names {name}", cli.run(*args), 2, "-o names an input of this command")
        if [f.read_bytes() for f in files] != before:
            fail(f"-o names {name}: an input changed")
    # The project read from the standard input, which is the file -o names.
    before = project.read_bytes()
    with open(project, "rb") as stdin:
        done = cli.run("plan", "-", "-o", project, stdin=stdin)
    cli.expect("-o names the file on the standard input", done, 2,
               "-o names an input of this command (the standard input)")
    if project.read_bytes() != before:
        fail("-o names the file on the standard input: the project changed")


def export(cli):
    folder = cli.tmp / "exported"
    folder.mkdir()
    link = folder / "kickoff.en.md.mustache"
    link.symlink_to("nowhere.mustache")
    done = cli.run("templates", "export", folder, "kickoff.en.md")
    cli.expect("templates export over a dangling link", done, 3, "already exists")
    if not link.is_symlink() or (folder / "nowhere.mustache").exists():
        fail("templates export over a dangling link: the link or its target was written")
    init_link = cli.tmp / "init-link.yaml"
    init_link.symlink_to("nowhere.yaml")
    cli.expect("init -o over a dangling link", cli.run("init", "-o", init_link), 2,
               "already exists")
    if (cli.tmp / "nowhere.yaml").exists():
        fail("init -o over a dangling link: wrote the link's target without --force")


def check_diff(cli):
    committed = cli.tmp / "committed.md"
    committed.write_bytes(b"# \x1b[2Jcleared\r\x07\n")
    done = cli.run("kickoff", cli.project, "--check", committed)
    cli.expect("--check against escape sequences", done, 4, "-# \\x1B[2Jcleared\\r\\x07")
    if b"\x1b" in done.stderr or b"\x07" in done.stderr:
        fail("--check against escape sequences: a control character reached the terminal")


def epochs(cli):
    for value in ["253402300800", "-62135596801", "99999999999999"]:
        env = dict(ENV, SOURCE_DATE_EPOCH=value)
        cli.expect(f"SOURCE_DATE_EPOCH={value}", cli.run("init", env=env), 2,
                   "SOURCE_DATE_EPOCH: error: ")
    env = dict(ENV, SOURCE_DATE_EPOCH="-62135596800")
    cli.expect("SOURCE_DATE_EPOCH of 0001-01-01, --date yesterday",
               cli.run("recap", cli.project, "--level", "daily", "--date", "yesterday",
                       env=env), 2, "--date: error: ")


def main():
    binary, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
    checks = [standard_output, links, unwritable, names, inputs, export, check_diff, epochs]
    for check in checks:
        with tempfile.TemporaryDirectory(prefix="commplan-output-") as tmp:
            check(Cli(binary, source, pathlib.Path(tmp)))
    return report(f"{len(checks)} groups of output checks")


if __name__ == "__main__":
    sys.exit(main())
