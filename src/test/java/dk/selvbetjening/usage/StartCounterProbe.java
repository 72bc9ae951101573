package dk.selvbetjening.usage;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Lets tests outside the usage package flush and read the start counts. */
@Component
public class StartCounterProbe {

    private final StartCounter starts;

    StartCounterProbe(StartCounter starts) {
        this.starts = starts;
    }

    public long flush() {
        return starts.flush();
    }

    public long written(UUID selfServiceId, int municipalityCode, LocalDate date) {
        return starts.written(selfServiceId, municipalityCode, date);
    }
}
