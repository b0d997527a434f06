// Debian's expat (libexpat1-dev): a streaming XML parser, fed the inflated bytes of a sheet chunk
// by chunk, so a worksheet is never held whole in memory.
#include <expat.h>
