#ifndef CHRONICLE_ALLOCATOR_H
#define CHRONICLE_ALLOCATOR_H

/// Fixes the size from which glibc's malloc gives blocks mappings of their own (and so
/// stops it raising that size as blocks are freed). Returns 1 when set, 0 when not
/// (another C library, or a refused value).
int chronicle_fix_mmap_threshold(int bytes);

#endif
