// zlib's crc32, for checking the parts of an .xlsx as they are inflated: ZIPFoundation checks
// them byte by byte in Swift on Linux, a third of the time of reading a form.
#include <zlib.h>
