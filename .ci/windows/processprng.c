/* Test harness only, never shipped: Rust's standard library asks
 * bcryptprimitives.dll for ProcessPrng, which Debian's Wine 8 does not
 * have. This stand-in, placed beside argmap.exe only while CI runs it
 * under Wine, answers from advapi32's RtlGenRandom (SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
