/**
 * Request-reply (RocketMQ 4.6+): a responder sends its reply with SEND_REPLY_MESSAGE (324) or V2 (325); the broker
 * pushes it to the requester's connection with PUSH_REPLY_MESSAGE_TO_CLIENT (326) and keeps a copy in the
 * cluster's reply topic.
 */
package io.mq.broker.processor.reply;
