package io.mq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderParsingTest {

    private static final SendMessageRequestHeader SEND = new SendMessageRequestHeader("pg", "t", "TBW102", 4, 1,
            0, 123L, 0, "KEYS\u0001k\u0002", null, false, null, false, null);

    @Test
    void missingRequiredFieldIsASystemErrorNamingTheField() {
        var fields = new HashMap<>(SEND.toExtFields());
        fields.remove("topic");
        assertThatThrownBy(() -> SendMessageRequestHeader.from(fields))
                .isInstanceOfSatisfying(ProtocolException.class, ex -> assertThat(ex.responseCode()).isEqualTo(1))
                .hasMessage("missing header field 'topic'");
    }

    @Test
    void numberThatDoesNotParseIsASystemErrorNamingTheField() {
        var fields = new HashMap<>(SEND.toExtFields());
        fields.put("queueId", "one");
        assertThatThrownBy(() -> SendMessageRequestHeader.from(fields))
                .isInstanceOfSatisfying(ProtocolException.class, ex -> assertThat(ex.responseCode()).isEqualTo(1))
                .hasMessage("malformed header field 'queueId': 'one'");
    }

    @Test
    void unknownFieldsFromNewerClientsAreIgnored() {
        var fields = new HashMap<>(SEND.toExtFields());
        fields.put("lo", "true");
        fields.put("ns", "namespace");
        fields.put("oway", "false");
        assertThat(SendMessageRequestHeader.from(fields)).isEqualTo(SEND);
    }

    @Test
    void optionalFieldsAbsentTakeTheirDefaults() {
        var header = ConsumerSendMsgBackRequestHeader.from(Map.of("offset", "10", "group", "g", "delayLevel", "0"));
        assertThat(header).isEqualTo(new ConsumerSendMsgBackRequestHeader(10L, "g", 0, null, null, false, null));
        assertThat(header.toExtFields()).containsOnlyKeys("offset", "group", "delayLevel", "unitMode");
    }

    @Test
    void sendHeaderIsReadInTheFormTheRequestCodeSays() {
        var v2Command = new RemotingCommand().code(310).extFields(new HashMap<>(SEND.toV2().toExtFields()));
        var batchCommand = new RemotingCommand().code(320).extFields(new HashMap<>(SEND.toV2().toExtFields()));
        var v1Command = new RemotingCommand().code(10).extFields(new HashMap<>(SEND.toExtFields()));
        assertThat(SendMessageRequestHeader.from(v2Command)).isEqualTo(SEND);
        assertThat(SendMessageRequestHeader.from(batchCommand)).isEqualTo(SEND);
        assertThat(SendMessageRequestHeader.from(v1Command)).isEqualTo(SEND);
        assertThat(SEND.toV2().toExtFields()).containsEntry("b", "t").containsEntry("k", "false");
    }

    @Test
    void booleansAndNumbersAreWrittenAsRocketMqWritesThem() {
        var header = new CreateTopicRequestHeader("t", "TBW102", 8, 4, 6, "SINGLE_TAG", null, true, null, null);
        assertThat(header.toExtFields()).containsEntry("order", "true").containsEntry("writeQueueNums", "4")
                .doesNotContainKey("topicSysFlag");
    }

    @Test
    void uniqueKeyQueryRidesAsItsOwnExtField() {
        var header = new QueryMessageRequestHeader("t", "UNIQ", 32, 0L, 10L, true);
        assertThat(header.toExtFields()).containsEntry("_UNIQUE_KEY_QUERY", "true");
        assertThat(QueryMessageRequestHeader.from(header.toExtFields())).isEqualTo(header);
        var byKey = new QueryMessageRequestHeader("t", "k", 32, 0L, 10L, false);
        assertThat(byKey.toExtFields()).doesNotContainKey("_UNIQUE_KEY_QUERY");
    }

    @Test
    void searchBoundaryIsReadInAnyCase() {
        var fields = Map.of("topic", "t", "queueId", "0", "timestamp", "5", "boundaryType", "upper");
        assertThat(SearchOffsetRequestHeader.from(fields).boundaryOrDefault())
                .isEqualTo(SearchOffsetRequestHeader.BoundaryType.UPPER);
        assertThat(SearchOffsetRequestHeader.from(Map.of("topic", "t", "queueId", "0", "timestamp", "5"))
                .boundaryOrDefault()).isEqualTo(SearchOffsetRequestHeader.BoundaryType.LOWER);
    }

    @Test
    void resetOffsetWritesForceUnderRocketMqsFieldName() {
        var header = new ResetOffsetRequestHeader("t", "g", 100L, true);
        assertThat(header.toExtFields()).containsEntry("isForce", "true").containsEntry("queueId", "-1");
        assertThat(ResetOffsetRequestHeader.from(header.toExtFields())).isEqualTo(header);
    }
}
