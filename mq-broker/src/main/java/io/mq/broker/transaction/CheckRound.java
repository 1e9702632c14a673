package io.mq.broker.transaction;

/**
 * What one check scan did, for logs and tests.
 *
 * @param examined     half copies read
 * @param skipped      copies passed because their transaction had ended (or a newer copy exists)
 * @param checked      copies re-put at the tail and asked about (a CHECK_TRANSACTION_STATE sent)
 * @param deferred     copies re-put without a check: no producer of the group connected, or still immune
 * @param discarded    copies moved to TRANS_CHECK_MAX_TIME_TOPIC
 * @param halfOffset   the half consume offset after the round
 * @param opOffset     the op consume offset after the round
 * @param elapsedMillis wall time of the round
 */
public record CheckRound(long examined, long skipped, long checked, long deferred, long discarded, long halfOffset,
        long opOffset, long elapsedMillis) {
}
