package io.mq.compat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.header.CheckTransactionStateRequestHeader;
import io.mq.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.mq.protocol.header.CreateTopicRequestHeader;
import io.mq.protocol.header.DeleteTopicRequestHeader;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.header.GetConsumeStatsRequestHeader;
import io.mq.protocol.header.GetConsumerConnectionListRequestHeader;
import io.mq.protocol.header.GetConsumerListByGroupRequestHeader;
import io.mq.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.mq.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.mq.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.mq.protocol.header.GetMaxOffsetRequestHeader;
import io.mq.protocol.header.GetMinOffsetRequestHeader;
import io.mq.protocol.header.GetTopicStatsInfoRequestHeader;
import io.mq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.mq.protocol.header.OffsetResponseHeader;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.header.QueryMessageRequestHeader;
import io.mq.protocol.header.QueryMessageResponseHeader;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.header.SearchOffsetRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeaderV2;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.header.UnregisterClientRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.mq.protocol.header.ViewMessageRequestHeader;
import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.rocketmq.common.protocol.header.GetMaxOffsetResponseHeader;
import org.apache.rocketmq.common.protocol.header.GetMinOffsetResponseHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.apache.rocketmq.common.protocol.header.SearchOffsetResponseHeader;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every typed header against the official 4.9.7 header class: what the official client sends parses into
 * our record field for field, and what we send decodes in the official class to the same values.
 */
class HeaderWireTest {

    private static final String P = "org.apache.rocketmq.common.protocol.header.";

    /** One header: our record with every field set, the official class, and our parser. */
    record Case(CommandHeader ours, Class<? extends CommandCustomHeader> official,
                Function<Map<String, String>, CommandHeader> parser) {
        @Override
        public String toString() {
            return ours.getClass().getSimpleName();
        }
    }

