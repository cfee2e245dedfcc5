package it.familyaudit.workflow.tasks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One input of a Camunda Form, with the rules the server re-checks.
 *
 * @param options   allowed values of a select or radio with static values; {@code null} when the
 *                  options come from a variable ({@code valuesKey}) and the task's step checks them
 * @param children  the inputs of each row of a dynamic list
 */
public record FormField(
        String key,
        String type,
        String label,
        boolean required,
        boolean readonly,
        Integer minLength,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        Integer decimalDigits,
        String pattern,
        boolean email,
        Set<String> options,
        String valuesKey,
        List<FormField> children) {

    /** A dynamic list: its value is a list of rows, each with the {@link #children} as keys. */
    public boolean isList() {
        return "dynamiclist".equals(type);
    }
}
