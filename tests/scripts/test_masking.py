"""No client page (`--audience client`) shows a card number, an IBAN, a private key or a token.

The penetration test example is copied with one sample of every kind find_sensitive() knows
planted in texts of every depth (a finding's title, evidence, recommendation and client
feedback, a log entry's done list, a question, notes, the scope, a 5W2H topic, minutes'
decisions and actions, and a finding of a log_dir file whose evidence is a YAML block text).
Every page the plan calls for (the kick-off, every daily recap, every phase recap, the final
recap, the minutes, the plan, the 5W2H checklists) is rendered for the client in every page
format its command offers, in English and Chinese, and read as its reader reads it (MIME and
entities undone, as test_audience_canary.py does): no sample may be on any of them, and every
sample's masked form (`4111 **** **** 1111`) must be on the client's Markdown pages.

The controls prove the test can fail: the team's pages, and the client's with `--no-mask`, show
every sample. `validate` warns about each sample once, located at the sample itself, quotes no
sample in its excerpts, and `validate --strict` exits 4.

Usage: test_masking.py COMMPLAN_BINARY SOURCE_DIR
"""

import concurrent.futures
import json
import os
import re
import sys
import tempfile

from commplan_test import fail, report
from test_audience_canary import formats_of, readable, run

CARD = "4111 1111 1111 1111"
IBAN = "DE89 3704 0044 0532 0130 00"
AWS = "AKIAIOSFODNN7EXAMPLE"
GITHUB = "ghp_" + "A1b2C3d4E5f6G7h8I9j0" + "K1l2M3n4O5p6Q7r8"
JWT = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwia"
       "WF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
KEY_BODY = "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"
KEY = ("-----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY + "\n"
       "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm\n"
       "-----END RSA PRIVATE KEY-----")
SSH_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"

# What a page must never show, and what it shows instead, by the kind validate names.
SAMPLES = {
    "payment card number": ([CARD, CARD.replace(" ", "")], "4111 **** **** 1111"),
    "IBAN": ([IBAN, IBAN.replace(" ", "")], "DE89 **** **** **** **30 00"),
    "private key": ([KEY_BODY, SSH_BODY], "[private key masked]"),
    "AWS access key id": ([AWS], "AKIA****************"),
    "GitHub token": ([GITHUB], "ghp_****************"),
    "JSON Web Token": ([JWT, JWT.split(".")[2]], "eyJhbGci…[masked]"),
}
WARNING = re.compile(r"^(.+?):(\d+):(\d+): warning: (\S+): looks like an? (.+?); it is masked on "
                     r"client pages \(--no-mask shows it\)$", re.M)

# A log_dir file in YAML: a finding whose evidence is a block text holding a private key.
LOG_FILE = """\
findings:
  - id: PT-07
    title: Deploy key committed to the portal's repository
    found: 2027-05-13
    phase: testing
    severity: high
    evidence: |
      The repository's deploy/ folder holds:
      -----BEGIN OPENSSH PRIVATE KEY-----
      {ssh}
      -----END OPENSSH PRIVATE KEY-----
    recommendation: Remove the key from the repository and its history, then rotate it.
""".format(ssh=SSH_BODY)


def plant(data):
    """Plants the samples in `data` (the example's project); returns how many of each kind."""
    planted = {kind: 0 for kind in SAMPLES}

    def put(kind, text):
        planted[kind] += 1
        return text

    findings = {f["id"]: f for f in data["findings"]}
    pt1, pt2, pt3 = findings["PT-01"], findings["PT-02"], findings["PT-03"]
    pt1["title"] += put("payment card number", f" (card {CARD} shown)")
    pt1["evidence"] += put("IBAN", f" The response also held the IBAN {IBAN}.")
    pt2["evidence"] += put("private key", "\nThe OTP service's key was readable:\n" + KEY)
    pt3["recommendation"] += put("JSON Web Token", f" A captured token: {JWT}")
    pt3["client_feedback"] = put("AWS access key id", f"Rahul: the key {AWS} is a test key.")
    log = {entry["date"]: entry for entry in data["log"]}
    log["2027-05-11"]["done"].append(put("AWS access key id", f"Found {AWS} in the app bundle"))
    log["2027-05-12"]["questions"].append(put("GitHub token", f"Is the token {GITHUB} revoked?"))
    log["2027-05-12"]["notes"] += put("payment card number", f" Test card {CARD}.")
    data["scope"].append(put("IBAN", f"Refunds to the test account {IBAN}"))
    data["communications"][0]["why"] += put("JSON Web Token", f" Session token seen: {JWT}")
    data["minutes"] = [{
        "meeting": "daily", "date": "2027-05-12", "by": "Aoife Brennan",
        "present": ["Aoife Brennan", "Ciara Doyle"],
        "decisions": [put("GitHub token", f"Revoke {GITHUB} today")],
        "actions": [{"what": put("payment card number", f"Block the card {CARD}"),
                     "owner": "Ciara Doyle", "due": "2027-05-13"}]}]
    data["log_dir"] = "logs"
    planted["private key"] += 1  # the log_dir file's
    return planted


