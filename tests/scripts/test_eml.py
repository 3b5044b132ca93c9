"""Every brief as an e-mail draft (`--format eml`), read back by Python's `email` package and
sent through a loopback SMTP server; and the README's CI recipes that mail and post the recap.

For every example in en and zh and every brief (kickoff, the three recaps, minutes where the
example has them, plan, five-w2h) the message parses with policy=email.policy.default: the
raw text is ASCII with CRLF line ends and no line over 998 bytes; X-Unsent is 1; From, To, Cc
and the (RFC 2047-decoded) Subject are the view model's `mail` block, whose people follow the
rules (From the first team member with an address, To the contact first and only client
people, Cc only ours, no address twice, the sender never again; plan: every client address in
To and every one of ours in Cc; five-w2h: the contact alone); Date is --date; two runs give the
same bytes and Message-ID. The text/plain part is `--format txt` byte for byte, the text/html
part `--format html`, and the plan carries `--format ics` as a text/calendar attachment
plan.ics. `--max-bytes` with eml is a usage error.

Loopback SMTP (python3-aiosmtpd; skipped with a note when the module is missing): commplan's
standard output is piped to a tiny sender (smtplib, envelope from From, recipients from To
and Cc), and the server must receive the message with the same recipients and parts. The
README's mail recipe runs with that sender as `sendmail`.

Webhook: the README's recipe that posts the chat text runs with a `curl` that only records
its arguments (no network); its payload file holds one DingTalk/WeCom JSON payload a line,
`{"msgtype": "text", "text": {"content": PART}}`, one per part of `--format txt --max-bytes`.

Usage: test_eml.py COMMPLAN_BINARY SOURCE_DIR
"""

import calendar
import datetime
import email
import email.policy
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap

import yaml

from commplan_test import Yaml12Loader, examples, fail, report

DATE = {"datacentre-assessment.yaml": "2026-12-10", "penetration-test.json": "2027-05-12",
        "software-delivery.zh.yaml": "2027-03-10"}
MINUTES = {"datacentre-assessment.yaml": "2026-12-07", "software-delivery.zh.yaml": "2027-03-01"}
# A fixed "today" for the plan's calendar stamp, so two runs (and the ics run) agree.
EPOCH = str(calendar.timegm(datetime.datetime(2026, 11, 30, 12).timetuple()))


def briefs(project):
    base = os.path.basename(project)
    date = DATE[base]
    found = [("kickoff", ["kickoff", project]),
             ("daily", ["recap", project, "--level", "daily", "--date", date]),
             ("phase", ["recap", project, "--level", "phase", "--date", date]),
             ("final", ["recap", project, "--level", "final", "--date", date]),
             ("plan", ["plan", project, "--date", date]),
             ("five-w2h", ["five-w2h", project])]
    if base in MINUTES:
        found.append(("minutes", ["minutes", project, "--date", MINUTES[base]]))
    return found


