package io.mq.protocol.message;

/**
 * A draft with everything that does not depend on its place in the log already computed: the bytes of its
 * variable fields, its body CRC and its stored size. The store prepares outside its write lock and only
 * {@linkplain MessageCodec#write writes} inside it.
 *
 * @param sysFlag the draft's flag with the born/store host IPv6 bits set to match the addresses
 */
public record PreparedMessage(
        MessageDraft draft,
        int sysFlag,
        byte[] topicBytes,
        byte[] propertiesBytes,
        byte[] bornHostAddress,
        byte[] storeHostAddress,
        int storeHostPort,
        int bodyCrc,
        int storeSize) {
}
