/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Checked input and output of the command-line tool: messages, the check of
 * the output stream, and the reading of input files (regular files only,
 * never blocking on a FIFO, never reading forever, at most CLI_MAX_FILE
 * bytes when read whole).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

#include "cli_internal.h"

static void vline(cli *c, const char *fmt, va_list ap)
{
    fputs("dgsubsidy: ", c->err);
    vfprintf(c->err, fmt, ap);
    fputc('\n', c->err);
    fflush(c->err);
}

int cli_fail(cli *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline(c, fmt, ap);
    va_end(ap);
    return CLI_USAGE;
}

int cli_fail_io(cli *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline(c, fmt, ap);
    va_end(ap);
    return CLI_IO;
}

void cli_note(cli *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline(c, fmt, ap);
    va_end(ap);
}

int cli_fail_err(cli *c, const dgs_error *e)
{
    const char *msg = e->message[0] ? e->message : dgs_status_name(e->code);
    if (e->code == DGS_E_IO || e->code == DGS_E_NOMEM)
        return cli_fail_io(c, "%s", msg);
    return cli_fail(c, "%s", msg);
}

int cli_check_out(cli *c)
{
    if (!ferror(c->out))
        return 0;
    int saved = errno;
    if (c->out_failed)
        return CLI_IO;
    c->out_failed = true;
    return cli_fail_io(c, "cannot write the output: %s", saved ? strerror(saved) : "write error");
}

static const char *file_kind(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
#ifdef S_ISFIFO
    if (S_ISFIFO(mode))
        return "a FIFO";
#endif
#ifdef S_ISCHR
    if (S_ISCHR(mode))
        return "a character device";
#endif
#ifdef S_ISSOCK
    if (S_ISSOCK(mode))
        return "a socket";
#endif
    return "a special file";
}

int cli_open_regular(cli *c, const char *path, FILE **f)
{
    *f = NULL;
#ifdef _WIN32
    /* No FIFOs to block on: look, then open. */
    struct stat st;
    if (stat(path, &st) != 0)
        return cli_fail_io(c, "%s: cannot be opened: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return cli_fail(c, "%s: not a regular file (%s): give a file", path, file_kind(st.st_mode));
    if (!(*f = fopen(path, "rb")))
        return cli_fail_io(c, "%s: cannot be opened: %s", path, strerror(errno));
    return 0;
#else
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return cli_fail_io(c, "%s: cannot be opened: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return cli_fail_io(c, "%s: cannot be read: %s", path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return cli_fail(c, "%s: not a regular file (%s): give a file", path, file_kind(st.st_mode));
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 || !(*f = fdopen(fd, "rb"))) {
        int saved = errno;
        close(fd);
        return cli_fail_io(c, "%s: cannot be read: %s", path, strerror(saved));
    }
    return 0;
#endif
}

int cli_read_file(cli *c, const char *path, char **text, size_t *len)
{
    FILE *f;
    int rc = cli_open_regular(c, path, &f);
    *text = NULL;
    *len = 0;
    if (rc)
        return rc;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > (off_t)CLI_MAX_FILE) {
        fclose(f);
        return cli_fail(c, "%s: larger than %s: refused", path, CLI_MAX_FILE_TEXT);
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        return cli_fail_io(c, "out of memory reading %s", path);
    }
    for (;;) {
        if (n == cap) {
            if (cap > CLI_MAX_FILE) {
                free(buf);
                fclose(f);
                return cli_fail(c, "%s: larger than %s: refused", path, CLI_MAX_FILE_TEXT);
            }
            size_t ncap = cap * 2 > CLI_MAX_FILE + 1 ? CLI_MAX_FILE + 1 : cap * 2;
            char *p = realloc(buf, ncap + 1);
            if (!p) {
                free(buf);
                fclose(f);
                return cli_fail_io(c, "out of memory reading %s", path);
            }
            buf = p;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int saved = errno;
        free(buf);
        fclose(f);
        return cli_fail_io(c, "%s: cannot be read: %s", path, strerror(saved));
    }
    fclose(f);
    if (n > CLI_MAX_FILE) {
        free(buf);
        return cli_fail(c, "%s: larger than %s: refused", path, CLI_MAX_FILE_TEXT);
    }
    buf[n] = '\0';
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        /* A UTF-8 byte order mark, as some Windows editors write it. */
        memmove(buf, buf + 3, n - 3 + 1);
        n -= 3;
    }
    *text = buf;
    *len = n;
    return 0;
}

void cli_csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* The length of the valid UTF-8 sequence at p (at most `left` bytes), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
    unsigned char b = *p;
    size_t k;
    unsigned cp;
    if (b < 0x80)
        return 1;
    if ((b & 0xE0) == 0xC0)
        k = 1, cp = b & 0x1F;
    else if ((b & 0xF0) == 0xE0)
        k = 2, cp = b & 0x0F;
    else if ((b & 0xF8) == 0xF0)
        k = 3, cp = b & 0x07;
    else
        return 0;
    if (left <= k)
        return 0;
    for (size_t i = 1; i <= k; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k + 1;
}

void cli_utf8_sanitize(char *s)
{
    unsigned char *p = (unsigned char *)s;
    size_t left = strlen(s);
    while (left) {
        size_t n = utf8_seq(p, left);
        if (!n)
            *p = '?', n = 1;
        p += n;
        left -= n;
    }
}

bool cli_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    while (n) {
        size_t k = utf8_seq(p, n);
        if (!k)
            return false;
        p += k;
        n -= k;
    }
    return true;
}

const char *cli_award_text(const dgs_measure *m, dgs_fen_t award, char *buf, size_t size)
{
    const char *t = dgs_format_amount(dgs_measure_unit_type(m), award, buf, size);
    if (!t) /* a unit this tool does not know: the plain number, never a guess */
        snprintf(buf, size, "%lld", (long long)award), t = buf;
    return t;
}

const char *cli_award_unit(const dgs_measure *m)
{
    return dgs_measure_unit_type(m) == DGS_UNIT_FEN ? "yuan" : dgs_measure_unit(m);
}
