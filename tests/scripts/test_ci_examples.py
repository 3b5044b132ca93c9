"""The CI recipes work as copied. Each parses as YAML with the structure its CI reads (GitHub
workflows: on, jobs, steps; GitLab CI: stages, jobs with rules; pre-commit hooks: id, entry,
language), builds commplan from its source (no placeholder URL to fill in), and schedules the
daily recap before the meeting. Then their commplan steps are run as the CI would run them:
the step's shell text, with the recipe's environment, in a copy of an example repository,
with the built binary as `commplan` and the day set to a workday, a weekend, a holiday and a
day outside the engagement (SOURCE_DATE_EPOCH for commplan, a `date` stand-in for the
shell; `git` is a stand-in that records its calls).

    test_ci_examples.py COMMPLAN_BINARY SOURCE_DIR
"""

import calendar
import datetime
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest
import zoneinfo

import yaml

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
CI = os.path.join(SOURCE, "examples", "ci")
EXAMPLE = os.path.join(SOURCE, "examples", "datacentre-assessment.yaml")
GITLAB_RESERVED = {"stages", "default", "variables", "include", "workflow", "image", "services",
                   "before_script", "after_script", "cache"}

# Days of the example's engagement (2026-12-07 to 12-18, Monday to Friday, 12-15 a holiday).
WORKDAY, SATURDAY, HOLIDAY, OUTSIDE = "2026-12-10", "2026-12-12", "2026-12-15", "2027-01-04"

DATE_STAND_IN = """#!/bin/sh
# `date +%F` is the day the test pretends it is; anything else goes to the real date.
if [ "$1" = "+%F" ]; then echo "$FAKE_DAY"; else exec /bin/date "$@"; fi
"""
GIT_STAND_IN = """#!/bin/sh
# Records each call; succeeds (so `git diff --cached --quiet && exit 0` ends the script).
echo "$*" >> "$GIT_LOG"
"""


def load(path):
    with open(path) as f:
        return yaml.safe_load(f)


def text_of(path):
    with open(path) as f:
        return f.read()


def github_workflows():
    return sorted(glob.glob(os.path.join(CI, "github", "*.yml")))


def recipe_files():
    return github_workflows() + [os.path.join(CI, "gitlab", ".gitlab-ci.yml"),
                                 os.path.join(SOURCE, ".pre-commit-hooks.yaml")]


def triggers(workflow):
    # PyYAML reads the key `on` as YAML 1.1's boolean true.
    return workflow.get("on", workflow.get(True))


def cron_ok(expression):
    fields = expression.split()
    return len(fields) == 5 and all(re.fullmatch(r"[0-9*,/-]+", f) for f in fields)


def gitlab_jobs(config):
    return {k: v for k, v in config.items() if k not in GITLAB_RESERVED and not k.startswith(".")}


def runs_commplan(script):
    """A step that runs commplan on the project, as opposed to installing or building it."""
    lines = [line.strip() for line in script.splitlines()]
    return (any(line.startswith("commplan ") for line in lines) and
            not any("scripts/setup" in line for line in lines))


def example_meeting():
    """The example's daily recap: its time as minutes after midnight UTC (it has no DST)."""
    project = load(EXAMPLE)
    hours, minutes = map(int, project["meetings"]["daily_recap"]["time"].split(":"))
    zone = zoneinfo.ZoneInfo(project["project"]["timezone"])
    local = datetime.datetime(2026, 12, 10, hours, minutes, tzinfo=zone)
    utc = local.astimezone(datetime.timezone.utc)
    return project["project"]["timezone"], utc.hour * 60 + utc.minute


