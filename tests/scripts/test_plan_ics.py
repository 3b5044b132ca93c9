"""`commplan plan --format ics` read back by a real iCalendar parser (python3-icalendar): for
every example, one event per touchpoint of `--format json`, each at the touchpoint's local time
in the project's zone, as long as the touchpoint, with its UID; lines folded at 75 octets
without splitting a UTF-8 character and ended with CRLF; byte-identical across runs; floating
local times when the project has no time zone. Every calendar kept as a golden
(tests/golden/*/*/expected.ics) is read back too, against the plan its arguments give.

Usage: test_plan_ics.py COMMPLAN_BINARY SOURCE_DIR
"""

import datetime
import glob
import json
import os
import sys
import tempfile
import zoneinfo

import icalendar

from commplan_test import examples, fail, read_json, report, run, write_json

DATE = "2026-11-30"


def check_lines(name, raw):
    if not raw.endswith(b"\r\n"):
        fail(f"{name}: does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail(f"{name}:{number}: a bare line break")
        if len(line) > 75:
            fail(f"{name}:{number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{name}:{number}: folded inside a UTF-8 character")


def check_event(name, event, touchpoint, zone, stamp):
    where = f"{name} {touchpoint['date']} {touchpoint['kind']}"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    if zone is None:
        if start.tzinfo is not None:
            fail(f"{where}: expected a floating time, got {start}")
        local = start
    else:
        if start.tzinfo is None or start.utcoffset() != datetime.timedelta(0):
            fail(f"{where}: DTSTART {start} is not in UTC")
        local = start.astimezone(zone)
    if local.strftime("%Y-%m-%d") != touchpoint["date"] or local.strftime("%H:%M") != touchpoint["start"]:
        fail(f"{where}: starts {local}, expected {touchpoint['date']} {touchpoint['start']}")
    if end - start != datetime.timedelta(minutes=touchpoint["duration"]):
        fail(f"{where}: lasts {end - start}, expected {touchpoint['duration']} minutes")
    if str(event["UID"]) != touchpoint["uid"]:
        fail(f"{where}: UID {event['UID']}, expected {touchpoint['uid']}")
    if not str(event["SUMMARY"]).startswith(touchpoint["title"]):
        fail(f"{where}: SUMMARY {event['SUMMARY']!r} does not start with {touchpoint['title']!r}")
    if event.decoded("DTSTAMP") != stamp:
        fail(f"{where}: DTSTAMP {event.decoded('DTSTAMP')}, expected {stamp}")
    if touchpoint["location"] and str(event.get("LOCATION")) != touchpoint["location"]:
        fail(f"{where}: LOCATION {event.get('LOCATION')!r}, expected {touchpoint['location']!r}")
    emails = {a["email"] for a in touchpoint["attendees"] if a["email"]}
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    invited = {str(a).removeprefix("mailto:") for a in attendees}
    if invited != emails:
        fail(f"{where}: ATTENDEE {sorted(invited)}, expected {sorted(emails)}")


def check_plan(binary, project, name, lang):
    ics = ["plan", project, "--format", "ics", "--date", DATE, "--lang", lang]
    raw = run(binary, *ics, text=False)  # bytes: the CRLF line ends are checked
    if raw != run(binary, *ics, text=False):
        fail(f"{name}: two runs differ")
    view = json.loads(run(binary, "plan", project, "--format", "json", "--date", DATE, "--lang", lang))
    return check_calendar(name, raw, view, DATE)


def check_calendar(name, raw, view, date):
    """The calendar `raw` against the plan's `view`, both made with `--date date`."""
    check_lines(name, raw)
    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar["VERSION"]) != "2.0" or not str(calendar["PRODID"]).startswith("-//commplan//"):
        fail(f"{name}: VERSION or PRODID wrong")
    events = calendar.walk("VEVENT")
    touchpoints = view["touchpoints"]
    if len(events) != len(touchpoints):
        fail(f"{name}: {len(events)} events for {len(touchpoints)} touchpoints")
    if len({str(e["UID"]) for e in events}) != len(events):
        fail(f"{name}: UIDs repeat")
    timezone = view["project"]["timezone"]
    zone = zoneinfo.ZoneInfo(timezone) if timezone else None
    stamp = datetime.datetime.fromisoformat(date + "T00:00:00+00:00")
    for event, touchpoint in zip(events, touchpoints):
        check_event(name, event, touchpoint, zone, stamp)
    return len(events)