def attempt(binary, *args, env=None):
    done = subprocess.run([binary, *args], capture_output=True,
                          env=env or {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": EPOCH})
    return done.returncode, done.stdout, done.stderr.decode()


def load_project(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f) if path.endswith(".json") else yaml.load(f, Loader=Yaml12Loader)


def addresses(header):
    """(name, address) of each mailbox of a parsed address header; [] without the header."""
    if header is None:
        return []
    return [(a.display_name, a.addr_spec) for a in header.addresses]


def view_people(block, key):
    value = block.get(key)
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    return [(p["name"], p["email"]) for p in value]


def check_rules(name, brief, block, project):
    """The `mail` block's people follow the rules, checked against the project file."""
    ours = [m for m in project.get("team", []) if m.get("email")]
    theirs = [m for m in project.get("client_team", []) if m.get("email")]
    contact = next((m for m in project.get("client_team", []) if m.get("contact")), None)
    sender = view_people(block, "from")
    want_from = [(ours[0]["name"], ours[0]["email"])] if ours else []
    if sender != want_from:
        fail(f"{name}: From {sender}, expected the first team member with an address {want_from}")
    to, cc = view_people(block, "to"), view_people(block, "cc")
    if contact and contact.get("email") and (not to or to[0][1] != contact["email"]):
        fail(f"{name}: To {to} does not start with the contact {contact['email']}")
    our_mails = {m["email"].lower() for m in ours}
    their_mails = {m["email"].lower() for m in theirs}
    if any(a.lower() not in their_mails for _, a in to):
        fail(f"{name}: To {to} holds someone not of the client's team")
    if any(a.lower() not in our_mails for _, a in cc):
        fail(f"{name}: Cc {cc} holds someone not of our team")
    everyone = [a.lower() for _, a in sender + to + cc]
    if len(everyone) != len(set(everyone)):
        fail(f"{name}: an address is listed twice: {everyone}")
    unique = lambda people: list(dict.fromkeys(m["email"].lower() for m in people))
    if brief == "plan":
        if sorted(a.lower() for _, a in to) != sorted(unique(theirs)):
            fail(f"{name}: the plan's To {to} is not every client address")
        if sorted(a.lower() for _, a in cc) != sorted(set(unique(ours)) - {a.lower() for _, a in sender}):
            fail(f"{name}: the plan's Cc {cc} is not every one of our addresses")
    if brief == "five-w2h" and (cc or len(to) > 1):
        fail(f"{name}: five-w2h goes to the contact alone, not {to} and {cc}")


def check_raw(name, raw):
    try:
        raw.decode("ascii")
    except UnicodeDecodeError:
        fail(f"{name}: the message is not ASCII")
    if re.search(rb"(?<!\r)\n", raw):
        fail(f"{name}: a line ends without CR")
    if any(len(line) > 998 for line in raw.split(b"\r\n")):
        fail(f"{name}: a line over 998 bytes")


def parts_of(msg):
    """(text, html, calendar part or None) of a parsed message."""
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    attached = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    return text, html, attached[0] if attached else None


def check_message(name, brief, raw, view, formats, lang, project):
    check_raw(name, raw)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    block = view.get("mail")
    if block is None:
        fail(f"{name}: the view model has no mail block")
        return
    check_rules(name, brief, block, project)
    if msg["X-Unsent"] != "1":
        fail(f"{name}: X-Unsent is {msg['X-Unsent']!r}")
    for header, key in (("From", "from"), ("To", "to"), ("Cc", "cc")):
        if addresses(msg[header]) != view_people(block, key):
            fail(f"{name}: {header} {addresses(msg[header])}, the view has {view_people(block, key)}")
    if str(msg["Subject"]) != block["subject"]:
        fail(f"{name}: Subject {str(msg['Subject'])!r}, the view has {block['subject']!r}")
    if lang == "zh" and b"Subject: =?UTF-8?B?" not in raw:
        fail(f"{name}: a Chinese subject is not RFC 2047-encoded")
    date = msg["Date"].datetime
    if date is None or date.date().isoformat() != view["date"]:
        fail(f"{name}: Date {msg['Date']} is not --date {view['date']}")
    if not re.fullmatch(r"<[0-9a-f]+@commplan>", str(msg["Message-ID"] or "")):
        fail(f"{name}: Message-ID {msg['Message-ID']!r}")
    want_type = "multipart/mixed" if brief == "plan" else "multipart/alternative"
    if msg.get_content_type() != want_type:
        fail(f"{name}: {msg.get_content_type()}, expected {want_type}")
    text, html, ics = parts_of(msg)
    if text is None or text.get_payload(decode=True) != formats["txt"]:
        fail(f"{name}: the text/plain part is not --format txt")
    if text is not None and text.get_content_charset() != "utf-8":
        fail(f"{name}: the text part's charset is {text.get_content_charset()}")
    if html is None or html.get_payload(decode=True) != formats["html"]:
        fail(f"{name}: the text/html part is not --format html")
    if brief == "plan":
        if ics is None or ics.get_payload(decode=True) != formats["ics"]:
            fail(f"{name}: no text/calendar attachment equal to --format ics")
        elif (ics.get_filename() != "plan.ics" or ics.get_param("method") is not None
              or b"\nMETHOD:" in formats["ics"] or ics.get_content_disposition() != "attachment"):
            # RFC 6047: a method parameter must match the calendar's METHOD, which it has not.
            fail(f"{name}: the calendar is not attached as plan.ics without a method")
    elif ics is not None:
        fail(f"{name}: a calendar attached to a {brief}")


# ---- loopback SMTP ------------------------------------------------------------------------

SENDER = textwrap.dedent('''\
    """A tiny sendmail: the message on stdin (lines ended by LF or CRLF) goes to SMTP at
    HOST:PORT (argv, else $SMTP_HOST/$SMTP_PORT) with CRLF line ends, from its From to the
    people of its To and Cc (`-t`)."""
    import email, email.policy, os, re, smtplib, sys
    args = [a for a in sys.argv[1:] if a != "-t"]
    host, port = args if args else (os.environ["SMTP_HOST"], os.environ["SMTP_PORT"])
    raw = re.sub(rb"\\r?\\n", b"\\r\\n", sys.stdin.buffer.read())
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    rcpts = [a.addr_spec for h in ("To", "Cc") if msg[h] for a in msg[h].addresses]
    sender = msg["From"].addresses[0].addr_spec if msg["From"] else ""
    with smtplib.SMTP(host, int(port)) as smtp:
        smtp.sendmail(sender, rcpts, raw)
    ''')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def check_received(name, inbox, raw):
    if len(inbox.received) != 1:
        fail(f"{name}: the server received {len(inbox.received)} messages")
        return
    mail_from, rcpts, content = inbox.received.pop()
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    got = email.message_from_bytes(content, policy=email.policy.default)
    want_rcpts = [a for h in ("To", "Cc") for _, a in addresses(sent[h])]
    if rcpts != want_rcpts or mail_from != addresses(sent["From"])[0][1]:
        fail(f"{name}: the envelope {mail_from} -> {rcpts}, expected {want_rcpts}")
    for header in ("From", "To", "Cc", "Subject", "Message-ID", "Date", "X-Unsent"):
        if str(got[header]) != str(sent[header]):
            fail(f"{name}: {header} arrived as {got[header]!r}, sent {sent[header]!r}")
    for sent_part, got_part in zip(parts_of(sent), parts_of(got)):
        if (sent_part is None) != (got_part is None) or (
                sent_part is not None and
                sent_part.get_payload(decode=True) != got_part.get_payload(decode=True)):
            fail(f"{name}: a part arrived changed")


def check_smtp(binary, source, tmp):
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        print("note: python3-aiosmtpd is not installed: the loopback SMTP test was skipped")
        return 0
    sender = os.path.join(tmp, "sendmail")
    with open(sender, "w") as f:
        f.write("#!/usr/bin/python3\n" + SENDER)
    os.chmod(sender, 0o755)
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    sent = 0
    try:
        runs = [("datacentre daily (en)", ["recap", "examples/datacentre-assessment.yaml",
                                           "--level", "daily", "--date", "2026-12-10"]),
                ("software-delivery plan (zh)", ["plan", "examples/software-delivery.zh.yaml",
                                                 "--date", "2027-03-10"])]
        env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": EPOCH}
        for name, args in runs:
            args = [a if not a.startswith("examples/") else os.path.join(source, a) for a in args]
            commplan = subprocess.Popen([binary, *args, "--format", "eml"], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
            done = subprocess.run([sender, "127.0.0.1", str(port)], stdin=commplan.stdout,
                                  capture_output=True, text=True, timeout=60)
            commplan.stdout.close()
            commplan.wait()
            if commplan.returncode != 0 or done.returncode != 0:
                fail(f"smtp {name}: commplan exit {commplan.returncode}, sender: {done.stderr}")
                continue
            _, raw, _ = attempt(binary, *args, "--format", "eml")
            check_received(f"smtp {name}", inbox, raw)
            sent += 1
        sent += check_mail_recipe(binary, source, tmp, inbox, port)
    finally:
        controller.stop()
    return sent


# ---- the README's recipes -----------------------------------------------------------------

def recipe(source, marker):
    """The README's sh block holding `marker`."""
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        blocks = re.findall(r"```sh\n(.*?)```", f.read(), re.S)
    found = [b for b in blocks if marker in b]
    if len(found) != 1:
        fail(f"README: {len(found)} sh blocks hold {marker!r}, expected one")
        return None
    return found[0]


def recipe_dir(binary, source, tmp, name):
    """A folder like the repository a recipe runs in (project.yaml), and a bin folder with
    commplan in it; the recipe's day is 2026-12-10, a workday of the example."""
    work = os.path.join(tmp, name)
    bindir = os.path.join(work, ".bin")
    os.makedirs(bindir)
    shutil.copy(os.path.join(source, "examples", "datacentre-assessment.yaml"),
                os.path.join(work, "project.yaml"))
    shutil.copytree(os.path.join(source, "examples", "logs"), os.path.join(work, "logs"))
    os.symlink(os.path.abspath(binary), os.path.join(bindir, "commplan"))
    env = {"PATH": f"{bindir}:/usr/bin:/bin",
           "SOURCE_DATE_EPOCH": str(calendar.timegm(datetime.datetime(2026, 12, 10, 4).timetuple()))}
    return work, bindir, env


def audience_of(script):
    """The recipe's --audience option, to render what it should have sent."""
    found = re.search(r"--audience (\w+)", script)
    return ["--audience", found.group(1)] if found else []


def check_mail_recipe(binary, source, tmp, inbox, port):
    script = recipe(source, "sendmail -t")
    if script is None:
        return 0
    work, bindir, env = recipe_dir(binary, source, tmp, "mail-recipe")
    shutil.copy(os.path.join(tmp, "sendmail"), os.path.join(bindir, "sendmail"))
    env.update({"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port)})
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        fail(f"README mail recipe: exit {done.returncode}: {done.stderr}")
        return 0
    _, raw, _ = attempt(binary, "recap", os.path.join(work, "project.yaml"), "--level", "daily",
                        "--date", "2026-12-10", *audience_of(script), "--format", "eml")
    check_received("README mail recipe", inbox, raw)
    return 1


CURL = """#!/bin/sh
# Records what it was asked to post; no network.
printf '%s\\n' "$*" >> "$CURL_LOG"
"""


def check_webhook_recipe(binary, source, tmp):
    script = recipe(source, '"msgtype"')
    if script is None:
        return
    if shutil.which("jq") is None:
        print("note: jq is not installed: the webhook recipe was not run")
        return
    work, bindir, env = recipe_dir(binary, source, tmp, "webhook-recipe")
    with open(os.path.join(bindir, "curl"), "w") as f:
        f.write(CURL)
    os.chmod(os.path.join(bindir, "curl"), 0o755)
    env.update({"CURL_LOG": os.path.join(work, "curl.log"),
                "WEBHOOK_URL": "https://oapi.dingtalk.com/robot/send?access_token=TEST"})
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        fail(f"README webhook recipe: exit {done.returncode}: {done.stderr}")
        return
    limit = re.search(r"--max-bytes (\d+)", script)
    _, txt, _ = attempt(binary, "recap", os.path.join(work, "project.yaml"), "--level", "daily",
                        "--date", "2026-12-10", *audience_of(script), "--format", "txt",
                        "--max-bytes", limit.group(1))
    parts = txt.decode("utf-8").split("\f\n")
    path = os.path.join(work, "payloads.jsonl")
    if not os.path.exists(path):
        fail("README webhook recipe: no payloads.jsonl")
        return
    with open(path, encoding="utf-8") as f:
        payloads = [json.loads(line) for line in f]
    want = [{"msgtype": "text", "text": {"content": part}} for part in parts]
    if payloads != want:
        fail(f"README webhook recipe: {len(payloads)} payloads are not the {len(parts)} parts")
    if len(parts) < 2:
        fail("README webhook recipe: the recap was not split, so splitting went untested")
    with open(env["CURL_LOG"], encoding="utf-8") as f:
        posts = f.read().count(env["WEBHOOK_URL"])
    if posts != len(parts):
        fail(f"README webhook recipe: {posts} posts for {len(parts)} parts")


def main(binary, source):
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path, label, lang in examples(source):
            project = load_project(path)
            for brief, args in briefs(path):
                name = f"{label} {brief}"
                args = args + ["--lang", lang]
                code, raw, err = attempt(binary, *args, "--format", "eml")
                if code != 0:
                    fail(f"{name}: eml exit {code}: {err}")
                    continue
                # A draft is addressed to the client: without --audience its page is theirs.
                formats = {}
                for fmt in ("txt", "html", "json") + (("ics",) if brief == "plan" else ()):
                    formats[fmt] = attempt(binary, *args, "--audience", "client", "--format",
                                           fmt)[1]
                again = attempt(binary, *args, "--format", "eml")[1]
                if again != raw:
                    fail(f"{name}: two runs gave different messages")
                if attempt(binary, *args, "--audience", "client", "--format", "eml")[1] != raw:
                    fail(f"{name}: eml is not --audience client's without --audience")
                team = attempt(binary, *args, "--audience", "team", "--format", "eml")[1]
                team_text = parts_of(email.message_from_bytes(team, policy=email.policy.default))[0]
                if team_text is None or team_text.get_payload(decode=True) != attempt(
                        binary, *args, "--format", "txt")[1]:
                    fail(f"{name}: --audience team's draft does not hold the team's page")
                check_message(name, brief, raw, json.loads(formats["json"]), formats, lang,
                              project)
                count += 1
        code, _, err = attempt(binary, "kickoff", examples(source)[0][0], "--format", "eml",
                               "--max-bytes", "2000")
        if code != 2 or "--max-bytes" not in err:
            fail(f"eml with --max-bytes: exit {code}: {err}")
        sent = check_smtp(binary, source, tmp)
        check_webhook_recipe(binary, source, tmp)
    return report(f"{count} briefs read back as e-mail, {sent} sent over loopback SMTP")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
