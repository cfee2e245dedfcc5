package it.familyaudit.workflow.survey.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationCodesTest {

    @Test
    void aCodeIsSixteenCharactersOfCrockfordBase32InFourGroupsThatIsEightyRandomBits() {
        String code = InvitationCodes.newCode();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(InvitationCodes.BITS).isGreaterThanOrEqualTo(80);
    }

    @Test
    void tenThousandCodesAreAllDifferent() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(InvitationCodes.newCode());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void typingIsForgivingAboutCaseSpacesDashesAndLookAlikeLetters() {
        assertThat(InvitationCodes.canonical(" 7k3m xq2a-9rtv-h4we ")).contains("7K3MXQ2A9RTVH4WE");
        assertThat(InvitationCodes.canonical("O0IL-0000-0000-0000")).contains("0011000000000000");
    }

    @Test
    void whatCannotBeACodeIsRecognisedBeforeAnyLookUp() {
        assertThat(InvitationCodes.canonical("7K3M-XQ2A")).isEmpty();
        assertThat(InvitationCodes.canonical("7K3M-XQ2A-9RTV-H4WU")).as("U is not in the alphabet").isEmpty();
        assertThat(InvitationCodes.canonical("7K3M-XQ2A-9RTV-H4WE-0")).isEmpty();
        assertThat(InvitationCodes.canonical(null)).isEmpty();
    }

    @Test
    void theStoredHashDependsOnTheCampaignsKeyAndTellsNothingWithoutIt() {
        byte[] one = InvitationCodes.newKey();
        byte[] other = InvitationCodes.newKey();
        String code = "7K3MXQ2A9RTVH4WE";
        assertThat(InvitationCodes.hash(one, code)).hasSize(64).isEqualTo(InvitationCodes.hash(one, code))
                .isNotEqualTo(InvitationCodes.hash(other, code)).doesNotContain(code);
    }
}
