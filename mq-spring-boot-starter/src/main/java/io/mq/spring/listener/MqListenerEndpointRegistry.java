package io.mq.spring.listener;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the listener containers by id; starts them with the application context and stops them (gracefully,
 * offsets committed) before the beans they call are destroyed.
 */
public class MqListenerEndpointRegistry implements SmartLifecycle {

    /** Late start, early stop: listeners run only while every other bean is up. */
    public static final int PHASE = Integer.MAX_VALUE - 100;

    private final Map<String, MqListenerContainer> containers = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Adds the endpoint's container, made by {@code factory}; started at once when the registry runs. */
    public synchronized MqListenerContainer register(MqListenerEndpoint endpoint, MqListenerContainerFactory factory) {
        if (containers.containsKey(endpoint.id())) {
            throw new IllegalStateException("another @MqListener already has the id " + endpoint.id());
        }
        var container = factory.createContainer(endpoint);
        containers.put(endpoint.id(), container);
        if (running && endpoint.autoStartup()) {
            container.start();
        }
        return container;
    }

    /** The container of this id, null when there is none. */
    public MqListenerContainer getListenerContainer(String id) {
        return containers.get(id);
    }

    public Collection<MqListenerContainer> getListenerContainers() {
        return List.copyOf(containers.values());
    }

    @Override
    public synchronized void start() {
        for (var container : containers.values()) {
            if (container.endpoint().autoStartup()) {
                container.start();
            }
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        RuntimeException failure = null;
        for (var container : containers.values()) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
