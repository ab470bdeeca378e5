package org.faultline.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte by byte on a socket, for what {@link java.net.http.HttpClient} will not send: a foreign
 * {@code Host}, a malformed request line, a client that hangs up.
 */
final class RawHttp {
    record Response(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String contentType() {
            String t = header("Content-Type");
            return t == null ? "" : t.toLowerCase(Locale.ROOT);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} (CRLFs included) and reads the answer to the end (the request asks to close). */
    static Response send(int port, String request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            Response r = new Response(status, head, body);
            return "chunked".equalsIgnoreCase(r.header("Transfer-Encoding")) ? new Response(status, head, dechunk(body))
                    : r;
        } catch (IOException e) {
            throw new AssertionError("raw request failed: " + e, e);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the test bodies are ASCII JSON
            out.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    /** A GET of {@code path} with the given Host header and, when not null, an Origin. */
    static Response get(int port, String path, String host, String origin) {
        return send(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? ""
                : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n");
    }

    /** A POST with the given content type, Host and (when not null) Origin. */
    static Response post(int port, String path, String host, String origin, String contentType, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send(port, "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? ""
                : "Origin: " + origin + "\r\n") + "Content-Type: " + contentType + "\r\nContent-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n" + body);
    }
}
