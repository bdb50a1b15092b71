#include "heap_trim.h"

#if defined(__linux__)
#include <malloc.h>  // defines __GLIBC__ under glibc (musl has no malloc_trim)
#endif

// Under a sanitizer the heap is the sanitizer's, not glibc's: there is nothing of ours for
// malloc_trim to give back, and under ThreadSanitizer glibc's own arena can be half set up
// (a CI run crashed in mtrim on address 0x8 after test threads built snapshots). So skip it.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define HEAP_TRIM_UNDER_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define HEAP_TRIM_UNDER_SANITIZER 1
#endif

int heap_trim(void) {
#if defined(__GLIBC__) && !defined(HEAP_TRIM_UNDER_SANITIZER)
    return malloc_trim(0);
#else
    return 0;
#endif
}
