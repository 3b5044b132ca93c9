"""`commplan plan --format ics --previous OLD.ics` updates a calendar instead of duplicating it.

An example is planned (OLD), then its final recap moves to another day and time, a phase ends
earlier and the daily recap changes room, and the plan is written again against OLD (NEW).
Both are read by two iCalendar parsers (python3-icalendar and python3-vobject), then imported,
OLD first, into a calendar store that follows RFC 5546 (an event replaces the one of its UID
unless its SEQUENCE is lower; STATUS:CANCELLED removes it). The store must then hold exactly
one event per touchpoint of the new plan, each at the new plan's time: the moved final recap
under its old UID with SEQUENCE 1, every unchanged event with SEQUENCE 0. When khal is
installed, the same two files are imported into a throwaway khal calendar and listed back.

Also: without --previous every SEQUENCE is 0 and nothing is cancelled; planning again against
NEW with nothing changed gives NEW byte for byte; DTSTAMP never lies after the day of the run
(SOURCE_DATE_EPOCH); --previous without --format ics is a usage error (exit 2); a file that is
no calendar is refused with its name and line (exit 1).

Usage: test_plan_ics_update.py COMMPLAN_BINARY SOURCE_DIR
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

import icalendar
import vobject

from commplan_test import fail, report

DATE = "2026-11-30"
EXAMPLE = "datacentre-assessment.yaml"


def commplan(binary, *args, env=None, code=0):
    done = subprocess.run([binary, *args], capture_output=True,
                          env=env or {"PATH": "/usr/bin:/bin"})
    if done.returncode != code:
        fail(f"{' '.join(args)}: exit {done.returncode}, expected {code}: {done.stderr.decode()}")
    return done


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        fail(f"{path}: {old!r} not found; the example changed, adapt the test")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def events(raw, name):
    """The VEVENTs of `raw`, read by icalendar; vobject must read the file too."""
    try:
        list(vobject.readComponents(raw.decode("utf-8")))
    except Exception as e:  # vobject raises many kinds
        fail(f"{name}: vobject cannot read it: {e}")
    return [c for c in icalendar.Calendar.from_ical(raw).walk("VEVENT")]


def sequence(event):
    return int(event.get("SEQUENCE", 0))


def import_into(store, raw, name):
    """RFC 5546 §2.1.5: a newer or equal SEQUENCE replaces; CANCELLED removes."""
    for event in events(raw, name):
        uid = str(event["UID"])
        if uid in store and sequence(event) < sequence(store[uid]):
            continue
        if str(event.get("STATUS", "")) == "CANCELLED":
            store.pop(uid, None)
        else:
            store[uid] = event


def check_store(store, plan, zone, label):
    touchpoints = {t["uid"]: t for t in plan["touchpoints"]}
    if len(touchpoints) != len(plan["touchpoints"]):
        fail(f"{label}: two touchpoints share a UID")
    if set(store) != set(touchpoints):
        fail(f"{label}: the calendar holds {sorted(set(store) - set(touchpoints))} too many and "
             f"misses {sorted(set(touchpoints) - set(store))}")
    for uid, t in touchpoints.items():
        if uid not in store:
            continue
        start = store[uid].decoded("DTSTART").astimezone(zone)
        if (start.strftime("%Y-%m-%d"), start.strftime("%H:%M")) != (t["date"], t["start"]):
            fail(f"{label}: {t['kind']} {uid} at {start}, expected {t['date']} {t['start']}")


def check_khal(old, new, plan, zone, tmp):
    """The two files imported into a real calendar program, listed back."""
    if shutil.which("khal") is None:
        print("note: khal is not installed; the RFC 5546 store stands in for it")
        return
    home = os.path.join(tmp, "khal")
    os.makedirs(os.path.join(home, "cal"))
    config = os.path.join(home, "config")
    with open(config, "w") as f:
        f.write(f"[calendars]\n[[cal]]\npath = {home}/cal\n[locale]\n"
                f"local_timezone = {zone.key}\ndefault_timezone = {zone.key}\n"
                "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"}
    for path in (old, new):
        done = subprocess.run(["khal", "-c", config, "import", "--batch", "-a", "cal", path],
                              capture_output=True, text=True, env=env)
        if done.returncode != 0:
            fail(f"khal import {os.path.basename(path)}: {done.stderr}")
            return
    first, last = plan["touchpoints"][0]["date"], plan["touchpoints"][-1]["date"]
    done = subprocess.run(["khal", "-c", config, "list", "--format", "{uid} {start} {status}",
                           "--day-format", "", first, last],
                          capture_output=True, text=True, env=env)
    listed = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and "CANCELLED" not in line:
            listed.setdefault(parts[0], []).append(f"{parts[1]} {parts[2]}")
    expected = {t["uid"]: [f"{t['date']} {t['start']}"] for t in plan["touchpoints"]}
    if listed != expected:
        wrong = [(uid, listed.get(uid), expected.get(uid))
                 for uid in sorted(set(listed) | set(expected)) if listed.get(uid) != expected.get(uid)]
        fail(f"khal lists {len(listed)} events, expected {len(expected)}: {wrong[:4]}")


def fingerprint(event):
    """What makes an update a change: the times, the place and the attendees."""
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    return (event.decoded("DTSTART"), event.decoded("DTEND"), str(event.get("LOCATION", "")),
            sorted(map(str, attendees)))


def main(binary, source):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(os.path.join(source, "examples", EXAMPLE), tmp)
        shutil.copytree(os.path.join(source, "examples", "logs"), os.path.join(tmp, "logs"))
        project = os.path.join(tmp, EXAMPLE)
        old, new, again = (os.path.join(tmp, n) for n in ("old.ics", "new.ics", "again.ics"))
        commplan(binary, "plan", project, "--format", "ics", "--date", DATE, "-o", old)
        old_plan = json.loads(commplan(binary, "plan", project, "--format", "json",
                                       "--date", DATE).stdout)
        with open(old, "rb") as f:
            old_raw = f.read()
        if any(sequence(e) != 0 for e in events(old_raw, "old.ics")) or b"CANCELLED" in old_raw:
            fail("without --previous, every SEQUENCE must be 0 and nothing cancelled")

        edit(project, '    date: 2026-12-18\n    time: "14:00"', '    date: 2026-12-17\n    time: "15:00"')
        edit(project, "    location: Meeting room 2F-03\n    attendees: [Priya Raman, Zhou Min]",
             "    location: Meeting room 3F-01\n    attendees: [Priya Raman, Zhou Min]")
        commplan(binary, "plan", project, "--format", "ics", "--date", DATE, "--previous", old,
                 "-o", new)
        plan = json.loads(commplan(binary, "plan", project, "--format", "json",
                                   "--date", DATE).stdout)
        with open(new, "rb") as f:
            new_raw = f.read()
        zone = zoneinfo.ZoneInfo(plan["project"]["timezone"])

        store = {}
        import_into(store, old_raw, "old.ics")
        check_store(store, old_plan, zone, "after OLD")
        import_into(store, new_raw, "new.ics")
        check_store(store, plan, zone, "after OLD then NEW")

        final = [t for t in plan["touchpoints"] if t["kind"] == "final"][0]
        old_final = [t for t in old_plan["touchpoints"] if t["kind"] == "final"][0]
        if final["uid"] != old_final["uid"]:
            fail("the final recap's UID changed with its day")
        by_uid = {str(e["UID"]): e for e in events(new_raw, "new.ics")}
        if sequence(by_uid[final["uid"]]) != 1:
            fail(f"the moved final recap has SEQUENCE {sequence(by_uid[final['uid']])}, expected 1")
        cancelled = [u for u, e in by_uid.items() if str(e.get("STATUS", "")) == "CANCELLED"]
        gone = {t["uid"] for t in old_plan["touchpoints"]} - {t["uid"] for t in plan["touchpoints"]}
        if set(cancelled) != gone or not gone:
            fail(f"cancelled {sorted(cancelled)}, expected the events no longer planned {sorted(gone)}")
        for uid in cancelled:
            if sequence(by_uid[uid]) != 1:
                fail(f"cancelled {uid} has SEQUENCE {sequence(by_uid[uid])}, expected 1")
        old_by_uid = {str(e["UID"]): e for e in events(old_raw, "old.ics")}
        for t in plan["touchpoints"]:
            before = old_by_uid.get(t["uid"])
            if before is None:
                continue
            moved = fingerprint(before) != fingerprint(by_uid[t["uid"]])
            if sequence(by_uid[t["uid"]]) != (1 if moved else 0):
                fail(f"{t['kind']} {t['date']}: SEQUENCE {sequence(by_uid[t['uid']])}, "
                     f"changed: {moved}")

        commplan(binary, "plan", project, "--format", "ics", "--date", DATE, "--previous", new,
                 "-o", again)
        with open(again, "rb") as f:
            if f.read() != new_raw:
                fail("planning again against NEW with nothing changed did not give NEW")

        check_khal(old, new, plan, zone, tmp)

        # DTSTAMP is never after the day of the run, whatever --date says.
        env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1764547200"}  # 2025-12-01
        stamped = commplan(binary, "plan", project, "--format", "ics", "--date", DATE,
                           env=env).stdout
        for e in events(stamped, "stamped"):
            if e.decoded("DTSTAMP") != datetime.datetime(2025, 12, 1, tzinfo=datetime.timezone.utc):
                fail(f"DTSTAMP {e.decoded('DTSTAMP')} lies after the day of the run (2025-12-01)")
                break

        done = commplan(binary, "plan", project, "--previous", old, code=2)
        if b"--previous" not in done.stderr:
            fail(f"--previous without ics: {done.stderr.decode()}")
        bogus = os.path.join(tmp, "bogus.ics")
        with open(bogus, "w") as f:
            f.write("hello\n")
        done = commplan(binary, "plan", project, "--format", "ics", "--previous", bogus, code=1)
        if f"{bogus}:1:1: error: not an iCalendar file".encode() not in done.stderr:
            fail(f"a file that is no calendar: {done.stderr.decode()}")
    return report(f"{len(plan['touchpoints'])} touchpoints updated through --previous")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
