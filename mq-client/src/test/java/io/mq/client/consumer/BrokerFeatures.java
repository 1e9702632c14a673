package io.mq.client.consumer;

import io.mq.broker.BrokerConfig;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.util.function.UnaryOperator;

/**
 * What the broker under test offers. Send-back, delay levels and queue locks arrive on main from other branches;
 * the tests that need them skip with a clear reason until they do.
 */
final class BrokerFeatures {

    /** Every delay level one second, so send-back retries come quickly. */
    static final String SHORT_DELAYS = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    private BrokerFeatures() {
    }

    /** The broker config with one-second delay levels, when BrokerConfig has the setting. */
    static UnaryOperator<BrokerConfig> shortDelayLevels() {
        return config -> {
            try {
                var method = BrokerConfig.class.getMethod("withMessageDelayLevel", String.class);
                return (BrokerConfig) method.invoke(config, SHORT_DELAYS);
            } catch (NoSuchMethodException e) {
                return config;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static boolean hasDelayLevelSetting() {
        try {
            BrokerConfig.class.getMethod("withMessageDelayLevel", String.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Whether the broker has a processor for a request code (anything but REQUEST_CODE_NOT_SUPPORTED). */
    static boolean supports(String brokerAddress, int requestCode) {
        try (var client = new NettyRemotingClient(io.mq.protocol.transport.ClientConfig.defaults())) {
            var response = client.invokeSync(brokerAddress, RemotingCommand.request(requestCode, null), 3000);
            return response.code() != ResponseCode.REQUEST_CODE_NOT_SUPPORTED;
        } catch (RuntimeException e) {
            return true; // it tried to process the empty request: the code is known
        }
    }
}
