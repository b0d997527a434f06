// zlib for ZipArchive (DigiTrackSheets): raw inflate (windowBits -15) of the parts of an .xlsx or
// an .ods, and crc32 to check them as they are inflated.
#include <zlib.h>
