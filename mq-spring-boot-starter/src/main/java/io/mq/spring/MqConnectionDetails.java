package io.mq.spring;

import java.util.List;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the name servers are. Defaults to {@code mq.name-server}; a bean of this type (a Testcontainers
 * {@code @ServiceConnection}, the embedded test broker, a service registry) takes precedence over the property.
 */
public interface MqConnectionDetails extends ConnectionDetails {

    /** "host:port" of each name server, in the order the client tries them. */
    List<String> nameServers();
}
