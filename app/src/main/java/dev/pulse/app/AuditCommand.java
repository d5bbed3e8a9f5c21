package dev.pulse.app;

import dev.pulse.access.audit.AuditReader;
import dev.pulse.access.audit.ChainReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks the audit log's hash chains and reports the first broken link. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Audit log tools.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./pulse audit verify"},
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {
    private AuditCommand() {}

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Verify every hash chain of the audit topic; exit 1 on a broken link.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  ./pulse audit verify",
                "  ./pulse audit verify --bootstrap-servers kafka:9092"
            })
    static final class Verify implements Callable<Integer> {
        @Mixin KafkaTarget target;

        @Override
        public Integer call() {
            ChainReport report = new AuditReader(target.kafka()).verify();
            if (report.intact()) {
                System.out.printf(
                        "Audit log intact: %,d records in %d chains.%n",
                        report.recordsChecked(), report.chains());
                return 0;
            }
            System.out.printf(
                    "Audit log BROKEN after checking %,d records: %s%n",
                    report.recordsChecked(), report.firstBrokenLink());
            return 1;
        }
    }
}
