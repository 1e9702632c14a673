package io.mq.protocol.json;

/** A body type that knows its JSON form: a Map (field name to value) or a List, as fastjson would write it. */
public interface JsonWritable {
    Object toJson();
}
