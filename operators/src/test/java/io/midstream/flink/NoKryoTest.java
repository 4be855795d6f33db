package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.DeadLetter;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.SessionEvent;
import io.midstream.avro.SessionMetrics;
import io.midstream.avro.SourceRecord;
import io.midstream.session.SessionState;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every record that crosses operators, and every state, has a serializer without Kryo: pipeline.generic-types is false. */
class NoKryoTest {
    @ParameterizedTest
    @ValueSource(classes = {SourceRecord.class, DeadLetter.class, SessionEvent.class, SessionMetrics.class,
            DetectorScore.class, Alert.class, SessionState.class, io.midstream.avro.ReferenceUpdate.class, SpringStates.class, AttractorWindows.class,
            LtlEvent.class, LtlEventOperator.LtlCursor.class})
    void hasASerializerWithoutGenericTypes(Class<?> type) {
        SerializerConfigImpl noGenerics = new SerializerConfigImpl();
        noGenerics.setGenericTypes(false);
        assertThatCode(() -> TypeInformation.of(type).createSerializer(noGenerics)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(classes = {SessionState.class, SpringStates.class, AttractorWindows.class, LtlEvent.class, LtlEventOperator.LtlCursor.class})
    void stateIsAPojo(Class<?> type) {
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }
}
