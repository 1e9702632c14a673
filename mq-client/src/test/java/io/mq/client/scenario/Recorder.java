package io.mq.client.scenario;

import io.mq.client.MessageView;
import io.mq.client.consumer.ConcurrentContext;
import io.mq.client.consumer.ConcurrentListener;
import io.mq.client.consumer.ConsumeResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A push listener that records every delivery and when it arrived, and answers success. */
final class Recorder implements ConcurrentListener {

    final List<MessageView> received = new CopyOnWriteArrayList<>();
    final Map<String, Long> arrivedAtMillis = new ConcurrentHashMap<>();

    @Override
    public ConsumeResult consume(List<MessageView> messages, ConcurrentContext context) {
        long now = System.currentTimeMillis();
        for (var m : messages) {
            received.add(m);
            arrivedAtMillis.putIfAbsent(m.msgId(), now);
        }
        return ConsumeResult.CONSUME_SUCCESS;
    }

    List<String> bodies() {
        return received.stream().map(MessageView::bodyAsString).toList();
    }

    int count() {
        return received.size();
    }
}
