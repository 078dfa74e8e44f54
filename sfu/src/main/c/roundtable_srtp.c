/*
 * SRTP AEAD_AES_128_GCM protection of outgoing RTP (RFC 7714) in one JNI call per packet, through
 * OpenSSL's EVP interface with one cipher context per sending direction, keyed once. Called from
 * org.roundtable.sfu.srtp.NativeGcm; the Java side keeps the rollover counters and checks lengths.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#define SALT_LENGTH 12
#define TAG_LENGTH 16

struct sealer {
    EVP_CIPHER_CTX *ctx;
    unsigned char salt[SALT_LENGTH];
};

JNIEXPORT jlong JNICALL Java_org_roundtable_sfu_srtp_NativeGcm_create
  (JNIEnv *env, jclass clazz, jbyteArray key, jbyteArray salt)
{
    (void) clazz;
    jsize key_length = (*env)->GetArrayLength(env, key);
    const EVP_CIPHER *cipher = key_length == 16 ? EVP_aes_128_gcm() : key_length == 32 ? EVP_aes_256_gcm() : NULL;
    if (cipher == NULL || (*env)->GetArrayLength(env, salt) != SALT_LENGTH) {
        return 0;
    }
    struct sealer *s = calloc(1, sizeof *s);
    if (s == NULL) {
        return 0;
    }
    unsigned char k[32];
    (*env)->GetByteArrayRegion(env, key, 0, key_length, (jbyte *) k);
    (*env)->GetByteArrayRegion(env, salt, 0, SALT_LENGTH, (jbyte *) s->salt);
    s->ctx = EVP_CIPHER_CTX_new();
    int ok = s->ctx != NULL && EVP_EncryptInit_ex(s->ctx, cipher, NULL, k, NULL) == 1;
    OPENSSL_cleanse(k, sizeof k);
    if (!ok) {
        EVP_CIPHER_CTX_free(s->ctx);
        free(s);
        return 0;
    }
    return (jlong) (intptr_t) s;
}

JNIEXPORT void JNICALL Java_org_roundtable_sfu_srtp_NativeGcm_destroy
  (JNIEnv *env, jclass clazz, jlong handle)
{
    (void) env;
    (void) clazz;
    struct sealer *s = (struct sealer *) (intptr_t) handle;
    if (s != NULL) {
        EVP_CIPHER_CTX_free(s->ctx);
        OPENSSL_cleanse(s->salt, sizeof s->salt);
        free(s);
    }
}

/*
 * Encrypts the payload of the RTP packet at packet[offset] in place, authenticates its header
 * (headerLength bytes) and appends the 16-byte tag. IV (RFC 7714 8.1): 00 00 | SSRC | ROC | SEQ,
 * XOR the session salt. Returns 0, or -1 when OpenSSL failed, -2 when the lengths do not fit.
 */
JNIEXPORT jint JNICALL Java_org_roundtable_sfu_srtp_NativeGcm_seal
  (JNIEnv *env, jclass clazz, jlong handle, jbyteArray packet, jint offset, jint headerLength,
   jint payloadLength, jint ssrc, jint roc, jint seq)
{
    (void) clazz;
    struct sealer *s = (struct sealer *) (intptr_t) handle;
    jsize capacity = (*env)->GetArrayLength(env, packet);
    if (s == NULL || offset < 0 || headerLength < 0 || payloadLength < 0
            || (jlong) offset + headerLength + payloadLength + TAG_LENGTH > capacity) {
        return -2;
    }
    unsigned char iv[SALT_LENGTH] = {
        0, 0,
        (unsigned char) (ssrc >> 24), (unsigned char) (ssrc >> 16), (unsigned char) (ssrc >> 8), (unsigned char) ssrc,
        (unsigned char) (roc >> 24), (unsigned char) (roc >> 16), (unsigned char) (roc >> 8), (unsigned char) roc,
        (unsigned char) (seq >> 8), (unsigned char) seq
    };
    for (int i = 0; i < SALT_LENGTH; i++) {
        iv[i] ^= s->salt[i];
    }
    unsigned char *bytes = (*env)->GetPrimitiveArrayCritical(env, packet, NULL);
    if (bytes == NULL) {
        return -1;
    }
    unsigned char *header = bytes + offset;
    unsigned char *payload = header + headerLength;
    int written;
    int ok = EVP_EncryptInit_ex(s->ctx, NULL, NULL, NULL, iv) == 1
        && EVP_EncryptUpdate(s->ctx, NULL, &written, header, headerLength) == 1
        && EVP_EncryptUpdate(s->ctx, payload, &written, payload, payloadLength) == 1
        && EVP_EncryptFinal_ex(s->ctx, payload + written, &written) == 1
        && EVP_CIPHER_CTX_ctrl(s->ctx, EVP_CTRL_AEAD_GET_TAG, TAG_LENGTH, payload + payloadLength) == 1;
    (*env)->ReleasePrimitiveArrayCritical(env, packet, bytes, 0);
    return ok ? 0 : -1;
}
