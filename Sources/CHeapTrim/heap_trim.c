#include "heap_trim.h"

#if defined(__linux__)
#include <malloc.h>  // defines __GLIBC__ under glibc (musl has no malloc_trim)
#endif

int heap_trim(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
