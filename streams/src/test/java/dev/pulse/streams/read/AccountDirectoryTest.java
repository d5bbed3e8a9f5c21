package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AccountDirectoryTest {
    private static final List<String> OWNERS =
            List.of("sarah@x.test", "Sarah@X.test", "tom@x.test", "TOM@X.TEST", "ann@y.test");

    @Test
    void findsAnOwnersAccountsWhateverTheCaseOfEitherAddress() {
        AccountDirectory directory =
                new AccountDirectory(
                        List.of(
                                account("acme", "Sarah@X.test"),
                                account("globex", "tom@x.test"),
                                account("initech", "sarah@x.test"),
                                account("orphan", null)));

        assertThat(directory.ownedBy(List.of("SARAH@x.test")))
                .extracting(Account::tenantId)
                .containsExactly("acme", "initech");
        assertThat(directory.ownedBy(Set.of("sarah@x.test", "tom@x.test")))
                .extracting(Account::tenantId)
                .containsExactlyInAnyOrder("acme", "globex", "initech");
        assertThat(directory.ownedBy(List.of("nobody@x.test"))).isEmpty();
        assertThat(directory.accounts()).hasSize(4);
    }

    /** The index answers exactly what filtering the whole directory answers. */
    @Property(tries = 200)
    void answersAsTheFilterOverEveryAccountDoes(
            @ForAll("directories") List<Account> accounts,
            @ForAll("ownerLists") List<String> owners) {
        List<Account> filtered =
                accounts.stream().filter(account -> account.ownedByAny(owners)).toList();

        assertThat(new AccountDirectory(accounts).ownedBy(owners))
                .containsExactlyInAnyOrderElementsOf(filtered);
    }

    @Provide
    Arbitrary<List<Account>> directories() {
        Arbitrary<String> owner = Arbitraries.of(OWNERS).injectNull(0.2);
        return owner.list()
                .ofMaxSize(30)
                .map(
                        owners -> {
                            List<Account> accounts = new ArrayList<>();
                            for (int i = 0; i < owners.size(); i++) {
                                accounts.add(account("t" + i, owners.get(i)));
                            }
                            return accounts;
                        });
    }

    @Provide
    Arbitrary<List<String>> ownerLists() {
        return Arbitraries.of(OWNERS).list().ofMinSize(1).ofMaxSize(3);
    }

    private static Account account(String tenant, String owner) {
        return new Account(tenant, tenant, owner, null, null, null, null, null, null);
    }
}
