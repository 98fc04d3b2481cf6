#pragma once
// A failed invariant in a fuzz target: print what broke and abort, so libFuzzer saves the input
// as a crash artifact. Used instead of assert(), which NDEBUG would remove.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                             \
    do {                                                                                                  \
        if (!(condition)) {                                                                               \
            std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                                 \
        }                                                                                                 \
    } while (false)
