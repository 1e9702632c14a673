/**
 * The send path (SEND_MESSAGE, SEND_MESSAGE_V2, SEND_BATCH_MESSAGE): admission checks with RocketMQ's response
 * codes, the message drafts built from the request, the append, and the answer sent when the store's future
 * completes. {@link io.mq.broker.processor.send.SendProcessors#register} wires it into a broker.
 */
package io.mq.broker.processor.send;
