package dev.pulse.access.accounts;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.topologies.account.Account;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds accounts whose owner is not a person of the {@link UserDirectory}. Such accounts are kept,
 * not refused: the account directory is often loaded before {@code users.yaml} catches up, and
 * refusing would lose data. But their alerts reach no one and no portfolio shows them, so each
 * unknown owner is logged once (not once per account or per load) and the front ends say so.
 */
public final class AccountOwnerCheck {
    private static final Logger LOG = LoggerFactory.getLogger(AccountOwnerCheck.class);

    private final UserDirectory directory;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public AccountOwnerCheck(UserDirectory directory) {
        this.directory = directory;
    }

    /** The sentence shown for an unknown owner, in the API's answer and in the log. */
    public static String warning(String owner) {
        return "owner '"
                + owner
                + "' is not a Pulse user in users.yaml: the account is kept, but its alerts reach"
                + " no one and no one's portfolio shows it until an admin adds "
                + owner
                + " to config/users.yaml (or the account gets an owner who is listed there)";
    }

    /**
     * Each owner of {@code accounts} who is not a Pulse user (lower case), with the tenant ids they
     * own, in the order met. The first time an owner turns up here, one warning goes to the log.
     */
    public Map<String, List<String>> unknownOwners(Collection<Account> accounts) {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (Account account : accounts) {
            String owner = owner(account);
            if (owner != null && directory.find(owner).isEmpty()) {
                unknown.computeIfAbsent(owner, o -> new ArrayList<>()).add(account.tenantId());
            }
        }
        for (Map.Entry<String, List<String>> entry : unknown.entrySet()) {
            if (warned.add(entry.getKey())) {
                LOG.warn(
                        "{} (first seen on account {})",
                        warning(entry.getKey()),
                        entry.getValue().get(0));
            }
        }
        return unknown;
    }

    /** How many of {@code accounts} have an owner who is not a Pulse user. */
    public int countUnknown(Collection<Account> accounts) {
        return unknownOwners(accounts).values().stream().mapToInt(List::size).sum();
    }

    private static String owner(Account account) {
        String owner = account.owner();
        return owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
    }
}
