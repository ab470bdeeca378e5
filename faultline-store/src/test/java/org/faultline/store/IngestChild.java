package org.faultline.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Failure;
import org.faultline.model.Modality;

/**
 * A small ingesting process for {@link KillAndResumeTest}: stores {@code count} generated documents (the same
 * ones on every run) into the store at {@code url}, skipping those already stored, and prints
 * {@code stored N} after each. Every 13th document is recorded as a failure instead.
 */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (EventStore store = EventStore.open(url)) {
            ingest(store, count, out);
        }
        out.println("done");
    }

    static void ingest(EventStore store, int count, PrintStream out) {
        for (int i = 0; i < count; i++) {
            Article a = document(i);
            if (i % 13 == 5) {
                store.writer().storeFailure(new Failure(a.origin(), a.id(), "code", "generated failure " + i));
            } else if (!store.writer().hasDocument(a)) {
                store.writer().storeCoded(a, events(i));
            }
            if (out != null) {
                out.println("stored " + i);
            }
        }
    }

    static Article document(int i) {
        return new Article("doc" + i, LocalDate.parse("2024-01-01").plusDays(i / 4),
                "Generated document number " + i + " about the war.", null, "generator", null, "gen/" + i + ".txt");
    }

    static List<Event> events(int i) {
        Random r = new Random(1000L + i);
        String[] codes = {"RUS", "UKR", "PRK", "IRN", "ISR", "USA"};
        EventType[] types = {EventType.ASSAULT, EventType.AID, EventType.CONSULT, EventType.SANCTION};
        List<Event> out = new ArrayList<>();
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
            out.add(Fixtures.event("doc" + i + "-e" + k, "doc" + i, types[r.nextInt(types.length)],
                    LocalDate.parse("2024-01-01").plusDays(i / 4 + r.nextInt(3)).toString(),
                    Fixtures.actors(codes[r.nextInt(codes.length)]), Fixtures.actors(codes[r.nextInt(codes.length)]),
                    null, r.nextInt(8) == 0 ? Modality.REFUSED : Modality.ASSERTED, DatePrecision.DAY));
        }
        return out;
    }
}
