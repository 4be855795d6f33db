package io.midstream.job.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Propositions;

/**
 * The rules file: what the detectors look for. Read once when the job is built; a file that does
 * not parse, has an unknown key or an invalid value is refused with its line, column and reason.
 */
public record Rules(@JsonProperty("temporal") TemporalRules temporal, @JsonProperty("attractor") AttractorRules attractor,
                    @JsonProperty("propositions") Map<String, LtlRules.PropositionSpec> propositions,
                    @JsonProperty("rules") List<LtlRules.RuleSpec> rules) {
    public Rules {
        temporal = temporal == null ? TemporalRules.NONE : temporal;
        attractor = attractor == null ? AttractorRules.NONE : attractor;
        propositions = propositions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(propositions));
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static Rules none() {
        return new Rules(null, null, null, null);
    }

    /** The propositions that the LTL rules use, each with its bit. */
    public Propositions ltlPropositions() {
        return LtlRules.used(propositions, rules);
    }

    public List<LtlRule> ltlRules() {
        return LtlRules.compiled(rules);
    }

    public static Rules load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static Rules parse(String yaml, String source) {
        if (yaml.isBlank()) {
            return none();
        }
        JsonMapper mapper = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        try {
            Rules rules = mapper.readValue(yaml, Rules.class);
            if (rules == null) {
                return none();
            }
            try {
                LtlRules.check(rules.propositions(), rules.rules(), YamlLines.of(yaml));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules file " + source + ", " + e.getMessage(), e);
            }
            return rules;
        } catch (JsonProcessingException e) {
            int line = e instanceof JsonMappingException m ? YamlLines.of(yaml).lineOf(m.getPath()) : -1;
            String where = line > 0 ? ", line " + line
                    : e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("rules file " + source + where + ": " + reason(e), e);
        }
    }

    /** The message of the innermost cause, which says what is wrong without Jackson's internals. */
    private static String reason(JsonProcessingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
