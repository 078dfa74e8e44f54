/*
 * The kernel's floor under a broadcast's fan-out on this machine: how long loopback takes to carry
 * a burst of packets to every receiver when no SFU does any work at all (no decryption, rewriting,
 * SRTP or Java). docs/benchmarks.md compares the SFU-added latency of the broadcast with it.
 *
 * A receiving process holds RECEIVERS UDP sockets on 127.0.0.1, read by READERS threads through
 * epoll (as the load generator's selector threads read its viewers), scheduled as SCHED_BATCH as
 * bench.sh runs the load generator (NORMAL_READERS=1: as normal threads). The sending process sends
 * each of PACKETS 1200-byte datagrams to every receiver, the receivers split over SENDERS threads,
 * each with its own unconnected socket (as each SFU worker has its own channel on the media port),
 * in sendmmsg(2) calls of BATCH messages. It times the whole burst, ROUNDS times 33 ms apart, and
 * each datagram's delay as the SFU's forwarding histogram counts a copy's (from the burst's start
 * to the return of the call that sent it). With GSO=1 in the environment each receiver's PACKETS
 * datagrams leave as one UDP GSO message instead (what the SFU's sender does when a burst's copies
 * meet in one batch).
 *
 *   gcc -O2 -pthread -o /tmp/fanout_floor loadtest/probe/fanout_floor.c
 *   /tmp/fanout_floor RECEIVERS PACKETS SENDERS BATCH ROUNDS [READERS]
 *   /tmp/fanout_floor 300 5 2 64 200           # a keyframe's burst to the half-load broadcast
 *   GSO=1 /tmp/fanout_floor 300 5 2 64 200
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif
#define DATAGRAM 1200
#define MAX_PACKETS 64

static int receivers, packets, senders, batch, rounds, gso;
static struct sockaddr_in *destinations;
static char payload[DATAGRAM];
static pthread_barrier_t burst_starts, burst_ends;
static volatile double burst_start_us;
/* Per sender thread: datagrams whose call returned within each 10 us bucket of the burst's start. */
#define BUCKETS 5000
#define BUCKET_US 10.0
static long (*copies_by_delay)[BUCKETS];

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

/* Sends count messages; each datagram's delay is counted as the SFU's histogram counts a copy's. */
static void send_all(int send_fd, struct mmsghdr *messages, int count, long *by_delay) {
    for (int sent = 0; sent < count;) {
        int n = sendmmsg(send_fd, messages + sent, (unsigned) (count - sent), 0);
        if (n < 0) {
            perror("sendmmsg");
            exit(1);
        }
        int bucket = (int) ((now_us() - burst_start_us) / BUCKET_US);
        long datagrams = 0;
        for (int m = sent; m < sent + n; m++) {
            datagrams += (long) messages[m].msg_hdr.msg_iovlen;
        }
        by_delay[bucket < BUCKETS ? bucket : BUCKETS - 1] += datagrams;
        sent += n;
    }
}

/* One message: to receiver d, either one datagram or (GSO) all of the burst's packets. */
static void fill(struct mmsghdr *m, struct iovec *vectors, char *control, int d) {
    int segments = gso ? packets : 1;
    for (int p = 0; p < segments; p++) {
        vectors[p].iov_base = payload;
        vectors[p].iov_len = DATAGRAM;
    }
    memset(&m->msg_hdr, 0, sizeof m->msg_hdr);
    m->msg_hdr.msg_name = &destinations[d];
    m->msg_hdr.msg_namelen = sizeof destinations[d];
    m->msg_hdr.msg_iov = vectors;
    m->msg_hdr.msg_iovlen = (size_t) segments;
    if (segments > 1) {
        m->msg_hdr.msg_control = control;
        m->msg_hdr.msg_controllen = CMSG_SPACE(sizeof(uint16_t));
        struct cmsghdr *c = CMSG_FIRSTHDR(&m->msg_hdr);
        c->cmsg_level = SOL_UDP;
        c->cmsg_type = UDP_SEGMENT;
        c->cmsg_len = CMSG_LEN(sizeof(uint16_t));
        uint16_t size = DATAGRAM;
        memcpy(CMSG_DATA(c), &size, sizeof size);
    }
}

static void *sender(void *arg) {
    long id = (long) arg;
    int send_fd = socket(AF_INET, SOCK_DGRAM, 0);
    int size = 4 << 20;
    setsockopt(send_fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(send_fd, (struct sockaddr *) &local, sizeof local) != 0) {
        perror("sender");
        exit(1);
    }
    struct mmsghdr *messages = calloc((size_t) batch, sizeof *messages);
    struct iovec *vectors = calloc((size_t) batch * MAX_PACKETS, sizeof *vectors);
    char *controls = calloc((size_t) batch, CMSG_SPACE(sizeof(uint16_t)));
    for (int r = 0; r < rounds; r++) {
        pthread_barrier_wait(&burst_starts);
        int n = 0;
        for (int p = 0; p < (gso ? 1 : packets); p++) {
            for (int d = (int) id; d < receivers; d += senders) {
                fill(&messages[n], &vectors[n * MAX_PACKETS], controls + n * CMSG_SPACE(sizeof(uint16_t)), d);
                if (++n == batch) {
                    send_all(send_fd, messages, n, copies_by_delay[id]);
                    n = 0;
                }
            }
        }
        send_all(send_fd, messages, n, copies_by_delay[id]);
        pthread_barrier_wait(&burst_ends);
    }
    return NULL;
}

