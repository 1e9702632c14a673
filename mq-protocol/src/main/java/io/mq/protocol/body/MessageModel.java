package io.mq.protocol.body;

/** CLUSTERING shares a topic's queues among a group's consumers; BROADCASTING gives every consumer all. */
public enum MessageModel {
    BROADCASTING, CLUSTERING
}
