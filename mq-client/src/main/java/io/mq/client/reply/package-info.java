/**
 * Request-reply: the requester's waiting futures and the receiver of PUSH_REPLY_MESSAGE_TO_CLIENT (326)
 * ({@link io.mq.client.reply.PendingReplies}), and the responder's reply builder ({@link io.mq.client.reply.ReplyMessages}).
 */
package io.mq.client.reply;
