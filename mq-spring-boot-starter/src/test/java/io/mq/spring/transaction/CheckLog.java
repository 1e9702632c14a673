package io.mq.spring.transaction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** The check-back answers this JVM gave, read from the producer's debug log ("check-back of ID in GROUP: OUTCOME"). */
final class CheckLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<Object[]> answers = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TransactionalProducer.class);

    static CheckLog attach() {
        var log = new CheckLog();
        log.start();
        log.logger.setLevel(Level.DEBUG);
        log.logger.addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getMessage().startsWith("check-back of")) {
            answers.add(event.getArgumentArray());
        }
    }

    /** How often {@code transactionId} was answered {@code outcome}. */
    long count(String transactionId, LocalOutcome outcome) {
        return answers.stream().filter(a -> a[0].equals(transactionId) && a[2] == outcome).count();
    }

    /** A transaction id answered {@code outcome} at least {@code times}, or null. */
    String answeredAtLeast(LocalOutcome outcome, long times) {
        return answers.stream().filter(a -> a[2] == outcome).map(a -> (String) a[0]).distinct()
                .filter(id -> count(id, outcome) >= times).findFirst().orElse(null);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
