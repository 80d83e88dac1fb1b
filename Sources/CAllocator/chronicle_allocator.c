// glibc's malloc settings, which Swift's Glibc module does not bring in (<malloc.h>).
#include "chronicle_allocator.h"

#if defined(__linux__)
#include <malloc.h> // defines __GLIBC__ with glibc
#endif

int chronicle_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
  return mallopt(M_MMAP_THRESHOLD, bytes) == 1;
#else
  (void)bytes;
  return 0;
#endif
}
