#include <sqlite3.h>
#include <malloc.h>
#include <stdio.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: bind text that SQLite copies.
static inline int csqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

// glibc: give freed heap pages back to the kernel, so VmRSS counts live memory only.
static inline int csqlite_malloc_trim(void) {
    return malloc_trim(0);
}

// Progress lines reach a log file as they are printed.
static inline void csqlite_line_buffered_stdout(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
}
