"""Drives `commplan completion bash` through bash itself: COMP_WORDS and COMP_CWORD are set, the
completion function is called and COMPREPLY is compared. What should complete is read from the
CLI's own --help at test time, so new subcommands and IsMember options are covered without
listing them here. zsh and fish scripts are syntax-checked when those shells are installed.

    test_completion.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

from commplan_test import help_section, output

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
EXAMPLE = os.path.join(SOURCE, "examples", "datacentre-assessment.yaml")


def run(*args):
    return output(BINARY, *args)


def commands(path=()):
    """Every command path reachable from `path`, with its --help text."""
    text = run(*path, "--help")
    yield path, text
    for name, _ in help_section(text, "Subcommands:"):
        yield from commands(path + (name,))


class BashCompletion(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="commplan-completion-")
        os.symlink(BINARY, os.path.join(cls.tmp, "commplan"))
        cls.script = os.path.join(cls.tmp, "commplan.bash")
        with open(cls.script, "w") as f:
            f.write(run("completion", "bash"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def complete(self, *words):
        """COMPREPLY for the command line `words`, the last one being completed."""
        driver = (
            f'source "{self.script}"\n'
            'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()\n'
            "_commplan\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        env = dict(os.environ, PATH=self.tmp + os.pathsep + os.environ["PATH"])
        out = subprocess.run(
            ["bash", "--norc", "--noprofile", "-c", driver, "bash", "commplan", *words],
            capture_output=True, text=True, check=True, cwd=SOURCE, env=env,
        )
        self.assertEqual(out.stderr, "")
        return sorted(line for line in out.stdout.splitlines() if line)

    def test_registers_the_function_for_commplan(self):
        out = subprocess.run(
            ["bash", "--norc", "-c", f'source "{self.script}"; complete -p commplan'],
            capture_output=True, text=True, check=True,
        )
        self.assertEqual(out.stdout.strip(), "complete -F _commplan commplan")

    def test_completes_every_subcommand_of_every_command(self):
        checked = 0
        for path, text in commands():
            subs = sorted(name for name, _ in help_section(text, "Subcommands:"))
            if subs:
                self.assertEqual(self.complete(*path, ""), subs, path)
                checked += 1
        self.assertGreaterEqual(checked, 2)

    def test_a_command_with_subcommands_completes_its_project_too(self):
        # minutes takes PROJECT as well as its add and done: a word no subcommand begins is one.
        self.assertEqual(self.complete("minutes", "examples/datacentre-a"),
                         ["examples/datacentre-assessment.yaml"])
        self.assertEqual(self.complete("minutes", "a"), ["add"])

    def test_completes_a_subcommand_prefix(self):
        self.assertEqual(self.complete("ki"), ["kickoff"])
        self.assertEqual(self.complete("templates", "sh"), ["show"])

    def test_completes_the_options_of_each_command(self):
        for path, text in commands():
            names = set()
            for word, _ in help_section(text, "Options:"):
                names.update(word.split(","))
            if names:
                self.assertEqual(set(self.complete(*path, "-")), names, path)

    def test_completes_the_allowed_values_of_every_checked_option(self):
        checked = 0
        for path, text in commands():
            for word, rest in help_section(text, "Options:"):
                values = re.search(r":\{([^}]*)\}", word + " " + rest)
                if not values:
                    continue
                expected = sorted(values.group(1).split(","))
                for name in word.split(","):
                    self.assertEqual(self.complete(*path, name, ""), expected, (path, name))
                    checked += 1
        self.assertGreaterEqual(checked, 10)

    def test_completes_level_and_format_values_in_every_spelling(self):
        self.assertEqual(self.complete("recap", "p.yaml", "--level", ""), ["daily", "final", "phase"])
        self.assertEqual(self.complete("recap", "--level", "ph"), ["phase"])
        self.assertEqual(self.complete("plan", "--format", "i"), ["ics"])
        # bash splits --format=ics at the '=' (COMP_WORDBREAKS) ...
        self.assertEqual(self.complete("plan", "--format", "=", "i"), ["ics"])
        self.assertEqual(self.complete("plan", "--format", "="), ["eml", "html", "ics", "json", "md", "txt"])
        # ... unless '=' was removed from COMP_WORDBREAKS.
        self.assertEqual(self.complete("plan", "--format=j"), ["--format=json"])
        self.assertEqual(self.complete("--color", ""), ["always", "auto", "never"])

    def test_option_values_do_not_count_as_positionals(self):
        self.assertEqual(self.complete("--color", "never", "ki"), ["kickoff"])
        self.assertEqual(self.complete("--error-format", "=", "github", "te"), ["templates"])

    def test_completes_topic_ids_from_the_project_on_the_command_line(self):
        with open(EXAMPLE) as f:
            ids = sorted(c["id"] for c in yaml.safe_load(f)["communications"])
        self.assertGreater(len(ids), 1)
        example = os.path.relpath(EXAMPLE, SOURCE)
        self.assertEqual(self.complete("five-w2h", example, "--topic", ""), ids)
        self.assertEqual(self.complete("five-w2h", "--format", "json", example, "--topic", ""), ids)
        self.assertEqual(self.complete("five-w2h", "--topic", ""), [])
        self.assertEqual(self.complete("five-w2h", "missing.yaml", "--topic", ""), [])

    def test_completes_phase_ids_from_the_project(self):
        with open(EXAMPLE) as f:
            ids = sorted(p["id"] for p in yaml.safe_load(f)["phases"])
        example = os.path.relpath(EXAMPLE, SOURCE)
        self.assertEqual(self.complete("recap", example, "--phase", ""), ids)

    def test_completes_files_for_project_and_output(self):
        self.assertIn("examples/datacentre-assessment.yaml", self.complete("kickoff", "examples/da"))
        self.assertEqual(self.complete("kickoff", "-o", "examples/datacentre-a"),
                         ["examples/datacentre-assessment.yaml"])
        self.assertEqual(self.complete("templates", "export", "exa"), ["examples"])

    def test_completes_template_names(self):
        names = sorted(n for n in run("templates", "list").split() if n.startswith("kickoff"))
        self.assertEqual(self.complete("templates", "show", "kickoff"), names)


class OtherShells(unittest.TestCase):
    def check_syntax(self, shell, flag):
        if shutil.which(shell) is None:
            self.skipTest(f"{shell} is not installed")
        with tempfile.NamedTemporaryFile("w", suffix="." + shell) as f:
            f.write(run("completion", shell))
            f.flush()
            out = subprocess.run([shell, flag, f.name], capture_output=True, text=True)
        self.assertEqual((out.returncode, out.stderr), (0, ""))

    def test_zsh_script_parses(self):
        self.check_syntax("zsh", "-n")

    def test_fish_script_parses(self):
        self.check_syntax("fish", "--no-execute")

    def test_every_subcommand_is_in_every_script(self):
        subs = [name for name, _ in help_section(run("--help"), "Subcommands:")]
        for shell in ("bash", "zsh", "fish"):
            script = run("completion", shell)
            for name in subs:
                self.assertIn(name, script, shell)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
