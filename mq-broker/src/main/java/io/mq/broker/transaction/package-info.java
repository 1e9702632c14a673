/**
 * Transactional messages, as RocketMQ keeps them and with the same wire facts: a send with TRAN_MSG=true is stored
 * as a half message in {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0 (real topic and queue in REAL_TOPIC / REAL_QID);
 * END_TRANSACTION commit re-puts it to its real topic and writes an op record (tag "d", body = the half queue offset)
 * to {@code RMQ_SYS_TRANS_OP_HALF_TOPIC}; rollback writes only the op record; the check scan asks a live producer of
 * the group ({@code CHECK_TRANSACTION_STATE}) about half messages older than the timeout, re-putting each at the
 * tail with TRANSACTION_CHECK_TIMES raised, and parks one checked {@code checkMax} times in
 * {@code TRANS_CHECK_MAX_TIME_TOPIC}. Both scan positions are consumer offsets of {@code CID_RMQ_SYS_TRANS}.
 *
 * <p>Where we go beyond RocketMQ 4.9.7:
 * <ul>
 * <li>Exactly-once delivery of a commit: RocketMQ re-puts on every commit it receives, so the producer's own END
 * racing its answer to a check (or a repeated END) delivers twice. Here each re-put copy names the transaction's
 * first half offset (TRAN_PREPARED_QUEUE_OFFSET), op records carry it too, and ENDs and the scan decide under one
 * lock against a {@link io.mq.broker.transaction.TransactionLedger} that the commit log can rebuild.</li>
 * <li>The scan does not re-read op records each round: the ledger is authoritative while the broker runs; op
 * records are read (in batches) only when it starts.</li>
 * <li>A round in which no producer of the group is connected does not use up a check (RocketMQ counts it),
 * until the message is older than {@code timeout + checkMax x interval}; a discard also writes an op record, so a
 * restart never revives a discarded message.</li>
 * </ul>
 */
package io.mq.broker.transaction;
