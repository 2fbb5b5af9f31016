package dev.kurashi.shop.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string field of every JSON request body passes {@link TextRules} (tabs and line breaks allowed): a NUL, a
 * control character or an unpaired surrogate is a 400 naming the field, wherever the field is.
 */
@Singleton
public class SafeTextCustomizer implements ObjectMapperCustomizer {

    /** Body size already bounds text length (quarkus.http.limits.max-body-size); fields keep their own limits. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE;

    /** A string field that holds what {@link TextRules} refuses; {@link ProblemMappers} names the field. */
    public static final class UnsafeTextException extends MismatchedInputException {
        private final String reason;

        UnsafeTextException(JsonParser parser, String reason) {
            super(parser, "Refused text: " + reason, parser.currentLocation());
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("kurashi-safe-text").addDeserializer(String.class, new SafeString()));
    }

    static final class SafeString extends StdScalarDeserializer<String> {

        SafeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null) {
                String problem = TextRules.violation(value, true, MAX_LENGTH);
                if (problem != null) {
                    throw new UnsafeTextException(parser, problem);
                }
            }
            return value;
        }
    }
}
