package io.mq.broker.topic;

import io.mq.protocol.body.DataVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics this broker hosts (RocketMQ's TopicConfigManager): looked up on every send and pull, changed
 * by admin requests and by auto-creation, persisted to {@code <storeRoot>/config/topics.json} on every
 * change, versioned for the name server. Reads are lock-free; changes are serialized, persisted, then told
 * to the listeners (outside the lock).
 */
public final class TopicRegistry {

    private static final Logger log = LoggerFactory.getLogger(TopicRegistry.class);

    private final TopicSettings settings;
    private final TopicsFile file;
    private final LongSupplier clock;
    private final Map<String, TopicDefinition> topics = new ConcurrentHashMap<>();
    /** This broker's own system topics (cluster, broker and reply topics) beside RocketMQ's fixed ones. */
    private final Set<String> ownSystemTopics;
    private final List<TopicListener> listeners = new CopyOnWriteArrayList<>();
    private final Object mutex = new Object();
    private volatile DataVersion version;

    private TopicRegistry(Path storeRoot, TopicSettings settings, LongSupplier clock) {
        this.settings = settings;
        this.file = new TopicsFile(storeRoot);
        this.clock = clock;
        // A set that tolerates a broker named like its cluster.
        this.ownSystemTopics = Set.copyOf(List.of(settings.clusterName(), settings.brokerName(),
                TopicNames.replyTopic(settings.clusterName()), settings.traceTopicName()));
        var loaded = file.load();
        this.version = loaded.map(TopicsFile.Content::version).orElseGet(() -> DataVersion.initial(clock.getAsLong()));
        loaded.ifPresent(content -> topics.putAll(content.topics()));
        boolean added = false;
        for (var system : systemTopics()) {
            // As RocketMQ: the file wins over the built-in definition (an operator may have resized one).
            added |= topics.putIfAbsent(system.name(), system) == null;
        }
        if (added) {
            file.store(topics, version);
        }
        log.info("loaded {} topics (version {}) from {}", topics.size(), version, storeRoot);
    }

    /** Loads {@code <storeRoot>/config/topics.json} (or its backup) and adds the system topics missing. */
    public static TopicRegistry open(Path storeRoot, TopicSettings settings) {
        return new TopicRegistry(storeRoot, settings, System::currentTimeMillis);
    }

    public static TopicRegistry open(Path storeRoot, TopicSettings settings, LongSupplier clockMillis) {
        return new TopicRegistry(storeRoot, settings, clockMillis);
    }

    public TopicSettings settings() {
        return settings;
    }

    public Optional<TopicDefinition> get(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }

    public boolean contains(String topic) {
        return topics.containsKey(topic);
    }

    /** A snapshot of every topic, by name. */
    public Map<String, TopicDefinition> all() {
        return Collections.unmodifiableMap(new TreeMap<>(topics));
    }

    public DataVersion dataVersion() {
        return version;
    }

    public void addListener(TopicListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TopicListener listener) {
        listeners.remove(listener);
    }

    /** RocketMQ's fixed system topics, {@code rmq_sys_*}, and this broker's cluster, broker and reply topics. */
    public boolean isSystemTopic(String topic) {
        return SystemTopics.isSystemTopic(topic) || ownSystemTopics.contains(topic);
    }

    /**
     * Creates or replaces a topic (admin UPDATE_AND_CREATE_TOPIC). Throws {@link InvalidDefinitionException}
     * when it has more queues than {@link TopicSettings#maxQueueNums()}. An identical definition changes
     * nothing (no version bump, no notification).
     */
    public TopicDefinition createOrUpdate(TopicDefinition topic) {
        checkQueueCap(topic);
        TopicChange change;
        synchronized (mutex) {
            var before = topics.get(topic.name());
            if (topic.equals(before)) {
                return topic;
            }
            topics.put(topic.name(), topic);
            var v = bumpAndPersist();
            change = before == null ? new TopicChange.Created(topic, v) : new TopicChange.Updated(before, topic, v);
        }
        log.info("topic {}: {}", change instanceof TopicChange.Created ? "created" : "updated", topic);
        notifyListeners(change);
        return topic;
    }

    /** Removes a topic; false when there was none. */
    public boolean delete(String topic) {
        TopicChange change;
        synchronized (mutex) {
            var before = topics.remove(topic);
            if (before == null) {
                return false;
            }
            change = new TopicChange.Deleted(before, bumpAndPersist());
        }
        log.info("topic deleted: {}", topic);
        notifyListeners(change);
        return true;
    }

    /**
     * A send to an unknown topic (RocketMQ's createTopicInSendMessageMethod): the topic as it exists, or a new
     * one copied from {@code defaultTopic} when that template carries the inherit bit, with
     * min(requested, template's write queues) queues (at least 1) and the template's perm without inherit.
     * TBW102 only serves as a template while auto-creation is enabled. Empty when no topic may be created.
     * Throws {@link InvalidDefinitionException} for an illegal topic name.
     */
    public Optional<TopicDefinition> autoCreate(String topic, String defaultTopic, int requestedQueueNums,
                                                int topicSysFlag) {
        var existing = topics.get(topic);
        if (existing != null) {
            return Optional.of(existing);
        }
        TopicNames.validateTopic(topic);
        TopicDefinition created;
        TopicChange change;
        synchronized (mutex) {
            existing = topics.get(topic);
            if (existing != null) {
                return Optional.of(existing);
            }
            var template = defaultTopic == null ? null : topics.get(defaultTopic);
            if (template == null) {
                log.warn("cannot auto-create topic {}: the default topic {} does not exist", topic, defaultTopic);
                return Optional.empty();
            }
            boolean templateAllowed = !SystemTopics.AUTO_CREATE_TEMPLATE.equals(defaultTopic)
                    || settings.autoCreateTopicEnable();
            if (!templateAllowed || !Perm.isInherited(template.perm())) {
                log.warn("cannot auto-create topic {}: the default topic {} does not allow inheriting (perm {}{})",
                        topic, defaultTopic, Perm.describe(template.perm()),
                        templateAllowed ? "" : ", auto-create disabled");
                return Optional.empty();
            }
            int queueNums = Math.max(1, Math.min(requestedQueueNums, template.writeQueueNums()));
            created = new TopicDefinition(topic, queueNums, queueNums, template.perm() & ~Perm.INHERIT,
                    template.topicFilterType(), topicSysFlag, false);
            topics.put(topic, created);
            change = new TopicChange.Created(created, bumpAndPersist());
        }
        log.info("auto-created topic {} from {}", created, defaultTopic);
        notifyListeners(change);
        return Optional.of(created);
    }

    /**
     * The topic, created with the given shape when absent (RocketMQ's createTopicInSendMessageBackMethod,
     * used for retry, DLQ and transaction topics).
     */
    public TopicDefinition createIfAbsent(String topic, int queueNums, int perm, int topicSysFlag) {
        var existing = topics.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicDefinition created;
        TopicChange change;
        synchronized (mutex) {
            existing = topics.get(topic);
            if (existing != null) {
                return existing;
            }
            created = new TopicDefinition(topic, queueNums, queueNums, perm, TopicFilterType.SINGLE_TAG,
                    topicSysFlag, false);
            topics.put(topic, created);
            change = new TopicChange.Created(created, bumpAndPersist());
        }
        log.info("created topic {}", created);
        notifyListeners(change);
        return created;
    }

    /** {@code %RETRY%group}: the group's retry queue count, read and write. */
    public TopicDefinition createRetryTopic(String group, int retryQueueNums) {
        return createIfAbsent(TopicNames.retryTopic(group), retryQueueNums, Perm.READ_WRITE, 0);
    }

    /** {@code %DLQ%group}: one queue, write only (an operator re-opens it for reading). */
    public TopicDefinition createDlqTopic(String group) {
        return createIfAbsent(TopicNames.dlqTopic(group), 1, Perm.WRITE, 0);
    }

    private void checkQueueCap(TopicDefinition topic) {
        int max = settings.maxQueueNums();
        if (topic.readQueueNums() > max || topic.writeQueueNums() > max) {
            throw new InvalidDefinitionException("Topic '" + topic.name() + "': " + topic.readQueueNums()
                    + " read / " + topic.writeQueueNums() + " write queues exceed the maximum of " + max);
        }
    }

    /** Caller holds the mutex. */
    private DataVersion bumpAndPersist() {
        version = version.next(clock.getAsLong());
        file.store(topics, version);
        return version;
    }

    private void notifyListeners(TopicChange change) {
        for (var listener : listeners) {
            try {
                listener.onChange(change);
            } catch (RuntimeException ex) {
                log.warn("topic listener failed on {}", change, ex);
            }
        }
    }

    /** The topics RocketMQ's broker defines at start, shaped by the settings. */
    private List<TopicDefinition> systemTopics() {
        var list = new ArrayList<TopicDefinition>();
        list.add(TopicDefinition.of(SystemTopics.SELF_TEST, 1, Perm.READ_WRITE));
        if (settings.autoCreateTopicEnable()) {
            list.add(TopicDefinition.of(SystemTopics.AUTO_CREATE_TEMPLATE, settings.defaultTopicQueueNums(),
                    Perm.READ_WRITE | Perm.INHERIT));
        }
        list.add(TopicDefinition.of(settings.clusterName(), TopicDefinition.DEFAULT_QUEUE_NUMS,
                Perm.INHERIT | (settings.clusterTopicEnable() ? Perm.READ_WRITE : 0)));
        list.add(TopicDefinition.of(settings.brokerName(), 1,
                Perm.INHERIT | (settings.brokerTopicEnable() ? Perm.READ_WRITE : 0)));
        list.add(TopicDefinition.of(SystemTopics.OFFSET_MOVED_EVENT, 1, Perm.READ_WRITE));
        list.add(TopicDefinition.of(SystemTopics.SCHEDULE, SystemTopics.SCHEDULE_QUEUE_NUMS, Perm.READ_WRITE));
        list.add(TopicDefinition.of(SystemTopics.TRANS_HALF, 1, Perm.READ_WRITE));
        list.add(TopicDefinition.of(SystemTopics.TRANS_OP_HALF, 1, Perm.READ_WRITE));
        list.add(TopicDefinition.of(SystemTopics.TRANS_CHECK_MAX_TIME, 1, Perm.READ_WRITE));
        if (settings.traceTopicEnable()) {
            list.add(TopicDefinition.of(settings.traceTopicName(), 1, Perm.READ_WRITE));
        }
        list.add(TopicDefinition.of(TopicNames.replyTopic(settings.clusterName()), 1, Perm.READ_WRITE));
        return list;
    }
}
