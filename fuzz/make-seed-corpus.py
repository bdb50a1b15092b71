#!/usr/bin/env python3
"""Writes the hand-made seed inputs of fuzz/corpus/<target>/: the API's documented paths and
parameters (docs/openapi.json, README), the seed timeline's ids and dates, and the EDTF forms
of docs/timeline-format.md. Files are named by content hash, as libFuzzer names its own, so
re-running only adds. Run from anywhere: fuzz/make-seed-corpus.py"""
import hashlib
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
seed = json.loads((root / "seeds/china-in-post-kazakhstan-central-asia.timeline.json").read_text())
events = [e["id"] for e in seed["events"]]
actors = [a["id"] for a in seed["actors"]]
aliases = [alias for a in seed["actors"] for alias in a.get("aliases", [])]
places = [p["id"] for p in seed["places"]]
source = seed["source"]["id"]
types = sorted({e["type"] for e in seed["events"]})
dates = sorted({e["date"] for e in seed["events"]})


def write(target, inputs):
    folder = root / "fuzz/corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for text in inputs:
        data = text.encode()
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


event_queries = [
    "", "?from=2022-01-07&to=2022-01-07&match=within", "?from=2022-01&to=2022-01&type=PROTEST&format=csv",
    "?actor=xi-jinping&actor=tokayev", "?type=PROTEST,FIGHT&type=AID", "?limit=10", "?limit=500&sort=-date",
    "?sort=article&fields=id,title,date", "?q=zhong+ji", "?q=%C3%BC%E4%B8%AD", "?format=timelinejs&limit=500",
    "?format=geojson", "?format=ndjson&pretty=1", "?pretty=true", "?place=almaty&match=overlap",
    "?cursor=AAAAAA", "?from=2022&to=2022-02-08", "?to=2022-02-30", "?limit=0", "?bogus=1", "?from=2022&from=2023",
]
list_queries = ["", "?kind=state", "?kind=city&country=KZ", "?q=kazakh", "?sort=event-count", "?sort=name&limit=5",
                "?fields=id,name", "?format=csv", "?format=ndjson", "?format=geojson"]
targets = ["/", "/healthz", "/readyz", "/openapi.json", "/metrics", "/v1/search?q=massimov",
           "/v1/search?q=zhong+ji&limit=3", "/v1/sources", f"/v1/sources/{source}", f"/v1/sources/{source}/text",
           f"/v1/sources/{source}/paragraphs", f"/v1/sources/{source}/paragraphs/7",
           f"/v1/sources/{source}/paragraphs/999", "/v1/nothing", "/v1/events/%zz", "/v1/events/a%00b"]
targets += ["/v1/events" + q for q in event_queries] + ["/v1/timeline" + q for q in event_queries[:8]]
targets += ["/v1/actors" + q for q in list_queries[:7]] + ["/v1/places" + q for q in list_queries]
targets += [f"/v1/events/{e}" for e in events[:6]] + [f"/v1/events/{events[0]}?format=geojson&fields=id"]
targets += [f"/v1/actors/{a}" for a in actors[:4]] + [f"/v1/actors/{a}/events?from=2022" for a in actors[4:7]]
targets += [f"/v1/actors/{a}/network" for a in actors[:3]] + [f"/v1/actors/{alias}" for alias in aliases[:4]]
targets += [f"/v1/places/{p}" for p in places[:3]] + [f"/v1/places/{p}/events" for p in places[3:6]]
targets += ["/v1/actors/kremlin/events", "/v1/events/massimov-arest", "/v1/places/almaty?format=geojson"]
write("query-string", targets + ["/a+b?x=%2B&y=a+b#frag", "/?a=1&b=&c&a=2&&d=x%3Dy", "?%F0%9F%98%80=%E2%82%AC"])

requests = [f"GET\n{t}\n" for t in targets]
requests += [
    "HEAD\n/v1/events\n", "OPTIONS\n/v1/events\n", "POST\n/v1/events\n", "DELETE\n/v1/actors/china\n",
    "GET\n/v1/events\nAccept: text/csv\n", "GET\n/v1/events\nAccept: application/x-ndjson;q=0.9, */*;q=0.1\n",
    "GET\n/v1/places\nAccept: application/geo+json\n", "GET\n/v1/events\nAccept: image/png\n",
    "GET\n/v1/events?limit=100\nAccept-Encoding: gzip, deflate\n", "GET\n/v1/events\nAccept-Encoding: gzip;q=0\n",
    'GET\n/v1/events\nIf-None-Match: "abc", W/"def"\n', "GET\n/v1/actors\nIf-None-Match: *\n",
    "GET\n/\nX-Request-Id: abc-123._:@\n", "GET\n/\nX-Request-Id: bad id\n",
    "GET\n/v1/events?format=csv\nAccept: application/json\nAccept: text/csv\n",
]
write("router", requests)

edtf = dates + ["2022", "2022-01", "2022-01-07", "2022-01-07~", "2022-01?", "2022%", "201X", "2022-01-XX", "20XX-02-29",
                "XXXX", "2022-XX-31", "2022-02-29", "2024-02-29", "0000-01-01", "9999-12-31", "2022-13", "2022-00-10",
                "2022-01-02/2022-01-07", "/2022-01-02", "2022-01-02/", "../2022-02-08", "2022-01/..", "2022-02/2022-01",
                "2022-01?/2022-02-08~", "/", "a/b/c", "2022-1-7", "22", "2022-01-07T10:00"]
write("edtf", edtf)
