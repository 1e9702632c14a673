package io.mq.broker.client;

/** CLUSTERING: each message to one member of the group; BROADCASTING: to every member. */
public enum MessageModel {
    BROADCASTING,
    CLUSTERING
}
