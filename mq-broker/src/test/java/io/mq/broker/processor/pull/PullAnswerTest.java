package io.mq.broker.processor.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import org.junit.jupiter.api.Test;

class PullAnswerTest {

    @Test
    void theResponseCarriesTheFourXResponseHeadersFields() {
        var expected = new PullMessageResponseHeader(PullAnswer.MASTER_ID, 42, 7, 1_000_000_000_123L).toExtFields();
        var response = RemotingCommand.response(ResponseCode.SUCCESS, "FOUND");

        PullAnswer.withHeader(response, 42, 7, 1_000_000_000_123L);

        assertThat(response.extFields()).isEqualTo(expected);
    }
}
