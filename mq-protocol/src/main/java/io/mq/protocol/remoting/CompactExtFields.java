package io.mq.protocol.remoting;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The ext fields of a decoded request: a dozen or so short keys in two arrays, looked up by a linear scan. Every
 * request read by the broker gets one; a HashMap cost a node per field and a table on top (a fifth of the
 * garbage of a send), and hashing each key again on every lookup. A full {@link Map}: processors may add to it.
 */
final class CompactExtFields extends AbstractMap<String, String> {

    private String[] keys;
    /** The keys' hash codes (cached in each String): a lookup compares ints, and strings only on a hash match. */
    private int[] hashes;
    private String[] values;
    private int size;

    CompactExtFields(int expectedSize) {
        keys = new String[Math.max(4, expectedSize)];
        hashes = new int[keys.length];
        values = new String[keys.length];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String put(String key, String value) {
        Objects.requireNonNull(key, "key");
        int index = indexOf(key);
        if (index >= 0) {
            var previous = values[index];
            values[index] = value;
            return previous;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        hashes[size] = key.hashCode();
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public String remove(Object key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        var previous = values[index];
        removeAt(index);
        return previous;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Entries();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int indexOf(Object key) {
        if (!(key instanceof String name)) {
            return -1;
        }
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && (keys[i] == name || keys[i].equals(name))) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int index) {
        int moved = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, moved);
        System.arraycopy(hashes, index + 1, hashes, index, moved);
        System.arraycopy(values, index + 1, values, index, moved);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    private final class Entries implements Iterator<Entry<String, String>> {
        private int next;
        private int last = -1;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Entry<String, String> next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Field(last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
        }
    }

    /** An entry that writes through, as a HashMap's does. */
    private final class Field extends SimpleEntry<String, String> {
        private final int index;

        Field(int index) {
            super(keys[index], values[index]);
            this.index = index;
        }

        @Override
        public String setValue(String value) {
            values[index] = value;
            return super.setValue(value);
        }
    }
}
