"""The CI recipes parse as YAML and have the structure their CI reads: GitHub workflows (on, jobs,
steps), GitLab CI (stages, jobs with rules), pre-commit hooks (id, entry, language). The
commplan commands they run are run here too, on an example project.

    test_ci_examples.py COMMPLAN_BINARY SOURCE_DIR
"""

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
CI = os.path.join(SOURCE, "examples", "ci")
EXAMPLE = os.path.join(SOURCE, "examples", "datacentre-assessment.yaml")
GITLAB_RESERVED = {"stages", "default", "variables", "include", "workflow", "image", "services",
                   "before_script", "after_script", "cache"}


def load(path):
    with open(path) as f:
        return yaml.safe_load(f)


def github_workflows():
    return sorted(glob.glob(os.path.join(CI, "github", "*.yml")))


def cron_ok(expression):
    fields = expression.split()
    return len(fields) == 5 and all(re.fullmatch(r"[0-9*,/-]+", f) for f in fields)


class EveryFile(unittest.TestCase):
    def test_every_yaml_file_parses(self):
        files = glob.glob(os.path.join(CI, "**", "*.y*ml"), recursive=True)
        files += glob.glob(os.path.join(CI, "**", ".*.y*ml"), recursive=True)
        files.append(os.path.join(SOURCE, ".pre-commit-hooks.yaml"))
        self.assertGreaterEqual(len(files), 4)
        for path in files:
            self.assertIsNotNone(load(path), path)


class GithubActions(unittest.TestCase):
    def test_workflows_have_triggers_and_jobs_with_steps(self):
        self.assertEqual([os.path.basename(p) for p in github_workflows()],
                         ["check.yml", "daily-recap.yml"])
        for path in github_workflows():
            workflow = load(path)
            # PyYAML reads the key `on` as YAML 1.1's boolean true.
            triggers = workflow.get("on", workflow.get(True))
            self.assertIsInstance(triggers, dict, path)
            self.assertIsInstance(workflow["name"], str)
            for name, job in workflow["jobs"].items():
                self.assertIn("runs-on", job, name)
                self.assertTrue(job["steps"], name)
                for step in job["steps"]:
                    self.assertTrue(("run" in step) != ("uses" in step), step)

    def test_daily_recap_runs_on_workdays_and_commits_the_recap(self):
        workflow = load(os.path.join(CI, "github", "daily-recap.yml"))
        triggers = workflow.get("on", workflow.get(True))
        crons = [entry["cron"] for entry in triggers["schedule"]]
        self.assertEqual(crons, ["30 9 * * 1-5"])
        self.assertTrue(all(cron_ok(c) for c in crons))
        self.assertEqual(workflow["permissions"]["contents"], "write")
        script = "\n".join(s.get("run", "") for s in workflow["jobs"]["recap"]["steps"])
        self.assertIn('commplan recap "$PROJECT" --level daily --date today -o "recaps/$day.md"',
                      script)
        self.assertIn("git push", script)

    def test_check_runs_validate_strict_and_check_on_pull_requests(self):
        workflow = load(os.path.join(CI, "github", "check.yml"))
        self.assertIn("pull_request", workflow.get("on", workflow.get(True)))
        script = "\n".join(s.get("run", "") for s in workflow["jobs"]["check"]["steps"])
        self.assertIn("commplan validate --strict", script)
        self.assertIn("--check briefs/kickoff.md", script)


