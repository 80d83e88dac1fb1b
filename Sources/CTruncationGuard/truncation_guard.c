// A SIGBUS handler for the mapped files Chronicle reads in place (see the Swift type
// `TruncationGuard`). Written in C so that the handler runs no language runtime: it
// reads atomics, calls mmap (a plain system call on Linux), and passes every other
// SIGBUS to the action that was in place before.
#include "truncation_guard.h"

#if defined(__linux__)
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOTS 16

/// Watched regions: start and end addresses; a start of 0 is a free slot.
static _Atomic uintptr_t starts[SLOTS];
static _Atomic uintptr_t ends[SLOTS];
/// The action before ours, written once before ours is installed.
static struct sigaction previous;
static uintptr_t page_size = 4096;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int installed = 0;

static int covers(uintptr_t address) {
  for (int slot = 0; slot < SLOTS; slot++) {
    uintptr_t start = atomic_load_explicit(&starts[slot], memory_order_acquire);
    if (start == 0 || address < start) continue;
    uintptr_t end = atomic_load_explicit(&ends[slot], memory_order_acquire);
    // The slot must not have been given to another region between the two loads.
    if (address < end && atomic_load_explicit(&starts[slot], memory_order_acquire) == start) return 1;
  }
  return 0;
}

static void pass_on(int signal, siginfo_t *info, void *context) {
  if (previous.sa_flags & SA_SIGINFO) {
    if (previous.sa_sigaction != NULL) {
      previous.sa_sigaction(signal, info, context);
      return;
    }
  } else if (previous.sa_handler == SIG_IGN && !(info != NULL && info->si_code > 0)) {
    // Ignored, and not a fault (a fault cannot be ignored: it would be raised again
    // at once, for ever).
    return;
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signal);
    return;
  }
  // The default action: end the process as it would have ended without us. The signal
  // is blocked while this handler runs, so it is delivered on return.
  struct sigaction fallback;
  fallback.sa_handler = SIG_DFL;
  fallback.sa_flags = 0;
  sigemptyset(&fallback.sa_mask);
  sigaction(SIGBUS, &fallback, NULL);
  raise(SIGBUS);
}

static void handler(int signal, siginfo_t *info, void *context) {
  int saved = errno;
  // Only a fault the system raised (si_code > 0) inside a watched region is ours.
  if (info != NULL && info->si_code > 0) {
    uintptr_t address = (uintptr_t)info->si_addr;
    if (covers(address)) {
      void *page = (void *)(address & ~(page_size - 1));
      void *zeros = mmap(page, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
      if (zeros != MAP_FAILED) {
        errno = saved;
        return;
      }
    }
  }
  pass_on(signal, info, context);
  errno = saved;
}

static void install(void) {
  long size = sysconf(_SC_PAGESIZE);
  if (size > 0) page_size = (uintptr_t)size;
  struct sigaction action;
  action.sa_sigaction = handler;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigemptyset(&action.sa_mask);
  installed = sigaction(SIGBUS, &action, &previous) == 0;
}

int chronicle_truncation_guard_watch(const void *start, size_t count) {
  uintptr_t first = (uintptr_t)start;
  if (first == 0 || count == 0) return 0;
  pthread_once(&once, install);
  if (!installed) return 0;
  for (int slot = 0; slot < SLOTS; slot++) {
    uintptr_t free = 0;
    // A slot is claimed by its start, then given its end: a fault in between cannot
    // come from this region, which nothing reads yet.
    if (atomic_compare_exchange_strong_explicit(&starts[slot], &free, first, memory_order_acq_rel,
                                                memory_order_relaxed)) {
      atomic_store_explicit(&ends[slot], first + count, memory_order_release);
      return 1;
    }
  }
  return 0;
}

void chronicle_truncation_guard_forget(const void *start) {
  uintptr_t first = (uintptr_t)start;
  if (first == 0) return;
  for (int slot = 0; slot < SLOTS; slot++) {
    if (atomic_load_explicit(&starts[slot], memory_order_acquire) == first) {
      atomic_store_explicit(&ends[slot], 0, memory_order_release);
      atomic_store_explicit(&starts[slot], 0, memory_order_release);
      return;
    }
  }
}

int chronicle_truncation_guard_covers(const void *address) { return covers((uintptr_t)address); }

#else

// Elsewhere files are not mapped (see `MappedFile`): nothing is watched.
int chronicle_truncation_guard_watch(const void *start, size_t count) {
  (void)start;
  (void)count;
  return 0;
}

void chronicle_truncation_guard_forget(const void *start) { (void)start; }

int chronicle_truncation_guard_covers(const void *address) {
  (void)address;
  return 0;
}

#endif
