"""A project file large enough to be mapped (a MiB or more) and cut short by another program
while commplan reads it: the run ends with exit 3 and `FILE: error: cannot read: the file changed
while it was read (it was cut short)`, never killed by SIGBUS.

The file (bench/gen, about 8 MiB) is cut to 1,000 bytes at delays spread over the run. A run the
cut reaches before the file is mapped reads the short file (exit 1, its problems located); one
it reaches after the file was read and released renders the page (exit 0). Every run must end
in one of those ways, and at least one must meet the cut while it reads (exit 3): the delays
run until one does.

    test_cut_short_file.py COMMPLAN_BINARY SOURCE_DIR
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from commplan_test import fail, report

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
MESSAGE = ": error: cannot read: the file changed while it was read (it was cut short)\n"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        whole = os.path.join(tmp, "whole.yaml")
        with open(whole, "w") as out:
            subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "bench", "gen"),
                            "--findings", "20000", "--days", "60", "--phases", "4",
                            "--format", "yaml", "--seed", "3"], stdout=out, check=True)
        if os.path.getsize(whole) < 2 << 20:
            fail("the generated project is too small to be mapped")
        plan = subprocess.run([BINARY, "plan", whole, "--format", "json"], capture_output=True,
                              text=True, check=True).stdout
        day = next(t["date"] for t in json.loads(plan)["touchpoints"] if t["kind"] == "final")
        project = os.path.join(tmp, "project.yaml")
        outcomes = []
        for delay in [0.02 * (1.5 ** i) for i in range(12)]:  # 20 ms to 2.6 s
            shutil.copyfile(whole, project)
            run = subprocess.Popen([BINARY, "recap", project, "--level", "final",
                                    "--date", day], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True,
                                   env={"PATH": "/usr/bin:/bin"})
            time.sleep(delay)
            os.truncate(project, 1000)
            err = run.communicate()[1]
            code = run.returncode
            outcomes.append((round(delay, 3), code))
            if code < 0:
                fail(f"cut after {delay:.3f} s: killed by {signal.Signals(-code).name}: {err}")
            elif code == 3 and err != project + MESSAGE:
                fail(f"cut after {delay:.3f} s: exit 3 with {err!r}")
            elif code == 1 and not err.startswith(project + ":"):
                fail(f"cut after {delay:.3f} s: exit 1 with {err!r}")
            elif code not in (0, 1, 3):
                fail(f"cut after {delay:.3f} s: exit {code}: {err}")
            if code == 3:
                break
        if all(code != 3 for _, code in outcomes):
            fail(f"no cut met a run while it read the file: {outcomes}")
    return report(f"{len(outcomes)} runs cut short ({outcomes})")


sys.exit(main())
