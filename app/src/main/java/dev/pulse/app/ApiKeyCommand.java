package dev.pulse.app;

import dev.pulse.access.apikeys.ApiKey;
import dev.pulse.access.apikeys.ApiKeyStore;
import dev.pulse.access.apikeys.KafkaApiKeyStore;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys for BI tools and scripts: create (shown once), list, revoke. */
@Command(
        name = "apikey",
        mixinStandardHelpOptions = true,
        description = "Manage API keys (admin).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse apikey create --name Looker --role analyst",
            "  ./pulse apikey list",
            "  ./pulse apikey revoke <id>"
        },
        subcommands = {
            ApiKeyCommand.Create.class,
            ApiKeyCommand.ListKeys.class,
            ApiKeyCommand.Revoke.class
        })
final class ApiKeyCommand {
    private ApiKeyCommand() {}

    static KafkaApiKeyStore open(KafkaTarget target) {
        KafkaApiKeyStore store = new KafkaApiKeyStore(target.kafka());
        store.awaitLoaded(Duration.ofSeconds(30));
        return store;
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a key; it is printed once and never stored.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  ./pulse apikey create --name Looker --role analyst",
                "  ./pulse apikey create --name crm-sync --role ingest --bootstrap-servers"
                        + " kafka:9092",
                "  ./pulse apikey create --name sarah-bot --role viewer --scope own"
                        + " --acts-as sarah@example.com"
            })
    static final class Create implements Callable<Integer> {
        @Mixin KafkaTarget target;

        @Option(
                names = "--name",
                required = true,
                description = "What the key is for, e.g. Looker.")
        String name;

        @Option(
                names = "--role",
                required = true,
                converter = RoleConverter.class,
                description = "viewer, analyst, manager, admin, customer-admin or ingest.")
        Role role;

        @Option(
                names = "--scope",
                description = "all, own, team, none or tenant:<id> (default: the role's).")
        String scope;

        @Option(names = "--acts-as", description = "E-mail that own/team scopes refer to.")
        String actsAs;

        @Option(names = "--created-by", defaultValue = "cli", description = "Who creates it.")
        String createdBy;

        @Override
        public Integer call() {
            ScopeSpec spec = scope == null ? ScopeSpec.defaultFor(role) : ScopeSpec.parse(scope);
            KafkaApiKeyStore.ensureTopic(target.kafka());
            try (KafkaApiKeyStore store = open(target)) {
                ApiKeyStore.Created created = store.create(name, role, spec, actsAs, createdBy);
                ApiKey key = created.apiKey();
                System.out.printf(
                        "Created API key %s (%s, role %s, scope %s).%n"
                                + "Store it now; it is not shown again:%n%n  %s%n%n"
                                + "Use it as:  curl -H 'Authorization: ApiKey %s' ...%n",
                        key.id(),
                        key.name(),
                        key.role().label(),
                        key.scope(),
                        created.key(),
                        created.key());
                return 0;
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List keys (never their secrets).",
            footerHeading = "%nExamples:%n",
            footer = {"  ./pulse apikey list", "  ./pulse apikey list -c /etc/pulse/pulse.yaml"})
    static final class ListKeys implements Callable<Integer> {
        @Mixin KafkaTarget target;

        @Override
        public Integer call() {
            try (KafkaApiKeyStore store = open(target)) {
                System.out.printf(
                        "%-14s %-24s %-15s %-22s %s%n", "ID", "NAME", "ROLE", "SCOPE", "STATE");
                for (ApiKey key : store.list()) {
                    System.out.printf(
                            "%-14s %-24s %-15s %-22s %s%n",
                            key.id(),
                            key.name(),
                            key.role().label(),
                            key.scope(),
                            key.revoked() ? "revoked " + key.revokedAt() : "active");
                }
                return 0;
            }
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a key by id; it stops working at once.",
            footerHeading = "%nExamples:%n",
            footer = {"  ./pulse apikey revoke k-3f9a2c1d --revoked-by alice@example.com"})
    static final class Revoke implements Callable<Integer> {
        @Mixin KafkaTarget target;

        @Parameters(paramLabel = "ID", description = "The key's id (see list).")
        String id;

        @Option(names = "--revoked-by", defaultValue = "cli", description = "Who revokes it.")
        String revokedBy;

        @Override
        public Integer call() {
            try (KafkaApiKeyStore store = open(target)) {
                if (!store.revoke(id, revokedBy)) {
                    System.err.println("No API key with id " + id + " (see: pulse apikey list)");
                    return 1;
                }
                System.out.println("Revoked API key " + id + ".");
                return 0;
            }
        }
    }

    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Role.fromLabel(value);
        }
    }
}
