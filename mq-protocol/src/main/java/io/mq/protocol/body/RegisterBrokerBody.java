package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonException;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The body of REGISTER_BROKER: the broker's topic configs and its filter servers. Either plain JSON, or (header
 * {@code compressed=true}) a zlib stream of length-prefixed parts: data version JSON, topic count, each topic in
 * {@link TopicConfig#encodeCompact()} form, the filter-server list JSON, and from 5.x brokers the static-topic
 * mappings (read past, not used).
 */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList)
        implements JsonWritable {

    public RegisterBrokerBody {
        topicConfigSerializeWrapper = topicConfigSerializeWrapper == null
                ? new TopicConfigSerializeWrapper(null, null) : topicConfigSerializeWrapper;
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("filterServerList", filterServerList);
        json.put("topicConfigSerializeWrapper", topicConfigSerializeWrapper);
        return json;
    }

    public byte[] encode(boolean compress) {
        return compress ? encodeCompressed() : Json.writeBytes(this);
    }

    /** Reads a body; throws {@link IllegalArgumentException} when it is not a valid register body. */
    public static RegisterBrokerBody decode(byte[] body, boolean compressed) {
        if (body == null || body.length == 0) {
            return new RegisterBrokerBody(null, null);
        }
        try {
            return compressed ? decodeCompressed(body) : fromJson(Json.parseObject(body));
        } catch (JsonException | IOException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed register broker body: " + e.getMessage(), e);
        }
    }

    public static RegisterBrokerBody fromJson(JsonObject json) {
        var wrapper = json.object("topicConfigSerializeWrapper");
        var servers = new ArrayList<String>();
        json.array("filterServerList").forEach(s -> servers.add(String.valueOf(s)));
        return new RegisterBrokerBody(wrapper == null ? null : TopicConfigSerializeWrapper.fromJson(wrapper), servers);
    }

    private byte[] encodeCompressed() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION)))) {
            writePart(out, topicConfigSerializeWrapper.dataVersion().encode());
            var topics = topicConfigSerializeWrapper.topicConfigTable().values();
            out.writeInt(topics.size());
            for (var topic : topics) {
                writePart(out, topic.encodeCompact().getBytes(StandardCharsets.UTF_8));
            }
            writePart(out, Json.writeBytes(filterServerList));
            out.writeInt(0); // no static-topic mappings (what a 5.x broker appends)
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }

    private static void writePart(DataOutputStream out, byte[] part) throws IOException {
        out.writeInt(part.length);
        out.write(part);
    }

    private static RegisterBrokerBody decodeCompressed(byte[] body) throws IOException {
        try (var in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(body)))) {
            var version = DataVersion.decode(readPart(in));
            int topicCount = in.readInt();
            if (topicCount < 0) {
                throw new IOException("negative topic count " + topicCount);
            }
            var topics = new ArrayList<TopicConfig>(Math.min(topicCount, 4096));
            for (int i = 0; i < topicCount; i++) {
                topics.add(TopicConfig.decodeCompact(new String(readPart(in), StandardCharsets.UTF_8)));
            }
            var servers = new ArrayList<String>();
            for (var s : Json.parse(readPart(in)) instanceof List<?> list ? list : List.of()) {
                servers.add(String.valueOf(s));
            }
            // A 5.x broker appends its static-topic mappings; a 4.x broker ends here. Neither matters for routing.
            return new RegisterBrokerBody(TopicConfigSerializeWrapper.of(topics, version), servers);
        }
    }

    private static byte[] readPart(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 * 1024 * 1024) {
            throw new IOException("illegal part length " + length);
        }
        var part = new byte[length];
        try {
            in.readFully(part);
        } catch (EOFException e) {
            throw new IOException("compressed register body ends inside a part", e);
        }
        return part;
    }
}
