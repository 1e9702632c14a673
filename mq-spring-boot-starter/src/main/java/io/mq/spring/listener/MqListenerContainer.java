package io.mq.spring.listener;

/** Runs one {@link MqListenerEndpoint}: consumes while started. */
public interface MqListenerContainer {

    MqListenerEndpoint endpoint();

    /** Starts consuming; does nothing when running. */
    void start();

    /** Stops consuming, letting the listener calls under way finish and committing the offsets. */
    void stop();

    boolean isRunning();
}
