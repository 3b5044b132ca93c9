"""The questions the client asks us, recorded and answered from the terminal.

`log add --client-question T [--answer-by D]` writes them into the day's log entry as the
mappings the daily recap lists under "Answers we owe the client"; `log answer --question
TEXT --answer A [--date D]` writes the answer and its day into the file that holds the
question. A past recap renders the same bytes after a later answer; a text that names two
owed questions, or none, is a usage error (exit 2) that names them or the closest; nothing is
written then. Both with the records in the project file and in log_dir.

Usage: test_log_answer.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile

from commplan_test import fail, report

ENV = {"PATH": "/usr/bin:/bin", "COMMPLAN_USER": "Li Wei"}


def run(binary, *args, code=0):
    done = subprocess.run([binary, *args], capture_output=True, text=True, env=ENV)
    if done.returncode != code:
        fail(f"{' '.join(args)}: exit {done.returncode}, expected {code}: {done.stderr}")
    return done


def section(page, title):
    start = page.find(f"## {title}")
    return "" if start < 0 else page[start:page.find("\n## ", start + 1)]


def scenario(binary, folder, log_dir):
    project = os.path.join(folder, "p.yaml")
    run(binary, "init", "--date", "2027-02-25", "-o", project)
    if log_dir:
        with open(project, "a", encoding="utf-8") as f:
            f.write("log_dir: logs\n")
        os.mkdir(os.path.join(folder, "logs"))
    label = "log_dir" if log_dir else "project file"
    out = run(binary, "log", "add", project, "--date", "2027-03-01", "--done", "Walked the site",
              "--client-question", "Is the UPS load-tested monthly?", "--answer-by", "2027-03-03",
              "--client-question", "Will the report name staff?").stdout
    if "(1 done, 2 client questions)" not in out:
        fail(f"{label}: log add printed {out!r}")
    run(binary, "log", "add", project, "--date", "2027-03-02", "--client-question", "Who signs off?")
    run(binary, "log", "answer", project, "--question", "report", "--answer", "No, roles only",
        "--date", "2027-03-02")
    before = run(binary, "recap", project, "--level", "daily", "--date", "2027-03-02").stdout
    owed = section(before, "Answers we owe the client")
    for text in ("| Is the UPS load-tested monthly? | 2027-03-01 | Li Wei | 2027-03-03 |",
                 "| Who signs off? | 2027-03-02 | Li Wei | no date given yet |",
                 "- Will the report name staff? — No, roles only (answered 2027-03-02)"):
        if text not in owed:
            fail(f"{label}: the recap of 2027-03-02 lacks {text!r}:\n{owed}")

    files = sorted(os.listdir(os.path.join(folder, "logs"))) if log_dir else []
    texts = {}
    for name in ["p.yaml"] + [os.path.join("logs", n) for n in files]:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            texts[name] = f.read()
    done = run(binary, "log", "answer", project, "--question", "s", "--answer", "x",
               "--date", "2027-03-02", code=2)
    if "matches 2 owed questions" not in done.stderr or "Who signs off?" not in done.stderr:
        fail(f"{label}: an ambiguous question: {done.stderr}")
    done = run(binary, "log", "answer", project, "--question", "Who sings off", "--answer", "x",
               "--date", "2027-03-02", code=2)
    if 'did you mean "Who signs off?"' not in done.stderr:
        fail(f"{label}: an unknown question: {done.stderr}")
    run(binary, "log", "add", project, "--answer-by", "2027-03-03", "--done", "x", code=2)
    for name, text in texts.items():
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            if f.read() != text:
                fail(f"{label}: a refused command changed {name}")

    run(binary, "log", "answer", project, "--question", "UPS", "--answer", "yes",
        "--date", "2027-03-04")
    if run(binary, "recap", project, "--level", "daily", "--date", "2027-03-02").stdout != before:
        fail(f"{label}: an answer recorded on 2027-03-04 changed the recap of 2027-03-02")
    later = section(run(binary, "recap", project, "--level", "daily", "--date",
                        "2027-03-04").stdout, "Answers we owe the client")
    if "UPS load-tested monthly? — yes (answered 2027-03-04)" not in later or \
            "| Who signs off? |" not in later or "| Is the UPS" in later:
        fail(f"{label}: the recap of 2027-03-04:\n{later}")
    run(binary, "validate", "-q", project)


def main(binary, _source):
    for log_dir in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            scenario(binary, folder, log_dir)
    return report("client questions recorded and answered, in the project file and in log_dir")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
