package io.mq.spring.test.containers;

import io.mq.spring.MqConnectionDetails;
import java.util.List;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/** Lets {@code @ServiceConnection} on an {@link MqBrokerContainer} supply the starter's name-server address. */
class MqBrokerContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<MqBrokerContainer, MqConnectionDetails> {

    @Override
    protected MqConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<MqBrokerContainer> source) {
        return new ContainerDetails(source);
    }

    private static final class ContainerDetails extends ContainerConnectionDetails<MqBrokerContainer>
            implements MqConnectionDetails {

        private ContainerDetails(ContainerConnectionSource<MqBrokerContainer> source) {
            super(source);
        }

        @Override
        public List<String> nameServers() {
            return List.of(getContainer().nameServerAddress());
        }
    }
}
