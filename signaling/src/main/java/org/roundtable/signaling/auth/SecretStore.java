package org.roundtable.signaling.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's token-signing secret: 32 random bytes, base64, in a file readable by its owner
 * only. Created at first start and reused afterwards so issued links stay valid across restarts.
 */
public final class SecretStore {

    public static final String DEFAULT_FILE_NAME = "secret.key";
    private static final int SECRET_BYTES = 32;

    private SecretStore() {
    }

    /** Reads the secret at {@code file}, creating the file (mode 0600) and its folders if absent. */
    public static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        byte[] encoded = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            createOwnerOnly(file);
        } catch (FileAlreadyExistsException raced) {
            return read(file); // another process (e.g. `token` while the server starts) won the race
        }
        Files.write(file, encoded, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("secret file " + file + " is not base64: " + e.getMessage(), e);
        }
        if (secret.length < 16) {
            throw new IOException("secret file " + file + " holds " + secret.length + " bytes; at least 16 are required");
        }
        return secret;
    }
}
