/**
 * The RocketMQ 4.x message encoding: the stored record that a pull returns as is
 * ({@link io.mq.protocol.message.MessageCodec}), the batch send body, properties strings, sys flags, offset message
 * ids and producer unique ids. Checked against rocketmq-common 4.9.7's {@code MessageDecoder}: it decodes what we
 * encode, and we decode its batch bodies.
 */
package io.mq.protocol.message;
