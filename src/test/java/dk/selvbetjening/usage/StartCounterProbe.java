package dk.selvbetjening.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Lets tests outside the usage package flush and read the start counts. */
@Component
public class StartCounterProbe {

    private final StartCounter starts;
    private final Clock clock;

    StartCounterProbe(StartCounter starts, Clock clock) {
        this.starts = starts;
        this.clock = clock;
    }

    public long flush() {
        return starts.flush();
    }

    public long written(UUID selfServiceId, int municipalityCode, LocalDate date) {
        return starts.written(selfServiceId, municipalityCode, date);
    }

    /**
     * The starts written on the days from {@code from} (read before the starts) to today: that day's alone, unless
     * midnight passed while the test ran, when its starts are under the day each happened.
     */
    public long writtenFrom(UUID selfServiceId, int municipalityCode, LocalDate from) {
        long sum = 0;
        for (LocalDate day = from; !day.isAfter(LocalDate.now(clock)); day = day.plusDays(1)) {
            sum += starts.written(selfServiceId, municipalityCode, day);
        }
        return sum;
    }
}
