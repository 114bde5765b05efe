/* Prints a UTF-8 text file to an A4 PDF as a word processor would: lines wrapped at the page's
   width, a page number (— N —) at the foot of each page. Used to make the PDF fixtures in Corpus/
   from their text (cairo's PDF surface embeds the font with its ToUnicode map, so the PDF has a
   text layer). Not part of the build:

     cc Scripts/text-to-pdf.c $(pkg-config --cflags --libs cairo) -o /tmp/text-to-pdf
     /tmp/text-to-pdf Corpus/NAME.txt Corpus/NAME.pdf "WenQuanYi Micro Hei"
*/
#include <cairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double width = 595, height = 842, margin = 72, size = 12, leading = 20;

static double advance(cairo_t *cr, const char *s, size_t n) {
    char buffer[4096];
    if (n >= sizeof buffer) n = sizeof buffer - 1;
    memcpy(buffer, s, n);
    buffer[n] = 0;
    cairo_text_extents_t e;
    cairo_text_extents(cr, buffer, &e);
    return e.x_advance;
}

static void footer(cairo_t *cr, int page) {
    char text[64];
    snprintf(text, sizeof text, "— %d —", page);
    cairo_move_to(cr, width / 2 - advance(cr, text, strlen(text)) / 2, height - margin / 2);
    cairo_show_text(cr, text);
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: text-to-pdf IN.txt OUT.pdf FONT\n"); return 2; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 2; }
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[2], width, height);
    cairo_t *cr = cairo_create(surface);
    cairo_select_font_face(cr, argv[3], CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    int page = 1;
    double y = margin;
    char line[8192];
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = 0;
        const char *s = line;
        do {
            size_t n = 0, fit = 0;
            while (s[n]) {  /* the longest prefix of whole characters that fits */
                size_t k = n + 1;
                while ((s[k] & 0xC0) == 0x80) k++;
                if (advance(cr, s, k) > width - 2 * margin) break;
                n = fit = k;
            }
            if (y > height - margin) { footer(cr, page++); cairo_show_page(cr); y = margin; }
            char piece[8192];
            memcpy(piece, s, fit);
            piece[fit] = 0;
            cairo_move_to(cr, margin, y);
            cairo_show_text(cr, piece);
            y += leading;
            s += fit;
        } while (*s);
    }
    footer(cr, page);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    fclose(in);
    return 0;
}
