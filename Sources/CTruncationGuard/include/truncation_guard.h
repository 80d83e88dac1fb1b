#ifndef CHRONICLE_TRUNCATION_GUARD_H
#define CHRONICLE_TRUNCATION_GUARD_H

#include <stddef.h>

/// Watches the mapped region [start, start + count): a SIGBUS raised by the system for
/// an access inside it (its file was shortened) gets a page of zeros mapped over the
/// page touched, and the access goes on. Installs the handler on first use. Returns 1
/// when watched, 0 when every slot is taken or the handler could not be installed.
int chronicle_truncation_guard_watch(const void *start, size_t count);

/// Stops watching the region that starts at `start` (before it is unmapped).
void chronicle_truncation_guard_forget(const void *start);

/// 1 when `address` is inside a watched region, else 0.
int chronicle_truncation_guard_covers(const void *address);

#endif
