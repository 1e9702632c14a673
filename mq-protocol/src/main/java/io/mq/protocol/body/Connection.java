package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import io.mq.protocol.remoting.LanguageCode;
import java.util.LinkedHashMap;

/** One client connection of a group, as the admin tools list it: id, remote address, language, version. */
public record Connection(String clientId, String clientAddr, LanguageCode language, int version)
        implements JsonWritable {

    public static Connection fromJson(JsonObject json) {
        var language = json.string("language");
        return new Connection(json.string("clientId"), json.string("clientAddr"),
                language == null ? null : LanguageCode.ofName(language), json.intValue("version", 0));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("clientAddr", clientAddr);
        out.put("clientId", clientId);
        out.put("language", language);
        out.put("version", version);
        return out;
    }
}
