package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeClasspathTest {

    @TempDir
    Path reactor;

    @Test
    void findsTheFileByWalkingUpFromAModuleDirectory() throws Exception {
        var file = reactor.resolve(RuntimeClasspath.RELATIVE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "/a.jar:/b.jar\n");
        var moduleDir = Files.createDirectories(reactor.resolve("mq-compat/rocketmq5"));

        assertThat(RuntimeClasspath.find(null, moduleDir)).contains(file);
        assertThat(RuntimeClasspath.read(RuntimeClasspath.locate(null, moduleDir))).isEqualTo("/a.jar:/b.jar");
    }

    @Test
    void theSystemPropertyWinsOverTheSearch() throws Exception {
        var named = Files.writeString(reactor.resolve("elsewhere.classpath"), "/c.jar");

        assertThat(RuntimeClasspath.locate(named.toString(), reactor)).isEqualTo(named);
    }

    @Test
    void aMissingFileIsReportedWithWhereItLookedAndHowToBuildIt() {
        assertThatThrownBy(() -> RuntimeClasspath.locate(null, reactor))
                .isInstanceOf(ApacheRocketMqException.class)
                .hasMessageContaining(RuntimeClasspath.RELATIVE_FILE.toString())
                .hasMessageContaining(reactor.toString())
                .hasMessageContaining("mvn -B -o -pl mq-compat/apache-rocketmq-runtime generate-resources");
    }

    @Test
    void aPropertyNamingAMissingFileIsReportedWithThatPath() {
        var missing = reactor.resolve("nope.classpath");

        assertThatThrownBy(() -> RuntimeClasspath.locate(missing.toString(), reactor))
                .isInstanceOf(ApacheRocketMqException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(RuntimeClasspath.PROPERTY);
    }

    @Test
    void anEmptyFileIsRejected() throws Exception {
        var empty = Files.writeString(reactor.resolve("empty.classpath"), "  \n");

        assertThatThrownBy(() -> RuntimeClasspath.read(empty)).hasMessageContaining("empty");
    }
}
