/* TEST ONLY, never shipped: Windows' bcryptprimitives.dll for Wine 8, which lacks it.
 *
 * cryptography's Rust extension (_rust.pyd, built by Rust 1.78 or later) takes its random bytes from
 * ProcessPrng, which Windows 10 has in bcryptprimitives.dll; without the DLL the import fails under Wine. This one
 * forwards to BCryptGenRandom with the system RNG (Wine implements it), so the bytes are real random bytes, as on
 * Windows. Copied only into the Wine prefixes scripts/build-windows.sh builds and tests in.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
