/**
 * END_TRANSACTION (37) and the wiring of transactions into a broker:
 * {@link io.mq.broker.processor.transaction.TransactionProcessors#register}.
 */
package io.mq.broker.processor.transaction;
