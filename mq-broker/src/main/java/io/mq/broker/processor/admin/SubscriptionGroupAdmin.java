package io.mq.broker.processor.admin;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.subscription.SubscriptionGroups;
import io.mq.broker.topic.InvalidDefinitionException;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.body.SubscriptionGroupWrapper;
import io.mq.protocol.header.ExtFieldReader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscription group administration: create or update (200, body SubscriptionGroupConfig), list all (201),
 * delete (207, header {@code groupName}, optional {@code removeOffset}).
 */
final class SubscriptionGroupAdmin {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionGroupAdmin.class);

    private final SubscriptionGroups groups;
    private final ConsumerOffsets offsets;

    SubscriptionGroupAdmin(SubscriptionGroups groups, ConsumerOffsets offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    RemotingCommand createOrUpdate(RemoteChannel channel, RemotingCommand request) {
        if (request.body() == null || request.body().length == 0) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "subscription group config missing");
        }
        try {
            var group = groups.createOrUpdate(
                    WireForms.subscriptionGroupDefinition(SubscriptionGroupConfig.decode(request.body())));
            log.info("subscription group {} created or updated by {}", group.groupName(), channel.remoteAddress());
        } catch (InvalidDefinitionException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    RemotingCommand all(RemoteChannel channel, RemotingCommand request) {
        var table = new LinkedHashMap<String, SubscriptionGroupConfig>();
        groups.all().forEach((name, group) -> table.put(name, WireForms.subscriptionGroupConfig(group)));
        var wrapper = new SubscriptionGroupWrapper(table, WireForms.dataVersionJson(groups.dataVersion()));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(wrapper.encode());
    }

    RemotingCommand delete(RemoteChannel channel, RemotingCommand request) {
        var fields = ExtFieldReader.of(request);
        var group = fields.string("groupName");
        groups.delete(group);
        if (fields.bool("removeOffset", false)) {
            offsets.removeGroup(group);
        }
        log.info("subscription group {} deleted by {}", group, channel.remoteAddress());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
