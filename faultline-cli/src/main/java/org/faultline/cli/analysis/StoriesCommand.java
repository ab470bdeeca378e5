package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.faultline.cli.Usage;
import org.faultline.query.StoredEvent;
import org.faultline.query.Story;
import org.faultline.store.EventStore;
import org.faultline.store.MergeRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code faultline stories}: the merged events (one real-world event reported by several documents), and undoing
 * or redoing the merge, for one story or for all.
 */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Merged events: the same event reported by several documents. Without a subcommand, lists "
                + "them (most mentioned first) with their representative sentence.",
        footer = {"", "Examples:", "  faultline stories --limit 20", "  faultline stories show 10fb9ca453fe3c03",
            "  faultline stories split 10fb9ca453fe3c03",
            "  faultline stories remerge --rule 3,7,31,366 --forget-splits"})
public final class StoriesCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Store (default ./faultline.duckdb); it must exist.", scope =
            CommandLine.ScopeType.INHERIT)
    String db;

    @Option(names = "--limit", paramLabel = "N", description = "At most N stories (default 50; 0 for all).")
    int limit = 50;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format f = format.get();
        Usage.atLeast(spec, "--limit", limit, 0);
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore s = EventStore.openExisting(db)) {
            List<Story> stories = s.merger().stories(Math.max(0, limit));
            List<String> ids = new ArrayList<>();
            stories.forEach(x -> ids.add(x.storyId()));
            Map<String, StoredEvent> representative = new java.util.HashMap<>();
            s.queries().eventsById(ids).forEach(e -> representative.put(e.event().id(), e));
            if (f == Format.JSON) {
                ObjectNode root = Output.JSON.createObjectNode();
                root.put("merging", s.merger().mergingEnabled());
                ArrayNode arr = root.putArray("stories");
                for (Story x : stories) {
                    ObjectNode n = arr.addObject();
                    story(n, x);
                    StoredEvent r = representative.get(x.storyId());
                    n.set("representative", r == null ? null : Output.evidence(r));
                }
                Output.json(out, root);
            } else {
                List<String> header = List.of("story_id", "type", "first", "last", "mentions", "documents",
                        "representative");
                List<List<String>> rows = new ArrayList<>();
                for (Story x : stories) {
                    StoredEvent r = representative.get(x.storyId());
                    rows.add(List.of(x.storyId(), x.eventType().name(), x.firstDate().toString(),
                            x.lastDate().toString(), Integer.toString(x.mentions()), Integer.toString(x.docIds().size()),
                            r == null ? "" : f == Format.CSV ? Output.sentence(r.event())
                                    : Output.shorten(Output.sentence(r.event()), 90)));
                }
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println(stories.size() + " merged events shown" + (s.merger().mergingEnabled() ? ""
                            : " (merging is off: `faultline stories remerge` turns it on)"));
                    Output.table(out, header, rows);
                }
            }
        }
        out.flush();
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Every mention of one merged event, with its document and sentence.",
            footer = {"", "Example:", "  faultline stories show 10fb9ca453fe3c03"})
    int show(@Parameters(paramLabel = "STORY_ID", description = "A story id (the id of its representative mention).")
             String storyId,
             @Mixin FormatOption.TableOrJson format) {
        Format f = format.get();
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore s = EventStore.openExisting(db)) {
            Story x = s.merger().story(storyId);
            if (x == null) {
                spec.commandLine().getErr().println("faultline: no merged story has the id '" + storyId + "'");
                return 1;
            }
            List<StoredEvent> mentions = s.queries().eventsById(x.eventIds());
            if (f == Format.JSON) {
                ObjectNode root = Output.JSON.createObjectNode();
                story(root, x);
                root.set("mentions", Output.evidence(mentions));
                Output.json(out, root);
            } else {
                out.println("story " + x.storyId() + ": " + x.eventType() + ", " + x.firstDate() + " to " + x.lastDate()
                        + ", " + x.mentions() + " mentions in " + x.docIds().size() + " documents");
                mentions.forEach(m -> out.println(Output.evidenceLine(m)));
            }
        }
        out.flush();
        return 0;
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Undoes one merge: each mention of the story becomes its own event again and is never "
                    + "merged with another, also not by later documents or a remerge, until --forget-splits.",
            footer = {"", "Example:", "  faultline stories split 10fb9ca453fe3c03"})
    int split(@Parameters(paramLabel = "STORY_ID", description = "The story to split.") String storyId) {
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore s = EventStore.openExisting(db)) {
            List<String> apart = s.merger().splitStory(storyId);
            out.println("split story " + storyId + ": " + apart.size() + " mentions are their own events again ("
                    + String.join(", ", apart) + "); undo with `faultline stories remerge --forget-splits`");
        }
        out.flush();
        return 0;
    }

    @Command(name = "remerge", mixinStandardHelpOptions = true,
            description = "Recomputes every merged event from the stored mentions (nothing is deleted) and turns "
                    + "merging on for later documents.",
            footer = {"", "Example:", "  faultline stories remerge --rule 2,7,31,366"})
    int remerge(@Option(names = "--rule", paramLabel = "D,W,M,Y", description = "Date windows in days for day, "
                        + "week, month and year precision (default: the store's rule).") String rule,
                @Option(names = "--forget-splits", description = "Let split mentions merge again.") boolean forget) {
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore s = EventStore.openExisting(db)) {
            MergeRule r = rule == null ? s.merger().mergeRule() : parseRule(rule);
            int forgotten = forget ? s.merger().forgetSplits() : 0;
            int merged = s.merger().mergeStories(r);
            int apart = forget ? 0 : s.merger().keptApart().size();
            out.println("merged with windows " + r.windows() + " days: " + merged + " events reported more than once"
                    + (forget ? "; " + forgotten + " split mentions may merge again" : "")
                    + (apart > 0 ? "; " + apart + " split mentions kept apart" : ""));
        }
        out.flush();
        return 0;
    }

    @Command(name = "off", mixinStandardHelpOptions = true,
            description = "Dissolves every merged event (each mention counts on its own; nothing is deleted) and "
                    + "turns merging off for later documents.",
            footer = {"", "Example:", "  faultline stories off"})
    int off() {
        try (EventStore s = EventStore.openExisting(db)) {
            s.merger().unmerge();
        }
        spec.commandLine().getOut().println("every merged event dissolved; merging is off until "
                + "`faultline stories remerge`");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private MergeRule parseRule(String text) {
        try {
            return MergeRule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rule '" + text + "': " + e.getMessage());
        }
    }

    private static void story(ObjectNode n, Story x) {
        n.put("story_id", x.storyId());
        n.put("event_type", x.eventType().name());
        n.put("first_date", x.firstDate().toString());
        n.put("last_date", x.lastDate().toString());
        n.put("mentions", x.mentions());
        ArrayNode docs = n.putArray("documents");
        x.docIds().forEach(docs::add);
    }
}
