#ifndef BULLETIN_CPDF_H
#define BULLETIN_CPDF_H

#include <stddef.h>
#include <stdint.h>

/* A PDF's text through poppler's GLib API, behind plain C types so that Swift does not import
   GLib's headers. */

typedef struct bpdf_document bpdf_document;

enum { BPDF_OK = 0, BPDF_ENCRYPTED = 1, BPDF_DAMAGED = 2 };

/** Opens a PDF held in memory (the bytes are copied). Returns NULL on failure and sets `status`
    (BPDF_ENCRYPTED or BPDF_DAMAGED) and `message` (poppler's reason, NUL-terminated). */
bpdf_document *bpdf_open(const uint8_t *bytes, size_t length, int *status, char *message, size_t capacity);

/** The number of pages. */
int bpdf_page_count(bpdf_document *document);

/** The text of page `index` (0-based) in reading order, UTF-8; free it with bpdf_free. NULL when
    the page cannot be read. */
char *bpdf_page_text(bpdf_document *document, int index);

void bpdf_free(char *text);
void bpdf_close(bpdf_document *document);

#endif
