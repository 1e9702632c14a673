package io.mq.broker.processor.transaction;

import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_COMMIT_TYPE;
import static io.mq.protocol.message.MessageSysFlag.TRANSACTION_PREPARED_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.KVTable;
import io.mq.protocol.body.ProducerData;
import io.mq.protocol.header.CheckTransactionStateRequestHeader;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions over TCP, the way a producer drives them: half send, END, and the broker's check-back. */
class TransactionProcessorsTest {

    private static final long TIMEOUT = 5_000;
    private static final String GROUP = "tx-producer";
    private static final String TOPIC = "orders";

    @TempDir
    Path dir;

    private final NettyRemotingClient client = new NettyRemotingClient();
    private final List<RemotingCommand> checks = new CopyOnWriteArrayList<>();
    private final ExecutorService checkThread = Executors.newSingleThreadExecutor();
    private EmbeddedBroker embedded;

    @AfterEach
    void stop() {
        client.close();
        checkThread.shutdownNow();
        if (embedded != null) {
            embedded.close();
        }
    }

    private void start(UnaryOperator<BrokerConfig> broker) {
        embedded = EmbeddedBroker.start(dir, broker, store -> store);
        client.registerProcessor(RequestCode.CHECK_TRANSACTION_STATE, (channel, request) -> {
            checks.add(request);
            return null;
        }, checkThread);
    }

    private RemotingCommand call(RemotingCommand request) {
        return client.invokeSync(embedded.brokerAddress(), request, TIMEOUT);
    }

    private SendMessageResponseHeader sendHalf(String key) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.TRANSACTION_PREPARED, "true");
        properties.put(MessageProperties.PRODUCER_GROUP, GROUP);
        properties.put(MessageProperties.UNIQ_KEY, key);
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "true");
        var header = new SendMessageRequestHeader(GROUP, TOPIC, "TBW102", 4, 1, TRANSACTION_PREPARED_TYPE,
                System.currentTimeMillis(), 0, MessageProperties.encode(properties), 0, false, null, false, null);
        var response = call(RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, header.toV2())
                .body(("body-" + key).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        return SendMessageResponseHeader.from(response);
    }

    private static RemotingCommand end(String group, long queueOffset, long commitLogOffset, int type,
            boolean fromCheck) {
        return RemotingCommand.request(RequestCode.END_TRANSACTION, new EndTransactionRequestHeader(group,
                queueOffset, commitLogOffset, type, fromCheck, "msg", "tx"));
    }

    private List<StoredMessage> delivered() {
        var store = embedded.broker().runtime().store();
        var found = new ArrayList<StoredMessage>();
        for (int queue = 0; queue < 4; queue++) {
            long offset = 0;
            while (offset < store.maxOffset(TOPIC, queue)) {
                var batch = store.getMessages("test", TOPIC, queue, offset, 32, Integer.MAX_VALUE, MessageFilter.ALL);
                batch.messages().forEach(b -> found.add(MessageCodec.decode(b.duplicate(), true)));
                offset = batch.nextBeginOffset();
            }
        }
        return found;
    }

    @Test
    void aHalfSendIsAnsweredWithItsHalfOffsetsAndACommitDeliversIt() {
        start(b -> b);
        var half = sendHalf("k1");
        long commitLogOffset = MessageId.decode(half.msgId()).commitLogOffset();

        assertThat(half.transactionId()).isEqualTo("k1");
        assertThat(embedded.broker().runtime().store().lookMessageByOffset(commitLogOffset).orElseThrow().topic())
                .isEqualTo(SystemTopics.TRANS_HALF);
        assertThat(delivered()).isEmpty();

        var answer = call(end(GROUP, half.queueOffset(), commitLogOffset, TRANSACTION_COMMIT_TYPE, false));

        assertThat(answer.code()).as(answer.remark()).isEqualTo(ResponseCode.SUCCESS);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(delivered())
                .singleElement().satisfies(m -> {
                    assertThat(m.uniqueKey()).isEqualTo("k1");
                    assertThat(m.queueId()).isEqualTo(1);
                    assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("body-k1");
                }));
    }

    @Test
    void anEndFromAnotherProducerGroupIsRefused() {
        start(b -> b);
        var half = sendHalf("k1");

        var answer = call(end("intruder", half.queueOffset(), MessageId.decode(half.msgId()).commitLogOffset(),
                TRANSACTION_COMMIT_TYPE, false));

        assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(answer.remark()).contains("producer group wrong");
    }

    @Test
    void theBrokerAsksAHeartbeatingProducerAndItsOneWayAnswerCommitsOnce() {
        start(b -> b.withTransactionTimeout(Duration.ZERO).withTransactionCheckInterval(Duration.ofMillis(200)));
        var heartbeat = call(RemotingCommand.request(RequestCode.HEART_BEAT, null)
                .body(new HeartbeatData("producer-1", Set.of(new ProducerData(GROUP)), Set.of()).encode()));
        assertThat(heartbeat.code()).isEqualTo(ResponseCode.SUCCESS);
        sendHalf("k1");

        await().atMost(Duration.ofSeconds(5)).until(() -> !checks.isEmpty());
        var request = checks.get(0);
        var check = CheckTransactionStateRequestHeader.from(request);
        var message = MessageCodec.decode(ByteBuffer.wrap(request.body()), true);
        assertThat(check.transactionId()).isEqualTo("k1");
        assertThat(message.topic()).isEqualTo(TOPIC);
        assertThat(message.property(MessageProperties.PRODUCER_GROUP)).isEqualTo(GROUP);
        client.invokeOneway(embedded.brokerAddress(), end(GROUP, check.tranStateTableOffset(),
                check.commitLogOffset(), TRANSACTION_COMMIT_TYPE, true).markOneway());

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().size() == 1);
        int checksSoFar = checks.size();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> delivered().size() == 1 && checks.size() == checksSoFar);
    }

    @Test
    void aHalfMessageNobodyAnswersForIsParkedAndCountedInTheRuntimeInfo() {
        start(b -> b.withTransactionTimeout(Duration.ZERO).withTransactionCheckInterval(Duration.ofMillis(100))
                .withTransactionCheckMax(1));
        sendHalf("k1");

        await().atMost(Duration.ofSeconds(5)).until(() -> "1".equals(runtimeInfo().get("transactionDiscardedTotal")));
        assertThat(delivered()).isEmpty();
    }

    private Map<String, String> runtimeInfo() {
        var response = call(RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO, null));
        return KVTable.decode(response.body()).table();
    }
}
