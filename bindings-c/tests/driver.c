/* Drives the C ABI for the vector checker (check_vectors.py) and tests it under threads.
 *
 * Reads requests "OP<TAB>INPUT_JSON" one per line on stdin, calls ssj_run_operation for
 * each and writes "STATUS<TAB>OUTPUT_JSON" one per line on stdout (JSON has no raw
 * newline, so one line is one case). The checker compares the outputs with the vectors.
 *
 * With --threads N the requests are first run once in order; then N threads run all of
 * them again at the same time and every answer must be byte-identical to the first run
 * (the library has no global state). Exit 1 on any difference.
 *
 * Build: gcc -std=c11 -Wall -Wextra -Werror -I bindings-c/include driver.c \
 *            -L target/release -lshuangsuiji_c -lpthread
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shuangsuiji.h"

typedef struct {
    char *op;
    const uint8_t *input;
    size_t input_len;
    int32_t status;
    char *out;
    size_t out_len;
} request;

typedef struct {
    request *reqs;
    size_t n;
    size_t mismatches;
} job;

static void *rerun(void *arg) {
    job *j = arg;
    for (size_t i = 0; i < j->n; i++) {
        request *r = &j->reqs[i];
        char *out = NULL;
        size_t len = 0;
        int32_t s = ssj_run_operation(r->op, r->input, r->input_len, &out, &len);
        if (s != r->status || len != r->out_len || memcmp(out, r->out, len) != 0) {
            j->mismatches++;
        }
        ssj_free(out);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 0;
    if (argc == 3 && strcmp(argv[1], "--threads") == 0) {
        threads = atoi(argv[2]);
    } else if (argc != 1) {
        fprintf(stderr, "usage: %s [--threads N] < requests\n", argv[0]);
        return 2;
    }
    if (ssj_abi_version() != SSJ_ABI_VERSION) {
        fprintf(stderr, "ABI version %u, header says %u\n", ssj_abi_version(), SSJ_ABI_VERSION);
        return 1;
    }
    char *table = ssj_operations();
    if (table == NULL || table[0] != '[') {
        fprintf(stderr, "ssj_operations() did not return a JSON array\n");
        return 1;
    }
    ssj_free(table);
    /* Null out pointers are refused without running anything. */
    if (ssj_run_operation("parse_ratio", (const uint8_t *)"{}", 2, NULL, NULL) != SSJ_INVALID_ARGUMENT) {
        fprintf(stderr, "null out pointers were not refused\n");
        return 1;
    }

    size_t cap = 256, n = 0;
    request *reqs = malloc(cap * sizeof *reqs);
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t got;
    while ((got = getline(&line, &line_cap, stdin)) > 0) {
        if (line[got - 1] == '\n') line[--got] = '\0';
        char *tab = strchr(line, '\t');
        if (tab == NULL) {
            fprintf(stderr, "request %zu has no tab\n", n + 1);
            return 2;
        }
        *tab = '\0';
        if (n == cap) reqs = realloc(reqs, (cap *= 2) * sizeof *reqs);
        request *r = &reqs[n++];
        r->op = line;
        r->input = (const uint8_t *)(tab + 1);
        r->input_len = (size_t)(got - (tab + 1 - line));
        r->status = ssj_run_operation(r->op, r->input, r->input_len, &r->out, &r->out_len);
        if (r->out == NULL || strlen(r->out) != r->out_len) {
            fprintf(stderr, "request %zu: bad output buffer\n", n);
            return 1;
        }
        line = NULL; /* the request keeps the line */
        line_cap = 0;
    }
    free(line);

    if (threads > 0) {
        pthread_t *ids = malloc((size_t)threads * sizeof *ids);
        job *jobs = calloc((size_t)threads, sizeof *jobs);
        for (int t = 0; t < threads; t++) {
            jobs[t].reqs = reqs;
            jobs[t].n = n;
            pthread_create(&ids[t], NULL, rerun, &jobs[t]);
        }
        size_t bad = 0;
        for (int t = 0; t < threads; t++) {
            pthread_join(ids[t], NULL);
            bad += jobs[t].mismatches;
        }
        fprintf(stderr, "%d threads x %zu requests: %zu answers differ from the first run\n",
                threads, n, bad);
        free(ids);
        free(jobs);
        if (bad != 0) return 1;
    }

    for (size_t i = 0; i < n; i++) {
        printf("%d\t%s\n", reqs[i].status, reqs[i].out);
        ssj_free(reqs[i].out);
        free(reqs[i].op);
    }
    free(reqs);
    return 0;
}