def briefs(path, plan, data):
    """(label, args) of every page the plan calls for."""
    start, end = data["project"]["start"], data["project"]["end"]
    out = [("kickoff", ["kickoff", path, "--date", start])]
    for t in plan["touchpoints"]:
        if t["kind"] == "daily" or "daily" in t.get("includes", []):
            out.append((f"recap daily {t['date']}",
                        ["recap", path, "--level", "daily", "--date", t["date"]]))
    for phase in data["phases"]:
        out.append((f"recap phase {phase['id']}",
                    ["recap", path, "--level", "phase", "--phase", phase["id"], "--date", end]))
    out.append(("recap final", ["recap", path, "--level", "final", "--date", end]))
    for m in data["minutes"]:
        out.append((f"minutes {m['date']}",
                    ["minutes", path, "--date", m["date"], "--meeting", m["meeting"]]))
    out.append(("plan", ["plan", path, "--date", start]))
    out.append(("five-w2h", ["five-w2h", path]))
    return out


def raw_found(text):
    """The kinds whose sample `text` shows."""
    return {kind for kind, (raws, _) in SAMPLES.items() if any(r in text for r in raws)}


def check_validate(binary, path, log_file, planted):
    code, out, err = run(binary, ["validate", path])
    if code != 0:
        fail(f"validate of the planted project: exit {code}\n{err}")
    if raw_found(err):
        fail(f"validate's messages quote {sorted(raw_found(err))}:\n{err}")
    counts = {kind: 0 for kind in SAMPLES}
    for file, line, column, where, kind in WARNING.findall(err):
        counts[kind] = counts.get(kind, 0) + 1
        with open(file, encoding="utf-8") as f:
            source = f.read().split("\n")[int(line) - 1]
        starts = source[int(column) - 1:]
        if not starts.startswith(tuple(r[:12] for r in SAMPLES[kind][0]) + ("-----BEGIN",)):
            fail(f"{file}:{line}:{column} ({where}, {kind}) does not point at the sample: "
                 f"{starts[:40]!r}")
    if counts != planted:
        fail(f"validate warned {counts}, planted {planted}:\n{err}")
    if not err.count(log_file + ":"):
        fail(f"no warning names the log_dir file {log_file}:\n{err}")
    code, _, _ = run(binary, ["validate", "--strict", path])
    if code != 4:
        fail(f"validate --strict with sensitive data: exit {code}, expected 4")


def main(binary, source):
    with open(os.path.join(source, "examples", "penetration-test.json"), encoding="utf-8") as f:
        data = json.load(f)
    formats = {c: formats_of(binary, c) for c in ("kickoff", "recap", "minutes", "plan",
                                                 "five-w2h")}
    with tempfile.TemporaryDirectory() as tmp:
        original = os.path.join(tmp, "original.json")
        with open(original, "w", encoding="utf-8") as f:
            json.dump(data, f)
        code, _, err = run(binary, ["validate", original])
        if WARNING.search(err):
            fail(f"the example itself has sensitive data: {err}")
        planted = plant(data)
        path = os.path.join(tmp, "project.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
        log_file = os.path.join(tmp, "logs", "deploy-key.yaml")
        os.makedirs(os.path.dirname(log_file))
        with open(log_file, "w", encoding="utf-8") as f:
            f.write(LOG_FILE)
        check_validate(binary, path, log_file, planted)
        code, out, err = run(binary, ["plan", path, "--format", "json"])
        if code != 0:
            fail(f"plan: exit {code}: {err}")
            return report("the planted project does not plan")
        pages = briefs(path, json.loads(out), data)

        jobs = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 2)) as pool:
            for label, args in pages:
                for lang in ("en", "zh"):
                    for fmt in formats[args[0]]:
                        job = args + ["--audience", "client", "--lang", lang, "--format", fmt]
                        jobs[pool.submit(run, binary, job)] = ("client", label, lang, fmt)
                    for audience in (["--audience", "team"], ["--audience", "client",
                                                             "--no-mask"]):
                        job = args + audience + ["--lang", lang, "--format", "md"]
                        jobs[pool.submit(run, binary, job)] = (" ".join(audience), label, lang,
                                                                "md")
            shown = {}  # who -> text of every page read
            masked_md = ""
            for future in concurrent.futures.as_completed(jobs):
                who, label, lang, fmt = jobs[future]
                code, out, err = future.result()
                if code != 0:
                    fail(f"{label} {who} --lang {lang} --format {fmt}: exit {code}: {err}")
                    continue
                text = readable(fmt, out)
                shown[who] = shown.get(who, "") + text
                if who == "client":
                    for kind in raw_found(text) | raw_found(err):
                        fail(f"{label} ({lang}) {fmt} for the client shows the {kind}")
                    if fmt == "md":
                        masked_md += text
        for kind, (_, masked) in SAMPLES.items():
            if masked not in masked_md:
                fail(f"no client Markdown page shows the masked {kind} {masked!r}")
        for who in ("--audience team", "--audience client --no-mask"):
            missing = set(SAMPLES) - raw_found(shown.get(who, ""))
            if missing:
                fail(f"{who}: no page shows the {sorted(missing)}: the samples cannot be seen, "
                     "the test proves nothing")
    return report(f"{sum(planted.values())} samples planted, {len(jobs)} pages read")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
