package dev.pulse.app.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PulseSignInTest {
    private static final String PAGE =
            "<ul><li><a class=\"button\" href=\"/demo-idp/choose?request=r1&amp;"
                    + "person=am-00%40bench.pulse.dev\" aria-label=\"Sign in as am-00\">"
                    + "</a></li><li><a class=\"button\" href=\"/demo-idp/choose?request=r1&amp;"
                    + "person=am-01%40bench.pulse.dev\" aria-label=\"Sign in as am-01\">"
                    + "</a></li></ul>";

    @Test
    void picksThePersonsLinkFromTheProvidersPageWithEntitiesUnescaped() {
        assertThat(PulseSignIn.personLink(PAGE, "am-01@bench.pulse.dev"))
                .isEqualTo("/demo-idp/choose?request=r1&person=am-01%40bench.pulse.dev");
    }

    @Test
    void refusesAPersonThePageDoesNotOffer() {
        assertThatThrownBy(() -> PulseSignIn.personLink(PAGE, "someone@else.dev"))
                .hasMessageContaining("someone@else.dev");
    }
}
