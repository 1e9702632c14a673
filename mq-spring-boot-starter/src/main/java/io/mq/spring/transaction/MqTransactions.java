package io.mq.spring.transaction;

import io.mq.client.ClientConfig;
import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.SendResult;
import io.mq.client.producer.ProducerConfig;
import io.mq.client.producer.TransactionSendResult;
import io.mq.spring.core.TransactionalSend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactional messages, both ways: {@link #sendInTransaction(Message)} inside the caller's {@code @Transactional}
 * method, and {@link #execute} which runs a {@link TransactionalListener}'s local work in a transaction of its own.
 * One producer per group (the default group plus one per listener's group), all started once the application's
 * beans exist, so check-backs are answered after a restart even before anything is sent.
 */
public final class MqTransactions implements TransactionalSend, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MqTransactions.class);

    private final ClientConfig clientConfig;
    private final Function<String, ProducerConfig> producerConfigs;
    private final TransactionSettings settings;
    private final ListableBeanFactory beans;
    private final Map<DataSource, TransactionFence> fences = new IdentityHashMap<>();
    private final Map<String, TransactionalProducer> producers = new LinkedHashMap<>();
    private ExpiredRowsCleaner cleaner;
    private volatile boolean started;

    /**
     * @param producerConfigs the producer settings of a group, by its name
     * @param beans           where the data source, transaction managers and {@link TransactionalListener} beans are
     */
    public MqTransactions(ClientConfig clientConfig, Function<String, ProducerConfig> producerConfigs,
            TransactionSettings settings, ListableBeanFactory beans) {
        this.clientConfig = clientConfig;
        this.producerConfigs = producerConfigs;
        this.settings = settings;
        this.beans = beans;
    }

    /**
     * Sends {@code message} in the default producer group as part of the caller's database transaction: the half
     * message is stored at once and delivered only if that transaction commits. Throws
     * {@link org.springframework.transaction.IllegalTransactionStateException} outside a transaction.
     */
    @Override
    public SendResult sendInTransaction(Message message) {
        return sendInTransaction(settings.producerGroup(), message);
    }

    /** As {@link #sendInTransaction(Message)}, in {@code producerGroup}. */
    public SendResult sendInTransaction(String producerGroup, Message message) {
        return producer(producerGroup).sendInCurrentTransaction(message);
    }

    /**
     * Sends {@code message} in {@code producerGroup} and runs that group's {@link TransactionalListener} with
     * {@code arg} in a database transaction (joining the caller's when there is one); the message is delivered once
     * that transaction commits. The result's state is COMMIT/ROLLBACK when the transaction has ended, UNKNOW while a
     * caller's transaction it joined is still open. An exception from the listener rolls back and is rethrown.
     */
    public TransactionSendResult execute(String producerGroup, Message message, Object arg) {
        return producer(producerGroup).execute(message, arg);
    }

    /** The producer groups started, the default one first. */
    public Set<String> producerGroups() {
        return Set.copyOf(producers.keySet());
    }

    /** What {@code producerGroup} answers a check-back about {@code halfMessage} now (may fence it). */
    LocalOutcome check(String producerGroup, MessageView halfMessage) {
        var state = producer(producerGroup).checkLocalTransaction(halfMessage);
        return switch (state) {
            case COMMIT_MESSAGE -> LocalOutcome.COMMIT;
            case ROLLBACK_MESSAGE -> LocalOutcome.ROLLBACK;
            case UNKNOW -> LocalOutcome.UNKNOWN;
        };
    }

    @Override
    public synchronized void afterSingletonsInstantiated() {
        var listeners = listenersByGroup();
        var groups = new ArrayList<String>();
        groups.add(settings.producerGroup());
        groups.addAll(listeners.keySet());
        try {
            for (var group : groups) {
                if (!producers.containsKey(group)) {
                    producers.put(group, start(group, listeners.get(group)));
                }
            }
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
        cleaner = new ExpiredRowsCleaner(List.copyOf(fences.values()), settings.retention(),
                settings.cleanupInterval(), settings.cleanupBatchSize(), Clock.systemUTC());
        cleaner.start();
        started = true;
        log.info("transactional producer groups started: {}", producers.keySet());
    }

    @Override
    public synchronized void destroy() {
        started = false;
        if (cleaner != null) {
            cleaner.stop();
        }
        for (var producer : producers.values()) {
            try {
                producer.close();
            } catch (RuntimeException e) {
                log.warn("closing transactional producer {} failed: {}", producer.group(), e.getMessage());
            }
        }
        producers.clear();
    }

    private TransactionalProducer producer(String group) {
        if (!started) {
            throw new IllegalStateException("transactional producers start once the application's beans exist");
        }
        var producer = producers.get(group);
        if (producer == null) {
            throw new IllegalArgumentException("no transactional producer group " + group + "; groups are the "
                    + "default one (" + settings.producerGroup() + ") and those of @TransactionalListener beans: "
                    + producers.keySet());
        }
        return producer;
    }

    private TransactionalProducer start(String group, Object listener) {
        var manager = listener == null ? beans.getBeanProvider(PlatformTransactionManager.class).getIfUnique()
                : transactionManager(annotationOf(listener).transactionManager());
        var fence = fences.computeIfAbsent(dataSourceOf(manager), this::newFence);
        var local = listener instanceof LocalTransaction work ? work : null;
        var check = listener instanceof LocalTransactionCheck own ? own : null;
        return new TransactionalProducer(clientConfig, producerConfigs.apply(group), settings.checkThreads(), fence,
                local, check, local == null ? null : new TransactionTemplate(manager));
    }

    private TransactionFence newFence(DataSource dataSource) {
        var fence = new TransactionFence(dataSource, settings.table(), settings.checkLockTimeout());
        if (settings.initializeSchema()) {
            fence.createTable();
        }
        return fence;
    }

    private Map<String, Object> listenersByGroup() {
        var byGroup = new LinkedHashMap<String, Object>();
        for (var entry : beans.getBeansWithAnnotation(TransactionalListener.class).entrySet()) {
            var bean = entry.getValue();
            if (!(bean instanceof LocalTransaction) && !(bean instanceof LocalTransactionCheck)) {
                throw new IllegalStateException("@TransactionalListener bean " + entry.getKey()
                        + " implements neither LocalTransaction nor LocalTransactionCheck");
            }
            var group = annotationOf(bean).producerGroup();
            var earlier = byGroup.put(group, bean);
            if (earlier != null) {
                throw new IllegalStateException("producer group " + group + " has two @TransactionalListener beans");
            }
        }
        return byGroup;
    }

    private TransactionalListener annotationOf(Object bean) {
        var annotation = AopUtils.getTargetClass(bean).getAnnotation(TransactionalListener.class);
        if (annotation == null) {
            throw new IllegalStateException(bean.getClass() + " is not annotated @TransactionalListener");
        }
        return annotation;
    }

    private PlatformTransactionManager transactionManager(String name) {
        return name.isEmpty() ? beans.getBeanProvider(PlatformTransactionManager.class).getObject()
                : beans.getBean(name, PlatformTransactionManager.class);
    }

    /** The fence lives where the manager's transactions write; a manager over something else uses the data source. */
    private DataSource dataSourceOf(PlatformTransactionManager manager) {
        if (manager instanceof ResourceTransactionManager resources
                && resources.getResourceFactory() instanceof DataSource dataSource) {
            return dataSource;
        }
        return beans.getBeanProvider(DataSource.class).getObject();
    }
}
