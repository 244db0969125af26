package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.EnumParameters;
import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic of follow-through: rate, owned share, and the windows it is asked over. */
class FollowThroughRulesTest {

    @ParameterizedTest
    @CsvSource({"1, 0, 1.0", "0, 1, 0.0", "3, 1, 0.75", "1, 2, 0.3333333333333333", "17, 3, 0.85"})
    void theRateIsKeptOutOfKeptAndMissed(int kept, int missed, double rate) {
        assertEquals(rate, FollowThrough.rate(kept, missed), 1e-12);
    }

    @Test
    void nothingDecidedHasNoRateRatherThanZero() {
        assertNull(FollowThrough.rate(0, 0));
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0.0", "1, 2, 0.5", "3, 3, 1.0"})
    void theOwnedShareIsAcknowledgedOutOfMissed(int acknowledged, int missed, double share) {
        assertEquals(share, FollowThrough.acknowledgedShare(acknowledged, missed), 1e-12);
    }

    @Test
    void noMissesHaveNoOwnedShare() {
        assertNull(FollowThrough.acknowledgedShare(0, 0));
    }

    @ParameterizedTest
    @CsvSource({"days7, 7d, 7", "days30, 30d, 30", "days90, 90d, 90", "days365, 365d, 365"})
    void eachWindowIsSpelledAsTheContractSaysAndLastsItsDays(FollowThrough.Window window, String spelling, int days)
            throws Exception {
        assertEquals(spelling, EnumParameters.spelling(window));
        assertEquals(Duration.ofDays(days), window.length());
        String json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .writeValueAsString(new FollowThrough(window, Instant.EPOCH, Instant.EPOCH, List.of()));
        assertEquals(true, json.contains("\"window\":\"" + spelling + "\""), json);
    }

    @Test
    void theDefaultWindowIsThirtyDays() {
        assertEquals(FollowThrough.Window.days30, FollowThrough.Window.DEFAULT);
    }

    @Test
    void anUnknownWindowNamesTheAllowedOnes() {
        var converter =
                new EnumParameters().getConverter(FollowThrough.Window.class, FollowThrough.Window.class, window());
        assertEquals(FollowThrough.Window.days90, converter.fromString("90d"));
        ProblemException refused = assertThrows(ProblemException.class, () -> converter.fromString("2d"));
        assertEquals(List.of(new Problem.FieldError("window", "must be one of 7d, 30d, 90d, 365d")), refused.errors());
    }

    /** The annotation of a {@code window} query parameter, which the converter names in its problem. */
    private static Annotation[] window() {
        return new Annotation[] {
            new QueryParam() {
                @Override
                public String value() {
                    return "window";
                }

                @Override
                public Class<? extends Annotation> annotationType() {
                    return QueryParam.class;
                }
            }
        };
    }
}
