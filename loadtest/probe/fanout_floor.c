/*
 * The kernel's floor under a broadcast's fan-out on this machine: how long loopback takes to carry
 * a burst of packets to every receiver when no SFU does any work (no decryption, rewriting, SRTP or
 * Java). docs/benchmarks.md compares the SFU-added latency of the broadcast with it.
 *
 * A receiving process holds RECEIVERS UDP sockets on 127.0.0.1, split over READERS threads that
 * each wait on their own epoll (as the load generator's selector threads each own a set of
 * viewers), scheduled as SCHED_BATCH as bench.sh runs the load generator (NORMAL_READERS=1: as
 * normal threads). The sending process sends each packet of a burst, SIZES bytes each
 * (comma-separated, in arrival order), to every receiver; the receivers are split over SENDERS
 * threads, each with its own unconnected socket (as each SFU worker has its own channel on the
 * media port), in sendmmsg(2) calls of BATCH messages. The first sender plays the worker that read
 * the packets: the burst starts when it runs, and it wakes the others (whose wake-up their copies
 * carry, as the SFU's other worker's do). Each datagram's delay is counted as the SFU's forwarding
 * histogram counts a copy's: from the burst's start to the return of the call that sent it. ROUNDS
 * bursts 33 ms apart are measured after 20 unmeasured ones. With GSO=1 each receiver's consecutive
 * equal-sized datagrams (the last may be shorter) leave as one UDP GSO message, as the SFU's sender
 * sends them when a burst's copies meet in one batch.
 *
 *   gcc -O2 -pthread -o /tmp/fanout_floor loadtest/probe/fanout_floor.c
 *   /tmp/fanout_floor RECEIVERS SIZES SENDERS BATCH ROUNDS [READERS]
 *   /tmp/fanout_floor 300 150,1040,1040 2 64 300       # audio and a delta frame to 300 viewers
 *   GSO=1 /tmp/fanout_floor 300 1150,1150,1150,1150,1150,1150 2 64 300   # a keyframe's first burst
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
#define MAX_DATAGRAM 1400
#define MAX_PACKETS 64
#define MAX_GSO_BYTES 65000
#define WARMUP_ROUNDS 20
/* Per sender thread: datagrams whose call returned within each 10 us bucket of the burst's start. */
#define BUCKETS 5000
#define BUCKET_US 10.0

static int receivers, packets, senders, batch, rounds, gso;
static int sizes[MAX_PACKETS];
static struct sockaddr_in *destinations;
static char payload[MAX_DATAGRAM * MAX_PACKETS];
static pthread_barrier_t burst_starts, others_start, burst_ends;
static volatile double burst_start_us;
static volatile int measuring;
static long (*copies_by_delay)[BUCKETS];

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

/* Sends count messages; each datagram's delay is counted as the SFU's histogram counts a copy's. */
static void send_all(int fd, struct mmsghdr *messages, int count, long *by_delay) {
    for (int sent = 0; sent < count;) {
        int n = sendmmsg(fd, messages + sent, (unsigned) (count - sent), 0);
        if (n < 0) {
            perror("sendmmsg");
            exit(1);
        }
        int bucket = (int) ((now_us() - burst_start_us) / BUCKET_US);
        long datagrams = 0;
        for (int m = sent; m < sent + n; m++) {
            datagrams += (long) messages[m].msg_hdr.msg_iovlen;
        }
        if (measuring) {
            by_delay[bucket < BUCKETS ? bucket : BUCKETS - 1] += datagrams;
        }
        sent += n;
    }
}

/*
 * One message to receiver d: packet first alone, or with GSO the packets from first on while they
 * are as long as the first (the last may be shorter). Returns the packet after the message.
 */
static int fill(struct mmsghdr *m, struct iovec *vectors, char *control, int d, int first) {
    int segments = 1, total = sizes[first];
    while (gso && first + segments < packets && sizes[first + segments] <= sizes[first]
            && total + sizes[first + segments] <= MAX_GSO_BYTES && sizes[first + segments - 1] == sizes[first]) {
        total += sizes[first + segments];
        segments++;
    }
    for (int k = 0; k < segments; k++) {
        vectors[k].iov_base = payload + (size_t) (first + k) * MAX_DATAGRAM;
        vectors[k].iov_len = (size_t) sizes[first + k];
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
        uint16_t segment = (uint16_t) sizes[first];
        memcpy(CMSG_DATA(c), &segment, sizeof segment);
    }
    return first + segments;
}

static void *sender(void *arg) {
    long id = (long) arg;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int size = 4 << 20;
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size) != 0
            || bind(fd, (struct sockaddr *) &local, sizeof local) != 0) {
        perror("sender");
        exit(1);
    }
    struct mmsghdr *messages = calloc((size_t) batch, sizeof *messages);
    struct iovec *vectors = calloc((size_t) batch * MAX_PACKETS, sizeof *vectors);
    char *controls = calloc((size_t) batch, CMSG_SPACE(sizeof(uint16_t)));
    for (;;) {
        if (id == 0) {
            pthread_barrier_wait(&burst_starts);
            burst_start_us = now_us(); /* the reading worker has the packets: the burst starts */
        }
        pthread_barrier_wait(&others_start);
        /* packet-major, as a fan-out adds its copies; with GSO a receiver's run leaves at its first packet */
        int n = 0;
        for (int first = 0; first < packets;) {
            int next = first + 1;
            for (int d = (int) id; d < receivers; d += senders) {
                next = fill(&messages[n], &vectors[n * MAX_PACKETS], controls + n * CMSG_SPACE(sizeof(uint16_t)), d, first);
                if (++n == batch) {
                    send_all(fd, messages, n, copies_by_delay[id]);
                    n = 0;
                }
            }
            first = next;
        }
        send_all(fd, messages, n, copies_by_delay[id]);
        pthread_barrier_wait(&burst_ends);
    }
    return NULL;
}

