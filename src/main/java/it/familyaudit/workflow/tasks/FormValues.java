package it.familyaudit.workflow.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A validated submission: typed values by form key; absent keys were left empty. */
public record FormValues(Map<String, Object> values) {

    public FormValues {
        values = Map.copyOf(values);
    }

    public String text(String key) {
        return (String) values.get(key);
    }

    public LocalDate date(String key) {
        return (LocalDate) values.get(key);
    }

    public BigDecimal decimal(String key) {
        return (BigDecimal) values.get(key);
    }

    public Integer integer(String key) {
        BigDecimal d = decimal(key);
        return d == null ? null : d.intValueExact();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String key) {
        Object rows = values.get(key);
        return rows == null ? List.of() : (List<Map<String, Object>>) rows;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
