package io.mq.spring.test.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker application (name server and broker in one process) in a container; build the image with
 * {@code docker build -f mq-spring-boot-test/docker/Dockerfile -t mq-broker-app .} from the repository root.
 * Clients learn the broker's address from the name server's routes, so the broker port is bound to the same port
 * on the host and advertised with the host's address; the name-server port is mapped as usual.
 */
public class MqBrokerContainer extends GenericContainer<MqBrokerContainer> {

    public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("mq-broker-app:latest");
    public static final int NAME_SERVER_PORT = 9876;

    private final int brokerPort;

    public MqBrokerContainer() {
        this(DEFAULT_IMAGE);
    }

    public MqBrokerContainer(DockerImageName image) {
        super(image);
        this.brokerPort = freePort();
        addExposedPorts(NAME_SERVER_PORT);
        setPortBindings(List.of(brokerPort + ":" + brokerPort));
        waitingFor(Wait.forLogMessage(".*mq started in.*", 1));
    }

    @Override
    protected void configure() {
        withEnv("MQ_BROKER_PORT", String.valueOf(brokerPort));
        withEnv("MQ_BROKER_IP", getHost());
    }

    /** "host:port" of the name server, for {@code mq.name-server}. */
    public String nameServerAddress() {
        return getHost() + ":" + getMappedPort(NAME_SERVER_PORT);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
