package io.mq.broker.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.BrokerRuntime;
import io.mq.broker.client.ConsumeFromWhere;
import io.mq.broker.client.ConsumeType;
import io.mq.broker.client.GroupMember;
import io.mq.broker.client.MessageModel;
import io.mq.broker.client.Subscription;
import io.mq.broker.processor.pull.PullFixture;
import io.mq.broker.store.AppendResult;
import io.mq.protocol.body.LockBatchRequestBody;
import io.mq.protocol.body.LockBatchResponseBody;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.QueryConsumeTimeSpanBody;
import io.mq.protocol.body.ResetOffsetBody;
import io.mq.protocol.body.UnlockBatchRequestBody;
import io.mq.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.mq.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.mq.protocol.header.QueryMessageRequestHeader;
import io.mq.protocol.header.QueryMessageResponseHeader;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.LanguageCode;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock, query, reset, time-span and running-info requests against an embedded broker over TCP. */
class QueryProcessorsTest {
    private static final String TOPIC = "lookup-topic";
    private static final String GROUP = "lookup-group";

    @TempDir
    Path dir;

    private PullFixture fixture;
    private BrokerRuntime runtime;

    @BeforeEach
    void start() {
        fixture = PullFixture.start(dir);
        fixture.createTopic(TOPIC);
        runtime = fixture.broker().broker().runtime();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private AppendResult appendWithKeys(int queueId, String body, String keys) {
        var result = fixture.append(TOPIC, queueId, body, null, Map.of(MessageProperties.KEYS, keys,
                MessageProperties.UNIQ_KEY, "UNIQ-" + body));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                !runtime.store().queryIndex(TOPIC, "UNIQ-" + body, 1, 0, Long.MAX_VALUE).commitLogOffsets().isEmpty());
        return result;
    }

    private RemotingCommand query(String key, boolean unique) {
        return fixture.invoke(RemotingCommand.request(RequestCode.QUERY_MESSAGE,
                new QueryMessageRequestHeader(TOPIC, key, 32, 0, Long.MAX_VALUE, unique)));
    }

