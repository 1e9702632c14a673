package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocketMqConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void brokerConfPointsAtTheNameServerAndKeepsTheStoreInTheScratchDir() throws Exception {
        var ports = new Ports(21000, 22002);
        var options = ApacheRocketMq.Options.in(dir).withFlushDiskType(FlushDiskType.SYNC_FLUSH)
                .withTransactionTimeoutMillis(1_000).withTransactionCheckIntervalMillis(2_000);

        var conf = load(RocketMqConfigFiles.writeBroker(dir, ports, options));

        assertThat(conf.getProperty("listenPort")).isEqualTo("22002");
        assertThat(conf.getProperty("namesrvAddr")).isEqualTo("127.0.0.1:21000");
        assertThat(conf.getProperty("brokerIP1")).isEqualTo("127.0.0.1");
        assertThat(conf.getProperty("flushDiskType")).isEqualTo("SYNC_FLUSH");
        assertThat(conf.getProperty("transactionTimeOut")).isEqualTo("1000");
        assertThat(conf.getProperty("transactionCheckInterval")).isEqualTo("2000");
        assertThat(conf.getProperty("autoCreateTopicEnable")).isEqualTo("true");
        assertThat(Path.of(conf.getProperty("storePathRootDir"))).isEqualTo(dir.resolve("store"));
        assertThat(Path.of(conf.getProperty("storePathCommitLog"))).isEqualTo(dir.resolve("store/commitlog"));
    }

    @Test
    void extraBrokerLinesOverrideTheDefaults() throws Exception {
        var options = ApacheRocketMq.Options.in(dir).withBrokerConfig("autoCreateTopicEnable=false", "brokerName=broker-z");

        var conf = load(RocketMqConfigFiles.writeBroker(dir, new Ports(21000, 22002), options));

        assertThat(conf.getProperty("autoCreateTopicEnable")).isEqualTo("false");
        assertThat(conf.getProperty("brokerName")).isEqualTo("broker-z");
    }

    @Test
    void namesrvPropertiesCarryTheListenPort() throws Exception {
        var conf = load(RocketMqConfigFiles.writeNamesrv(dir, new Ports(21000, 22002)));

        assertThat(conf.getProperty("listenPort")).isEqualTo("21000");
    }

    private static Properties load(Path file) throws Exception {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
