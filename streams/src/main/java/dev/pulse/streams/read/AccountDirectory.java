package dev.pulse.streams.read;

import dev.pulse.topologies.account.Account;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the account directory, indexed by owner: a portfolio request asks for one manager's
 * 30 accounts, and finding them by scanning every account of the directory was the largest part of
 * that request's cost after JSON.
 */
final class AccountDirectory {
    private final List<Account> accounts;
    private final Map<String, List<Account>> byOwner;

    AccountDirectory(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
        Map<String, List<Account>> index = new HashMap<>();
        for (Account account : this.accounts) {
            if (account.owner() != null) {
                index.computeIfAbsent(Account.ownerKey(account.owner()), k -> new ArrayList<>())
                        .add(account);
            }
        }
        index.replaceAll((owner, owned) -> List.copyOf(owned));
        this.byOwner = index;
    }

    List<Account> accounts() {
        return accounts;
    }

    /** As {@link TenantStateReader#accountsOwnedBy}, without looking at other owners' accounts. */
    List<Account> ownedBy(Collection<String> owners) {
        if (owners.size() == 1) {
            return byOwner.getOrDefault(Account.ownerKey(owners.iterator().next()), List.of());
        }
        List<Account> owned = new ArrayList<>();
        owners.stream()
                .map(Account::ownerKey)
                .distinct()
                .forEach(owner -> owned.addAll(byOwner.getOrDefault(owner, List.of())));
        return owned;
    }
}
