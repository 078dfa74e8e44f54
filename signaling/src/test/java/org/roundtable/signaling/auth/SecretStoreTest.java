package org.roundtable.signaling.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsThirtyTwoRandomBytesReadableByTheOwnerOnlyAndReusesThem() throws IOException {
        Path file = dir.resolve("nested/data/secret.key");
        byte[] first = SecretStore.loadOrCreate(file);
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first, Base64.getDecoder().decode(Files.readString(file).strip()));
        assertArrayEquals(first, SecretStore.loadOrCreate(file));
    }

    @Test
    void twoServersGetDifferentSecrets() throws IOException {
        byte[] a = SecretStore.loadOrCreate(dir.resolve("a.key"));
        byte[] b = SecretStore.loadOrCreate(dir.resolve("b.key"));
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void refusesAFileThatIsNotASecret() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "not base64 at all!");
        IOException e = assertThrows(IOException.class, () -> SecretStore.loadOrCreate(garbage));
        assertTrue(e.getMessage().contains("not base64"), e.getMessage());
        Path tiny = Files.writeString(dir.resolve("tiny.key"), Base64.getEncoder().encodeToString(new byte[4]));
        assertThrows(IOException.class, () -> SecretStore.loadOrCreate(tiny));
    }
}
