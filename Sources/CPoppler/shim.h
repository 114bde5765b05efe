// poppler's GLib API from the system's libpoppler-glib-dev; only the CPDF target includes it.
#include <poppler.h>
