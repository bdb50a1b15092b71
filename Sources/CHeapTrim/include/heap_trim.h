#ifndef HEAP_TRIM_H
#define HEAP_TRIM_H

/// Returns the heap's free pages to the kernel (glibc's malloc_trim(0)); elsewhere, and in
/// builds with AddressSanitizer or ThreadSanitizer, does nothing. Returns 1 if memory was
/// released. Not in Swift's Glibc module, hence this shim.
int heap_trim(void);

#endif
