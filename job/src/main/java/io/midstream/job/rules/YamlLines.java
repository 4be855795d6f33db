package io.midstream.job.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and list entry of a YAML document starts, by path ({@code .temporal.references[0].id}),
 * so that an error Jackson reports at the end of an entry can name the line the entry or key is on.
 */
final class YamlLines {
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlLines() {}

    static YamlLines of(String yaml) {
        YamlLines index = new YamlLines();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            if (p.nextToken() != null) {
                index.value(p, "");
            }
        } catch (IOException e) {
            // a syntax error: the mapper reports it with its own location
        }
        return index;
    }

    private void value(JsonParser p, String path) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = path + "." + p.currentName();
                lines.put(key, p.currentTokenLocation().getLineNr());
                p.nextToken();
                value(p, key);
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, path + "[" + i++ + "]");
            }
        }
    }

    /** The line of the deepest element of the error's path that the document has, or -1. */
    int lineOf(List<JsonMappingException.Reference> errorPath) {
        StringBuilder path = new StringBuilder();
        int line = -1;
        for (JsonMappingException.Reference r : errorPath) {
            path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            line = lines.getOrDefault(path.toString(), line);
        }
        return line;
    }
}
