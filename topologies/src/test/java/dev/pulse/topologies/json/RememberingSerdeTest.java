package dev.pulse.topologies.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class RememberingSerdeTest {
    private final RememberingSerde<Account> serde =
            RememberingSerde.of(JsonSerde.of(Account.class), 100);
    private final Deserializer<Account> deserializer = serde.deserializer();
    private final Account acme =
            new Account(
                    "acme",
                    "Acme",
                    "sarah@example.com",
                    "emea",
                    "pro",
                    40L,
                    12_000.0,
                    LocalDate.of(2027, 3, 1),
                    "smb");

    @Test
    void theSameBytesInAnotherArrayGiveTheRememberedValue() {
        byte[] bytes = serde.serializer().serialize("t", acme);

        Account first = deserializer.deserialize("t", bytes);
        Account second = deserializer.deserialize("t", bytes.clone());

        assertThat(first).isEqualTo(acme);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aChangedRecordIsDecodedAfresh() {
        Account first = deserializer.deserialize("t", serde.serializer().serialize("t", acme));
        Account moved = acme.withOwner("omar@example.com");

        Account second = deserializer.deserialize("t", serde.serializer().serialize("t", moved));

        assertThat(first.owner()).isEqualTo("sarah@example.com");
        assertThat(second.owner()).isEqualTo("omar@example.com");
    }

    @Test
    void anArrayReusedByItsOwnerAfterwardsDoesNotChangeWhatIsRemembered() {
        byte[] bytes = serde.serializer().serialize("t", acme);
        byte[] original = bytes.clone();
        deserializer.deserialize("t", bytes);

        bytes[bytes.length - 2] = ' '; // the caller reuses its buffer

        assertThat(deserializer.deserialize("t", original)).isEqualTo(acme);
        assertThat(deserializer.deserialize("t", null)).isNull();
    }
}
