package io.mq.broker.testkit;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.FlushDiskType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A name server and a broker in a JVM of their own, for tests that kill it: {@code ForkedBrokerMain <storeDir>}
 * starts them on free ports with SYNC_FLUSH (the settings of {@link EmbeddedBroker} otherwise, so an in-process
 * EmbeddedBroker can recover the same store), then prints {@value #READY} followed by the name server's and the
 * broker's addresses. It exits when its standard input closes, so a dead parent leaves no orphan.
 */
public final class ForkedBrokerMain {

    /** First word of the line printed once both are serving: {@code READY <nameServer> <broker>}. */
    public static final String READY = "READY";

    private ForkedBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ForkedBrokerMain <storeDir>");
            System.exit(2);
        }
        var broker = EmbeddedBroker.start(Path.of(args[0]), b -> b,
                s -> s.withFlushDiskType(FlushDiskType.SYNC_FLUSH));
        System.out.println(READY + " " + broker.nameServerAddress() + " " + broker.brokerAddress());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Nothing to do but wait: the test ends this JVM with SIGKILL, or by closing our input.
        }
        broker.close();
        System.exit(0);
    }
}
