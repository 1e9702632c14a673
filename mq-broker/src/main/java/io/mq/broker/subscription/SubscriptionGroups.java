package io.mq.broker.subscription;

import io.mq.protocol.body.DataVersion;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer groups this broker knows (RocketMQ's SubscriptionGroupManager): looked up on every pull and
 * send-back, created by admin requests or on first use when auto-creation is on, persisted to
 * {@code <storeRoot>/config/subscriptionGroup.json} on every change.
 */
public final class SubscriptionGroups {

    /** Groups whose name starts with this are always auto-created (RocketMQ's system consumer groups). */
    public static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";
    /** The groups RocketMQ's broker defines at start (tools, filter server, self test, ONS). */
    static final List<String> BUILT_IN = List.of("TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP",
            "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER");

    private static final Logger log = LoggerFactory.getLogger(SubscriptionGroups.class);

    private final boolean autoCreate;
    private final SubscriptionGroupsFile file;
    private final LongSupplier clock;
    private final Map<String, SubscriptionGroupDefinition> groups = new ConcurrentHashMap<>();
    private final Object mutex = new Object();
    private volatile DataVersion version;

    private SubscriptionGroups(Path storeRoot, boolean autoCreate, LongSupplier clock) {
        this.autoCreate = autoCreate;
        this.file = new SubscriptionGroupsFile(storeRoot);
        this.clock = clock;
        for (var name : BUILT_IN) {
            groups.put(name, SubscriptionGroupDefinition.defaults(name));
        }
        var loaded = file.load();
        loaded.ifPresent(content -> groups.putAll(content.groups())); // the file wins, as in RocketMQ
        this.version = loaded.map(SubscriptionGroupsFile.Content::version)
                .orElseGet(() -> DataVersion.initial(clock.getAsLong()));
    }

    /**
     * Loads the groups (or their backup).
     *
     * @param autoCreate create an unknown group with defaults on first use (RocketMQ's autoCreateSubscriptionGroup)
     */
    public static SubscriptionGroups open(Path storeRoot, boolean autoCreate) {
        return new SubscriptionGroups(storeRoot, autoCreate, System::currentTimeMillis);
    }

    public static SubscriptionGroups open(Path storeRoot, boolean autoCreate, LongSupplier clockMillis) {
        return new SubscriptionGroups(storeRoot, autoCreate, clockMillis);
    }

    public Optional<SubscriptionGroupDefinition> get(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    /**
     * The group, created with defaults when unknown and auto-creation is on (or it is a system group).
     * Empty when the group is unknown and may not be created: the caller answers SUBSCRIPTION_GROUP_NOT_EXIST.
     */
    public Optional<SubscriptionGroupDefinition> getOrAutoCreate(String group) {
        var existing = groups.get(group);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (!autoCreate && !group.startsWith(SYSTEM_GROUP_PREFIX)) {
            return Optional.empty();
        }
        var created = SubscriptionGroupDefinition.defaults(group);
        synchronized (mutex) {
            existing = groups.putIfAbsent(group, created);
            if (existing != null) {
                return Optional.of(existing);
            }
            bumpAndPersist();
        }
        log.info("auto-created subscription group {}", created);
        return Optional.of(created);
    }

    /** Creates or replaces a group (admin UPDATE_AND_CREATE_SUBSCRIPTIONGROUP). */
    public SubscriptionGroupDefinition createOrUpdate(SubscriptionGroupDefinition group) {
        synchronized (mutex) {
            var before = groups.put(group.groupName(), group);
            if (group.equals(before)) {
                return group;
            }
            bumpAndPersist();
            log.info("subscription group {}: {}", before == null ? "created" : "updated", group);
        }
        return group;
    }

    /** Removes a group; false when there was none. */
    public boolean delete(String group) {
        synchronized (mutex) {
            if (groups.remove(group) == null) {
                return false;
            }
            bumpAndPersist();
        }
        log.info("subscription group deleted: {}", group);
        return true;
    }

    /** A snapshot of every group, by name. */
    public Map<String, SubscriptionGroupDefinition> all() {
        return Collections.unmodifiableMap(new TreeMap<>(groups));
    }

    public DataVersion dataVersion() {
        return version;
    }

    public boolean autoCreate() {
        return autoCreate;
    }

    /** Caller holds the mutex. */
    private void bumpAndPersist() {
        version = version.next(clock.getAsLong());
        file.store(groups, version);
    }
}
