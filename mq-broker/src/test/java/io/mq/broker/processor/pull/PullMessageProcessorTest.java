package io.mq.broker.processor.pull;

import static io.mq.broker.processor.pull.PullFixture.GROUP;
import static io.mq.broker.processor.pull.PullFixture.bodies;
import static io.mq.broker.processor.pull.PullFixture.pull;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.client.ConsumeFromWhere;
import io.mq.broker.client.ConsumeType;
import io.mq.broker.client.GroupMember;
import io.mq.broker.client.MessageModel;
import io.mq.broker.client.Subscription;
import io.mq.protocol.header.OffsetResponseHeader;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.remoting.LanguageCode;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullMessageProcessorTest {

    private static final String TOPIC = "PullTopic";

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
    void pullAnswersTheStoredMessagesInQueueOrderWithTheQueueBounds() {
        for (int i = 0; i < 3; i++) {
            fixture.append(TOPIC, 1, "m" + i);
        }

        var response = fixture.invoke(pull(TOPIC, 1, 0));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactly("m0", "m1", "m2");
        var messages = PullFixture.messages(response);
        assertThat(messages).extracting(m -> m.queueOffset()).containsExactly(0L, 1L, 2L);
        assertThat(messages).allSatisfy(m -> assertThat(m.bodyCrcMatches()).isTrue());
        var header = PullMessageResponseHeader.from(response);
        assertThat(header.nextBeginOffset()).isEqualTo(3);
        assertThat(header.minOffset()).isZero();
        assertThat(header.maxOffset()).isEqualTo(3);
        assertThat(header.suggestWhichBrokerId()).isZero();
    }

    @Test
    void pullFromTheMiddleStartsThereAndHonoursMaxMsgNums() {
        for (int i = 0; i < 5; i++) {
            fixture.append(TOPIC, 0, "m" + i);
        }

        var response = fixture.invoke(pull(TOPIC, 0, 2, 2, 0, 0, "TAG", "*"));

        assertThat(bodies(response)).containsExactly("m2", "m3");
        assertThat(PullMessageResponseHeader.from(response).nextBeginOffset()).isEqualTo(4);
    }

    @Test
    void oneAnswerCarriesAtMostTheBrokersCapWhateverTheClientAsks() {
        for (int i = 0; i < PullLimits.DEFAULTS.maxMessages() + 8; i++) {
            fixture.append(TOPIC, 2, "m" + i);
        }

        var response = fixture.invoke(pull(TOPIC, 2, 0, 1000, 0, 0, "TAG", "*"));

        assertThat(bodies(response)).hasSize(PullLimits.DEFAULTS.maxMessages());
        assertThat(PullMessageResponseHeader.from(response).nextBeginOffset())
                .isEqualTo(PullLimits.DEFAULTS.maxMessages());
    }

    @Test
    void tagSubscriptionReturnsOnlyTheSubscribedTags() {
        fixture.append(TOPIC, 0, "a1", "TagA", Map.of());
        fixture.append(TOPIC, 0, "b1", "TagB", Map.of());
        fixture.append(TOPIC, 0, "c1", "TagC", Map.of());
        fixture.append(TOPIC, 0, "none", null, Map.of());
        fixture.append(TOPIC, 0, "a2", "TagA", Map.of());

        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, 0, "TAG", "TagA || TagC"));

        assertThat(bodies(response)).containsExactly("a1", "c1", "a2");
        assertThat(PullMessageResponseHeader.from(response).nextBeginOffset()).isEqualTo(5);
    }

    @Test
    void sqlSubscriptionSelectsOnMessageProperties() {
        fixture.append(TOPIC, 0, "cheap", "TagA", Map.of("price", "5"));
        fixture.append(TOPIC, 0, "dear", "TagA", Map.of("price", "50"));
        fixture.append(TOPIC, 0, "dear-b", "TagB", Map.of("price", "70"));
        fixture.append(TOPIC, 0, "unpriced", "TagA", Map.of());

        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, 0, "SQL92", "price > 10 AND TAGS = 'TagA'"));

        assertThat(bodies(response)).containsExactly("dear");
    }

    @Test
    void aPullWhoseMessagesAllMissTheFilterIsToldToRetryFromFurtherOn() {
        fixture.append(TOPIC, 0, "b1", "TagB", Map.of());
        fixture.append(TOPIC, 0, "b2", "TagB", Map.of());

        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, 0, "TAG", "TagA"));

        assertThat(response.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(PullMessageResponseHeader.from(response).nextBeginOffset()).isEqualTo(2);
    }

    @Test
    void aSubscriptionThatDoesNotParseIsRefused() {
        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, 0, "SQL92", "price >> 10 AND"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(response.remark()).startsWith("parse the consumer's subscription failed");
    }

    @Test
    void anUnknownExpressionTypeIsRefusedAsUnparseable() {
        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, 0, "XPATH", "/a"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
    }

    @Test
    void anEmptyQueueAnswersNotFoundAtOffsetZeroAndOffsetMovedElsewhere() {
        assertThat(fixture.invoke(pull(TOPIC, 3, 0)).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(fixture.invoke(pull(TOPIC, 3, 5)).code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
    }

    @Test
    void anOffsetPastTheEndIsMovedBackToTheEnd() {
        fixture.append(TOPIC, 0, "m0");
        fixture.append(TOPIC, 0, "m1");

        var atEnd = fixture.invoke(pull(TOPIC, 0, 2));
        var beyond = fixture.invoke(pull(TOPIC, 0, 10));

        assertThat(atEnd.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(PullMessageResponseHeader.from(atEnd).nextBeginOffset()).isEqualTo(2);
        assertThat(beyond.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(PullMessageResponseHeader.from(beyond).nextBeginOffset()).isEqualTo(2);
    }

    @Test
    void requestsForMissingTopicsQueuesOrDisabledGroupsAreRefusedWithRocketMqsCodes() {
        assertThat(fixture.invoke(pull("NoSuchTopic", 0, 0)).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);

        var outOfRange = fixture.invoke(pull(TOPIC, PullFixture.QUEUES, 0));
        assertThat(outOfRange.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(outOfRange.remark()).contains("queueId[4] is illegal");

        var groups = fixture.broker().broker().runtime().subscriptionGroups();
        groups.createOrUpdate(groups.getOrAutoCreate(GROUP).orElseThrow().withConsumeEnable(false));
        assertThat(fixture.invoke(pull(TOPIC, 0, 0)).code()).isEqualTo(ResponseCode.NO_PERMISSION);
    }

    @Test
    void withoutASubscriptionInTheRequestTheGroupsRegisteredOneIsUsed() {
        fixture.append(TOPIC, 0, "a", "TagA", Map.of());
        fixture.append(TOPIC, 0, "b", "TagB", Map.of());
        var noSubscription = pull(TOPIC, 0, 0, 32, 0, 0, null, null);
        assertThat(fixture.invoke(noSubscription).code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_EXIST);

        register(Subscription.ofTags(TOPIC, "TagB", 7));
        var response = fixture.invoke(pull(TOPIC, 0, 0, 32, 0, 0, null, null));
        assertThat(bodies(response)).containsExactly("b");

        var newer = new PullMessageRequestHeader(GROUP, TOPIC, 0, 0, 32, 0, 0, 0, null, 8, null, null, null, null,
                null);
        assertThat(fixture.invoke(RemotingCommand.request(RequestCode.PULL_MESSAGE, newer)).code())
                .isEqualTo(ResponseCode.SUBSCRIPTION_NOT_LATEST);
    }

    @Test
    void aCommitOffsetInThePullIsStoredForTheGroup() {
        fixture.append(TOPIC, 1, "m0");
        var header = new PullMessageRequestHeader(GROUP, TOPIC, 1, 0, 32,
                PullMessageRequestHeader.FLAG_SUBSCRIPTION | PullMessageRequestHeader.FLAG_COMMIT_OFFSET, 17, 0, "*",
                0, "TAG", null, null, null, null);

        assertThat(fixture.invoke(RemotingCommand.request(RequestCode.PULL_MESSAGE, header)).code())
                .isEqualTo(ResponseCode.SUCCESS);

        var query = fixture.invoke(RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(GROUP, TOPIC, 1, null)));
        assertThat(query.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(OffsetResponseHeader.from(query).offset()).isEqualTo(17);
    }

    private void register(Subscription subscription) {
        var channel = new NoChannel();
        fixture.broker().broker().runtime().consumers().register(GROUP,
                new GroupMember("client-1", channel, LanguageCode.JAVA, 407, System.currentTimeMillis()),
                ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                List.of(subscription));
    }

    /** A registry handle for a consumer that is never called back. */
    private static final class NoChannel implements RemoteChannel {
        @Override
        public String remoteAddress() {
            return "127.0.0.1:1";
        }

        @Override
        public String localAddress() {
            return "127.0.0.1:2";
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void reply(RemotingCommand request, RemotingCommand response) {
        }

        @Override
        public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
            return new CompletableFuture<>();
        }

        @Override
        public void invokeOneway(RemotingCommand request) {
        }

        @Override
        public void close() {
        }
    }
}
