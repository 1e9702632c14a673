package io.mq.compat.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import io.mq.compat.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeSet;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tag and SQL92 subscriptions receive exactly the messages that match them. */
class FilteredConsumptionTest {
    private static final String TOPIC = "filter-topic";
    private static final String[] TAGS = {"TagA", "TagB", "TagC", "TagD"};

    /** Consumers join, rebalance and pull on a loaded machine; a miss still fails in a minute. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final CompatBroker mq = CompatBroker.create();

    @BeforeEach
    void createTopic() {
        mq.createTopic(TOPIC, 4);
    }

    private Received consumer(String group, MessageSelector selector) throws Exception {
        var received = new Received();
        var consumer = mq.newPushConsumer(group);
        consumer.subscribe(TOPIC, selector);
        consumer.registerMessageListener(received);
        consumer.start();
        return received;
    }

    @Test
    void tagAndSqlSubscribersEachReceiveExactlyTheirMessages() throws Exception {
        var byTag = consumer("filter-tag-group", MessageSelector.byTag("TagA || TagC"));
        var bySql = consumer("filter-sql-group", MessageSelector.bySql("a > 5 AND b = 'x'"));
        var producer = mq.producer();
        var expectedByTag = new TreeSet<String>();
        var expectedBySql = new TreeSet<String>();
        for (int i = 0; i < 40; i++) {
            var tag = TAGS[i % TAGS.length];
            int a = i % 10;
            var b = i % 3 == 0 ? "x" : "y";
            var body = "m" + i + "-" + tag + "-a" + a + "-b" + b;
            var message = new Message(TOPIC, tag, body.getBytes(StandardCharsets.UTF_8));
            message.putUserProperty("a", Integer.toString(a));
            message.putUserProperty("b", b);
            producer.send(message);
            if (tag.equals("TagA") || tag.equals("TagC")) {
                expectedByTag.add(body);
            }
            if (a > 5 && b.equals("x")) {
                expectedBySql.add(body);
            }
        }

        await().atMost(WAIT).until(() -> byTag.count() >= expectedByTag.size()
                && bySql.count() >= expectedBySql.size());
        assertThat(byTag.bodies()).isEqualTo(expectedByTag);
        assertThat(bySql.bodies()).isEqualTo(expectedBySql);
    }
}
