"""Colour in diagnostics depends on the real standard error: a terminal gets gcc's colours
unless NO_COLOR is set or --color never is given; a pipe gets none unless --color always.
Runs the binary with standard error on a pseudo-terminal.

    test_diagnostics_tty.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import pty
import subprocess
import sys
import tempfile
import unittest

BINARY = os.path.abspath(sys.argv[1])
BROKEN = "commplan: 1\nproject: {name: A, client: B, start: 2026-12-07, end: 2026-12-03}\n"
RED_ERROR = "\x1b[1;31merror:\x1b[0m"


def stderr_on_terminal(args, env):
    """What the binary writes to a pseudo-terminal standard error, and its exit code."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([BINARY, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=terminal, env=env)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return proc.wait(), b"".join(chunks).decode()


class TerminalColour(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.project = os.path.join(cls.tmp.name, "broken.yaml")
        with open(cls.project, "w") as f:
            f.write(BROKEN)
        cls.env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_tty(self, *args, **env):
        return stderr_on_terminal(["validate", self.project] if not args else args,
                                  dict(self.env, **env))

    def test_terminal_gets_colour(self):
        code, err = self.run_tty()
        self.assertEqual(code, 1)
        self.assertIn(RED_ERROR, err)
        self.assertIn(f"\x1b[1m{self.project}:2:", err)

    def test_no_color_turns_it_off_whatever_its_value(self):
        for value in ("1", "0", ""):
            code, err = self.run_tty(NO_COLOR=value)
            self.assertEqual(code, 1)
            self.assertNotIn("\x1b[", err)
            self.assertIn(f"{self.project}:2:", err)

    def test_color_never_turns_it_off(self):
        _, err = self.run_tty("--color", "never", "validate", self.project)
        self.assertNotIn("\x1b[", err)

    def test_color_always_beats_no_color(self):
        _, err = self.run_tty("--color", "always", "validate", self.project, NO_COLOR="1")
        self.assertIn(RED_ERROR, err)

    def test_github_actions_gets_annotations_not_colour(self):
        _, err = self.run_tty(GITHUB_ACTIONS="true")
        self.assertTrue(err.startswith(f"::error file={self.project},line=2,col="), err)
        self.assertNotIn("\x1b[", err)

    def test_pipe_gets_no_colour(self):
        out = subprocess.run([BINARY, "validate", self.project], capture_output=True, text=True,
                             env=self.env)
        self.assertEqual(out.returncode, 1)
        self.assertNotIn("\x1b[", out.stderr)
        out = subprocess.run([BINARY, "--color", "always", "validate", self.project],
                             capture_output=True, text=True, env=self.env)
        self.assertIn(RED_ERROR, out.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
