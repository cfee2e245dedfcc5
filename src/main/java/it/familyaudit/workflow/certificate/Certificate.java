package it.familyaudit.workflow.certificate;

import java.time.LocalDate;

/** An entry of the register: the certificate's number, date and the code that proves the PDF genuine. */
public record Certificate(long id, long certificationId, String kind, String number, LocalDate issueDate,
                          String verificationCode, String status) {
}
