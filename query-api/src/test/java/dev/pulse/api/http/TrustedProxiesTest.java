package dev.pulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5 ::1");

    @Test
    void ignoresTheHeaderFromAPeerThatIsNoTrustedProxy() {
        assertThat(proxies.client("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(TrustedProxies.NONE.client("10.1.1.1", List.of("198.51.100.1")))
                .isEqualTo("10.1.1.1");
    }

    @Test
    void takesTheRightmostAddressThatIsNoTrustedProxy() {
        assertThat(proxies.client("10.1.1.1", List.of("198.51.100.1, 203.0.113.7, 10.2.2.2")))
                .as("the client wrote 198.51.100.1 itself; the first proxy saw 203.0.113.7")
                .isEqualTo("203.0.113.7");
        assertThat(proxies.client("::1", List.of("198.51.100.1", "203.0.113.7")))
                .as("several headers read as one list")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void fallsBackToTheLastSaneHop() {
        assertThat(proxies.client("192.168.1.5", List.of())).isEqualTo("192.168.1.5");
        assertThat(proxies.client("10.1.1.1", List.of("unknown, 10.3.3.3"))).isEqualTo("10.3.3.3");
        assertThat(proxies.client("10.1.1.1", List.of("203.0.113.7, not-an-ip")))
                .isEqualTo("10.1.1.1");
    }

    @Test
    void refusesWhatIsNoAddressOrRange() {
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.com"))
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .hasMessageContaining("prefix length from 0 to 32");
    }
}
