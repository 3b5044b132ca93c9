"""`commplan man` is valid man(7) roff: groff formats it without a warning, man-db renders it,
and the rendered page names every subcommand of `commplan --help`.

    test_man_page.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from commplan_test import help_section, output

BINARY = os.path.abspath(sys.argv[1])


def subcommands():
    return [name for name, _ in help_section(output(BINARY, "--help"), "Subcommands:")]


class ManPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.roff = output(BINARY, "man")

    def test_groff_formats_it_without_warnings(self):
        if shutil.which("groff") is None:
            self.skipTest("groff is not installed (Debian: groff-base)")
        out = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=self.roff,
                             capture_output=True, text=True)
        self.assertEqual((out.returncode, out.stderr), (0, ""))

    def test_man_renders_every_subcommand(self):
        if shutil.which("man") is None:
            self.skipTest("man is not installed (Debian: man-db)")
        with tempfile.NamedTemporaryFile("w", suffix=".1") as f:
            f.write(self.roff)
            f.flush()
            env = dict(os.environ, MANWIDTH="100", MAN_KEEP_FORMATTING="", LC_ALL="C.UTF-8")
            out = subprocess.run(["man", "-l", f.name], capture_output=True, text=True, env=env)
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout
        self.assertIn("COMMPLAN(1)", text)
        for name in subcommands():
            self.assertIn(f"commplan {name}", text)
        for heading in ("SYNOPSIS", "GLOBAL OPTIONS", "ENVIRONMENT", "EXIT STATUS", "FILES",
                        "EXAMPLES"):
            self.assertIn("\n" + heading + "\n", text)

    def test_writes_the_same_page_with_output(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "commplan.1")
            output(BINARY, "man", "-o", path)
            with open(path) as f:
                self.assertEqual(f.read(), self.roff)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
