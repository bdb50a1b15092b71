#!/usr/bin/env python3
"""Check timeline files (docs/timeline-format.md) against their schema and their articles.

Usage: python3 scripts/check_timeline.py [FILE.timeline.json ...]
       (default: every seeds/*.timeline.json)

Checks:
  - the schema itself is valid JSON Schema 2020-12, and each file validates against it;
  - every evidence quote occurs verbatim in the article, inside one paragraph, and is
    unambiguous (occurs once) or carries an `occurrence` that exists;
  - every actor name, alias and role title, and every place name, occurs in the article;
  - ids are unique across actors, places and events of all files checked;
  - references (roles.of, affiliations.actor, events' actors/places/relations) resolve;
  - dates are valid EDTF (level 1 subset), real calendar days, start <= end, and no
    event starts after the article's publication date;
  - figures, coordinates and a few other consistency rules.
Prints, for every evidence item, its paragraph (1-based; paragraphs are maximal runs of
non-blank lines) and its Unicode-scalar start/end offsets (end exclusive), then the events
in article order. Exits 1 if any problem was found, 2 on usage/IO errors.
"""

import calendar
import datetime as dt
import glob
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("error: the jsonschema package is required (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_PATH = os.path.join(ROOT, "seeds", "timeline.schema.json")


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, msg):
        self.items.append(f"{where}: {msg}")

    def __bool__(self):
        return bool(self.items)


# ---------------------------------------------------------------- article text

def read_article(path):
    # newline="" keeps the file's own line endings, so offsets are offsets into the file's text.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def paragraphs(text):
    """Return [(start, end)] scalar offsets of maximal runs of non-blank lines."""
    spans = []
    pos = 0
    cur_start = None
    cur_end = None
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip() == "":
            if cur_start is not None:
                spans.append((cur_start, cur_end))
                cur_start = None
        else:
            if cur_start is None:
                cur_start = pos
            cur_end = pos + len(content)
        pos += len(line)
    if cur_start is not None:
        spans.append((cur_start, cur_end))
    return spans


def find_all(text, needle):
    out = []
    i = text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def paragraph_of(spans, start, end):
    for n, (ps, pe) in enumerate(spans, 1):
        if ps <= start and end <= pe:
            return n
    return None


# ---------------------------------------------------------------- EDTF

DATE_RE = re.compile(
    r"^(?P<y>[0-9]{2}(?:[0-9]{2}|[0-9]X|XX))"
    r"(?:-(?P<m>0[1-9]|1[0-2]|XX)(?:-(?P<d>0[1-9]|[12][0-9]|3[01]|XX))?)?"
    r"(?P<q>[~?%])?$"
)


def date_bounds(s):
    """Earliest and latest day (datetime.date) of a single EDTF date, or raise ValueError."""
    m = DATE_RE.match(s)
    if not m:
        raise ValueError(f"not an EDTF level-1 date: {s!r}")
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    if "X" in y:
        lo_y, hi_y = int(y.replace("X", "0")), int(y.replace("X", "9"))
    else:
        lo_y = hi_y = int(y)
    if lo_y < 1:
        raise ValueError(f"year out of range: {s!r}")
    if mo is None or mo == "XX":
        if d is not None and d != "XX":
            raise ValueError(f"day given with unspecified month: {s!r}")
        lo_m, hi_m = (1, 12)
    else:
        lo_m = hi_m = int(mo)
    if d is None or d == "XX":
        lo = dt.date(lo_y, lo_m, 1)
        hi = dt.date(hi_y, hi_m, calendar.monthrange(hi_y, hi_m)[1])
    else:
        if "X" in y:
            raise ValueError(f"day given with unspecified year digits: {s!r}")
        day = int(d)
        if day > calendar.monthrange(lo_y, lo_m)[1]:
            raise ValueError(f"no such day: {s!r}")
        lo = hi = dt.date(lo_y, lo_m, day)
    return lo, hi


def edtf_range(s):
    """(earliest, latest) for a date or interval; None for an unknown/open end."""
    if "/" in s:
        a, b = s.split("/", 1)
        if (a in ("", "..")) and (b in ("", "..")):
            raise ValueError(f"interval with no known end: {s!r}")
        lo = None if a in ("", "..") else date_bounds(a)[0]
        hi = None if b in ("", "..") else date_bounds(b)[1]
        if a not in ("", "..") and b not in ("", ".."):
            if date_bounds(a)[0] > date_bounds(b)[1]:
                raise ValueError(f"interval starts after it ends: {s!r}")
        return lo, hi
    return date_bounds(s)


# ---------------------------------------------------------------- checking

def decimals(x):
    r = repr(float(x))
    if "e" in r or "E" in r:
        return 99
    return len(r.split(".")[1].rstrip("0")) if "." in r else 0