class GitlabCi(unittest.TestCase):
    def setUp(self):
        self.config = load(os.path.join(CI, "gitlab", ".gitlab-ci.yml"))

    def jobs(self):
        return {k: v for k, v in self.config.items()
                if k not in GITLAB_RESERVED and not k.startswith(".")}

    def test_jobs_have_a_known_stage_rules_and_a_script(self):
        stages = self.config["stages"]
        self.assertEqual(stages, ["check", "recap"])
        self.assertEqual(set(self.jobs()), {"validate", "daily-recap"})
        for name, job in self.jobs().items():
            self.assertIn(job["stage"], stages, name)
            self.assertTrue(all("if" in rule for rule in job["rules"]), name)
            self.assertTrue(all(isinstance(line, str) for line in job["script"]), name)

    def test_daily_recap_runs_only_from_its_schedule(self):
        job = self.jobs()["daily-recap"]
        self.assertEqual([r["if"] for r in job["rules"]],
                         ['$CI_PIPELINE_SOURCE == "schedule" && $COMMPLAN_JOB == "daily-recap"'])
        self.assertIn("--level daily --date today", "\n".join(job["script"]))

    def test_merge_requests_validate_strictly(self):
        job = self.jobs()["validate"]
        self.assertIn('$CI_PIPELINE_SOURCE == "merge_request_event"', [r["if"] for r in job["rules"]])
        self.assertIn('commplan validate --strict "$PROJECT"', job["script"])


class PreCommit(unittest.TestCase):
    def setUp(self):
        self.hooks = load(os.path.join(SOURCE, ".pre-commit-hooks.yaml"))

    def hook(self):
        return next(h for h in self.hooks if h["id"] == "commplan-validate")

    def test_hooks_have_id_name_entry_and_language(self):
        for hook in self.hooks:
            for key in ("id", "name", "entry", "language"):
                self.assertIsInstance(hook[key], str, (hook.get("id"), key))
        self.assertEqual(self.hook()["language"], "system")
        self.assertIn("commplan validate --strict", self.hook()["entry"])

    def test_files_pattern_matches_project_files_only(self):
        pattern = re.compile(self.hook()["files"])
        for name in ("project.yaml", "site/project.yml", "commplan.json", "acme.commplan.yaml"):
            self.assertTrue(pattern.search(name), name)
        for name in (".github/workflows/check.yml", "logs/2026-12-07.yaml", "myproject.yaml.bak"):
            self.assertFalse(pattern.search(name), name)

    def run_entry(self, *files):
        """Runs the entry as pre-commit does: split like a shell, file names appended."""
        with tempfile.TemporaryDirectory() as bin_dir:
            os.symlink(BINARY, os.path.join(bin_dir, "commplan"))
            env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
            return subprocess.run(shlex.split(self.hook()["entry"]) + list(files), env=env,
                                  capture_output=True, text=True, cwd=SOURCE)

    def test_entry_passes_valid_files_and_fails_on_any_invalid_one(self):
        self.assertEqual(self.run_entry(EXAMPLE, EXAMPLE).returncode, 0)
        with tempfile.NamedTemporaryFile("w", suffix=".yaml") as broken:
            broken.write("commplan: 1\nproject: {name: A}\n")
            broken.flush()
            result = self.run_entry(broken.name, EXAMPLE)
        self.assertEqual(result.returncode, 1)
        self.assertIn("missing required field", result.stderr)


class CommandsInTheRecipes(unittest.TestCase):
    def test_recipe_commands_run_on_an_example(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(EXAMPLE, os.path.join(tmp, "project.yaml"))
            shutil.copytree(os.path.join(SOURCE, "examples", "logs"), os.path.join(tmp, "logs"))
            os.mkdir(os.path.join(tmp, "briefs"))

            def commplan(*args):
                return subprocess.run([BINARY, *args], cwd=tmp, capture_output=True, text=True)

            for command in ("kickoff", "plan", "five-w2h"):
                self.assertEqual(commplan(command, "project.yaml", "-o", f"briefs/{command}.md")
                                 .returncode, 0)
                self.assertEqual(commplan(command, "project.yaml", "--check",
                                          f"briefs/{command}.md").returncode, 0)
            self.assertEqual(commplan("validate", "--strict", "project.yaml").returncode, 0)
            recap = commplan("recap", "project.yaml", "--level", "daily", "--date", "2026-12-10",
                             "-o", "recaps-2026-12-10.md")
            self.assertEqual(recap.returncode, 0, recap.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
