package org.roundtable.signaling.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --flag value} arguments, checked against the flags a command knows. */
public final class CommandLine {

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /** @throws UsageException on unknown flags, missing values or repeated flags */
    public static CommandLine parse(List<String> args, Set<String> knownFlags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                flag = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else if (arg.startsWith("--") && arg.length() > 2) {
                flag = arg.substring(2);
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + flag + " needs a value");
                }
                value = args.get(++i);
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (!knownFlags.contains(flag)) {
                throw new UsageException("unknown option --" + flag);
            }
            if (values.put(flag, value) != null) {
                throw new UsageException("--" + flag + " given twice");
            }
        }
        return new CommandLine(values);
    }

    public String get(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    public String required(String flag) {
        String value = values.get(flag);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + flag + " is required");
        }
        return value;
    }

    public int port(String flag, int fallback) {
        String value = values.get(flag);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " must be a port number 0-65535, got '" + value + "'");
        }
    }

    public boolean has(String flag) {
        return values.containsKey(flag);
    }

    /** A command line the user got wrong; the message says how. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
