package io.mq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesrvHeadersTest {

    @Test
    void registerHeaderRoundTripsThroughExtFields() {
        var header = new RegisterBrokerRequestHeader("broker-a", "127.0.0.1:10911", "DefaultCluster",
                "127.0.0.1:10912", 0, 30_000L, null, true, 12345);

        var cmd = RemotingCommand.request(103, header);

        assertThat(cmd.extFields()).containsEntry("compressed", "true").containsEntry("brokerId", "0")
                .doesNotContainKey("enableActingMaster");
        assertThat(RegisterBrokerRequestHeader.from(cmd)).isEqualTo(header);
    }

    @Test
    void registerHeaderFromA4xBrokerDefaultsOptionalFields() {
        var ext = new HashMap<>(Map.of("brokerName", "b", "brokerAddr", "a:1", "clusterName", "c",
                "haServerAddr", "a:2", "brokerId", "1"));
        var header = RegisterBrokerRequestHeader.from(new RemotingCommand().extFields(ext));

        assertThat(header.compressed()).isFalse();
        assertThat(header.bodyCrc32()).isZero();
        assertThat(header.heartbeatTimeoutMillis()).isNull();
        assertThat(header.brokerId()).isEqualTo(1);
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> GetRouteInfoRequestHeader.from(new RemotingCommand()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("topic");
        assertThatThrownBy(() -> UnRegisterBrokerRequestHeader.from(new RemotingCommand()
                .extFields(new HashMap<>(Map.of("brokerName", "b", "brokerAddr", "a", "clusterName", "c", "brokerId", "x")))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("brokerId");
    }

    @Test
    void routeHeaderCarriesTheStandardJsonWish() {
        var cmd = RemotingCommand.request(105, new GetRouteInfoRequestHeader("t", true));

        assertThat(GetRouteInfoRequestHeader.from(cmd)).isEqualTo(new GetRouteInfoRequestHeader("t", true));
        assertThat(GetRouteInfoRequestHeader.from(RemotingCommand.request(105, new GetRouteInfoRequestHeader("t", null)))
                .acceptStandardJsonOnly()).isNull();
    }
}