class Repository:
    """A scratch copy of a repository that keeps a project: the example as project.yaml, its
    log folder, its briefs; and a bin folder with commplan and the stand-ins."""

    def __init__(self, tmp):
        self.root = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(self.root, "briefs"))
        shutil.copy(EXAMPLE, os.path.join(self.root, "project.yaml"))
        shutil.copytree(os.path.join(SOURCE, "examples", "logs"), os.path.join(self.root, "logs"))
        self.bin = os.path.join(tmp, "bin")
        os.mkdir(self.bin)
        os.symlink(BINARY, os.path.join(self.bin, "commplan"))
        for name, text in (("date", DATE_STAND_IN), ("git", GIT_STAND_IN)):
            path = os.path.join(self.bin, name)
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, 0o755)
        self.git_log = os.path.join(tmp, "git.log")
        self.github_env = os.path.join(tmp, "github_env")
        for command in ("kickoff", "plan", "five-w2h"):
            subprocess.run([BINARY, command, "project.yaml", "-o", f"briefs/{command}.md"],
                           cwd=self.root, check=True, capture_output=True,
                           env=self.environment(WORKDAY, {}))

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def environment(self, day, variables):
        epoch = calendar.timegm(datetime.date.fromisoformat(day).timetuple()) + 12 * 3600
        env = {"PATH": self.bin + os.pathsep + "/usr/bin:/bin", "HOME": self.root,
               "SOURCE_DATE_EPOCH": str(epoch), "FAKE_DAY": day, "GIT_LOG": self.git_log,
               "GITHUB_ENV": self.github_env}
        env.update({k: str(v) for k, v in variables.items()})
        return env

    def bash(self, script, day, variables):
        """Runs `script` as GitHub runs a step (bash -eo pipefail) in the repository."""
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=self.root, env=self.environment(day, variables),
                              capture_output=True, text=True)


class EveryFile(unittest.TestCase):
    def test_every_yaml_file_parses(self):
        files = glob.glob(os.path.join(CI, "**", "*.y*ml"), recursive=True)
        files += glob.glob(os.path.join(CI, "**", ".*.y*ml"), recursive=True)
        files.append(os.path.join(SOURCE, ".pre-commit-hooks.yaml"))
        self.assertGreaterEqual(len(files), 4)
        for path in files:
            self.assertIsNotNone(load(path), path)

    def test_no_placeholder_to_fill_in(self):
        for path in recipe_files():
            text = text_of(path)
            self.assertNotIn("OWNER", text, path)
            self.assertNotIn("COMMPLAN_DEB", text, path)
            for url in re.findall(r"https?://[^\s\"']+", text):
                self.assertTrue(url.startswith("https://pre-commit.com") or "${" in url,
                                f"{path}: {url}")

    def test_recipes_build_commplan_from_its_source(self):
        """The build lines name this repository's scripts/setup and its release preset's
        build folder, which exist."""
        presets = json.loads(text_of(os.path.join(SOURCE, "CMakePresets.json")))
        release = next(p for p in presets["configurePresets"] if p["name"] == "release")
        self.assertEqual(release["binaryDir"], "${sourceDir}/build/release")
        self.assertTrue(os.access(os.path.join(SOURCE, "scripts", "setup"), os.X_OK))
        for path in recipe_files()[:-1]:
            text = text_of(path)
            self.assertRegex(text, r'"?\$COMMPLAN_SRC/scripts/setup"? release', path)
            self.assertRegex(text, r'cmake --install "?\$COMMPLAN_SRC/build/release"?', path)


