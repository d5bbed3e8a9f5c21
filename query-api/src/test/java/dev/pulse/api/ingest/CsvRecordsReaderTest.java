package dev.pulse.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.api.http.ProblemException;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.account.AccountParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsReaderTest {
    private static final CsvRecordsReader READER =
            new CsvRecordsReader(
                    AccountIngestHandler.CSV_COLUMNS, List.of("tenantId", "name", "owner"));

    private static List<BodyRecord> read(String csv) {
        return READER.read(csv.getBytes(StandardCharsets.UTF_8), 100);
    }

    @Test
    void readsRowsIntoObjectsTheAccountParserAccepts() {
        List<BodyRecord> rows =
                read(
                        "tenantId,name,owner,team,plan,licensedSeats,arr,renewalDate,segment\n"
                            + "acme,\"Acme,"
                            + " Inc.\",Sarah@Example.com,emea,enterprise,250,1200.5,2027-03-31,enterprise\n");
        assertThat(rows).hasSize(1);
        Account account = AccountParser.parse(rows.get(0).node());
        assertThat(account)
                .isEqualTo(
                        new Account(
                                "acme",
                                "Acme, Inc.",
                                "sarah@example.com",
                                "emea",
                                "enterprise",
                                250L,
                                1200.5,
                                LocalDate.of(2027, 3, 31),
                                "enterprise"));
    }

    @Test
    void leavesEmptyCellsOutSoOptionalColumnsMayBeBlank() {
        List<BodyRecord> rows =
                read("tenantId,name,owner,licensedSeats,arr\nacme,Acme,s@example.com,,\n");
        assertThat(rows.get(0).node().has("licensedSeats")).isFalse();
        assertThat(AccountParser.parse(rows.get(0).node()).licensedSeats()).isNull();
    }

    @Test
    void matchesHeaderNamesLoosely() {
        List<BodyRecord> rows =
                read(
                        "\uFEFFTenant ID, Name ,OWNER,licensed_seats\n"
                                + " acme , Acme ,s@example.com, 10 \n");
        Account account = AccountParser.parse(rows.get(0).node());
        assertThat(account.tenantId()).isEqualTo("acme");
        assertThat(account.name()).isEqualTo("Acme");
        assertThat(account.licensedSeats()).isEqualTo(10L);
    }

    @Test
    void skipsEmptyLinesAndReadsHeaderOnlyAsNoRecords() {
        assertThat(read("tenantId,name,owner\n\nacme,Acme,s@example.com\n\n")).hasSize(1);
        assertThat(read("tenantId,name,owner\n")).isEmpty();
    }

    @Test
    void rejectsHeaderWithoutRequiredColumns() {
        assertThatThrownBy(() -> read("tenant,name\nacme,Acme\n"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("tenantId, owner")
                .hasMessageContaining(
                        "tenantId,name,owner,team,plan,licensedSeats,arr,renewalDate,segment,status,"
                            + "churnedAt,renewedAt");
    }

    @Test
    void rejectsRowWithMoreCellsThanTheHeader() {
        assertThatThrownBy(() -> read("tenantId,name,owner\nacme,Acme,s@example.com,extra\n"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        p -> assertThat(p.detail()).contains("not valid CSV").contains("line"));
    }

    @Test
    void rejectsMoreRowsThanTheLimit() {
        assertThatThrownBy(
                        () ->
                                READER.read(
                                        "tenantId,name,owner\na,A,a@x.io\nb,B,b@x.io\n"
                                                .getBytes(StandardCharsets.UTF_8),
                                        1))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(413));
    }
}