static void *reader(void *arg) {
    int epoll_fd = (int) (long) arg;
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

static int parse_sizes(const char *text) {
    char *copy = strdup(text), *save = NULL;
    int count = 0;
    for (char *t = strtok_r(copy, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
        int size = atoi(t);
        if (count == MAX_PACKETS || size < 12 || size > MAX_DATAGRAM) {
            free(copy);
            return -1;
        }
        sizes[count++] = size;
    }
    free(copy);
    return count;
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s RECEIVERS SIZES SENDERS BATCH ROUNDS [READERS]\n", argv[0]);
        return 2;
    }
    receivers = atoi(argv[1]);
    packets = parse_sizes(argv[2]);
    senders = atoi(argv[3]);
    batch = atoi(argv[4]);
    rounds = atoi(argv[5]);
    int readers = argc > 6 ? atoi(argv[6]) : 2;
    gso = getenv("GSO") != NULL && strcmp(getenv("GSO"), "0") != 0;
    int normal_readers = getenv("NORMAL_READERS") != NULL && strcmp(getenv("NORMAL_READERS"), "0") != 0;
    if (receivers < 1 || packets < 1 || senders < 1 || senders > 64 || batch < 1 || batch > 1024 || rounds < 1
            || readers < 1 || readers > receivers) {
        fprintf(stderr, "out of range (SIZES: up to %d sizes of 12..%d bytes)\n", MAX_PACKETS, MAX_DATAGRAM);
        return 2;
    }
    destinations = calloc((size_t) receivers, sizeof *destinations);
    int *receive_fds = calloc((size_t) receivers, sizeof *receive_fds);
    for (int i = 0; i < receivers; i++) {
        receive_fds[i] = socket(AF_INET, SOCK_DGRAM, 0);
        int size = 1 << 20;
        struct sockaddr_in at = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        socklen_t length = sizeof at;
        if (receive_fds[i] < 0 || setsockopt(receive_fds[i], SOL_SOCKET, SO_RCVBUF, &size, sizeof size) != 0
                || bind(receive_fds[i], (struct sockaddr *) &at, sizeof at) != 0
                || getsockname(receive_fds[i], (struct sockaddr *) &destinations[i], &length) != 0) {
            perror("receiver");
            return 1;
        }
    }
    int batch_readers = 0;
    if (!normal_readers) {
        struct sched_param none = {0};
        batch_readers = sched_setscheduler(0, SCHED_BATCH, &none) == 0; /* tried here: the child inherits it */
        struct sched_param normal = {0};
        sched_setscheduler(0, SCHED_OTHER, &normal);
    }
    pid_t child = fork();
    if (child == 0) {
        if (batch_readers) {
            struct sched_param none = {0};
            sched_setscheduler(0, SCHED_BATCH, &none); /* as bench.sh runs the load generator */
        }
        for (int r = 0; r < readers; r++) {
            int epoll_fd = epoll_create1(0);
            for (int i = r; i < receivers; i += readers) {
                struct epoll_event e = {.events = EPOLLIN, .data.fd = receive_fds[i]};
                if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, receive_fds[i], &e) != 0) {
                    perror("epoll_ctl");
                    return 1;
                }
            }
            pthread_t thread;
            pthread_create(&thread, NULL, reader, (void *) (long) epoll_fd);
        }
        pause();
        return 0;
    }
    for (int i = 0; i < receivers; i++) {
        close(receive_fds[i]);
    }
    pthread_barrier_init(&burst_starts, NULL, 2);
    pthread_barrier_init(&others_start, NULL, (unsigned) senders);
    pthread_barrier_init(&burst_ends, NULL, (unsigned) senders + 1);
    copies_by_delay = calloc((size_t) senders, sizeof *copies_by_delay);
    for (long i = 0; i < senders; i++) {
        pthread_t thread;
        pthread_create(&thread, NULL, sender, (void *) i);
    }
    double *took = calloc((size_t) rounds, sizeof *took);
    usleep(200000);
    for (int r = -WARMUP_ROUNDS; r < rounds; r++) {
        usleep(33000);
        measuring = r >= 0;
        pthread_barrier_wait(&burst_starts);
        pthread_barrier_wait(&burst_ends);
        if (r >= 0) {
            took[r] = now_us() - burst_start_us;
        }
    }
    qsort(took, (size_t) rounds, sizeof *took, by_value);
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
            p50 = (b + 0.5) * BUCKET_US;
        }
        if (p99 < 0 && seen * 100 >= all * 99) {
            p99 = (b + 0.5) * BUCKET_US;
        }
    }
    printf("%d receivers x %d packets (%s bytes, %d datagrams), %d senders, batches of %d, %d %s readers%s: "
           "burst p50 %.0f us, p99 %.0f; per copy p50 %.0f us, p99 %.0f us, %.1f %% after 2 ms\n",
           receivers, packets, argv[2], receivers * packets, senders, batch, readers,
           batch_readers ? "SCHED_BATCH" : "normal", gso ? ", GSO per receiver" : "",
           took[rounds / 2], took[rounds * 99 / 100], p50, p99, 100.0 * over_2ms / all);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
