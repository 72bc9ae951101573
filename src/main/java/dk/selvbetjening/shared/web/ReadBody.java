package dk.selvbetjening.shared.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;

/**
 * A request whose body {@link RequestSizeLimitFilter} has already read (or left unread): the bytes, or the parts of a
 * multipart body. Parameters come from the query string and a multipart body's text fields only, so nothing asks
 * the servlet container to read the body again.
 */
final class ReadBody extends HttpServletRequestWrapper {

    private static final int MAX_PARTS = 10;

    private final byte[] body;
    private final List<Part> parts;
    private final Map<String, List<String>> parameters;

    /**
     * @param parts the parts of a multipart body; null when the body is not multipart
     * @param fields the text fields of a multipart body, by name
     */
    ReadBody(HttpServletRequest request, byte[] body, List<Part> parts, Map<String, List<String>> fields) {
        super(request);
        this.body = body;
        this.parts = parts;
        this.parameters = queryParameters(request.getQueryString());
        fields.forEach((name, values) -> this.parameters.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    }

    /** The outcome of reading a multipart body. */
    record Parts(List<Part> parts, Map<String, List<String>> fields, boolean tooLarge) {

        void delete() {
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException e) {
                    // a temporary file the container cleans up with its work directory
                }
            }
        }
    }

    /**
     * Reads a multipart body of unknown length into parts (files over 10 kB in {@code directory}), stopping as soon
     * as more than {@code maxBytes} have come. A body that is not valid multipart gives no parts.
     */
    static Parts parts(HttpServletRequest request, long maxBytes, File directory) throws IOException {
        FileUpload upload = new FileUpload();
        upload.setFileItemFactory(new DiskFileItemFactory(DiskFileItemFactory.DEFAULT_SIZE_THRESHOLD, directory));
        upload.setSizeMax(maxBytes);
        upload.setFileSizeMax(maxBytes);
        upload.setFileCountMax(MAX_PARTS);
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
        List<FileItem> items;
        try {
            items = upload.parseRequest(new ServletRequestContext(request));
        } catch (FileUploadException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SizeException) {
                    return new Parts(List.of(), Map.of(), true);
                }
            }
            return new Parts(List.of(), Map.of(), false);
        }
        List<Part> parts = new ArrayList<>();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FileItem item : items) {
            parts.add(new ApplicationPart(item, directory));
            if (item.isFormField()) {
                fields.computeIfAbsent(item.getFieldName(), name -> new ArrayList<>())
                        .add(item.getString(StandardCharsets.UTF_8.name()));
            }
        }
        return new Parts(List.copyOf(parts), fields, false);
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body has already been read");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        if (parts == null) {
            throw new ServletException("Not a multipart request");
        }
        return parts;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        for (Part part : getParts()) {
            if (part.getName().equals(name)) {
                return part;
            }
        }
        return null;
    }

    @Override
    public String getParameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        parameters.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.toArray(String[]::new);
    }

    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name != null && !name.isEmpty() && value != null) {
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
