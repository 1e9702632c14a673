package io.mq.app;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Picks the address a broker advertises when {@code mq.broker.ip} is not set, as RocketMQ does. */
final class HostAddresses {

    private HostAddresses() {
    }

    /** The first IPv4 address of an up, non-loopback interface, else 127.0.0.1. */
    static String firstSiteAddress() {
        try {
            for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (var address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback: a broker that cannot list interfaces still serves local clients
        }
        return "127.0.0.1";
    }
}