class GithubActions(unittest.TestCase):
    def test_workflows_have_triggers_and_jobs_with_steps(self):
        self.assertEqual([os.path.basename(p) for p in github_workflows()],
                         ["check.yml", "daily-recap.yml"])
        for path in github_workflows():
            workflow = load(path)
            self.assertIsInstance(triggers(workflow), dict, path)
            self.assertIsInstance(workflow["name"], str)
            self.assertEqual(workflow["env"]["COMMPLAN_SRC"], "commplan")
            for name, job in workflow["jobs"].items():
                self.assertIn("runs-on", job, name)
                self.assertTrue(job["steps"], name)
                for step in job["steps"]:
                    self.assertTrue(("run" in step) != ("uses" in step), step)
                checkout = next(s for s in job["steps"] if s.get("uses", "").startswith(
                    "actions/checkout@"))
                self.assertTrue(checkout["with"]["submodules"], name)

    def test_daily_recap_runs_before_the_meeting_and_skips_off_days(self):
        workflow = load(os.path.join(CI, "github", "daily-recap.yml"))
        crons = [entry["cron"] for entry in triggers(workflow)["schedule"]]
        self.assertEqual(len(crons), 1)
        self.assertTrue(cron_ok(crons[0]))
        minute, hour, _, _, weekdays = crons[0].split()
        self.assertEqual(weekdays, "*")  # commplan decides which days have a recap
        zone, meeting = example_meeting()
        self.assertEqual(workflow["env"]["PROJECT_TZ"], zone)
        lead = meeting - (int(hour) * 60 + int(minute))
        self.assertTrue(30 <= lead <= 180, f"{crons[0]} is {lead} minutes before the meeting")
        self.assertEqual(workflow["permissions"]["contents"], "write")
        script = "\n".join(s.get("run", "") for s in workflow["jobs"]["recap"]["steps"])
        self.assertIn('commplan recap "$PROJECT" --level daily --date today --skip-off-days '
                      '-o "recaps/$day.md"', script)
        self.assertIn("git push", script)

    def test_check_runs_validate_strict_and_check_on_pull_requests(self):
        workflow = load(os.path.join(CI, "github", "check.yml"))
        self.assertIn("pull_request", triggers(workflow))
        script = "\n".join(s.get("run", "") for s in workflow["jobs"]["check"]["steps"])
        self.assertIn("commplan validate --strict", script)
        self.assertIn("--check briefs/kickoff.md", script)


class GitlabCi(unittest.TestCase):
    def setUp(self):
        self.config = load(os.path.join(CI, "gitlab", ".gitlab-ci.yml"))

    def test_jobs_have_a_known_stage_rules_and_a_script(self):
        stages = self.config["stages"]
        self.assertEqual(stages, ["check", "recap"])
        self.assertEqual(set(gitlab_jobs(self.config)), {"validate", "daily-recap"})
        for name, job in gitlab_jobs(self.config).items():
            self.assertIn(job["stage"], stages, name)
            self.assertTrue(all("if" in rule for rule in job["rules"]), name)
            self.assertTrue(all(isinstance(line, str) for line in job["script"]), name)
        self.assertEqual(self.config["variables"]["GIT_SUBMODULE_STRATEGY"], "recursive")

    def test_daily_recap_runs_only_from_its_schedule_and_skips_off_days(self):
        job = gitlab_jobs(self.config)["daily-recap"]
        self.assertEqual([r["if"] for r in job["rules"]],
                         ['$CI_PIPELINE_SOURCE == "schedule" && $COMMPLAN_JOB == "daily-recap"'])
        self.assertIn("--level daily --date today --skip-off-days", "\n".join(job["script"]))

    def test_the_schedule_it_documents_is_before_the_meeting(self):
        comment = text_of(os.path.join(CI, "gitlab", ".gitlab-ci.yml"))
        cron = re.search(r'interval "([^"]+)"', comment).group(1)
        minute, hour = map(int, cron.split()[:2])
        hours, minutes = map(int, load(EXAMPLE)["meetings"]["daily_recap"]["time"].split(":"))
        self.assertTrue(30 <= hours * 60 + minutes - (hour * 60 + minute) <= 180, cron)

    def test_merge_requests_validate_strictly(self):
        job = gitlab_jobs(self.config)["validate"]
        self.assertIn('$CI_PIPELINE_SOURCE == "merge_request_event"', [r["if"] for r in job["rules"]])
        self.assertIn('commplan validate --strict "$PROJECT"', job["script"])


