/* TEST ONLY, never shipped: a stand-in for Windows' own icuuc.dll, which Wine 8 lacks and Qt 6.10+ imports.
 *
 * Qt6Core.dll links these converter functions (ucnv_*) from the system ICU of Windows 10 1703 and later. With no
 * icuuc.dll the import fails and Qt cannot load at all under Wine. Here ucnv_open always fails, so Qt falls back
 * to its own built-in codecs (UTF-8/16/32, Latin-1: all the app uses); no other function is ever reached because
 * no converter exists. scripts/build-windows.sh builds it with gcc-mingw-w64 and copies it into the system32 of
 * the Wine prefixes it builds and tests in; the installer never contains it (the script checks), because on real
 * Windows it would shadow the real ICU.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4 /* ICU's UErrorCode for "data not found" */

typedef int UErrorCode;

EXPORT void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

/* The rest only need to exist for the import table; with no converter they are never called meaningfully. */
#define NOTHING(fn) EXPORT intptr_t fn(void) { return 0; }
NOTHING(ucnv_close)
NOTHING(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
NOTHING(UCNV_TO_U_CALLBACK_SUBSTITUTE)
NOTHING(ucnv_reset)
NOTHING(ucnv_getMaxCharSize)
NOTHING(ucnv_getName)
NOTHING(ucnv_getToUCallBack)
NOTHING(ucnv_getFromUCallBack)
NOTHING(ucnv_setToUCallBack)
NOTHING(ucnv_setFromUCallBack)
NOTHING(ucnv_cbToUWriteUChars)
NOTHING(ucnv_toUnicode)
NOTHING(ucnv_cbFromUWriteUChars)
NOTHING(ucnv_toUCountPending)
NOTHING(ucnv_fromUCountPending)
NOTHING(ucnv_getStandardName)
NOTHING(ucnv_getAvailableName)
NOTHING(ucnv_countAvailable)
NOTHING(ucnv_fromUnicode)
