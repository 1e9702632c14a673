package io.mq.broker.processor.offset;

import static io.mq.broker.processor.pull.PullFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.processor.pull.PullFixture;
import io.mq.protocol.body.ConsumerOffsetSerializeWrapper;
import io.mq.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.mq.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.mq.protocol.header.GetMaxOffsetRequestHeader;
import io.mq.protocol.header.GetMinOffsetRequestHeader;
import io.mq.protocol.header.OffsetResponseHeader;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.header.SearchOffsetRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetProcessorsTest {

    private static final String TOPIC = "OffsetTopic";

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
    void anUpdatedOffsetIsWhatTheNextQueryReturns() {
        assertThat(update(2, 41).code()).isEqualTo(ResponseCode.SUCCESS);
        update(2, 42);

        var response = query(2, null);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(OffsetResponseHeader.from(response).offset()).isEqualTo(42);
    }

    @Test
    void oneWayCommitsFromOneConnectionTakeEffectInTheOrderSent() {
        // A client's periodic persist and a reset's commit may follow each other closely for the same queue (both
        // one-way): the one sent last must be the one that stays, and a query sent after them must see it.
        for (int offset = 1; offset <= 5_000; offset++) {
            fixture.invokeOneway(RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET,
                    new UpdateConsumerOffsetRequestHeader(GROUP, TOPIC, 1, offset)));
        }

        var response = query(1, null);

        assertThat(OffsetResponseHeader.from(response).offset()).isEqualTo(5_000);
    }

    @Test
    void aGroupWithoutACommittedOffsetStartsAtZeroWhileTheQueueStillStartsInMemory() {
        fixture.append(TOPIC, 0, "m0");

        var withMessages = query(0, null);
        var neverUsedQueue = query(3, null);

        assertThat(withMessages.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(OffsetResponseHeader.from(withMessages).offset()).isZero();
        assertThat(neverUsedQueue.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(OffsetResponseHeader.from(neverUsedQueue).offset()).isZero();
    }

    @Test
    void aClientThatForbidsTheZeroIsToldTheOffsetIsNotFound() {
        fixture.append(TOPIC, 0, "m0");

        var response = query(0, false);

        assertThat(response.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(response.remark()).isEqualTo(ConsumerOffsetProcessor.NOT_FOUND_NO_ZERO);
    }

    @Test
    void aGroupWithoutACommittedOffsetIsNotFoundWhenTheQueuesFirstMessageIsOnDisk() {
        fixture.append(TOPIC, 0, "m0");
        var runtime = fixture.broker().broker().runtime();
        // A memory budget of zero bytes: every message counts as "on disk".
        var processor = new ConsumerOffsetProcessor(runtime.offsets(), runtime.store(),
                new MemoryResidency(runtime.store(), 0));

        var response = processor.process(null, RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(GROUP, TOPIC, 0, null)));

        assertThat(response.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(response.remark()).isEqualTo(ConsumerOffsetProcessor.NOT_FOUND);
    }

    @Test
    void queueBoundsTimestampSearchAndEarliestStoreTimeComeFromTheStore() {
        var storeTimes = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            storeTimes.add(fixture.append(TOPIC, 1, "m" + i).storeTimestamp());
            long last = storeTimes.get(i);
            // distinct store times, so each message is found by its own time
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                    .until(() -> System.currentTimeMillis() > last);
        }

        assertThat(offset(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetRequestHeader(TOPIC, 1, true))).isEqualTo(3);
        assertThat(offset(RequestCode.GET_MIN_OFFSET, new GetMinOffsetRequestHeader(TOPIC, 1))).isZero();
        assertThat(search(1, 0)).isZero();
        assertThat(search(1, storeTimes.get(1))).isEqualTo(1);
        assertThat(search(1, storeTimes.get(2))).isEqualTo(2);
        assertThat(search(1, storeTimes.get(2) + 60_000)).isEqualTo(3);
        assertThat(earliest(1)).isEqualTo(storeTimes.get(0));
    }

    @Test
    void anUnknownQueueHasZeroBoundsAndNoEarliestTime() {
        assertThat(offset(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetRequestHeader("Nope", 0, true))).isZero();
        assertThat(offset(RequestCode.GET_MIN_OFFSET, new GetMinOffsetRequestHeader("Nope", 0))).isZero();
        assertThat(earliest(2)).isEqualTo(-1);
    }

    @Test
    void committedOffsetsSurviveABrokerRestartAndAreListedWhole() {
        update(0, 5);
        update(3, 9);

        fixture.broker().restartBroker();

        assertThat(OffsetResponseHeader.from(query(0, null)).offset()).isEqualTo(5);
        assertThat(OffsetResponseHeader.from(query(3, null)).offset()).isEqualTo(9);
        var all = fixture.invoke(RemotingCommand.request(RequestCode.GET_ALL_CONSUMER_OFFSET, null));
        assertThat(all.code()).isEqualTo(ResponseCode.SUCCESS);
        var table = ConsumerOffsetSerializeWrapper.decode(all.body()).offsetTable();
        assertThat(table.get(ConsumerOffsetSerializeWrapper.key(TOPIC, GROUP))).containsEntry(0, 5L)
                .containsEntry(3, 9L);
    }

    private RemotingCommand update(int queueId, long offset) {
        return fixture.invoke(RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader(GROUP, TOPIC, queueId, offset)));
    }

    private RemotingCommand query(int queueId, Boolean setZeroIfNotFound) {
        return fixture.invoke(RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(GROUP, TOPIC, queueId, setZeroIfNotFound)));
    }

    private long offset(int code, CommandHeader header) {
        var response = fixture.invoke(RemotingCommand.request(code, header));
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        return OffsetResponseHeader.from(response).offset();
    }

    private long search(int queueId, long timestamp) {
        return offset(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(TOPIC, queueId, timestamp, null));
    }

    private long earliest(int queueId) {
        var response = fixture.invoke(RemotingCommand.request(RequestCode.GET_EARLIEST_MSG_STORETIME,
                new GetEarliestMsgStoretimeRequestHeader(TOPIC, queueId)));
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        return GetEarliestMsgStoretimeResponseHeader.from(response).timestamp();
    }
}
