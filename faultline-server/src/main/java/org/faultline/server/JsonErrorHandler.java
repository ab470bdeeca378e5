package org.faultline.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.faultline.analysis.AnswerJson;

/**
 * Jetty's own error answers (a request it cannot parse: 400, 414, 431; errors outside the API's handlers) in the
 * API's JSON shape, {@code {"error": ..., "problems": [...]}}, instead of Jetty's HTML page, each with
 * {@code Connection: close}. Jetty closes the connection after some of them (a {@code %00} or a bad escape in the
 * path) without saying so, and a client that keeps connections alive then sends its next request into a closed
 * socket and gets no answer (found by InputFuzzTest at 3,000 cases: a POST after {@code GET /api/documents/%0097});
 * closing after every one of them is simple and costs a client one new connection. Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json; charset=utf-8";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** The API's error object for a status Jetty chose; never a stack trace. */
    static byte[] body(int status, String reason) {
        String problem;
        if (status == HttpStatus.URI_TOO_LONG_414) {
            problem = "the address is too long for this server; send long inputs in a POST body";
        } else if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            problem = "the request headers are too large for this server";
        } else if (status == HttpStatus.PAYLOAD_TOO_LARGE_413) {
            problem = "the request is larger than this server accepts";
        } else {
            String what = HttpStatus.getMessage(status);
            problem = "the request could not be handled (" + status + " " + what + ")"
                    + (reason == null || reason.isBlank() || reason.equals(what) ? "" : ": " + reason);
        }
        ObjectNode o = AnswerJson.object();
        o.put("error", problem);
        o.putArray("problems").add(problem);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
