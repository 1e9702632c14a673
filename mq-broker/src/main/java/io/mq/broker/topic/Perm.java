package io.mq.broker.topic;

/** Topic permission bits as RocketMQ numbers them (PermName): read 4, write 2, inherit 1 (a template topic). */
public final class Perm {

    public static final int PRIORITY = 8;
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int INHERIT = 1;
    public static final int READ_WRITE = READ | WRITE;
    /** Every bit a topic may carry. */
    public static final int ALL = PRIORITY | READ | WRITE | INHERIT;

    private Perm() {
    }

    public static boolean isReadable(int perm) {
        return (perm & READ) != 0;
    }

    public static boolean isWritable(int perm) {
        return (perm & WRITE) != 0;
    }

    public static boolean isInherited(int perm) {
        return (perm & INHERIT) != 0;
    }

    /** "RWX" style text as mqadmin prints it: R, W and X (inherit) or '-'. */
    public static String describe(int perm) {
        return (isReadable(perm) ? "R" : "-") + (isWritable(perm) ? "W" : "-") + (isInherited(perm) ? "X" : "-");
    }
}
