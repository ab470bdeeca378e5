package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
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
    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--limit", paramLabel = "N", description = "At most N stories (default 50; 0 for all).")
    int limit = 50;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Usage.atLeast(spec, "--limit", limit, 0);
        return db.answerFromStore(spec, format, s -> {
            List<Story> stories = s.merger().stories(limit);
            List<String> ids = new ArrayList<>();
            stories.forEach(x -> ids.add(x.storyId()));
            Map<String, StoredEvent> representative = new HashMap<>();
            s.queries().eventsById(ids).forEach(e -> representative.put(e.event().id(), e));
            return new Listed(s.merger().mergingEnabled(), stories, representative);
        });
    }

    /** The stories, most mentioned first, each with its representative mention. */
    record Listed(boolean merging, List<Story> stories, Map<String, StoredEvent> representative) implements Answer {
        @Override
        public JsonNode json() {
            ObjectNode root = Output.JSON.createObjectNode();
            root.put("merging", merging);
            ArrayNode arr = root.putArray("stories");
            for (Story x : stories) {
                ObjectNode n = arr.addObject();
                putStory(n, x);
                StoredEvent r = representative.get(x.storyId());
                n.set("representative", r == null ? null : Output.evidence(r));
            }
            return root;
        }

        @Override
        public Table csv() {
            return table(Integer.MAX_VALUE);
        }

        @Override
        public void text(PrintWriter out) {
            out.println(stories.size() + " merged events shown" + (merging ? ""
                    : " (merging is off: `faultline stories remerge` turns it on)"));
            Output.table(out, table(90));
        }

        /** A row per story, the representative sentence shortened to {@code width}. */
        private Table table(int width) {
            List<List<String>> rows = new ArrayList<>();
            for (Story x : stories) {
                StoredEvent r = representative.get(x.storyId());
                rows.add(List.of(x.storyId(), x.eventType().name(), x.firstDate().toString(), x.lastDate().toString(),
                        Integer.toString(x.mentions()), Integer.toString(x.docIds().size()),
                        r == null ? "" : Output.shorten(Output.sentence(r.event()), width)));
            }
            return new Table(List.of("story_id", "type", "first", "last", "mentions", "documents", "representative"),
                    rows);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Every mention of one merged event, with its document and sentence.",
            footer = {"", "Example:", "  faultline stories show 10fb9ca453fe3c03"})
    int show(@Parameters(paramLabel = "STORY_ID", description = "A story id (the id of its representative mention).")
             String storyId,
             @Mixin FormatOption.TableOrJson format) {
        try (EventStore s = db.open()) {
            Story x = s.merger().story(storyId);
            if (x == null) {
                spec.commandLine().getErr().println("faultline: no merged story has the id '" + storyId + "'");
                return 1;
            }
            format.write(spec.commandLine().getOut(), new Shown(x, s.queries().eventsById(x.eventIds())));
        }
        return 0;
    }

    /** One story and every mention of it. */
    record Shown(Story story, List<StoredEvent> mentions) implements Answer {
        @Override
        public JsonNode json() {
            ObjectNode root = Output.JSON.createObjectNode();
            putStory(root, story);
            root.set("mentions", Output.evidence(mentions));
            return root;
        }

        @Override
        public void text(PrintWriter out) {
            out.println("story " + story.storyId() + ": " + story.eventType() + ", " + story.firstDate() + " to "
                    + story.lastDate() + ", " + story.mentions() + " mentions in " + story.docIds().size()
                    + " documents");
            mentions.forEach(m -> out.println(Output.evidenceLine(m)));
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Undoes one merge: each mention of the story becomes its own event again and is never "
                    + "merged with another, also not by later documents or a remerge, until --forget-splits.",
            footer = {"", "Example:", "  faultline stories split 10fb9ca453fe3c03"})
    int split(@Parameters(paramLabel = "STORY_ID", description = "The story to split.") String storyId) {
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore s = db.open()) {
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
        try (EventStore s = db.open()) {
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
        try (EventStore s = db.open()) {
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

    private static void putStory(ObjectNode n, Story x) {
        n.put("story_id", x.storyId());
        n.put("event_type", x.eventType().name());
        n.put("first_date", x.firstDate().toString());
        n.put("last_date", x.lastDate().toString());
        n.put("mentions", x.mentions());
        ArrayNode docs = n.putArray("documents");
        x.docIds().forEach(docs::add);
    }
}
