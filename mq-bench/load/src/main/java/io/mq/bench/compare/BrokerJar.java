package io.mq.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds our broker app's runnable jar, built by {@code mvn -pl mq-bench/load -am package}. */
final class BrokerJar {

    private static final Path TARGET = Path.of("mq-broker-app", "target");

    private BrokerJar() {
    }

    /** {@code mq-broker-app/target/mq-broker-app-*.jar} in the working dir or a parent. */
    static Path locate() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var target = dir.resolve(TARGET);
            if (Files.isDirectory(target)) {
                try (var files = Files.list(target)) {
                    var jar = files.filter(f -> {
                        var name = f.getFileName().toString();
                        return name.startsWith("mq-broker-app-") && name.endsWith(".jar");
                    }).findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot list " + target, e);
                }
            }
        }
        throw new IllegalArgumentException("no mq-broker-app/target/mq-broker-app-*.jar here or above; build it with "
                + "`mvn -B -o -q -pl mq-bench/load -am package -DskipTests` or pass --broker-jar");
    }
}
