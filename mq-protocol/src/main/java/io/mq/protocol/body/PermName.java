package io.mq.protocol.body;

/** The permission bits of a topic or a broker's queues, as RocketMQ numbers them. */
public final class PermName {

    /** Priority topic (not used for routing, kept for completeness). */
    public static final int PERM_PRIORITY = 0x1 << 3;
    public static final int PERM_READ = 0x1 << 2;
    public static final int PERM_WRITE = 0x1 << 1;
    public static final int PERM_INHERIT = 0x1;
    /** What a new topic gets unless told otherwise. */
    public static final int READ_WRITE = PERM_READ | PERM_WRITE;

    private PermName() {
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    /** "RW-" style text as mqadmin prints it. */
    public static String toString(int perm) {
        return (isReadable(perm) ? "R" : "-") + (isWriteable(perm) ? "W" : "-") + (isInherited(perm) ? "X" : "-");
    }
}
