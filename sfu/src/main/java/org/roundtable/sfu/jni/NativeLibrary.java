package org.roundtable.sfu.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * Loads one of our JNI libraries ({@code sfu/src/main/c}, built by Maven into the jar as
 * {@code native/<os.arch>/lib<name>.so}). Each is optional: a caller that cannot load its library
 * falls back to Java and says why. Thread-safe (stateless).
 */
public final class NativeLibrary {
    private static final Logger LOG = Logger.getLogger(NativeLibrary.class.getName());

    private NativeLibrary() {
    }

    /**
     * Loads {@code lib<name>.so} unless {@code -D<disableProperty>=false}. Returns null when it
     * loaded, else why not (for the logs and the tests).
     */
    public static String load(String name, String disableProperty, String fallback) {
        if ("false".equalsIgnoreCase(System.getProperty(disableProperty))) {
            return "disabled by -D" + disableProperty + "=false";
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "not Linux";
        }
        String resource = "/native/" + System.getProperty("os.arch") + "/lib" + name + ".so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "no " + resource + " in the build";
            }
            // System.load needs a file: copy the library out of the jar
            Path file = Files.createTempFile(name, ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            return null;
        } catch (IOException | LinkageError | SecurityException e) {
            LOG.warning("lib" + name + ".so not loaded, " + fallback + ": " + e);
            return e.toString();
        }
    }
}
