package io.mq.protocol.message;

/** Upper-case hex, as RocketMQ writes message ids. */
final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        var chars = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int value = bytes[i] & 0xFF;
            chars[i * 2] = DIGITS[value >>> 4];
            chars[i * 2 + 1] = DIGITS[value & 0x0F];
        }
        return new String(chars);
    }

    /** Writes the low {@code bytes} bytes of {@code value} as digits at {@code at}; answers the index after them. */
    static int put(byte[] digits, int at, long value, int bytes) {
        for (int shift = bytes * 8 - 4; shift >= 0; shift -= 4) {
            digits[at++] = (byte) DIGITS[(int) (value >>> shift) & 0x0F];
        }
        return at;
    }

    static byte[] decode(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        var bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (digit(hex.charAt(i * 2)) << 4 | digit(hex.charAt(i * 2 + 1)));
        }
        return bytes;
    }

    private static int digit(char c) {
        int value = Character.digit(c, 16);
        if (value < 0) {
            throw new IllegalArgumentException("not a hex digit: " + c);
        }
        return value;
    }
}
