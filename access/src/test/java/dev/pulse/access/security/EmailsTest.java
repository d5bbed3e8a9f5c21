package dev.pulse.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailsTest {
    @Test
    void anOwnersRememberedNormalFormIsItsNormalForm() {
        for (String email :
                List.of(
                        "sarah@acme.io",
                        " Sarah@ACME.io ",
                        "\u0130lker@acme.io",
                        "ÉLODIE@acme.io",
                        "",
                        "  ")) {
            assertThat(Emails.normalizeOwner(email)).isEqualTo(Emails.normalize(email));
            assertThat(Emails.normalizeOwner(email)).as("again").isEqualTo(Emails.normalize(email));
        }
        assertThat(Emails.normalizeOwner(null)).isNull();
    }

    @Test
    void manyDistinctOwnersAreStillNormalizedRight() {
        for (int i = 0; i < 25_000; i++) {
            String email = "Owner-" + i + "@Acme.io";
            assertThat(Emails.normalizeOwner(email)).isEqualTo("owner-" + i + "@acme.io");
        }
    }
}
