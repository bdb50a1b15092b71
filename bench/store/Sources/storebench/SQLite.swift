import CSQLite

/// Just enough of SQLite's C API: one connection, prepared statements, integer and text
/// columns. Any error stops the benchmark (it is a bug in the benchmark).
final class SQLiteDatabase {
    let handle: OpaquePointer

    init(path: String = ":memory:") {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else {
            fatalError("sqlite3_open failed")
        }
        self.handle = handle
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "?"
            sqlite3_free(message)
            fatalError("SQLite: \(text)\n\(sql)")
        }
    }

    func prepare(_ sql: String) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement else {
            fatalError("SQLite: \(String(cString: sqlite3_errmsg(handle)))\n\(sql)")
        }
        return SQLiteStatement(statement, database: self)
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// `EXPLAIN QUERY PLAN` rows, indented by depth.
    func queryPlan(_ sql: String) -> [String] {
        let statement = prepare("EXPLAIN QUERY PLAN " + sql)
        var rows: [(id: Int64, parent: Int64, detail: String)] = []
        while statement.step() {
            rows.append((statement.int64(0), statement.int64(1), statement.text(3)))
        }
        var depth: [Int64: Int] = [0: 0]
        return rows.map { row in
            let level = (depth[row.parent] ?? 0) + 1
            depth[row.id] = level
            return String(repeating: "  ", count: level) + row.detail
        }
    }
}

final class SQLiteStatement {
    let handle: OpaquePointer
    let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ value: Int64) {
        guard sqlite3_bind_int64(handle, index, value) == SQLITE_OK else { fatalError(database.errorMessage) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else {
            guard sqlite3_bind_null(handle, index) == SQLITE_OK else { fatalError(database.errorMessage) }
            return
        }
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { csqlite_bind_text(handle, index, $0.baseAddress, Int32($0.count)) }
        }
        guard status == SQLITE_OK else { fatalError(database.errorMessage) }
    }

    /// True while there is a row.
    @discardableResult
    func step() -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: fatalError(database.errorMessage)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
