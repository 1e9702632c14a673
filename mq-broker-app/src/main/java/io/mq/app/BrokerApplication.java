package io.mq.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** {@code java -jar mq-broker-app.jar}: the name server and the broker in one process. */
@SpringBootApplication
public class BrokerApplication {

    /**
     * Netty's JFR events for its buffer allocator, unless asked for ({@code -Dio.netty.jfr.enabled=true}): with them
     * on, the first buffer registers JFR event classes and generates their handlers, on the start path of every run.
     */
    static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        SpringApplication.run(BrokerApplication.class, args);
    }
}
