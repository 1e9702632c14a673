package io.mq.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.header.SendMessageResponseHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers that write their own fields (no map in between) put exactly what {@code toExtFields()} holds. */
class PutHeaderTest {

    @Test
    void responseCarriesTheHeadersFieldsWhicheverWayTheyAreWritten() {
        List<CommandHeader> headers = List.of(
                new PullMessageResponseHeader(0, 42, 7, 1_000_000_000_123L),
                new PullMessageResponseHeader(1, 42, 7, 9, 3L, 4, 5, 6),
                new SendMessageResponseHeader("0A0000010000", 3, 17, null, null),
                new SendMessageResponseHeader("0A0000010000,0A0000010400", 3, 17, "tx", "batch"));
        for (var header : headers) {
            var response = RemotingCommand.response(ResponseCode.SUCCESS, "FOUND").putHeader(header);

            assertThat(response.extFields()).as("%s", header).isEqualTo(header.toExtFields());
        }
    }
}
