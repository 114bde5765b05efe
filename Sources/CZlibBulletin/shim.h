// zlib's C API from the system's zlib1g-dev, for inflating the parts of .docx and .xlsx files.
#include <zlib.h>
