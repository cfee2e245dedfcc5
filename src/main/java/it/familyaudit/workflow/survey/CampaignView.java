package it.familyaudit.workflow.survey;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as the organisation and the professionals follow it: dates, how employees are
 * invited, where they answer, and how many answers came in, day by day.
 */
public record CampaignView(long certificationId, String status, String invitationMode, LocalDate opensOn,
                           LocalDate closesOn, int employeesInvited, int answers, Double responseRate,
                           List<Day> answersByDay, int codesIssued, LocalDate codesIssuedOn, String publicUrl,
                           LocalDate closedOn, String closedBy, String closeReason, int minGroupSize, String note) {

    /** The answers of one day, and all of them up to that day. */
    public record Day(LocalDate day, int answers, int cumulative) {
    }
}