def without_timezone(project, folder):
    """A JSON copy of the JSON example without project.timezone."""
    data = read_json(project)
    del data["project"]["timezone"]
    return write_json(os.path.join(folder, "floating.json"), data)


HOSTILE = ' ;,\\ "q" 中文\nnext'
TEXT_FIELDS = {"name", "client", "location", "attendees", "role"}


def poison(value, key=""):
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and value and key in TEXT_FIELDS:
        return value + HOSTILE
    return value


def check_hostile(binary, pentest, folder):
    """Names, places and the client with every character TEXT escapes, quotes and CJK."""
    data = poison(read_json(pentest))
    path = write_json(os.path.join(folder, "hostile.json"), data)
    count = check_plan(binary, path, "hostile.json", "zh")
    calendar = icalendar.Calendar.from_ical(run(binary, "plan", path, "--format", "ics",
                                                         text=False))
    event = calendar.walk("VEVENT")[0]
    if not str(event["SUMMARY"]).endswith(data["project"]["name"]):
        fail(f"hostile.json: SUMMARY {event['SUMMARY']!r} lost the project name")
    if data["project"]["client"] not in str(event["DESCRIPTION"]):
        fail("hostile.json: DESCRIPTION lost the client's name")
    names = {a.params["CN"] for a in event["ATTENDEE"]}
    expected = {p["name"].replace('"', "'").replace("\n", " ")
                for p in data["team"] + data["client_team"] if p.get("email")}
    if names != expected:
        fail(f"hostile.json: attendee names {sorted(names)}, expected {sorted(expected)}")
    return count


def check_goldens(binary, source):
    """Every golden calendar against `plan --format json` with the golden's arguments (paths
    below the source tree made absolute, as the golden test does); returns (calendars, events)."""
    found = sorted(glob.glob(os.path.join(source, "tests", "golden", "*", "*", "expected.ics")))
    if not found:
        fail("no golden calendar found")
    count = 0
    for expected in found:
        folder = os.path.dirname(expected)
        name = os.path.relpath(expected, source)
        with open(os.path.join(folder, "args"), encoding="utf-8") as f:
            args = [arg for arg in f.read().splitlines() if arg]
        args = [os.path.join(source, arg)
                if not arg.startswith("-") and os.path.exists(os.path.join(source, arg)) else arg
                for arg in args]
        if "--date" not in args or "--format" not in args:
            fail(f"{name}: its args lack --format or --date (DTSTAMP)")
            continue
        json_args = list(args)
        json_args[args.index("--format") + 1] = "json"
        with open(expected, "rb") as f:
            raw = f.read()
        view = json.loads(run(binary, *json_args))
        count += check_calendar(name, raw, view, args[args.index("--date") + 1])
    return len(found), count


def main():
    binary, source = sys.argv[1], sys.argv[2]
    runs = examples(source)
    count = 0
    for project, name, lang in runs:
        count += check_plan(binary, project, name, lang)
    with tempfile.TemporaryDirectory() as folder:
        pentest = os.path.join(source, "examples", "penetration-test.json")
        count += check_plan(binary, without_timezone(pentest, folder), "floating.json", "en")
        count += check_hostile(binary, pentest, folder)
    goldens, events = check_goldens(binary, source)
    return report(f"{count + events} events checked in {len(runs) + 2 + goldens} calendars "
                  f"({goldens} goldens)")


if __name__ == "__main__":
    sys.exit(main())
