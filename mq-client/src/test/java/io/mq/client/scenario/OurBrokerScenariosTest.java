package io.mq.client.scenario;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The scenario suite of our client against our broker in this JVM. */
@DisplayName("scenarios against our broker")
class OurBrokerScenariosTest {

    @TempDir
    static Path dir;
    static ScenarioFixture fx;

    @BeforeAll
    static void start() {
        fx = ScenarioFixture.on(OurBrokerUnderTest.start(dir.resolve("broker")), dir);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Nested
    class Sends extends SendScenarios {
        Sends() {
            super(fx);
        }
    }

    @Nested
    class Consumers extends ConsumeScenarios {
        Consumers() {
            super(fx);
        }
    }

    @Nested
    class RetriesAndDelays extends RetryAndDelayScenarios {
        RetriesAndDelays() {
            super(fx);
        }
    }

    @Nested
    class Transactions extends TransactionScenarios {
        Transactions() {
            super(fx);
        }
    }

    @Nested
    class PullAndAdmin extends PullAndAdminScenarios {
        PullAndAdmin() {
            super(fx);
        }
    }
}