    static Stream<Case> headers() {
        return Stream.of(
                c(new SendMessageRequestHeader("pg", "t", "TBW102", 4, 3, 2, 1_700_000_000_123L, 7,
                        "KEYS\u0001k\u0002", 2, true, 16, true, null), "SendMessageRequestHeader",
                        SendMessageRequestHeader::from),
                c(new SendMessageRequestHeaderV2("pg", "t", "TBW102", 4, 3, 2, 1_700_000_000_123L, 7,
                        "TAGS\u0001a\u0002", 1, false, 3, false, "broker-a"), "SendMessageRequestHeaderV2",
                        SendMessageRequestHeaderV2::from),
                c(new SendMessageResponseHeader("7F00000100002A9F0000000000000010", 2, 42L, "tx-1", null),
                        "SendMessageResponseHeader", SendMessageResponseHeader::from),
                c(new PullMessageRequestHeader("cg", "t", 1, 100L, 32, 0b111, 99L, 15_000L, "a || b", 5L, "TAG",
                        null, null, null, null), "PullMessageRequestHeader", PullMessageRequestHeader::from),
                c(new PullMessageResponseHeader(0L, 120L, 0L, 130L), "PullMessageResponseHeader",
                        PullMessageResponseHeader::from),
                c(new QueryConsumerOffsetRequestHeader("cg", "t", 2, null), "QueryConsumerOffsetRequestHeader",
                        QueryConsumerOffsetRequestHeader::from),
                c(new OffsetResponseHeader(77L), "QueryConsumerOffsetResponseHeader", OffsetResponseHeader::from),
                c(new UpdateConsumerOffsetRequestHeader("cg", "t", 2, 78L), "UpdateConsumerOffsetRequestHeader",
                        UpdateConsumerOffsetRequestHeader::from),
                c(new GetMaxOffsetRequestHeader("t", 3, true), "GetMaxOffsetRequestHeader",
                        GetMaxOffsetRequestHeader::from),
                c(new SearchOffsetRequestHeader("t", 3, 1_700_000_000_000L, null), "SearchOffsetRequestHeader",
                        SearchOffsetRequestHeader::from),
                c(new GetMinOffsetRequestHeader("t", 3), "GetMinOffsetRequestHeader",
                        GetMinOffsetRequestHeader::from),
                c(new OffsetResponseHeader(5L), "GetMinOffsetResponseHeader", OffsetResponseHeader::from),
                c(new OffsetResponseHeader(6L), "GetMaxOffsetResponseHeader", OffsetResponseHeader::from),
                c(new OffsetResponseHeader(7L), "SearchOffsetResponseHeader", OffsetResponseHeader::from),
                c(new GetEarliestMsgStoretimeRequestHeader("t", 3), "GetEarliestMsgStoretimeRequestHeader",
                        GetEarliestMsgStoretimeRequestHeader::from),
                c(new GetEarliestMsgStoretimeResponseHeader(1_700_000_000_000L),
                        "GetEarliestMsgStoretimeResponseHeader", GetEarliestMsgStoretimeResponseHeader::from),
                c(new ViewMessageRequestHeader(4096L), "ViewMessageRequestHeader", ViewMessageRequestHeader::from),
                c(new UnregisterClientRequestHeader("10.0.0.1@1", "pg", "cg"), "UnregisterClientRequestHeader",
                        UnregisterClientRequestHeader::from),
                c(new ConsumerSendMsgBackRequestHeader(4096L, "cg", 3, "MSGID", "t", true, 5),
                        "ConsumerSendMsgBackRequestHeader", ConsumerSendMsgBackRequestHeader::from),
                c(new EndTransactionRequestHeader("pg", 12L, 4096L, 8, true, "OFFSETID", "UNIQ"),
                        "EndTransactionRequestHeader", EndTransactionRequestHeader::from),
                c(new CheckTransactionStateRequestHeader(12L, 4096L, "UNIQ", "TX", "OFFSETID"),
                        "CheckTransactionStateRequestHeader", CheckTransactionStateRequestHeader::from),
                c(new GetConsumerListByGroupRequestHeader("cg"), "GetConsumerListByGroupRequestHeader",
                        GetConsumerListByGroupRequestHeader::from),
                c(new NotifyConsumerIdsChangedRequestHeader("cg"), "NotifyConsumerIdsChangedRequestHeader",
                        NotifyConsumerIdsChangedRequestHeader::from),
                c(new CreateTopicRequestHeader("t", "TBW102", 8, 8, 6, "SINGLE_TAG", 0, true, null, null),
                        "CreateTopicRequestHeader", CreateTopicRequestHeader::from),
                c(new DeleteTopicRequestHeader("t"), "DeleteTopicRequestHeader", DeleteTopicRequestHeader::from),
                c(new QueryMessageRequestHeader("t", "order-1", 32, 1L, 2L, false), "QueryMessageRequestHeader",
                        QueryMessageRequestHeader::from),
                c(new QueryMessageResponseHeader(1_700_000_000_000L, 8192L), "QueryMessageResponseHeader",
                        QueryMessageResponseHeader::from),
                c(new GetConsumeStatsRequestHeader("cg", "t"), "GetConsumeStatsRequestHeader",
                        GetConsumeStatsRequestHeader::from),
                c(new GetTopicStatsInfoRequestHeader("t"), "GetTopicStatsInfoRequestHeader",
                        GetTopicStatsInfoRequestHeader::from),
                c(new GetConsumerConnectionListRequestHeader("cg"), "GetConsumerConnectionListRequestHeader",
                        GetConsumerConnectionListRequestHeader::from),
                c(new ResetOffsetRequestHeader("t", "cg", 1_700_000_000_000L, true), "ResetOffsetRequestHeader",
                        ResetOffsetRequestHeader::from),
                c(new QueryConsumeTimeSpanRequestHeader("t", "cg"), "QueryConsumeTimeSpanRequestHeader",
                        QueryConsumeTimeSpanRequestHeader::from),
                c(new GetConsumerRunningInfoRequestHeader("cg", "10.0.0.1@1", true),
                        "GetConsumerRunningInfoRequestHeader", GetConsumerRunningInfoRequestHeader::from));
    }

