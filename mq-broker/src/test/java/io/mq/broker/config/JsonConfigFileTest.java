package io.mq.broker.config;

import io.mq.protocol.body.DataVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonConfigFileTest {

    @TempDir
    Path dir;

    private static long valueOf(JsonObject json) {
        return json.longValue("value", -1);
    }

    @Test
    void firstStartFindsNothing() {
        var file = new JsonConfigFile(dir.resolve("config/x.json"));

        assertThat(file.load(JsonConfigFileTest::valueOf)).isEmpty();
    }

    @Test
    void storeThenLoadReadsTheLatestAndKeepsThePreviousAsBackup() throws Exception {
        var file = new JsonConfigFile(dir.resolve("config/x.json"));
        file.store(Map.of("value", 1));
        file.store(Map.of("value", 2));

        assertThat(new JsonConfigFile(dir.resolve("config/x.json")).load(JsonConfigFileTest::valueOf)).contains(2L);
        assertThat(Files.readString(file.backupPath())).isEqualTo("{\"value\":1}");
        assertThat(dir.resolve("config/x.json.tmp")).doesNotExist();
    }

    @Test
    void tornFileFallsBackToTheBackup() throws Exception {
        var file = new JsonConfigFile(dir.resolve("x.json"));
        file.store(Map.of("value", 1));
        file.store(Map.of("value", 2));
        Files.writeString(file.path(), "{\"value\":");

        assertThat(file.load(JsonConfigFileTest::valueOf)).contains(1L);
    }

    @Test
    void emptyFileFallsBackToTheBackup() throws Exception {
        var file = new JsonConfigFile(dir.resolve("x.json"));
        file.store(Map.of("value", 1));
        file.store(Map.of("value", 2));
        Files.writeString(file.path(), "");

        assertThat(file.load(JsonConfigFileTest::valueOf)).contains(1L);
    }

    @Test
    void missingFileWithABackupLoadsTheBackup() throws Exception {
        // A crash between the two renames of a store leaves only the backup.
        var file = new JsonConfigFile(dir.resolve("x.json"));
        file.store(Map.of("value", 1));
        file.store(Map.of("value", 2));
        Files.delete(file.path());

        assertThat(file.load(JsonConfigFileTest::valueOf)).contains(1L);
    }

    @Test
    void decoderRejectionAlsoFallsBackToTheBackup() throws Exception {
        var file = new JsonConfigFile(dir.resolve("x.json"));
        file.store(Map.of("value", 1));
        file.store(Map.of("value", "not a number"));

        assertThat(file.load(JsonConfigFileTest::valueOf)).contains(1L);
    }

    @Test
    void tornFileWithoutBackupIsAClearError() throws Exception {
        var path = dir.resolve("x.json");
        Files.writeString(path, "{\"value\":1,");

        assertThatThrownBy(() -> new JsonConfigFile(path).load(JsonConfigFileTest::valueOf))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("x.json")
                .hasMessageContaining("no backup");
    }

    @Test
    void tornFileAndTornBackupIsAClearError() throws Exception {
        var path = dir.resolve("x.json");
        Files.writeString(path, "{");
        Files.writeString(dir.resolve("x.json.bak"), "[1,");

        assertThatThrownBy(() -> new JsonConfigFile(path).load(JsonConfigFileTest::valueOf))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("backup")
                .hasMessageContaining("x.json.bak");
    }

    @Test
    void dataVersionRoundTripsAndCounts() {
        var v = DataVersion.initial(100).next(200).next(300);

        assertThat(v).isEqualTo(new DataVersion(0, 300, 2));
        assertThat(DataVersion.fromJson(io.mq.protocol.json.Json.parseObject(io.mq.protocol.json.Json.write(v))))
                .isEqualTo(v);
    }
}
