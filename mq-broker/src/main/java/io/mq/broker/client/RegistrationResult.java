package io.mq.broker.client;

/** What a consumer heartbeat changed in its group. */
public record RegistrationResult(boolean membersChanged, boolean subscriptionsChanged) {

    public boolean changed() {
        return membersChanged || subscriptionsChanged;
    }
}