static int epoll_fd;

static void *reader(void *arg) {
    (void) arg;
    struct epoll_event events[64];
    char buffer[2048];
    for (;;) {
        int n = epoll_wait(epoll_fd, events, 64, -1);
        for (int i = 0; i < n; i++) {
            while (recv(events[i].data.fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
            }
        }
    }
    return NULL;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s RECEIVERS PACKETS SENDERS BATCH ROUNDS [READERS]\n", argv[0]);
        return 2;
    }
    receivers = atoi(argv[1]);
    packets = atoi(argv[2]);
    senders = atoi(argv[3]);
    batch = atoi(argv[4]);
    rounds = atoi(argv[5]);
    int readers = argc > 6 ? atoi(argv[6]) : 2;
    gso = getenv("GSO") != NULL && strcmp(getenv("GSO"), "0") != 0;
    int normal_readers = getenv("NORMAL_READERS") != NULL && strcmp(getenv("NORMAL_READERS"), "0") != 0;
    if (receivers < 1 || packets < 1 || packets > MAX_PACKETS || senders < 1 || senders > 64 || batch < 1
            || batch > 1024 || rounds < 1 || readers < 1) {
        fprintf(stderr, "out of range\n");
        return 2;
    }
    destinations = calloc((size_t) receivers, sizeof *destinations);
    int *receive_fds = calloc((size_t) receivers, sizeof *receive_fds);
    for (int i = 0; i < receivers; i++) {
        receive_fds[i] = socket(AF_INET, SOCK_DGRAM, 0);
        int size = 1 << 20;
        setsockopt(receive_fds[i], SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
        struct sockaddr_in at = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        socklen_t length = sizeof at;
        if (bind(receive_fds[i], (struct sockaddr *) &at, sizeof at) != 0
                || getsockname(receive_fds[i], (struct sockaddr *) &destinations[i], &length) != 0) {
            perror("receiver");
            return 1;
        }
    }
    pid_t child = fork();
    if (child == 0) {
        if (!normal_readers) {
            struct sched_param none = {0};
            sched_setscheduler(0, SCHED_BATCH, &none); /* as bench.sh runs the load generator */
        }
        epoll_fd = epoll_create1(0);
        for (int i = 0; i < receivers; i++) {
            struct epoll_event e = {.events = EPOLLIN, .data.fd = receive_fds[i]};
            epoll_ctl(epoll_fd, EPOLL_CTL_ADD, receive_fds[i], &e);
        }
        pthread_t thread;
        for (int i = 0; i < readers; i++) {
            pthread_create(&thread, NULL, reader, NULL);
        }
        pause();
        return 0;
    }
    for (int i = 0; i < receivers; i++) {
        close(receive_fds[i]);
    }
    pthread_barrier_init(&burst_starts, NULL, (unsigned) senders + 1);
    pthread_barrier_init(&burst_ends, NULL, (unsigned) senders + 1);
    pthread_t threads[64];
    copies_by_delay = calloc((size_t) senders, sizeof *copies_by_delay);
    for (long i = 0; i < senders; i++) {
        pthread_create(&threads[i], NULL, sender, (void *) i);
    }
    double *took = calloc((size_t) rounds, sizeof *took);
    usleep(200000);
    for (int r = 0; r < rounds; r++) {
        usleep(33000);
        double start = now_us();
        burst_start_us = start;
        pthread_barrier_wait(&burst_starts);
        pthread_barrier_wait(&burst_ends);
        took[r] = now_us() - start;
    }
    qsort(took, (size_t) rounds, sizeof *took, by_value);
    int datagrams = receivers * packets;
    printf("%d receivers x %d packets (%d datagrams), %d senders, batches of %d, %d %s readers%s: "
           "burst p50 %.0f us, p90 %.0f, p99 %.0f, min %.0f; %.2f us per datagram at p50\n",
           receivers, packets, datagrams, senders, batch, readers, normal_readers ? "normal" : "SCHED_BATCH", gso ? ", GSO per receiver" : "",
           took[rounds / 2], took[rounds * 9 / 10], took[rounds * 99 / 100], took[0], took[rounds / 2] / datagrams);
    long all = 0, over_2ms = 0, seen = 0;
    long merged[BUCKETS] = {0};
    for (int t = 0; t < senders; t++) {
        for (int b = 0; b < BUCKETS; b++) {
            merged[b] += copies_by_delay[t][b];
            all += copies_by_delay[t][b];
            if (b * BUCKET_US >= 2000) {
                over_2ms += copies_by_delay[t][b];
            }
        }
    }
    double p50 = -1, p99 = -1;
    for (int b = 0; b < BUCKETS; b++) {
        seen += merged[b];
        if (p50 < 0 && seen * 2 >= all) {
            p50 = (b + 1) * BUCKET_US;
        }
        if (p99 < 0 && seen * 100 >= all * 99) {
            p99 = (b + 1) * BUCKET_US;
        }
    }
    printf("  per copy (delay to the return of the call that sent it): p50 %.0f us, p99 %.0f us, %.1f %% after 2 ms\n",
           p50, p99, 100.0 * over_2ms / all);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
