import Testing
import MicroHTTP

@Suite struct JSONWriterTests {
    @Test func writesCompactJSONWithEscapes() {
        var json = JSONWriter()
        json.beginObject()
        json.field("text", "a\"b\\c\nd\u{1}é")
        json.field("n", 3)
        json.field("x", 0.5)
        json.key("list"); json.beginArray(); json.int(1); json.null(); json.bool(true); json.endArray()
        json.key("empty"); json.beginObject(); json.endObject()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self)
            == #"{"text":"a\"b\\c\nd\u0001é","n":3,"x":0.5,"list":[1,null,true],"empty":{}}"#)
    }

    @Test func writesPrettyJSON() {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.field("a", 1)
        json.key("b"); json.beginArray(); json.string("x"); json.endArray()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}")
    }
}