def check_file(path, validator, seen_ids, problems):
    where0 = os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path

    def add(where, msg):
        problems.add(f"{where0}: {where}" if where != where0 else where, msg)
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        add(where0, f"cannot read JSON: {e}")
        return

    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors:
        loc = "/".join(str(p) for p in e.absolute_path) or "(top)"
        add(where0, f"schema: {loc}: {e.message}")
    if errors:
        return

    src = doc["source"]
    article_path = os.path.normpath(os.path.join(os.path.dirname(path), src["text_file"]))
    try:
        text = read_article(article_path)
    except (OSError, UnicodeDecodeError) as e:
        add(where0, f"cannot read article {src['text_file']}: {e}")
        return
    spans = paragraphs(text)

    print(f"== {where0}")
    print(f"   article {os.path.relpath(article_path, os.path.dirname(path))}: {len(text)} scalars, {len(spans)} paragraphs")

    # ---- verbatim strings (names, aliases, role titles): must occur at least once
    def must_occur(where, s, what):
        if s not in text:
            add(where, f"{what} {s!r} does not occur in the article")

    # ---- evidence
    locations = {}  # id(evidence dict) -> (paragraph, start, end)

    def check_evidence(where, ev):
        q = ev["quote"]
        hits = find_all(text, q)
        occ = ev.get("occurrence")
        if not hits:
            add(where, f"quote not found in article: {q!r}")
            return None
        if occ is None and len(hits) > 1:
            add(where, f"ambiguous quote ({len(hits)} occurrences, no 'occurrence'): {q!r}")
            return None
        if occ is not None and occ > len(hits):
            add(where, f"occurrence {occ} but quote occurs {len(hits)} time(s): {q!r}")
            return None
        start = hits[(occ or 1) - 1]
        end = start + len(q)
        para = paragraph_of(spans, start, end)
        if para is None:
            add(where, f"quote spans more than one paragraph: {q!r}")
            return None
        if q != q.strip():
            add(where, f"quote has leading/trailing whitespace: {q!r}")
        loc = (para, start, end)
        locations[id(ev)] = loc
        short = q if len(q) <= 70 else q[:67] + "..."
        print(f"   {where}: para {para} [{start}, {end}) {short!r}")
        return loc

    def check_evidence_list(where, evs):
        quotes = [(e["quote"], e.get("occurrence")) for e in evs]
        if len(set(quotes)) != len(quotes):
            add(where, "duplicate evidence item")
        return [check_evidence(f"{where}/evidence/{i}", e) for i, e in enumerate(evs)]

    check_evidence_list("source", src["evidence"])
    must_occur("source/title", src["title"], "title")
    must_occur("source/section", src["section"], "section")
    try:
        published = dt.date.fromisoformat(src["published"])
    except ValueError:
        add("source/published", f"not a calendar day: {src['published']!r}")
        published = None

    # ---- ids
    local = {}
    for kind in ("actors", "places", "events"):
        for i, rec in enumerate(doc[kind]):
            rid = rec["id"]
            if rid in seen_ids:
                add(f"{kind}/{i}", f"duplicate id {rid!r} (also {seen_ids[rid]})")
            else:
                seen_ids[rid] = f"{where0} {kind}/{i}"
            local[rid] = kind
    actor_ids = {a["id"] for a in doc["actors"]}
    place_ids = {p["id"] for p in doc["places"]}
    event_ids = {e["id"] for e in doc["events"]}

    # ---- actors
    used_actors, used_places = set(), set()
    for i, a in enumerate(doc["actors"]):
        w = f"actors/{i}({a['id']})"
        must_occur(w + "/name", a["name"], "name")
        for j, al in enumerate(a["aliases"]):
            must_occur(f"{w}/aliases/{j}", al, "alias")
            if al == a["name"]:
                add(f"{w}/aliases/{j}", "alias repeats the name")
        for j, r in enumerate(a["roles"]):
            must_occur(f"{w}/roles/{j}/title", r["title"], "role title")
            if "of" in r:
                if r["of"] not in actor_ids:
                    add(f"{w}/roles/{j}/of", f"unknown actor {r['of']!r}")
                elif r["of"] == a["id"]:
                    add(f"{w}/roles/{j}/of", "role of itself")
            check_evidence(f"{w}/roles/{j}/evidence", r["evidence"])
        for j, af in enumerate(a["affiliations"]):
            if af["actor"] not in actor_ids:
                add(f"{w}/affiliations/{j}/actor", f"unknown actor {af['actor']!r}")
            elif af["actor"] == a["id"]:
                add(f"{w}/affiliations/{j}/actor", "affiliated with itself")
            check_evidence(f"{w}/affiliations/{j}/evidence", af["evidence"])
        check_evidence_list(w, a["evidence"])

    # ---- places
    for i, p in enumerate(doc["places"]):
        w = f"places/{i}({p['id']})"
        must_occur(w + "/name", p["name"], "name")
        c = p["coordinates"]
        if c is not None:
            for k, x in enumerate(c):
                if decimals(x) > 4:
                    add(f"{w}/coordinates/{k}", f"{x} has more than 4 decimals")
        if p["kind"] == "region" and p["country"] is not None:
            pass  # a region inside one country is allowed
        check_evidence_list(w, p["evidence"])

    # ---- events
    ranges = {}
    order = []
    for i, e in enumerate(doc["events"]):
        w = f"events/{i}({e['id']})"
        try:
            lo, hi = edtf_range(e["date"])
            ranges[e["id"]] = (lo, hi)
            if published and lo and lo > published:
                add(w + "/date", f"starts after publication ({e['date']} > {published})")
        except ValueError as ex:
            add(w + "/date", str(ex))
        seen_actor_refs = set()
        for j, ar in enumerate(e["actors"]):
            if ar["id"] not in actor_ids:
                add(f"{w}/actors/{j}", f"unknown actor {ar['id']!r}")
            if ar["id"] in seen_actor_refs:
                add(f"{w}/actors/{j}", f"actor {ar['id']!r} listed twice")
            seen_actor_refs.add(ar["id"])
            used_actors.add(ar["id"])
        for j, pid in enumerate(e["places"]):
            if pid not in place_ids:
                add(f"{w}/places/{j}", f"unknown place {pid!r}")
            used_places.add(pid)
        for j, f in enumerate(e["figures"]):
            fw = f"{w}/figures/{j}"
            lb, ub = f["lower_bound"], f["upper_bound"]
            if lb is not None and ub is not None and lb > ub:
                add(fw, "lower_bound > upper_bound")
            if f["value"] is not None and ((lb is not None and f["value"] < lb) or (ub is not None and f["value"] > ub)):
                add(fw, "value outside its bounds")
            check_evidence(fw + "/evidence", f["evidence"])
        for j, r in enumerate(e["relations"]):
            rw = f"{w}/relations/{j}"
            if r["event"] not in event_ids:
                add(rw, f"unknown event {r['event']!r}")
            elif r["event"] == e["id"]:
                add(rw, "relation to itself")
            if "evidence" in r:
                check_evidence(rw + "/evidence", r["evidence"])
        locs = check_evidence_list(w, e["evidence"])
        if locs and locs[0] is not None:
            order.append((locs[0][1], e["id"]))

    # ---- temporal consistency of relations (only where both ends are known)
    for i, e in enumerate(doc["events"]):
        for j, r in enumerate(e["relations"]):
            a, b = ranges.get(e["id"]), ranges.get(r["event"])
            if not a or not b:
                continue
            if r["type"] in ("triggered_by", "caused_by", "in_response_to", "preceded_by"):
                # the other event must be able to start no later than this one ends
                if b[0] and a[1] and b[0] > a[1]:
                    add(f"events/{i}({e['id']})/relations/{j}",
                                 f"{r['type']} {r['event']} which starts after this event ends")
            if r["type"] == "followed_by":
                if a[0] and b[1] and a[0] > b[1]:
                    add(f"events/{i}({e['id']})/relations/{j}",
                                 f"followed_by {r['event']} which ends before this event starts")

    # ---- report
    print("   events in article order:")
    for rank, (_, eid) in enumerate(sorted(order), 1):
        ev = next(x for x in doc["events"] if x["id"] == eid)
        lo, hi = ranges.get(eid, (None, None))
        print(f"   {rank:3d}. {eid:42s} {ev['date']:24s} {ev['type']}{'/' + ev['mode'] if 'mode' in ev else ''}"
              f"  [{lo or '..'} .. {hi or '..'}]")
    unused_a = sorted(actor_ids - used_actors)
    unused_p = sorted(place_ids - used_places)
    if unused_a:
        print(f"   note: actors not referenced by any event: {', '.join(unused_a)}")
    if unused_p:
        print(f"   note: places not referenced by any event: {', '.join(unused_p)}")
    print(f"   counts: {len(doc['actors'])} actors, {len(doc['places'])} places, {len(doc['events'])} events")


def main(argv):
    paths = argv[1:] or sorted(glob.glob(os.path.join(ROOT, "seeds", "*.timeline.json")))
    if not paths:
        print("error: no timeline files found", file=sys.stderr)
        return 2
    try:
        with open(SCHEMA_PATH, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"error: cannot read schema {SCHEMA_PATH}: {e}", file=sys.stderr)
        return 2
    problems = Problems()
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        problems.add("seeds/timeline.schema.json", f"invalid schema: {e.message}")
        print("\n".join(problems.items))
        return 1
    validator = jsonschema.Draft202012Validator(schema)

    seen_ids = {}
    for p in paths:
        check_file(os.path.abspath(p), validator, seen_ids, problems)
    if problems:
        print(f"\nFAILED: {len(problems.items)} problem(s)")
        for msg in problems.items:
            print(f"  - {msg}")
        return 1
    print(f"\nOK: {len(paths)} file(s), no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
