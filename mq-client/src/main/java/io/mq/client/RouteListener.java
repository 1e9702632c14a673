package io.mq.client;

/** Told when a topic's route changed (new, other queues or other brokers); runs on the thread that refreshed the route (the client scheduler for periodic refreshes). */
@FunctionalInterface
public interface RouteListener {
    void routeChanged(TopicRoute route);
}
