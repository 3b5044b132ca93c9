"""`commplan findings export --format xlsx` where libxlsxwriter cannot be loaded: the program
is run with tests/preload/no_xlsxwriter.cpp preloaded (CMake passes its path in
COMMPLAN_TEST_NO_XLSXWRITER), which makes dlopen() of the library fail as on a system without
it. The export must exit 3 (I/O) with one line that names the library, says why and names
Debian's package to install; it writes nothing to standard output, and a workbook already at
-o's path is left byte for byte as it was, with no temporary file beside it. The CSV export,
which needs no library, works the same under the preload, so the failure is the library's.

Fails (exit 77) when the binary has no `findings export` command or the preload's path is not
given.

Usage: test_xlsx_unavailable.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile

from commplan_test import fail, report

DATE = "2027-05-14"


def environment(preload):
    env = {"PATH": "/usr/bin:/bin", "LD_PRELOAD": preload}
    # A sanitizer build wants its runtime first among the loaded libraries; the preload is not
    # instrumented code that matters here.
    asan = os.environ.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "verify_asan_link_order=0"
    return env


def main():
    binary, source = sys.argv[1], sys.argv[2]
    preload = os.environ.get("COMMPLAN_TEST_NO_XLSXWRITER", "")
    if not preload or not os.path.exists(preload):
        print("skipped: COMMPLAN_TEST_NO_XLSXWRITER names no preload library")
        return 77
    probe = subprocess.run([binary, "findings", "export", "--help"], capture_output=True)
    if probe.returncode != 0:
        print("skipped: no `findings export` command")
        return 77
    project = os.path.join(source, "examples", "penetration-test.json")
    env = environment(preload)

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "register.xlsx")
        before = b"PK\x03\x04 a workbook from yesterday"
        with open(out, "wb") as f:
            f.write(before)
        done = subprocess.run([binary, "findings", "export", project, "--format", "xlsx",
                               "--date", DATE, "-o", out], capture_output=True, env=env)
        stderr = done.stderr.decode("utf-8", "replace")
        if done.returncode != 3:
            fail(f"-o {out}: exit {done.returncode}, expected 3 (I/O): {stderr!r}")
        lines = stderr.splitlines()
        if len(lines) != 1:
            fail(f"-o: expected one line of error, got {lines!r}")
        for needed in ("cannot write the workbook", "libxlsxwriter", "No such file",
                       "libxlsxwriter4"):
            if needed not in stderr:
                fail(f"-o: the error does not say {needed!r}: {stderr!r}")
        if "Traceback" in stderr or "terminate" in stderr or "AddressSanitizer" in stderr:
            fail(f"-o: not a clean error: {stderr!r}")
        if done.stdout:
            fail(f"-o: wrote {len(done.stdout)} bytes to standard output")
        with open(out, "rb") as f:
            if f.read() != before:
                fail("-o: the workbook already there was changed")
        if sorted(os.listdir(tmp)) != ["register.xlsx"]:
            fail(f"-o: left files beside the workbook: {sorted(os.listdir(tmp))}")

        piped = subprocess.run([binary, "findings", "export", project, "--format", "xlsx",
                                "--date", DATE], capture_output=True, env=env)
        if piped.returncode != 3 or piped.stdout:
            fail(f"to a pipe: exit {piped.returncode}, {len(piped.stdout)} bytes written")

        csv = subprocess.run([binary, "findings", "export", project, "--format", "csv",
                              "--date", DATE], capture_output=True, env=env)
        if csv.returncode != 0 or b"ID," not in csv.stdout[:8]:
            fail(f"csv under the preload: exit {csv.returncode}, "
                 f"{csv.stderr.decode('utf-8', 'replace')!r}")

    return report("xlsx export without libxlsxwriter: exit code, message, nothing written")


if __name__ == "__main__":
    sys.exit(main())
