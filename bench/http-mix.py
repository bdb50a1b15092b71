#!/usr/bin/env python3
"""Writes the wrk Lua script of bench/http's request mix to stdout.

    bench/http-mix.py BASE-URL REPORT-LUA > mix.lua

The mix is what services and curl users ask beyond the default pages: filters (actor by id
and by alias, place, type, dates in both match modes, text), cursor pages, every format,
pretty output, items, networks, paragraphs and search, some with gzip. The exact hot targets
(`/v1/events`, …), which are answered from the request head, are left out on purpose: this
is the full path. Cursors are opaque, so they are read from the running server. Every
request is checked to answer 200 first; one that does not stops the benchmark.
"""
import json
import sys
import urllib.error
import urllib.request

base, report = sys.argv[1], sys.argv[2]


def fetch(path, headers=None):
    request = urllib.request.Request(base + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def first_id(path):
    return json.loads(fetch(path)[1])["data"][0]["id"]


event, actor, place, source = (first_id(p) for p in ("/v1/events?limit=1", "/v1/actors", "/v1/places", "/v1/sources"))
paths = [
    "/v1/events?actor=china", "/v1/events?actor=Beijing", "/v1/events?actor=russia&actor=china",
    "/v1/events?type=PROTEST", "/v1/events?type=PROTEST&type=MOBILIZE", "/v1/events?place=" + place,
    "/v1/events?from=2022-01&to=2022-01", "/v1/events?from=2019&to=2021&match=within",
    "/v1/events?q=csto", "/v1/events?q=protest%20china", "/v1/events?sort=article", "/v1/events?sort=-date",
    "/v1/events?format=csv", "/v1/events?format=ndjson", "/v1/events?format=geojson",
    "/v1/events?format=timelinejs", "/v1/events?pretty=1", "/v1/events?actor=china&format=csv",
    "/v1/events/" + event, "/v1/events/" + event + "?format=geojson",
    "/v1/actors?kind=person", "/v1/actors?q=president", "/v1/actors/" + actor, "/v1/actors/china/events",
    "/v1/actors/china/network", "/v1/places/" + place, "/v1/places/" + place + "/events",
    "/v1/places?format=geojson", "/v1/timeline?format=timelinejs", "/v1/sources", "/v1/sources/" + source,
    "/v1/sources/" + source + "/paragraphs", "/v1/sources/" + source + "/paragraphs/3",
    "/v1/search?q=kazakhstan", "/v1/search?q=xi%20jinping&limit=5",
]
# Three pages deep through a cursor, twice (two page sizes).
for size in (3, 10):
    page = f"/v1/events?limit={size}"
    for _ in range(3):
        paths.append(page)
        page = json.loads(fetch(page)[1])["links"].get("next")
        if not page:
            break

requests = [(path, {}) for path in paths]
requests += [(path, {"Accept-Encoding": "gzip"}) for path in paths[::3]]
requests += [("/v1/events?actor=china", {"Accept": "text/csv"}), ("/v1/events?limit=5", {"Accept": "application/x-ndjson"})]

for path, headers in requests:
    status, body = fetch(path, headers)
    if status != 200:
        sys.exit(f"http-mix: {path} {headers} answered {status}: {body[:300]!r}")


def lua(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


print("-- Written by bench/http-mix.py: the request mix, formatted once in init.")
print("local mix = {")
for path, headers in requests:
    fields = ", ".join(f"[{lua(k)}] = {lua(v)}" for k, v in headers.items())
    print(f"  {{{lua(path)}, {{{fields}}}}},")
print("}")
print("""local formatted, n = {}, 0
init = function(args)
  for i, r in ipairs(mix) do formatted[i] = wrk.format("GET", r[1], r[2]) end
end
request = function()
  n = n % #formatted + 1
  return formatted[n]
end""")
print(open(report).read())
