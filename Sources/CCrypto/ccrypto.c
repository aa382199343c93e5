#include "ccrypto.h"
#include <openssl/evp.h>

int32_t ccrypto_sha256(const uint8_t *data, size_t len, uint8_t *out) {
    static const uint8_t empty = 0;
    unsigned int outLen = 0;
    return EVP_Digest(data ? (const void *)data : (const void *)&empty, len, out, &outLen, EVP_sha256(), NULL) == 1 && outLen == 32;
}
