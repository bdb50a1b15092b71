-- wrk script for the soak (issue 6, part 4): a varied mix of routes, filters, formats, sorts,
-- field selections, searches, cursors followed from answers, conditional requests with ETags
-- taken from answers, gzip, OPTIONS, and deliberate 400s and 404s. Deterministic per
-- thread; the set of distinct URLs is bounded (a few thousand), so the response cache fills
-- during the warm-up and growth after it means memory kept per request.

local events = {"lpg-price-hike", "kyrgyzstan-anti-chinese-protests", "massimov-arrest",
  "zhanaozen-first-demonstrations", "protests-april-2016", "kyrgyz-mine-protests-2019",
  "zhong-ji-halts-operations", "kazakhstan-protests-2022", "january-unrest-casualties", "no-such-event"}
local actors = {"tokayev", "xi-jinping", "kremlin", "china", "afghanistan", "massimov", "csto", "nobody"}
local places = {"almaty", "zhanaozen", "kyrgyz-mine", "kazakhstan-country", "central-asia", "atlantis"}
local words = {"zhong+ji", "protest", "china", "almaty", "csto", "taliban", "mine", "xi", "%C3%A9t%C3%A9",
  "beijing", "arrest", "gas", "kyrgyz", "price", "q"}
local formats = {"json", "ndjson", "csv", "geojson", "timelinejs"}
local types = {"PROTEST", "AGREE", "FIGHT", "SANCTION", "RETREAT", "PROTEST,AGREE"}
local fixed = {
  "/", "/healthz", "/readyz", "/metrics", "/openapi.json", "/v1/timeline", "/v1/sources",
  "/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia",
  "/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/text",
  "/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/paragraphs",
  "/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/paragraphs/3",
  "/v1/events?limit=0", "/v1/events?format=xml", "/v1/events?from=2022-13", "/v1/events?bogus=1",
  "/v1/search?q=", "/nope", "/v1/events?q=%zz",
}

local counter = 0
local etags = {}      -- self link -> ETag, from plain JSON answers
local etag_keys = {}
local cursors = {}    -- next links from answers

local function div(a, b) return math.floor(a / b) end
local function pick(list, n) return list[n % #list + 1] end

local function generated(n)
  local kind = n % 12
  if kind == 0 then return pick(fixed, div(n, 12)) end
  if kind == 1 then return "/v1/events/" .. pick(events, div(n, 12)) end
  if kind == 2 then return "/v1/actors/" .. pick(actors, div(n, 12)) .. pick({"", "/events", "/network"}, div(n, 96)) end
  if kind == 3 then return "/v1/places/" .. pick(places, div(n, 12)) .. pick({"", "/events"}, div(n, 72)) end
  if kind == 4 then return "/v1/search?q=" .. pick(words, div(n, 12)) .. "&limit=" .. (div(n, 12) % 20 + 1) end
  if kind == 5 then
    return "/v1/events?type=" .. pick(types, div(n, 12)) .. "&limit=" .. (div(n, 12) % 30 + 1)
      .. "&format=" .. pick(formats, div(n, 72))
  end
  if kind == 6 then
    return "/v1/events?from=" .. pick({"2016", "2019-09", "2022-01", "2022-01-05"}, div(n, 12)) .. "&to=2022-02"
      .. "&match=" .. pick({"overlap", "within"}, div(n, 48)) .. "&sort=" .. pick({"date", "-date", "article"}, div(n, 96))
  end
  if kind == 7 then return "/v1/events?actor=" .. pick(actors, div(n, 12)) .. "&fields=id,date,title&limit=" .. (div(n, 12) % 10 + 1) end
  if kind == 8 then return "/v1/actors?sort=" .. pick({"name", "event-count"}, div(n, 12)) .. "&limit=" .. (div(n, 12) % 25 + 1) end
  if kind == 9 then return "/v1/places?format=" .. pick({"json", "geojson", "csv"}, div(n, 12)) .. "&limit=" .. (div(n, 12) % 15 + 1) end
  if kind == 10 then return "/v1/events?q=" .. pick(words, div(n, 12)) .. "&pretty=" .. (div(n, 12) % 2) end
  return "/v1/timeline?type=" .. pick(types, div(n, 12)) .. "&limit=" .. (div(n, 12) % 40 + 1)
end

request = function()
  counter = counter + 1
  local headers = {}
  local path
  if counter % 9 == 0 and #cursors > 0 then
    path = table.remove(cursors)
  elseif counter % 5 == 0 and #etag_keys > 0 then
    path = pick(etag_keys, div(counter, 5))
    headers["If-None-Match"] = etags[path]
  else
    path = generated(counter * 7919)
    if counter % 4 == 0 then headers["Accept-Encoding"] = "gzip" end
    if counter % 13 == 0 then headers["Accept"] = "text/csv" end
    if counter % 17 == 0 then headers["X-Request-Id"] = "soak-" .. counter end
  end
  -- No HEAD: wrk's parser would wait for the body its Content-Length announces, for ever.
  local method = "GET"
  if counter % 37 == 0 then method = "OPTIONS" end
  return wrk.format(method, path, headers)
end

response = function(status, headers, body)
  if status ~= 200 or body == nil or body:sub(1, 1) ~= "{" then return end
  local self_link = body:match('"self":"([^"]+)"')
  local etag = headers["ETag"]
  if self_link and etag and etags[self_link] == nil and #etag_keys < 500 then
    etags[self_link] = etag
    etag_keys[#etag_keys + 1] = self_link
  end
  local next_link = body:match('"next":"([^"]+)"')
  if next_link and #cursors < 200 then cursors[#cursors + 1] = next_link end
end
