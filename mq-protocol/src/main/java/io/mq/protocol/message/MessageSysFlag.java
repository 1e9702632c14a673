package io.mq.protocol.message;

/**
 * The bits of a message's {@code sysFlag} (RocketMQ {@code MessageSysFlag}): compression, transaction type and
 * whether the born and store hosts are IPv6 (which changes the stored layout).
 */
public final class MessageSysFlag {
    public static final int COMPRESSED = 0x1;
    public static final int MULTI_TAGS = 0x1 << 1;
    public static final int TRANSACTION_NOT_TYPE = 0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x1 << 2;
    public static final int TRANSACTION_COMMIT_TYPE = 0x2 << 2;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0x3 << 2;
    public static final int BORN_HOST_V6 = 0x1 << 4;
    public static final int STORE_HOST_V6 = 0x1 << 5;
    public static final int NEED_UNWRAP = 0x1 << 6;
    public static final int INNER_BATCH = 0x1 << 7;
    /** Bits 8-10: the compression algorithm when {@link #COMPRESSED} is set (0 or 3 zlib, 1 lz4, 2 zstd). */
    public static final int COMPRESSION_TYPE_MASK = 0x7 << 8;

    private static final int TRANSACTION_MASK = TRANSACTION_ROLLBACK_TYPE;

    private MessageSysFlag() {
    }

    /** One of the {@code TRANSACTION_*_TYPE} constants. */
    public static int transactionType(int sysFlag) {
        return sysFlag & TRANSACTION_MASK;
    }

    public static int withTransactionType(int sysFlag, int transactionType) {
        return (sysFlag & ~TRANSACTION_MASK) | (transactionType & TRANSACTION_MASK);
    }

    public static boolean isCompressed(int sysFlag) {
        return (sysFlag & COMPRESSED) != 0;
    }

    public static int clearCompressed(int sysFlag) {
        return sysFlag & ~COMPRESSED;
    }

    public static boolean isBornHostV6(int sysFlag) {
        return (sysFlag & BORN_HOST_V6) != 0;
    }

    public static boolean isStoreHostV6(int sysFlag) {
        return (sysFlag & STORE_HOST_V6) != 0;
    }

    public static int withBornHostV6(int sysFlag, boolean v6) {
        return v6 ? sysFlag | BORN_HOST_V6 : sysFlag & ~BORN_HOST_V6;
    }

    public static int withStoreHostV6(int sysFlag, boolean v6) {
        return v6 ? sysFlag | STORE_HOST_V6 : sysFlag & ~STORE_HOST_V6;
    }

    /** Prepared (half) and rollback messages are stored but never enter a consume queue. */
    public static boolean entersConsumeQueue(int sysFlag) {
        int type = transactionType(sysFlag);
        return type == TRANSACTION_NOT_TYPE || type == TRANSACTION_COMMIT_TYPE;
    }
}