    @SuppressWarnings("unchecked")
    private static <H extends CommandHeader> Case c(H ours, String officialName,
                                                    Function<Map<String, String>, H> parser) {
        try {
            var official = (Class<? extends CommandCustomHeader>) Class.forName(P + officialName);
            return new Case(ours, official, (Function<Map<String, String>, CommandHeader>) parser);
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void ourExtFieldsDecodeInTheOfficialClassToTheSameFields(Case c) throws Exception {
        var ours = c.ours().toExtFields();
        var official = OfficialHeaders.decode(ours, c.official());
        // The official header, sent again, writes what we wrote: every name known, every value kept. Fields
        // that only 5.x knows (ResetOffset's queueId) are ignored by 4.x, so they are left out of the comparison.
        var known = OfficialHeaders.fieldNames(c.official());
        var expected = new java.util.HashMap<>(ours);
        expected.keySet().retainAll(known);
        assertThat(OfficialHeaders.extFieldsOf(official)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void whatTheOfficialClassSendsParsesIntoOurRecord(Case c) throws Exception {
        var sent = OfficialHeaders.extFieldsOf(OfficialHeaders.decode(c.ours().toExtFields(), c.official()));
        assertThat(c.parser().apply(sent)).isEqualTo(c.ours());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void ourRecordCoversEveryFieldOfTheOfficialClass(Case c) {
        var written = new HashSet<>(c.ours().toExtFields().keySet());
        assertThat(written).containsAll(OfficialHeaders.fieldNames(c.official()));
    }

    @Test
    void sendV2BuiltByTheOfficialClientReadsAsTheLongForm() throws Exception {
        var v1 = new org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader();
        v1.setProducerGroup("pg");
        v1.setTopic("orders");
        v1.setDefaultTopic("TBW102");
        v1.setDefaultTopicQueueNums(4);
        v1.setQueueId(1);
        v1.setSysFlag(0);
        v1.setBornTimestamp(1_700_000_000_123L);
        v1.setFlag(0);
        v1.setProperties("UNIQ_KEY\u0001abc\u0002");
        v1.setReconsumeTimes(3);
        v1.setUnitMode(false);
        v1.setMaxReconsumeTimes(16);
        v1.setBatch(true);
        var v2 = org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2
                .createSendMessageRequestHeaderV2(v1);
        var command = new RemotingCommand().code(320).extFields(OfficialHeaders.extFieldsOf(v2));

        var ours = SendMessageRequestHeader.from(command);

        assertThat(ours).isEqualTo(new SendMessageRequestHeader("pg", "orders", "TBW102", 4, 1, 0,
                1_700_000_000_123L, 0, "UNIQ_KEY\u0001abc\u0002", 3, false, 16, true, null));
        assertThat(ours.toV2().toExtFields()).isEqualTo(OfficialHeaders.extFieldsOf(v2));
    }

    @Test
    void pullSysFlagBuiltByTheOfficialClientReadsBitByBit() {
        int flag = PullSysFlag.buildSysFlag(true, true, false, false);
        var header = new PullMessageRequestHeader("cg", "t", 0, 0L, 32, flag, 0L, 0L, null, 0L, null, null, null,
                null, null);
        assertThat(header.commitOffsetPresent()).isTrue();
        assertThat(header.suspend()).isTrue();
        assertThat(header.subscriptionPresent()).isFalse();
        assertThat(header.classFilter()).isFalse();
        int lite = PullSysFlag.buildSysFlag(false, false, true, false, true);
        var liteHeader = new PullMessageRequestHeader("cg", "t", 0, 0L, 32, lite, 0L, 0L, "*", 0L, "TAG", null,
                null, null, null);
        assertThat(liteHeader.subscriptionPresent()).isTrue();
        assertThat(liteHeader.litePull()).isTrue();
        assertThat(liteHeader.commitOffsetPresent()).isFalse();
    }

    @Test
    void officialResponseHeadersOfOneOffsetAllReadAsOffsetResponseHeader() throws Exception {
        var query = new QueryConsumerOffsetResponseHeader();
        query.setOffset(11L);
        var max = new GetMaxOffsetResponseHeader();
        max.setOffset(12L);
        var min = new GetMinOffsetResponseHeader();
        min.setOffset(13L);
        var search = new SearchOffsetResponseHeader();
        search.setOffset(14L);
        assertThat(Stream.of(query, max, min, search).map(h -> OffsetResponseHeader.from(
                OfficialHeaders.extFieldsOf(h)).offset())).containsExactly(11L, 12L, 13L, 14L);
    }

    @Test
    void maxOffsetAndSearchFromA4xClientTakeTheDefaultsOf5x() {
        var official = new org.apache.rocketmq.common.protocol.header.GetMaxOffsetRequestHeader();
        official.setTopic("t");
        official.setQueueId(1);
        assertThat(GetMaxOffsetRequestHeader.from(OfficialHeaders.extFieldsOf(official)))
                .isEqualTo(new GetMaxOffsetRequestHeader("t", 1, true));
        var search = new org.apache.rocketmq.common.protocol.header.SearchOffsetRequestHeader();
        search.setTopic("t");
        search.setQueueId(1);
        search.setTimestamp(5L);
        var ours = SearchOffsetRequestHeader.from(OfficialHeaders.extFieldsOf(search));
        assertThat(ours.boundaryType()).isNull();
        assertThat(ours.boundaryOrDefault()).isEqualTo(SearchOffsetRequestHeader.BoundaryType.LOWER);
    }
}
