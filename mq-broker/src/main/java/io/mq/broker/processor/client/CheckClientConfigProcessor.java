package io.mq.broker.processor.client;

import io.mq.protocol.body.SubscriptionData;
import io.mq.protocol.json.Json;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CHECK_CLIENT_CONFIG (46): a push consumer asks at start whether its non-tag subscription compiles here
 * (body {@code {"clientId","group","subscriptionData"}}); a refusal makes the official client's start fail.
 */
final class CheckClientConfigProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(CheckClientConfigProcessor.class);

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        if (request.body() == null || request.body().length == 0) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        var body = Json.parseObject(request.body());
        var subscription = body.object("subscriptionData");
        if (subscription == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        var outcome = SubscriptionTranslator.translate(SubscriptionData.fromJson(subscription));
        if (outcome instanceof SubscriptionTranslator.Outcome.Refused refused) {
            log.warn("client {} of group {}: {}", body.string("clientId"), body.string("group"), refused.reason());
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED, refused.reason());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
