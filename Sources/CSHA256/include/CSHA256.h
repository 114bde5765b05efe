#ifndef BULLETIN_CSHA256_H
#define BULLETIN_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/** The 64 round constants of SHA-256 (FIPS 180-4, 4.2.2), for both implementations. */
extern const uint32_t bulletin_sha256_round_constants[64];

/** Whether this processor has the x86 SHA extensions (and the SSSE3 and SSE4.1 they are used with). */
int bulletin_sha256_accelerated(void);

/** Compresses `blocks` 64-byte blocks of `data` into `state` (the eight words of SHA-256) with the
    SHA extensions. Call only when bulletin_sha256_accelerated() returned 1. */
void bulletin_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
