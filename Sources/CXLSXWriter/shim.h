// Debian's libxlsxwriter (libxlsxwriter-dev), seen from Swift as it is: its API is plain functions.
#include <xlsxwriter.h>
