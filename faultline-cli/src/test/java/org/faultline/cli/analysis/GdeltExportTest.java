package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code events --format gdelt} follows the GDELT 2.0 event codebook: the file is read back by DuckDB with the
 * codebook's column names and types, and the values follow its formats (three-digit event codes, SOURCEURL,
 * DATEADDED, root events, CAMEO type codes, geography from the event's place with FIPS 10-4 country codes).
 */
class GdeltExportTest {
    private static final Path SHARED_CODEBOOK =
            Path.of("../../shared/docs/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv");

    @TempDir
    Path dir;

    private static Event event(String id, String doc, String cameo, ActorRef actor, ActorRef recipient, Location place,
                               int sentence) {
        String text = "Sentence " + sentence + " of " + id + ".";
        return new Event(id, doc, EventType.CONSULT, null, List.of(), cameo, 1, 1.0, List.of(actor),
                recipient == null ? List.of() : List.of(recipient), LocalDate.parse("2024-03-05"), DatePrecision.DAY,
                place, null, false, Modality.ASSERTED, null, 0.9,
                List.of(new Evidence(doc, sentence, 0, text.length(), text, "S", 0, 1)), "rule", "test");
    }

    @Test
    void rowsReadBackWithTheCodebooksTypesAndFollowItsFormats() throws Exception {
        String db = dir.resolve("g.duckdb").toString();
        ActorRef militia = new ActorRef("the militia", "RUS", "PRM", "Wagner\tGroup\nPMC", "kb-wagner", 0, 3);
        ActorRef reporter = new ActorRef("a reporter", "UKR", "JRN", "A reporter", null, 0, 3);
        ActorRef party = new ActorRef("the party", "DEU", "PTY", "Some Party", null, 0, 3);
        ActorRef government = new ActorRef("Kyiv", "UKR", "GOV", "Ukraine", "country:UKR", 0, 3);
        LocalDateTime before = LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
        try (EventStore s = EventStore.open(db)) {
            s.writer().storeCoded(new Article("d-url", LocalDate.parse("2024-03-06"), "Text one.", "T", "Wire",
                    "https://example.org/news/1", "in/1"), List.of(
                    event("e-root", "d-url", "03", militia, government,
                            new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.98, 36.25), 0),
                    event("e-deep", "d-url", "0234", party, reporter, new Location("Germany", "DEU", null, null, null),
                            7)));
            s.writer().storeCoded(new Article("d-nourl", LocalDate.parse("2024-03-06"), "Text two.", null, null, null,
                    "in/2"), List.of(event("e-region", "d-nourl", "110", government, null,
                            new Location("Kharkiv Oblast", "UKR", "Kharkiv Oblast", 49.5, 36.4), 2)));
        }
        LocalDateTime after = LocalDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1);
        Path file = dir.resolve("events.gdelt.tsv");
        Files.writeString(file, run("--db", db, "--format", "gdelt", "--limit", "0"), StandardCharsets.UTF_8);

        Map<String, String> columns = codebookColumns();
        assertThat(columns).hasSize(61);
        Map<String, Map<String, Object>> rows = readBack(file, columns);
        assertThat(rows).hasSize(3);

        Map<String, Object> root = rows.get("https://example.org/news/1|030");
        assertThat(root).as("rows: %s", rows.keySet()).isNotNull();
        assertThat(root).containsEntry("EventBaseCode", "030").containsEntry("EventRootCode", "03")
                .containsEntry("IsRootEvent", 1L).containsEntry("SQLDATE", 20240305L)
                .containsEntry("Actor1Code", "RUSUAF").containsEntry("Actor1Type1Code", "UAF")
                .containsEntry("Actor1Name", "WAGNER GROUP PMC").containsEntry("Actor2Code", "UKRGOV")
                .containsEntry("ActionGeo_Type", 4L).containsEntry("ActionGeo_FullName", "Kharkiv, Kharkiv Oblast, Ukraine")
                .containsEntry("ActionGeo_CountryCode", "UP").containsEntry("ActionGeo_ADM1Code", null)
                .containsEntry("ActionGeo_FeatureID", null)
                .containsEntry("ActionGeo_Lat", 49.98).containsEntry("ActionGeo_Long", 36.25)
                .containsEntry("Actor1Geo_Type", null);
        LocalDateTime added = LocalDateTime.parse(Long.toString((Long) root.get("DATEADDED")),
                DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        assertThat(added).isBetween(before.minusSeconds(1), after);

        Map<String, Object> deep = rows.get("https://example.org/news/1|0234");
        assertThat(deep).containsEntry("EventBaseCode", "023").containsEntry("EventRootCode", "02")
                .containsEntry("IsRootEvent", 0L).containsEntry("Actor1Code", "DEU")
                .containsEntry("Actor1Type1Code", null).containsEntry("Actor2Code", "UKRMED")
                .containsEntry("ActionGeo_Type", 1L).containsEntry("ActionGeo_FullName", "Germany")
                .containsEntry("ActionGeo_CountryCode", "GM").containsEntry("ActionGeo_ADM1Code", "GM")
                .containsEntry("ActionGeo_FeatureID", "GM").containsEntry("ActionGeo_Lat", null);

        Map<String, Object> region = rows.get("d-nourl|110");
        assertThat(region).containsEntry("EventBaseCode", "110").containsEntry("EventRootCode", "11")
                .containsEntry("IsRootEvent", 1L).containsEntry("ActionGeo_Type", 5L)
                .containsEntry("ActionGeo_FullName", "Kharkiv Oblast, Ukraine").containsEntry("ActionGeo_CountryCode", "UP")
                .containsEntry("Actor2Code", null);
    }

    @Test
    void theColumnListIsTheCodebooks() throws IOException {
        if (!Files.isRegularFile(SHARED_CODEBOOK)) {
            org.junit.jupiter.api.Assumptions.abort(SHARED_CODEBOOK + " is absent");
        }
        List<String> fromCodebook = new ArrayList<>();
        for (String line : Files.readAllLines(SHARED_CODEBOOK, StandardCharsets.UTF_8).subList(1, 62)) {
            String[] f = line.split(",", 3);
            fromCodebook.add(f[0] + " " + f[1]);
        }
        List<String> ours = new ArrayList<>();
        codebookColumns().forEach((k, v) -> ours.add(k + " " + v));
        assertThat(ours).isEqualTo(fromCodebook);
    }

    /** Column name to codebook type (INTEGER, FLOAT, STRING), in order. */
    private static Map<String, String> codebookColumns() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = GdeltExportTest.class.getResourceAsStream("/gdelt/event-columns.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.put(f[0], f[1]);
                }
            }
        }
        return out;
    }

    /** Reads the file with DuckDB, typed as the codebook says; rows by SOURCEURL|EventCode. */
    private static Map<String, Map<String, Object>> readBack(Path file, Map<String, String> columns) throws Exception {
        StringBuilder spec = new StringBuilder("{");
        columns.forEach((name, type) -> spec.append(spec.length() > 1 ? ", " : "").append('\'').append(name)
                .append("': '").append(switch (type) {
                    case "INTEGER" -> "BIGINT";
                    case "FLOAT" -> "DOUBLE";
                    case "STRING" -> "VARCHAR";
                    default -> throw new IllegalArgumentException("codebook type " + type);
                }).append('\''));
        spec.append('}');
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_csv('" + file.toString().replace("'", "''")
                     + "', delim = '\\t', header = false, quote = '', escape = '', auto_detect = false, strict_mode = true, "
                     + "columns = " + spec + ")")) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String name : columns.keySet()) {
                    row.put(name, rs.getObject(name));
                }
                out.put(row.get("SOURCEURL") + "|" + row.get("EventCode"), row);
            }
        }
        return out;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EventsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as(err.toString()).isZero();
        return out.toString();
    }
}
