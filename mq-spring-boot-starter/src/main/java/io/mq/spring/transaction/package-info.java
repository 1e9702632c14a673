/**
 * Transactional messages tied to the application's database transaction: the half message is sent at once and ended
 * when the database transaction ends; the broker's check-back is answered from the fence table
 * ({@link io.mq.spring.transaction.TransactionFence}) without user code.
 */
package io.mq.spring.transaction;
