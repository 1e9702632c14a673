package io.mq.client;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Settings shared by every producer, consumer and admin of one {@link ClientInstance}. Equal settings share one
 * instance (one connection per broker); the client id is {@code clientIp@instanceName}.
 *
 * @param nameServers       "host:port" of each name server; the client sticks to one that answers and moves to
 *                          the next on failure
 * @param instanceName      second half of the client id; give two members of one consumer group in one JVM
 *                          different names (default: the process id, as the official client)
 * @param clientIp          first half of the client id (default: the first non-loopback IPv4 address)
 * @param heartbeatInterval how often every broker of the known routes hears which groups this client is in (30 s)
 * @param routePollInterval how often the routes of the topics in use are fetched again (30 s)
 * @param requestTimeout    timeout of name-server and broker requests that have no timeout of their own (3 s)
 * @param connectTimeout    how long opening a connection may take (3 s)
 */
public record ClientConfig(
        List<String> nameServers,
        String instanceName,
        String clientIp,
        Duration heartbeatInterval,
        Duration routePollInterval,
        Duration requestTimeout,
        Duration connectTimeout) {

    public ClientConfig {
        nameServers = List.copyOf(nameServers);
        if (nameServers.isEmpty()) {
            throw new IllegalArgumentException("at least one name server address is needed");
        }
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(clientIp, "clientIp");
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(routePollInterval, "routePollInterval");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(connectTimeout, "connectTimeout");
    }

    /**
     * Defaults for the given name servers; each argument may itself be a RocketMQ-style list
     * ({@code "10.0.0.1:9876;10.0.0.2:9876"}).
     */
    public static ClientConfig of(String... nameServers) {
        var addresses = Arrays.stream(nameServers)
                .flatMap(list -> Arrays.stream(list.split("[;,]")))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        return new ClientConfig(addresses, String.valueOf(ProcessHandle.current().pid()), localIp(),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    /** The id brokers know this client by: {@code clientIp@instanceName}. */
    public String clientId() {
        return clientIp + "@" + instanceName;
    }

    public ClientConfig withInstanceName(String instanceName) {
        return new ClientConfig(nameServers, instanceName, clientIp, heartbeatInterval, routePollInterval,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withClientIp(String clientIp) {
        return new ClientConfig(nameServers, instanceName, clientIp, heartbeatInterval, routePollInterval,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withHeartbeatInterval(Duration heartbeatInterval) {
        return new ClientConfig(nameServers, instanceName, clientIp, heartbeatInterval, routePollInterval,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withRoutePollInterval(Duration routePollInterval) {
        return new ClientConfig(nameServers, instanceName, clientIp, heartbeatInterval, routePollInterval,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withRequestTimeout(Duration requestTimeout) {
        return new ClientConfig(nameServers, instanceName, clientIp, heartbeatInterval, routePollInterval,
                requestTimeout, connectTimeout);
    }

    public ClientConfig withConnectTimeout(Duration connectTimeout) {
        return new ClientConfig(nameServers, instanceName, clientIp, heartbeatInterval, routePollInterval,
                requestTimeout, connectTimeout);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** The first non-loopback IPv4 address, else the loopback address (what the official client reports too). */
    static String localIp() {
        try {
            for (var networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!networkInterface.isUp() || networkInterface.isLoopback() || networkInterface.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall back to loopback below
        }
        return InetAddress.getLoopbackAddress().getHostAddress();
    }
}
