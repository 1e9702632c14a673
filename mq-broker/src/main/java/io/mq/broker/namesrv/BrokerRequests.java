package io.mq.broker.namesrv;

import io.mq.protocol.body.DataVersion;
import io.mq.protocol.body.KVTable;
import io.mq.protocol.body.RegisterBrokerBody;
import io.mq.protocol.header.QueryDataVersionRequestHeader;
import io.mq.protocol.header.QueryDataVersionResponseHeader;
import io.mq.protocol.header.RegisterBrokerRequestHeader;
import io.mq.protocol.header.RegisterBrokerResponseHeader;
import io.mq.protocol.header.UnRegisterBrokerRequestHeader;
import io.mq.protocol.json.JsonException;
import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.time.Duration;
import java.util.zip.CRC32;

/** Requests brokers send the name server: REGISTER_BROKER, UNREGISTER_BROKER and QUERY_DATA_VERSION. */
final class BrokerRequests {

    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;

    BrokerRequests(RouteRegistry registry, KvConfigStore kvConfig) {
        this.registry = registry;
        this.kvConfig = kvConfig;
    }

    RemotingCommand register(RemoteChannel channel, RemotingCommand request) {
        var header = RegisterBrokerRequestHeader.from(request);
        var body = request.body();
        if (header.bodyCrc32() != 0 && crc32(body) != header.bodyCrc32()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "crc32 not match");
        }
        RegisterBrokerBody decoded;
        try {
            decoded = RegisterBrokerBody.decode(body, header.compressed());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "Failed to decode RegisterBrokerBody: " + e.getMessage(), e);
        }
        var timeout = header.heartbeatTimeoutMillis() == null || header.heartbeatTimeoutMillis() <= 0
                ? null : Duration.ofMillis(header.heartbeatTimeoutMillis());
        var result = registry.register(new BrokerRegistration(header.clusterName(), header.brokerName(),
                header.brokerId(), header.brokerAddr(), header.haServerAddr(), decoded.topicConfigSerializeWrapper(),
                decoded.filterServerList(), timeout), channel);

        var response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putHeader(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        kvConfig.namespace(KvConfigStore.ORDER_TOPIC_CONFIG).map(KVTable::encode).ifPresent(response::body);
        return response;
    }

    RemotingCommand unregister(RemoteChannel channel, RemotingCommand request) {
        var header = UnRegisterBrokerRequestHeader.from(request);
        registry.unregister(header.clusterName(), header.brokerAddr(), header.brokerName(), header.brokerId());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    /** A cheap heartbeat: an unchanged version refreshes the broker's liveness without re-sending its topics. */
    RemotingCommand queryDataVersion(RemoteChannel channel, RemotingCommand request) {
        var header = QueryDataVersionRequestHeader.from(request);
        DataVersion version;
        try {
            version = DataVersion.decode(request.body() == null ? new byte[0] : request.body());
        } catch (JsonException e) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "Failed to decode DataVersion: " + e.getMessage(), e);
        }
        boolean changed = registry.isTopicConfigChanged(header.brokerAddr(), version);
        if (!changed) {
            registry.touch(header.brokerAddr());
        }
        var response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putHeader(new QueryDataVersionResponseHeader(changed));
        registry.dataVersion(header.brokerAddr()).map(DataVersion::encode).ifPresent(response::body);
        return response;
    }

    /** RocketMQ's body checksum: CRC32 masked to a non-negative int (0 for no body). */
    static int crc32(byte[] body) {
        if (body == null) {
            return 0;
        }
        var crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
