package io.mq.broker.processor.retry;

import io.mq.broker.schedule.DelayRouter;
import io.mq.broker.store.AppendResult;
import io.mq.broker.store.MessageStore;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicNames;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONSUMER_SEND_MSG_BACK (36): a consumer hands back a message it could not consume. Checked and answered as
 * RocketMQ does (group known, retry topic writeable, message found by its commit-log offset); the message is put
 * again as {@link SendBackPlan} says, held for its delay level like any delayed message, and the answer goes out
 * when the append completes.
 */
public final class SendBackProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(SendBackProcessor.class);
    /** RocketMQ's TopicSysFlag for a unit-mode retry topic. */
    private static final int UNIT_SUB_FLAG = 0x1 << 1;

    private final MessageStore store;
    private final SubscriptionGroups groups;
    private final TopicRegistry topics;
    private final DelayRouter delays;

    SendBackProcessor(MessageStore store, SubscriptionGroups groups, TopicRegistry topics, DelayRouter delays) {
        this.store = store;
        this.groups = groups;
        this.topics = topics;
        this.delays = delays;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = ConsumerSendMsgBackRequestHeader.from(request);
        var group = groups.getOrAutoCreate(header.group());
        if (group.isEmpty()) {
            return answer(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, "
                    + header.group() + ": create it (mqadmin updateSubGroup) or enable auto-creation");
        }
        var retryTopic = topics.createIfAbsent(TopicNames.retryTopic(header.group()), group.get().retryQueueNums(),
                Perm.READ_WRITE, header.unitMode() ? UNIT_SUB_FLAG : 0);
        if (!retryTopic.isWritable()) {
            return answer(request, ResponseCode.NO_PERMISSION, "the topic[" + retryTopic.name()
                    + "] sending message is forbidden");
        }
        var failed = store.lookMessageByOffset(header.offset());
        if (failed.isEmpty()) {
            return answer(request, ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + header.offset());
        }
        var plan = SendBackPlan.of(failed.get(), header, group.get(),
                bound -> ThreadLocalRandom.current().nextInt(99_999_999) % bound);
        if (plan.deadLetter()) {
            topics.createIfAbsent(plan.draft().topic(), SendBackPlan.DLQ_QUEUE_NUMS, Perm.READ_WRITE, 0);
        }
        store.append(delays.hold(plan.draft()))
                .whenComplete((result, error) -> channel.reply(request, outcome(request, result, error)));
        return null;
    }

    private static RemotingCommand outcome(RemotingCommand request, AppendResult result, Throwable error) {
        if (error != null) {
            log.warn("storing a sent-back message failed", error);
            return answer(request, ResponseCode.SYSTEM_ERROR, "storing the message failed: " + error);
        }
        if (result.status().isStored()) {
            return answer(request, ResponseCode.SUCCESS, null);
        }
        return answer(request, ResponseCode.SYSTEM_ERROR, result.status().name());
    }

    private static RemotingCommand answer(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark);
    }
}
