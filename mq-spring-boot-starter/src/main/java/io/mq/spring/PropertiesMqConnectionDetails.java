package io.mq.spring;

import java.util.Arrays;
import java.util.List;

/** {@link MqConnectionDetails} read from {@code mq.name-server} (";" or "," separated). */
final class PropertiesMqConnectionDetails implements MqConnectionDetails {

    private final MqProperties properties;

    PropertiesMqConnectionDetails(MqProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<String> nameServers() {
        var value = properties.getNameServer();
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[;,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
