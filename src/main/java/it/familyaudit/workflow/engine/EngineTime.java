package it.familyaudit.workflow.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, so that timers, due dates and our own records agree, and tests can move
 * time with {@link ClockUtil} instead of sleeping.
 */
public final class EngineTime {

    /** Dates in the certification are Italian civil dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private EngineTime() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /** Midnight at the start of the given day, as the engine wants timer dates. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }

    public static LocalDate dayOf(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZONE);
    }

    /**
     * Whether a day someone gave us can be kept: a year of four digits, from 1000 to 9999. {@link LocalDate}
     * reads {@code +999999999-12-31}, but neither the engine's {@link Date} ({@link #startOf}) nor PostgreSQL
     * holds it, and no date of a certification is that far.
     */
    public static boolean withinCalendar(LocalDate day) {
        return day.getYear() >= 1000 && day.getYear() <= 9999;
    }
}
