package io.mq.spring.transaction;

import io.mq.spring.core.MqTemplate;
import java.util.concurrent.CountDownLatch;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application in a JVM of its own, to be killed mid-transaction: it sends in a database transaction, prints
 * "READY msgId" at the chosen point and hangs there until SIGKILL. Modes: {@code before-commit} (inside the database
 * transaction) or {@code after-commit} (after the database commit, before the half message is committed).
 * Arguments: mode topic orderId, then Spring properties (key=value).
 */
public final class TxChildMain {

    private TxChildMain() {
    }

    public static void main(String[] args) throws Exception {
        var mode = args[0];
        var topic = args[1];
        var orderId = args[2];
        var properties = java.util.Arrays.copyOfRange(args, 3, args.length);
        var app = TxTestApp.run(properties);
        var jdbc = app.getBean(JdbcTemplate.class);
        var table = app.getEnvironment().getProperty("test.orders-table");
        var template = app.getBean(MqTemplate.class);
        new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", orderId);
            var sent = template.sendInTransaction(topic, "order " + orderId);
            if (mode.equals("before-commit")) {
                hangAfter("READY " + sent.msgId());
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE; // before the starter's, which would commit the half message
                }

                @Override
                public void afterCommit() {
                    hangAfter("READY " + sent.msgId());
                }
            });
        });
    }

    private static void hangAfter(String line) {
        System.out.println(line);
        System.out.flush();
        try {
            new CountDownLatch(1).await(); // until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