class PreCommit(unittest.TestCase):
    def setUp(self):
        self.hooks = {hook["id"]: hook for hook in load(os.path.join(SOURCE, ".pre-commit-hooks.yaml"))}
        self.tmp = tempfile.TemporaryDirectory()
        self.repo = Repository(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_hooks_have_id_name_entry_and_language(self):
        self.assertEqual(set(self.hooks), {"commplan-validate", "commplan-validate-project"})
        for hook in self.hooks.values():
            for key in ("id", "name", "entry", "language"):
                self.assertIsInstance(hook[key], str, (hook.get("id"), key))
            self.assertEqual(hook["language"], "system")
            self.assertIn("commplan validate --strict", hook["entry"])

    def test_files_pattern_matches_project_files_only(self):
        pattern = re.compile(self.hooks["commplan-validate"]["files"])
        for name in ("project.yaml", "site/project.yml", "commplan.json", "acme.commplan.yaml"):
            self.assertTrue(pattern.search(name), name)
        for name in (".github/workflows/check.yml", "logs/2026-12-07.yaml", "myproject.yaml.bak"):
            self.assertFalse(pattern.search(name), name)

    def test_project_hook_matches_the_project_and_its_log_files(self):
        pattern = re.compile(self.hooks["commplan-validate-project"]["files"])
        for name in ("project.yaml", "logs/2026-12-07.yaml", "logs/2026-12-07.json"):
            self.assertTrue(pattern.search(name), name)
        for name in ("site/project.yaml", "logs/old/2026-12-07.yaml", "logs/README.md",
                     "briefs/plan.md"):
            self.assertFalse(pattern.search(name), name)

    def run_hook(self, hook, *files, args=()):
        """Runs the hook as pre-commit does: the entry split like a shell, then the hook's
        args, then the file names, in the repository."""
        command = shlex.split(self.hooks[hook]["entry"]) + list(args) + list(files)
        return subprocess.run(command, env=self.repo.environment(WORKDAY, {}),
                              capture_output=True, text=True, cwd=self.repo.root)

    def test_entry_passes_valid_files_and_fails_on_any_invalid_one(self):
        self.assertEqual(self.run_hook("commplan-validate", EXAMPLE, EXAMPLE).returncode, 0)
        with open(self.repo.path("broken.commplan.yaml"), "w") as broken:
            broken.write("commplan: 1\nproject: {name: A}\n")
        result = self.run_hook("commplan-validate", "broken.commplan.yaml", "project.yaml")
        self.assertEqual(result.returncode, 1)
        self.assertIn("missing required field", result.stderr)

    def test_project_hook_validates_a_log_file_through_its_project(self):
        result = self.run_hook("commplan-validate-project", "logs/2026-12-17.yaml")
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "", ""))
        self.assertEqual(self.run_hook("commplan-validate-project", "project.yaml",
                                       "logs/2026-12-17.yaml").returncode, 0)
        # A log file is valid only with its project: this phase id exists in no phase.
        with open(self.repo.path("logs", "2026-12-18.yaml"), "w") as log:
            log.write("findings:\n  - id: F-99\n    title: Late one\n    phase: nowhere\n")
        result = self.run_hook("commplan-validate-project", "logs/2026-12-18.yaml")
        self.assertEqual(result.returncode, 1)
        self.assertIn("logs/2026-12-18.yaml:4:12: error: findings[0].phase: no phase has the id "
                      "\"nowhere\"", result.stderr)

    def test_project_hook_takes_another_project_through_args(self):
        os.makedirs(self.repo.path("site"))
        shutil.move(self.repo.path("project.yaml"), self.repo.path("site", "engagement.yaml"))
        shutil.move(self.repo.path("logs"), self.repo.path("site", "logs"))
        result = self.run_hook("commplan-validate-project", "site/logs/2026-12-17.yaml",
                               args=["--project", "site/engagement.yaml"])
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_project_hook_rejects_a_file_of_no_project(self):
        with open(self.repo.path("notes.yaml"), "w") as notes:
            notes.write("log: []\n")
        result = self.run_hook("commplan-validate-project", "notes.yaml")
        self.assertEqual(result.returncode, 2)
        self.assertIn("notes.yaml: error: not part of project.yaml", result.stderr)


