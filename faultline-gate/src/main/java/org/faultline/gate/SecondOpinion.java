package org.faultline.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventType;

/**
 * The encoder's second opinion on each event the rules code: its view of the lead evidence sentence (probability
 * of a political event, PLOVER types by similarity) scales the rules' confidence. Agreement keeps it; the encoder
 * seeing an event of another type (the rules' type not among its {@value #TOP} most likely) takes a quarter off;
 * the encoder seeing no event halves it, so that {@code events --low-confidence} (below 0.5) lists every such
 * disagreement on an event the rules were sure of (0.9). Wraps any coder; thread-safe when it is.
 */
public final class SecondOpinion implements ArticleCoder {
    /** How many of the encoder's most likely types count as agreeing with the rules' type. */
    public static final int TOP = 3;

    /** How the encoder's view compares with the rules' event. */
    public enum Agreement {
        /** an event, and the rules' type among the encoder's likely ones */
        AGREES(1.0),
        /** an event, but of another type */
        OTHER_TYPE(0.75),
        /** no political event */
        NO_EVENT(0.5);

        private final double factor;

        Agreement(double factor) {
            this.factor = factor;
        }

        /** What the rules' confidence is multiplied by. */
        public double factor() {
            return factor;
        }
    }

    private final ArticleCoder inner;
    private final RelevanceGate gate;

    public SecondOpinion(ArticleCoder inner, RelevanceGate gate) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public CodingResult code(Article article) {
        return reviewed(inner.code(article));
    }

    @Override
    public CodingResult code(Article article, String preceding) {
        return reviewed(inner.code(article, preceding));
    }

    private CodingResult reviewed(CodingResult r) {
        if (r.failed() || r.events().isEmpty()) {
            return r;
        }
        List<Event> reviewed = new ArrayList<>(r.events().size());
        for (Event e : r.events()) {
            reviewed.add(review(e));
        }
        return new CodingResult(r.article(), reviewed, r.sentences(), r.failure(), r.warnings());
    }

    /** The event with its confidence scaled by the encoder's agreement on its lead evidence sentence. */
    public Event review(Event e) {
        Agreement a = agreement(e.eventType(), gate.view(e.evidence().get(0).text()));
        if (a == Agreement.AGREES) {
            return e;
        }
        double c = Math.round(e.confidence() * a.factor() * 100) / 100.0;
        return new Event(e.id(), e.docId(), e.eventType(), e.mode(), e.context(), e.cameoCode(), e.quadClass(),
                e.goldstein(), e.actor(), e.recipient(), e.date(), e.datePrecision(), e.dateText(), e.location(),
                e.quantity(), e.negated(), e.modality(), e.attribution(), c, e.evidence(), e.rule(), e.version());
    }

    /** Whether this view of a sentence agrees with the rules' type. */
    public Agreement agreement(EventType rulesType, RelevanceGate.View view) {
        if (view.probability() < gate.threshold()) {
            return Agreement.NO_EVENT;
        }
        return view.types().subList(0, Math.min(TOP, view.types().size())).contains(rulesType) ? Agreement.AGREES
                : Agreement.OTHER_TYPE;
    }

    @Override
    public String version() {
        return inner.version() + ";second-opinion(" + gate.head().name() + ")";
    }
}
