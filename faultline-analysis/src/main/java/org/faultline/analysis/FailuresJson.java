package org.faultline.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.faultline.model.Failure;

/**
 * The JSON of recorded failures (documents that could not be read, coded or stored, and warnings), shared by
 * {@code faultline failures --format json} and {@code GET /api/failures}, and of the failure the write endpoints
 * answer with. Stateless; thread-safe.
 */
public final class FailuresJson {
    private FailuresJson() {
    }

    /** One failure: {@code origin}, {@code doc_id} (null when the document had none yet), {@code stage}, {@code reason}. */
    public static ObjectNode failure(Failure f) {
        ObjectNode o = AnswerJson.object();
        o.put("origin", f.origin());
        o.put("doc_id", f.docId());
        o.put("stage", f.stage());
        o.put("reason", f.reason());
        return o;
    }

    /**
     * One page of the failures: {@code total} (all recorded), the page asked for ({@code limit} 0: all) and the
     * page's {@code failures}, in the store's order (origin, stage, document).
     */
    public static ObjectNode of(List<Failure> page, long total, int limit, int offset) {
        ArrayNode items = AnswerJson.array();
        page.forEach(f -> items.add(failure(f)));
        return AnswerJson.page("failures", items, total, limit, offset);
    }
}
