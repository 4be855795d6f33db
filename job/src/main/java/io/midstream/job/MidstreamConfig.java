package io.midstream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job's configuration: a YAML file, nested or with dotted keys, then {@code -D key=value}
 * overrides. Keys under {@code midstream.} must be known options, so a typo is refused at start,
 * not ignored; any other key is handed to Flink (checkpointing, parallelism, pipeline settings).
 */
public final class MidstreamConfig {
    private static final String PREFIX = "midstream.";

    private MidstreamConfig() {}

    public static Configuration load(Path file, Map<String, String> overrides) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (file != null) {
            flat.putAll(readYaml(file));
        }
        flat.putAll(overrides);
        Set<String> known = MidstreamOptions.all().stream().map(ConfigOption::key).collect(Collectors.toSet());
        for (String key : flat.keySet()) {
            if (key.startsWith(PREFIX) && !known.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'"
                        + (file == null ? "" : " in " + file) + "; known settings: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        Configuration config = Configuration.fromMap(flat);
        for (ConfigOption<?> option : MidstreamOptions.all()) {
            try {
                config.get(option);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("setting '" + option.key() + "' has a bad value '"
                        + flat.get(option.key()) + "': " + e.getMessage(), e);
            }
        }
        return config;
    }

    static Map<String, String> readYaml(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new IllegalArgumentException("config file " + file + " must be a mapping of settings");
            }
            flatten("", root, flat, file);
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, out, file);
            } else if (value.isArray()) {
                // Flink's own list syntax
                StringBuilder list = new StringBuilder();
                value.forEach(v -> list.append(list.length() == 0 ? "" : ";").append(v.asText()));
                out.put(key, list.toString());
            } else {
                out.put(key, value.isNull() ? "" : value.asText());
            }
        }
    }
}