class CommandsInTheRecipes(unittest.TestCase):
    """The recipes' commplan steps, run as their CI runs them, on every kind of day."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.repo = Repository(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def github_steps(self, name, job):
        workflow = load(os.path.join(CI, "github", name))
        variables = dict(workflow.get("env", {}))
        variables.update(workflow["jobs"][job].get("env", {}))
        steps = [s["run"] for s in workflow["jobs"][job]["steps"] if runs_commplan(s.get("run", ""))]
        self.assertTrue(steps, name)
        return steps, variables

    def gitlab_job(self, name):
        config = load(os.path.join(CI, "gitlab", ".gitlab-ci.yml"))
        variables = dict(config.get("variables", {}))
        variables.update({"CI_SERVER_HOST": "gitlab.example", "CI_PROJECT_PATH": "team/site",
                          "CI_DEFAULT_BRANCH": "main", "COMMPLAN_PUSH_TOKEN": "token"})
        return "\n".join(gitlab_jobs(config)[name]["script"]), variables

    def daily_recap_runs(self):
        """(recipe, script, variables) of every daily-recap job."""
        steps, variables = self.github_steps("daily-recap.yml", "recap")
        yield ("github", "\n".join(steps), variables)
        script, variables = self.gitlab_job("daily-recap")
        yield ("gitlab", script, variables)

    def test_daily_recap_writes_the_page_on_a_workday(self):
        for recipe, script, variables in self.daily_recap_runs():
            page = self.repo.path("recaps", f"{WORKDAY}.md")
            if os.path.exists(page):
                os.remove(page)
            done = self.repo.bash(script, WORKDAY, variables)
            self.assertEqual(done.returncode, 0, f"{recipe}: {done.stderr}")
            self.assertEqual(done.stderr, "", recipe)
            with open(page) as f:
                self.assertIn(WORKDAY, f.read(), recipe)

    def test_daily_recap_skips_other_days_with_one_line_and_nothing_written(self):
        for day in (SATURDAY, HOLIDAY, OUTSIDE):
            for recipe, script, variables in self.daily_recap_runs():
                os.makedirs(self.repo.path("recaps"), exist_ok=True)
                page = self.repo.path("recaps", f"{day}.md")
                with open(page, "w") as f:
                    f.write("left as it was\n")
                done = self.repo.bash(script, day, variables)
                where = f"{recipe} on {day}"
                self.assertEqual(done.returncode, 0, f"{where}: {done.stderr}")
                self.assertEqual(len(done.stderr.splitlines()), 1, f"{where}: {done.stderr}")
                self.assertIn(day, done.stderr, where)
                self.assertIn("no daily recap", done.stderr, where)
                with open(page) as f:
                    self.assertEqual(f.read(), "left as it was\n", where)
                os.remove(page)

    def test_check_steps_pass_on_the_example_and_fail_on_a_stale_brief(self):
        steps, variables = self.github_steps("check.yml", "check")
        script, gitlab_variables = self.gitlab_job("validate")
        runs = [("github", "\n".join(steps), variables), ("gitlab", script, gitlab_variables)]
        for recipe, text, env in runs:
            done = self.repo.bash(text, WORKDAY, env)
            self.assertEqual(done.returncode, 0, f"{recipe}: {done.stderr}")
        with open(self.repo.path("briefs", "plan.md"), "a") as f:
            f.write("edited by hand\n")
        for recipe, text, env in runs:
            done = self.repo.bash(text, WORKDAY, env)
            self.assertEqual(done.returncode, 4, recipe)
            self.assertIn("briefs/plan.md: stale", done.stderr, recipe)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
