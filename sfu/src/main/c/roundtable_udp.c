/*
 * Batched UDP sending for the media port (Linux): one sendmmsg(2) for a burst of datagrams, and
 * UDP GSO (UDP_SEGMENT) for consecutive equal-sized datagrams to one receiver, so that a fan-out
 * costs one system call per batch instead of one per datagram. Called from
 * org.roundtable.sfu.udp.NativeDatagrams; the layout of an entry is described there.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/udp.h>

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif

#define MAX_ENTRIES 256
#define MAX_SEGMENTS 64
#define ENTRY_BYTES 48
#define ADDRESS_AT 16
#define MAX_GSO_BYTES 65000
#define GSO_FAILED (1 << 16)

struct entry {
    int32_t offset;
    int32_t length;
    int32_t address_length;
    int32_t status;
    unsigned char address[32];
};

static int same_destination(const struct entry *a, const struct entry *b) {
    uint64_t a0, b0;
    memcpy(&a0, a->address, sizeof a0); /* family, port and IPv4 address: usually decides */
    memcpy(&b0, b->address, sizeof b0);
    return a0 == b0 && a->address_length == b->address_length
        && memcmp(a->address + 8, b->address + 8, (size_t) a->address_length - 8) == 0;
}

static void mark(struct entry *entries, const int *members, int from, int count, int status) {
    for (int k = 0; k < count; k++) {
        entries[members[from + k]].status = status;
    }
}

/* Sends one group's datagrams one by one (the kernel refused them as one GSO message). */
static void send_singly(int fd, unsigned char *data, struct entry *entries, const int *members, int from, int count) {
    for (int k = 0; k < count; k++) {
        struct entry *e = &entries[members[from + k]];
        ssize_t r;
        do {
            r = sendto(fd, data + e->offset, e->length, 0, (struct sockaddr *) e->address, e->address_length);
        } while (r < 0 && errno == EINTR);
        e->status = r < 0 ? errno : 0;
    }
}

/*
 * Returns the number of datagrams sent, plus GSO_FAILED when a GSO message was refused (the caller
 * then stops asking for GSO). Each entry's status is 0 when sent, else the errno of its failure.
 */
JNIEXPORT jint JNICALL Java_org_roundtable_sfu_udp_NativeDatagrams_sendBatch(
        JNIEnv *env, jclass cls, jint fd, jobject dataBuffer, jobject entryBuffer, jint count, jboolean gso) {
    (void) cls;
    unsigned char *data = (*env)->GetDirectBufferAddress(env, dataBuffer);
    struct entry *entries = (*env)->GetDirectBufferAddress(env, entryBuffer);
    if (data == NULL || entries == NULL || count < 0 || count > MAX_ENTRIES) {
        return -EINVAL;
    }
    struct mmsghdr messages[MAX_ENTRIES];
    struct iovec vectors[MAX_ENTRIES];
    int members[MAX_ENTRIES];          /* entry index per iovec, in send order */
    int group_start[MAX_ENTRIES];      /* first iovec of each message */
    int group_size[MAX_ENTRIES];
    char controls[MAX_ENTRIES][CMSG_SPACE(sizeof(uint16_t))];
    unsigned char taken[MAX_ENTRIES];
    memset(taken, 0, sizeof taken);
    memset(messages, 0, sizeof(struct mmsghdr) * (size_t) count);

    int groups = 0, vector = 0;
    for (int i = 0; i < count; i++) {
        if (taken[i]) {
            continue;
        }
        struct entry *first = &entries[i];
        int start = vector, size = 1, total = first->length;
        taken[i] = 1;
        members[vector] = i;
        vectors[vector].iov_base = data + first->offset;
        vectors[vector].iov_len = (size_t) first->length;
        vector++;
        /*
         * Later datagrams to the same receiver join while they are as long as the first (the last may
         * be shorter). The first one that cannot join ends the scan: joining anything after it would
         * send that receiver's datagrams out of order.
         */
        for (int j = i + 1; gso && j < count; j++) {
            struct entry *next = &entries[j];
            if (taken[j] || !same_destination(first, next)) {
                continue;
            }
            if (next->length > first->length || total + next->length > MAX_GSO_BYTES || size == MAX_SEGMENTS) {
                break;
            }
            taken[j] = 1;
            members[vector] = j;
            vectors[vector].iov_base = data + next->offset;
            vectors[vector].iov_len = (size_t) next->length;
            vector++;
            size++;
            total += next->length;
            if (next->length < first->length) {
                break;
            }
        }
        struct msghdr *h = &messages[groups].msg_hdr;
        h->msg_name = first->address;
        h->msg_namelen = (socklen_t) first->address_length;
        h->msg_iov = &vectors[start];
        h->msg_iovlen = (size_t) size;
        if (size > 1) {
            h->msg_control = controls[groups];
            h->msg_controllen = sizeof controls[groups];
            struct cmsghdr *c = CMSG_FIRSTHDR(h);
            c->cmsg_level = SOL_UDP;
            c->cmsg_type = UDP_SEGMENT;
            c->cmsg_len = CMSG_LEN(sizeof(uint16_t));
            uint16_t segment = (uint16_t) first->length;
            memcpy(CMSG_DATA(c), &segment, sizeof segment);
        }
        group_start[groups] = start;
        group_size[groups] = size;
        groups++;
    }

    int sent = 0, flags = 0;
    for (int done = 0; done < groups;) {
        int r = sendmmsg(fd, &messages[done], (unsigned int) (groups - done), 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            /* the first remaining message failed: the rest may still go */
            int error = errno;
            if (group_size[done] > 1 && error != EAGAIN && error != EWOULDBLOCK) {
                flags |= GSO_FAILED;
                send_singly(fd, data, entries, members, group_start[done], group_size[done]);
            } else {
                mark(entries, members, group_start[done], group_size[done], error);
            }
            done++;
            continue;
        }
        for (int m = done; m < done + r; m++) {
            mark(entries, members, group_start[m], group_size[m], 0);
        }
        done += r;
    }
    for (int i = 0; i < count; i++) {
        if (entries[i].status == 0) {
            sent++;
        }
    }
    return sent | flags;
}

/* The file descriptor behind a java.nio DatagramChannel (JNI reads the private field directly). */
JNIEXPORT jint JNICALL Java_org_roundtable_sfu_udp_NativeDatagrams_fileDescriptor(
        JNIEnv *env, jclass cls, jobject channel) {
    (void) cls;
    jclass type = (*env)->GetObjectClass(env, channel);
    jfieldID field = (*env)->GetFieldID(env, type, "fdVal", "I");
    if (field == NULL) {
        (*env)->ExceptionClear(env);
        return -1;
    }
    return (*env)->GetIntField(env, channel, field);
}
