package io.mq.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar mq-broker-app.jar}: the name server and the broker in one process.
 *
 * <p>The two configuration classes are imported, not found: no class-path scan, and no auto-configuration, since
 * none of what Boot would auto-configure here (task executors, SSL bundles, JMX, AOP, message sources) is used, and
 * evaluating it was part of every start. Boot's own machinery (properties binding, logging, failure analysis,
 * {@code spring.main.*}) does not depend on auto-configuration.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, StartupReport.class})
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