    private static List<String> bodies(RemotingCommand response) {
        return MessageCodec.decodeAll(ByteBuffer.wrap(response.body()), true).stream()
                .map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void queryByKeyAnswersTheStoredMessagesAndHowCurrentTheIndexIs() {
        appendWithKeys(0, "first", "order-1 customer-9");
        appendWithKeys(1, "second", "order-2");
        var third = appendWithKeys(2, "third", "order-1");

        var response = query("order-1", false);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactly("first", "third");
        var header = QueryMessageResponseHeader.from(response);
        assertThat(header.indexLastUpdatePhyoffset()).isEqualTo(third.physicalOffset());
        assertThat(header.indexLastUpdateTimestamp()).isEqualTo(third.storeTimestamp());
        assertThat(bodies(query("UNIQ-second", true))).containsExactly("second");
    }

    @Test
    void aKeyWithTheSameHashIsNotAnswered() {
        appendWithKeys(0, "aa", "Aa");
        appendWithKeys(0, "bb", "BB"); // "Aa" and "BB" share their String hash

        assertThat(bodies(query("Aa", false))).containsExactly("aa");
        assertThat(bodies(query("BB", false))).containsExactly("bb");
    }

    @Test
    void anUnknownKeyIsQueryNotFound() {
        appendWithKeys(0, "first", "order-1");

        var response = query("order-404", false);

        assertThat(response.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(response.body()).isNull();
    }

    @Test
    void lockBatchGrantsFreeQueuesAndOnlyTheHolderUnlocks() {
        var q0 = new MessageQueue(TOPIC, "broker-a", 0);
        var q1 = new MessageQueue(TOPIC, "broker-a", 1);

        var first = lock(Set.of(q0), "client-a");
        var second = lock(Set.of(q0, q1), "client-b");
        unlock(Set.of(q0), "client-b");
        var third = lock(Set.of(q0), "client-c");
        unlock(Set.of(q0), "client-a");
        var fourth = lock(Set.of(q0), "client-c");

        assertThat(first).containsExactly(q0);
        assertThat(second).containsExactly(q1);
        assertThat(third).as("client-b could not unlock client-a's queue").isEmpty();
        assertThat(fourth).containsExactly(q0);
    }

    private Set<MessageQueue> lock(Set<MessageQueue> queues, String clientId) {
        var request = RemotingCommand.request(RequestCode.LOCK_BATCH_MQ, null)
                .body(new LockBatchRequestBody(GROUP, clientId, queues, false).encode());
        var response = fixture.invoke(request);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        return LockBatchResponseBody.decode(response.body()).lockOKMQSet();
    }

    private void unlock(Set<MessageQueue> queues, String clientId) {
        var request = RemotingCommand.request(RequestCode.UNLOCK_BATCH_MQ, null)
                .body(new UnlockBatchRequestBody(GROUP, clientId, queues, false).encode());
        assertThat(fixture.invoke(request).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    private RecordingChannel liveConsumer(String clientId) {
        var channel = new RecordingChannel();
        runtime.consumers().register(GROUP, new GroupMember(clientId, channel, LanguageCode.JAVA, 407,
                        System.currentTimeMillis()), ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(Subscription.ofTags(TOPIC, "*", 1)));
        return channel;
    }

    private RemotingCommand reset(long timestamp, boolean force) {
        return fixture.invoke(RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
                new ResetOffsetRequestHeader(TOPIC, GROUP, timestamp, force)));
    }

    @Test
    void resetByTimestampCommitsTheOffsetsAndTellsEveryLiveConsumer() {
        fixture.append(TOPIC, 0, "before");
        var mark = fixture.append(TOPIC, 0, "mark");
        await().until(() -> System.currentTimeMillis() > mark.storeTimestamp());
        fixture.append(TOPIC, 0, "after");
        runtime.offsets().commit(GROUP, TOPIC, 0, 3);
        var consumerA = liveConsumer("client-a");
        var consumerB = liveConsumer("client-b");
        long timestamp = fixture.broker().broker().runtime().store().messageStoreTime(TOPIC, 0, 1).orElseThrow();

        var response = reset(timestamp, false);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        var answered = ResetOffsetBody.decode(response.body()).offsetTable();
        assertThat(answered).containsEntry(new MessageQueue(TOPIC, "broker-a", 0), 1L)
                .containsEntry(new MessageQueue(TOPIC, "broker-a", 1), 0L)
                .hasSize(PullFixture.QUEUES);
        assertThat(runtime.offsets().query(GROUP, TOPIC, 0)).isEqualTo(1);
        for (var consumer : List.of(consumerA, consumerB)) {
            var resets = consumer.sent(RequestCode.RESET_CONSUMER_CLIENT_OFFSET);
            assertThat(resets).hasSize(1);
            var told = resets.get(0);
            assertThat(ResetOffsetRequestHeader.from(told).group()).isEqualTo(GROUP);
            assertThat(ResetOffsetBody.decode(told.body()).offsetTable()).isEqualTo(answered);
        }
    }

    @Test
    void withoutForceAQueueNeverMovesForwardPastWhatTheGroupConsumed() {
        fixture.append(TOPIC, 0, "one");
        fixture.append(TOPIC, 0, "two");
        runtime.offsets().commit(GROUP, TOPIC, 0, 1);
        liveConsumer("client-a");

        assertThat(ResetOffsetBody.decode(reset(-1, false).body()).offsetTable())
                .containsEntry(new MessageQueue(TOPIC, "broker-a", 0), 1L);
        assertThat(ResetOffsetBody.decode(reset(-1, true).body()).offsetTable())
                .containsEntry(new MessageQueue(TOPIC, "broker-a", 0), 2L);
        assertThat(runtime.offsets().query(GROUP, TOPIC, 0)).isEqualTo(2);
    }

    @Test
    void resetOfAGroupWithoutLiveConsumersIsRefusedAndChangesNothing() {
        fixture.append(TOPIC, 0, "one");
        runtime.offsets().commit(GROUP, TOPIC, 0, 1);

        var response = reset(0, true);

        assertThat(response.code()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE);
        assertThat(runtime.offsets().query(GROUP, TOPIC, 0)).isEqualTo(1);
        assertThat(reset(0, true).code()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE);
        var unknownTopic = fixture.invoke(RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
                new ResetOffsetRequestHeader("no-such-topic", GROUP, 0, true)));
        assertThat(unknownTopic.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    @Test
    void consumeTimeSpanShowsStoreTimesAndTheGroupsPosition() {
        var first = fixture.append(TOPIC, 0, "one");
        var last = fixture.append(TOPIC, 0, "two");
        runtime.offsets().commit(GROUP, TOPIC, 0, 1);

        var response = fixture.invoke(RemotingCommand.request(RequestCode.QUERY_CONSUME_TIME_SPAN,
                new QueryConsumeTimeSpanRequestHeader(TOPIC, GROUP)));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        var spans = QueryConsumeTimeSpanBody.decode(response.body()).consumeTimeSpanSet();
        assertThat(spans).hasSize(PullFixture.QUEUES);
        var queue0 = spans.stream().filter(s -> s.messageQueue().queueId() == 0).findFirst().orElseThrow();
        assertThat(queue0.minTimeStamp()).isEqualTo(first.storeTimestamp());
        assertThat(queue0.maxTimeStamp()).isEqualTo(last.storeTimestamp());
        assertThat(queue0.consumeTimeStamp()).isEqualTo(first.storeTimestamp());
        assertThat(queue0.delayTime()).isGreaterThanOrEqualTo(0);
        var missing = fixture.invoke(RemotingCommand.request(RequestCode.QUERY_CONSUME_TIME_SPAN,
                new QueryConsumeTimeSpanRequestHeader("no-such-topic", GROUP)));
        assertThat(missing.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void runningInfoIsAskedOfTheConsumerAndItsAnswerPassedBack() {
        var consumer = liveConsumer("client-a");
        consumer.answer = request -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, null).body("{\"running\":true}".getBytes()));

        var response = fixture.invoke(RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO,
                new GetConsumerRunningInfoRequestHeader(GROUP, "client-a", false)));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"running\":true}");
        assertThat(consumer.sent(RequestCode.GET_CONSUMER_RUNNING_INFO)).hasSize(1);
        var asked = consumer.sent(RequestCode.GET_CONSUMER_RUNNING_INFO).get(0);
        assertThat(GetConsumerRunningInfoRequestHeader.from(asked).clientId()).isEqualTo("client-a");
        var offline = fixture.invoke(RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO,
                new GetConsumerRunningInfoRequestHeader(GROUP, "client-gone", false)));
        assertThat(offline.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }
}
