package io.mq.broker.processor.admin;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.registration.TopicConfigSnapshot;
import io.mq.broker.topic.InvalidDefinitionException;
import io.mq.broker.topic.TopicNames;
import io.mq.broker.topic.TopicRegistry;
import io.mq.protocol.body.TopicList;
import io.mq.protocol.header.CreateTopicRequestHeader;
import io.mq.protocol.header.DeleteTopicRequestHeader;
import io.mq.protocol.header.ExtFieldReader;
import io.mq.protocol.json.Json;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic administration: create or update (17), list every topic config (21), delete (215), list the system
 * topics (305), one topic's config (351, 5.x). A change is persisted by the registry, whose listeners re-register the broker with the name
 * servers.
 */
final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private final TopicRegistry topics;
    private final ConsumerOffsets offsets;

    TopicAdmin(TopicRegistry topics, ConsumerOffsets offsets) {
        this.topics = topics;
        this.offsets = offsets;
    }

    RemotingCommand createOrUpdate(RemoteChannel channel, RemotingCommand request) {
        var header = CreateTopicRequestHeader.from(request);
        var refusal = refuse(header.topic());
        if (refusal != null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, refusal);
        }
        try {
            var topic = topics.createOrUpdate(WireForms.topicDefinition(header));
            log.info("topic {} created or updated by {}", topic, channel.remoteAddress());
        } catch (InvalidDefinitionException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    RemotingCommand delete(RemoteChannel channel, RemotingCommand request) {
        var topic = DeleteTopicRequestHeader.from(request).topic();
        var refusal = refuse(topic);
        if (refusal != null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, refusal);
        }
        if (topics.delete(topic)) {
            // As RocketMQ 5: the groups' offsets on a deleted topic go with it (a re-created topic starts afresh).
            offsets.groupsOf(topic).forEach(group -> offsets.remove(group, topic));
            log.info("topic {} deleted by {}", topic, channel.remoteAddress());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    RemotingCommand all(RemoteChannel channel, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(TopicConfigSnapshot.of(topics).encode());
    }

    /** 5.x GET_TOPIC_CONFIG (351): one topic's config (a TopicConfigAndQueueMapping without a static-topic mapping). */
    RemotingCommand one(RemoteChannel channel, RemotingCommand request) {
        var topic = ExtFieldReader.of(request).string("topic");
        var definition = topics.get(topic);
        if (definition.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    "No topic in this broker. topic: " + topic);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(Json.writeBytes(TopicConfigSnapshot.toConfig(definition.get())));
    }

    RemotingCommand systemTopics(RemoteChannel channel, RemotingCommand request) {
        var names = new TreeSet<String>();
        topics.all().keySet().stream().filter(topics::isSystemTopic).forEach(names::add);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(TopicList.of(names).encode());
    }

    /** Why an admin may not create or delete this topic, or null (RocketMQ's TopicValidator checks). */
    private String refuse(String topic) {
        try {
            TopicNames.validateTopic(topic);
        } catch (InvalidDefinitionException e) {
            return e.getMessage();
        }
        if (topics.isSystemTopic(topic)) {
            return "The topic[" + topic + "] is conflict with system topic.";
        }
        return null;
    }
}
