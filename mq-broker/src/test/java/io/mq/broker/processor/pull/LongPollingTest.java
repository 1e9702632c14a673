package io.mq.broker.processor.pull;

import static io.mq.broker.processor.pull.PullFixture.bodies;
import static io.mq.broker.processor.pull.PullFixture.pull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.header.SendMessageRequestHeaderV2;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongPollingTest {

    private static final String TOPIC = "HeldTopic";
    private static final int SUSPEND = PullMessageRequestHeader.FLAG_SUSPEND;
    /** Long enough that an answer well before it can only come from a wake-up. */
    private static final long LONG_HOLD_MILLIS = 20_000;

    @TempDir
    Path dir;
    private PullFixture fixture;

    @BeforeEach
    void start() {
        fixture = PullFixture.start(dir);
        fixture.createTopic(TOPIC);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aHeldPullIsAnsweredAsSoonAsAMessageLands() {
        fixture.append(TOPIC, 0, "old");
        var held = hold(pull(TOPIC, 0, 1, 32, SUSPEND, LONG_HOLD_MILLIS, "TAG", "*"));
        long before = System.nanoTime();

        fixture.append(TOPIC, 0, "new");

        var response = held.join();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(LONG_HOLD_MILLIS / 4);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactly("new");
        assertThat(PullMessageResponseHeader.from(response).nextBeginOffset()).isEqualTo(2);
    }

    @Test
    void aHeldPullIsWokenByAMessageSentOverTheWire() {
        var held = hold(pull(TOPIC, 1, 0, 32, SUSPEND, LONG_HOLD_MILLIS, "TAG", "TagS"));
        var properties = MessageProperties.encode(Map.of(MessageProperties.TAGS, "TagS"));
        var header = new SendMessageRequestHeaderV2("producer", TOPIC, "TBW102", 4, 1, 0, System.currentTimeMillis(),
                0, properties, 0, false, null, false, null);
        var send = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, header)
                .body("sent".getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.invoke(send).code()).isEqualTo(ResponseCode.SUCCESS);

        var response = held.join();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(PullFixture.messages(response)).singleElement().satisfies(m -> {
            assertThat(m.tags()).isEqualTo("TagS");
            assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("sent");
        });
    }

    @Test
    void aHeldPullOnANeverUsedQueueWakesForItsFirstMessage() {
        var held = hold(pull(TOPIC, 3, 0, 32, SUSPEND, LONG_HOLD_MILLIS, "TAG", "*"));

        fixture.append(TOPIC, 3, "first");

        assertThat(bodies(held.join())).containsExactly("first");
    }

    @Test
    void aHeldPullWithNoMessageAnswersNotFoundOnceItsSuspendTimeHasPassed() {
        fixture.append(TOPIC, 1, "m0");
        long suspendMillis = 400;
        long before = System.nanoTime();

        var response = fixture.invoke(pull(TOPIC, 1, 1, 32, SUSPEND, suspendMillis, "TAG", "*"));

        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(elapsed).isBetween(suspendMillis, suspendMillis + 2_000);
        var header = PullMessageResponseHeader.from(response);
        assertThat(header.nextBeginOffset()).isEqualTo(1);
        assertThat(header.maxOffset()).isEqualTo(1);
    }

    @Test
    void aMessageTheFilterRejectsLeavesThePullWaitingForOneItAccepts() {
        var held = hold(pull(TOPIC, 2, 0, 32, SUSPEND, LONG_HOLD_MILLIS, "TAG", "TagA"));

        fixture.append(TOPIC, 2, "b", "TagB", Map.of());
        stillHeld(held);
        fixture.append(TOPIC, 2, "a", "TagA", Map.of());

        var response = held.join();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactly("a");
        assertThat(PullMessageResponseHeader.from(response).nextBeginOffset()).isEqualTo(2);
    }

    @Test
    void aSqlFilteredPullWakesOnlyForMatchingProperties() {
        var held = hold(pull(TOPIC, 2, 0, 32, SUSPEND, LONG_HOLD_MILLIS, "SQL92", "region = 'eu'"));

        fixture.append(TOPIC, 2, "us", null, Map.of("region", "us"));
        stillHeld(held);
        fixture.append(TOPIC, 2, "eu", null, Map.of("region", "eu"));

        assertThat(bodies(held.join())).containsExactly("eu");
    }

    @Test
    void theHoldIsCappedByTheBrokersLongPollingMaximum(@TempDir Path other) {
        try (var capped = PullFixture.start(other, c -> PullFixture.withLongPollingMaxHold(c, Duration.ofMillis(300)))) {
            capped.createTopic(TOPIC);
            long before = System.nanoTime();

            var response = capped.invoke(pull(TOPIC, 0, 0, 32, SUSPEND, LONG_HOLD_MILLIS, "TAG", "*"));

            assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(3_000);
        }
    }

    @Test
    void aPullWithoutTheSuspendFlagIsAnsweredAtOnce() {
        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, LONG_HOLD_MILLIS, "TAG", "*"));

        assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
    }

    /** Sends a suspendable pull and checks that it is indeed being held. */
    private CompletableFuture<RemotingCommand> hold(RemotingCommand request) {
        var future = fixture.invokeAsync(request, LONG_HOLD_MILLIS + 10_000);
        stillHeld(future);
        return future;
    }

    private static void stillHeld(CompletableFuture<RemotingCommand> future) {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !future.isDone());
    }
}
