package io.mq.broker.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.config.ConfigFileException;
import io.mq.broker.topic.InvalidDefinitionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupsTest {

    @TempDir
    Path storeRoot;

    private final AtomicLong clock = new AtomicLong(1_000);

    private SubscriptionGroups open(boolean autoCreate) {
        return SubscriptionGroups.open(storeRoot, autoCreate, clock::get);
    }

    @Test
    void defaultsAreRocketMqs() {
        var g = SubscriptionGroupDefinition.defaults("cg");

        assertThat(g).isEqualTo(new SubscriptionGroupDefinition("cg", true, true, true, 1, 16, 0, 1, true));
    }

    @Test
    void builtInGroupsExistFromTheStart() {
        assertThat(open(false).get("TOOLS_CONSUMER")).isPresent();
    }

    @Test
    void unknownGroupIsCreatedWithDefaultsOnFirstUseAndPersisted() {
        var groups = open(true);
        var version = groups.dataVersion();

        assertThat(groups.getOrAutoCreate("cg")).contains(SubscriptionGroupDefinition.defaults("cg"));
        assertThat(groups.dataVersion().counter()).isEqualTo(version.counter() + 1);
        assertThat(open(true).get("cg")).contains(SubscriptionGroupDefinition.defaults("cg"));
    }

    @Test
    void withoutAutoCreateAnUnknownGroupStaysUnknownExceptSystemGroups() {
        var groups = open(false);

        assertThat(groups.getOrAutoCreate("cg")).isEmpty();
        assertThat(groups.get("cg")).isEmpty();
        assertThat(groups.getOrAutoCreate("CID_RMQ_SYS_TRANS")).isPresent();
    }

    @Test
    void updatesAndDeletesSurviveRestart() {
        var groups = open(true);
        var custom = SubscriptionGroupDefinition.defaults("cg").withRetry(4, 3).withConsumeEnable(false);
        groups.createOrUpdate(custom);
        groups.createOrUpdate(SubscriptionGroupDefinition.defaults("gone"));
        assertThat(groups.delete("gone")).isTrue();
        assertThat(groups.delete("gone")).isFalse();

        var reopened = open(true);

        assertThat(reopened.get("cg")).contains(custom);
        assertThat(reopened.get("gone")).isEmpty();
        assertThat(reopened.dataVersion()).isEqualTo(groups.dataVersion());
    }

    @Test
    void tornFileLoadsThePreviousVersion() throws Exception {
        var groups = open(true);
        groups.createOrUpdate(SubscriptionGroupDefinition.defaults("first"));
        groups.createOrUpdate(SubscriptionGroupDefinition.defaults("second"));
        var file = storeRoot.resolve("config/subscriptionGroup.json");
        Files.writeString(file, Files.readString(file).substring(0, 40));

        var reopened = open(true);

        assertThat(reopened.get("first")).isPresent();
        assertThat(reopened.get("second")).isEmpty();
    }

    @Test
    void unreadableFileWithoutBackupIsAClearError() throws Exception {
        var file = storeRoot.resolve("config/subscriptionGroup.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"subscriptionGroupTable\":{\"cg\":{\"retryQueueNums\":0}}}");

        assertThatThrownBy(() -> open(true))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("subscriptionGroup.json")
                .hasMessageContaining("retryQueueNums must be at least 1");
    }

    @Test
    void validationNamesTheProblem() {
        assertThatThrownBy(() -> SubscriptionGroupDefinition.defaults("bad group"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("group name 'bad group'");
        assertThatThrownBy(() -> SubscriptionGroupDefinition.defaults("cg").withRetry(1, -1))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("retryMaxTimes must not be negative, was -1");
    }
}
