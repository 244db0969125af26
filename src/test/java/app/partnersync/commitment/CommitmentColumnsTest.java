package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.commitment.Recurrence.Frequency;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a commitment keeps its promisers and recurrence in flat columns, and reads them back. */
class CommitmentColumnsTest {

    @Test
    void promisersAreKeptCommaSeparatedInOrder() {
        UUID first = UUID.fromString("11111111-1111-4111-8111-111111111111");
        UUID second = UUID.fromString("22222222-2222-4222-8222-222222222222");
        Commitment commitment = new Commitment();

        commitment.promisers(List.of(second, first));

        assertEquals(second + "," + first, commitment.promisedBy);
        assertEquals(List.of(second, first), commitment.promisers());
    }

    @Test
    void noPromisersLeftIsAnEmptyList() {
        // What remains when the only promiser's account was erased.
        Commitment commitment = new Commitment();
        commitment.promisedBy = "";
        assertEquals(List.of(), commitment.promisers());
    }

    @Test
    void aRecurrenceSurvivesItsColumnsAndAOneOffClearsThem() {
        Recurrence weekly = new Recurrence(
                Frequency.weekly,
                2,
                List.of(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY),
                null,
                LocalTime.of(19, 30),
                "Europe/Berlin",
                LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-06-30"));
        Commitment commitment = new Commitment();

        commitment.recurrence(weekly);
        assertEquals("weekly", commitment.recFrequency);
        assertEquals("TUESDAY,SATURDAY", commitment.recDays);
        assertEquals(weekly, commitment.recurrence());

        commitment.recurrence(null);
        assertNull(commitment.recFrequency);
        assertNull(commitment.recDays);
        assertNull(commitment.recTime);
        assertNull(commitment.recurrence());
    }
}
