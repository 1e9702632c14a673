package io.mq.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports for a name server and a broker. A broker needs the window
 * {@code [listenPort - 2, listenPort + 1]} free, so port 0 cannot be used; we probe random
 * windows below the Linux ephemeral range (32768+) so outgoing client sockets don't steal them,
 * and remember what this JVM handed out so two brokers started here never overlap.
 */
final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final int ATTEMPTS = 200;
    /** Ports handed out by this JVM; a released broker's ports are not reused, which is harmless at these counts. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized Ports allocate() {
        int namesrv = pick(1, 0);
        int broker = pick(4, 2);
        return new Ports(namesrv, broker);
    }

    /** A port p such that the window of {@code width} ports starting at {@code p - offset} is free. */
    private static int pick(int width, int offset) {
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int first = random.nextInt(LOWEST, HIGHEST - width);
            if (windowFree(first, width)) {
                for (int p = first; p < first + width; p++) {
                    HANDED_OUT.add(p);
                }
                return first + offset;
            }
        }
        throw new ApacheRocketMqException("No free window of " + width + " ports found in [" + LOWEST + ", " + HIGHEST + ")");
    }

    private static boolean windowFree(int first, int width) {
        for (int p = first; p < first + width; p++) {
            if (HANDED_OUT.contains(p) || !bindable(p)) {
                return false;
            }
        }
        return true;
    }

    /** Binds the wildcard address as the broker does; a port in use on any interface fails here too. */
    static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
