#ifndef CCRYPTO_H
#define CCRYPTO_H
/* SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA instructions where it has them
 * (several times faster than portable code). Plain C types only. */
#include <stddef.h>
#include <stdint.h>

/* Writes the 32-byte digest of data[0..<len] to out. Returns 1 on success, 0 on failure. */
int32_t ccrypto_sha256(const uint8_t *data, size_t len, uint8_t *out);

#endif
