package io.mq.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the classpath of the real Apache RocketMQ name server and broker, written by the
 * {@code mq-compat/apache-rocketmq-runtime} module at {@code generate-resources}.
 */
public final class RuntimeClasspath {

    /** System property naming the classpath file explicitly; wins over the search. */
    public static final String PROPERTY = "apache.rocketmq.classpath";

    /** Where the runtime module writes the file, relative to the reactor root. */
    public static final Path RELATIVE_FILE =
            Path.of("mq-compat", "apache-rocketmq-runtime", "target", "apache-rocketmq.classpath");

    private RuntimeClasspath() {
    }

    /** The classpath file, if the property names one that exists or one is found walking up from the working dir. */
    public static Optional<Path> find() {
        return find(System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
    }

    /** The classpath file, or an exception naming every place it looked and how to produce it. */
    public static Path locate() {
        return locate(System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
    }

    /** The classpath itself (the file's content, trimmed), ready for {@code java -cp}. */
    public static String read(Path file) {
        try {
            var classpath = Files.readString(file).trim();
            if (classpath.isEmpty()) {
                throw new ApacheRocketMqException("Apache RocketMQ classpath file is empty: " + file);
            }
            return classpath;
        } catch (IOException e) {
            throw new ApacheRocketMqException("Cannot read Apache RocketMQ classpath file " + file, e);
        }
    }

    static Optional<Path> find(String property, Path workingDir) {
        if (property != null && !property.isBlank()) {
            var named = Path.of(property).toAbsolutePath();
            return Files.isRegularFile(named) ? Optional.of(named) : Optional.empty();
        }
        for (var dir = workingDir; dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve(RELATIVE_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path locate(String property, Path workingDir) {
        return find(property, workingDir).orElseThrow(() -> new ApacheRocketMqException(missingMessage(property, workingDir)));
    }

    private static String missingMessage(String property, Path workingDir) {
        var where = property != null && !property.isBlank()
                ? "system property " + PROPERTY + " names " + Path.of(property).toAbsolutePath() + ", which does not exist"
                : "no " + RELATIVE_FILE + " in " + workingDir + " or any parent";
        return "Apache RocketMQ classpath file not found (" + where + "). Build it with "
                + "`mvn -B -o -pl mq-compat/apache-rocketmq-runtime generate-resources` from the reactor root, "
                + "or set -D" + PROPERTY + "=<file>.";
    }
}
