package io.mq.broker.processor.pull;

/**
 * How much one pull answer may carry, whatever the client asks: RocketMQ's maxTransferCountOnMessageInMemory (32)
 * and maxTransferBytesOnMessageInMemory (256 KiB). Keeps what a slow consumer makes the broker queue bounded.
 *
 * @param maxMessages most messages in one answer
 * @param maxBytes    about the most bytes in one answer (at least one message is always sent)
 */
public record PullLimits(int maxMessages, int maxBytes) {

    public static final PullLimits DEFAULTS = new PullLimits(32, 256 * 1024);

    public PullLimits {
        if (maxMessages < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("pull limits must be positive, were " + maxMessages + " messages and "
                    + maxBytes + " bytes");
        }
    }

    /** The count to read for a client asking {@code requested} (non-positive means "the cap"). */
    int messages(int requested) {
        return requested <= 0 ? maxMessages : Math.min(requested, maxMessages);
    }

    /** The byte budget for a client asking {@code requested} (5.x maxMsgBytes; null or non-positive: the cap). */
    int bytes(Integer requested) {
        return requested == null || requested <= 0 ? maxBytes : Math.min(requested, maxBytes);
    }
}
