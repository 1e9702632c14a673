/**
 * The name server: {@link io.mq.broker.namesrv.RouteRegistry} keeps which brokers serve which topics,
 * {@link io.mq.broker.namesrv.NameServer} serves it over the RocketMQ remoting protocol (REGISTER_BROKER,
 * GET_ROUTEINFO_BY_TOPIC, cluster info, topic lists, KV config, write-permission admin) and drops brokers whose
 * heartbeats stop or whose connection closes.
 */
package io.mq.broker.namesrv;
