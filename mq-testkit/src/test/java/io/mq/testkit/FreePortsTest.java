package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void theBrokersWholePortWindowIsBindable() throws Exception {
        var ports = FreePorts.allocate();

        // Bind the four ports the broker window reserves, as the broker would (VIP, listen - 1, listen, HA).
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int p = ports.brokerVipPort(); p <= ports.brokerHaPort(); p++) {
                var socket = new ServerSocket();
                socket.bind(new InetSocketAddress(p));
                sockets.add(socket);
            }
            var namesrv = new ServerSocket();
            namesrv.bind(new InetSocketAddress(ports.namesrvPort()));
            sockets.add(namesrv);
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
        assertThat(sockets).hasSize(5);
    }

    @Test
    void brokersStartedFromOneJvmNeverShareOrNeighbourPorts() {
        var used = new HashSet<Integer>();
        for (int i = 0; i < 50; i++) {
            var ports = FreePorts.allocate();
            for (int p = ports.brokerVipPort(); p <= ports.brokerHaPort(); p++) {
                assertThat(used.add(p)).as("port %d handed out twice", p).isTrue();
            }
            assertThat(used.add(ports.namesrvPort())).isTrue();
        }
    }

    @Test
    void aPortInUseIsNotBindable() throws Exception {
        try (var taken = new ServerSocket(0)) {
            assertThat(FreePorts.bindable(taken.getLocalPort())).isFalse();
        }
    }
}
