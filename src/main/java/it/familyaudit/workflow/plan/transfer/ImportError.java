package it.familyaudit.workflow.plan.transfer;

/**
 * What is wrong with an imported plan file, and where: {@code row} as the spreadsheet shows it (the header is
 * row 1, 0 means the file as a whole), {@code column} the header of the column ({@code null} for a whole row or
 * file). {@code message} is Italian, for the person who fixes the file.
 */
public record ImportError(int row, String column, String message) {
}
