package dk.selvbetjening.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 by hand over a socket, for what java.net.http cannot do: connect from another loopback address
 * (127.0.0.2, a client the server does not trust as a proxy), and keep sending a body while reading an answer the
 * server gives before it has read the body. The response is read while the body is written; writing stops when the
 * server stops taking it, and the exchange ends when the whole answer is in.
 */
public final class RawHttp {

    private static final int PIECE = 64 * 1024;

    private RawHttp() {
    }

    /** What came back; {@code status} is -1 when no answer came in time. */
    public record Response(int status, Map<String, List<String>> headers, String body, long bodyBytesSent) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A request without a body from {@code localAddress} to the server on loopback. */
    public static Response get(String localAddress, int port, String path, Map<String, String> headers) {
        return send(localAddress, port, "GET", path, headers, null, false, Duration.ofSeconds(20));
    }

    /**
     * Sends {@code head} and {@code body} (chunked, or as it is when the headers give its Content-Length), then waits
     * at most {@code wait} for the whole answer. The connection is closed after the answer.
     */
    public static Response send(String localAddress, int port, String method, String path,
            Map<String, String> headers, InputStream body, boolean chunked, Duration wait) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        head.append("\r\n");
        AtomicLong sent = new AtomicLong();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            Thread reader = new Thread(() -> readAll(socket, received), "raw-http-reader");
            reader.setDaemon(true);
            reader.start();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    writeBody(out, body, chunked, sent);
                }
                out.flush();
            } catch (IOException e) {
                // The server stopped taking the body (it answered and closed): read what it said.
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (reader.isAlive() && System.nanoTime() < deadline && !complete(snapshot(received))) {
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not talk to the server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return parse(snapshot(received), sent.get());
    }

    private static byte[] snapshot(ByteArrayOutputStream received) {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Whether the whole answer is in: its Content-Length read, or its last chunk (else wait for the close). */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        String body = text.substring(end + 4);
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return body.length() >= Long.parseLong(line.substring(15).strip());
            }
            if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                return body.startsWith("0\r\n\r\n") || body.contains("\r\n0\r\n\r\n");
            }
        }
        return false;
    }

    private static void writeBody(OutputStream out, InputStream body, boolean chunked, AtomicLong sent)
            throws IOException {
        byte[] buffer = new byte[PIECE];
        int read;
        while ((read = body.read(buffer)) > 0) {
            if (chunked) {
                out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(buffer, 0, read);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            sent.addAndGet(read);
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void readAll(Socket socket, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(buffer)) > 0) {
                synchronized (into) {
                    into.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            // reset after the answer: what was read is kept
        }
    }

    private static Response parse(byte[] bytes, long sent) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, Map.of(), text, sent);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    name -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
            body = unchunk(body);
        }
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, body, sent);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies read here are ASCII or short Danish text
            byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String piece = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            out.append(piece);
            at = lineEnd + 2 + piece.length() + 2;
        }
        return out.toString();
    }
}
