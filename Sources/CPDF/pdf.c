#include "CPDF.h"
#include <poppler.h>
#include <stdio.h>
#include <string.h>

struct bpdf_document {
    PopplerDocument *document;
};

/* poppler reports syntax errors of damaged files through GLib's log; bulletin says what went
   wrong in one line of its own, so they are not printed. */
static void bpdf_silent(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

bpdf_document *bpdf_open(const uint8_t *bytes, size_t length, int *status, char *message, size_t capacity) {
    static gsize silenced = 0;
    if (g_once_init_enter(&silenced)) {
        g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, bpdf_silent, NULL);
        g_once_init_leave(&silenced, 1);
    }
    GBytes *data = g_bytes_new(bytes, length);
    GError *error = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(data, NULL, &error);
    g_bytes_unref(data);
    if (document == NULL) {
        *status = (error != NULL && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED)
            ? BPDF_ENCRYPTED : BPDF_DAMAGED;
        if (capacity > 0) {
            snprintf(message, capacity, "%s", error != NULL && error->message != NULL ? error->message : "unknown error");
        }
        if (error != NULL) g_error_free(error);
        return NULL;
    }
    bpdf_document *result = g_new0(bpdf_document, 1);
    result->document = document;
    *status = BPDF_OK;
    return result;
}

int bpdf_page_count(bpdf_document *document) {
    return poppler_document_get_n_pages(document->document);
}

char *bpdf_page_text(bpdf_document *document, int index) {
    PopplerPage *page = poppler_document_get_page(document->document, index);
    if (page == NULL) return NULL;
    char *text = poppler_page_get_text(page);
    g_object_unref(page);
    return text;
}

void bpdf_free(char *text) { g_free(text); }

void bpdf_close(bpdf_document *document) {
    if (document == NULL) return;
    g_object_unref(document->document);
    g_free(document);
}
