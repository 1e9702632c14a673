package io.mq.protocol.body;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonWritable;

/** A command body written as fastjson-dialect JSON; each implementation also has a static {@code decode(byte[])}. */
public interface JsonBody extends JsonWritable {

    /** The body's UTF-8 JSON, as RocketMQ's {@code RemotingSerializable.encode()} would write it. */
    default byte[] encode() {
        return Json.writeBytes(this);
    }
}
