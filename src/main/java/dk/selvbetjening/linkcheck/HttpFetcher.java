package dk.selvbetjening.linkcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dk.selvbetjening.linkcheck.AddressPolicy.ForbiddenAddressException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes one GET or HEAD request with Apache HttpClient: no automatic redirects or retries, a browser-like
 * User-Agent, at most {@code maxBodySize} of the body read (the connection is cut rather than drained past that) and
 * the whole request cut off after {@code requestTimeout}. Given a URL's {@link Validators}, the request is conditional
 * ({@code If-None-Match}, {@code If-Modified-Since}). Connections are pooled and kept alive (at most
 * {@code perHostConcurrency} to one host), so a run's requests to a host reuse them.
 *
 * <p>Every connection goes through {@link AddressPolicy} twice: the DNS resolver resolves a host once and refuses
 * it unless every address is allowed, and the socket refuses to connect to an address that is not, so what is
 * validated is what is connected to (no second lookup, no DNS rebinding). TLS still verifies and sends (SNI) the
 * host name. No proxy is used.
 */
final class HttpFetcher implements AutoCloseable {

    /** Connections kept alive at most (idle ones close after 30 s). */
    static final int KEPT_ALIVE_MAX = 512;

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final ScheduledThreadPoolExecutor watchdog;
    private final int maxBodyBytes;
    private final long requestTimeoutMillis;

    HttpFetcher(LinkCheckProperties properties) {
        AddressPolicy policy = new AddressPolicy(properties.allowLoopback());
        this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
        this.requestTimeoutMillis = properties.requestTimeout().toMillis();
        this.connections = new GuardedConnectionManagerBuilder(policy)
                .setDnsResolver(new GuardedDnsResolver(policy))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(2))
                        .build())
                // room to keep connections to many hosts alive between their turns (hosts take turns in a run, so a
                // pool sized for the concurrency alone would close one host's connection to open the next host's)
                .setMaxConnTotal(Math.max(properties.concurrency() * 2 + 16, KEPT_ALIVE_MAX))
                .setMaxConnPerRoute(properties.perHostConcurrency())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent(properties.userAgent())
                .setDefaultHeaders(List.of(
                        new BasicHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                        new BasicHeader("Accept-Language", "da,en;q=0.8")))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.requestTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "linkcheck-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /** GETs {@code url} (normalized) with the cookies of this check; never throws for network trouble. */
    Hop get(String url, CookieStore cookies) {
        return get(url, cookies, null);
    }

    /** GETs {@code url}, conditionally when {@code conditional} is not null; never throws for network trouble. */
    Hop get(String url, CookieStore cookies, Validators conditional) {
        return execute(new HttpGet(url), cookies, conditional);
    }

    /** Asks for {@code url}'s headers only (HEAD), conditionally when {@code conditional} is not null. */
    Hop head(String url, CookieStore cookies, Validators conditional) {
        return execute(new HttpHead(url), cookies, conditional);
    }

    private Hop execute(HttpUriRequestBase request, CookieStore cookies, Validators conditional) {
        if (conditional != null && conditional.etag() != null) {
            request.setHeader("If-None-Match", conditional.etag());
        }
        if (conditional != null && conditional.lastModified() != null) {
            request.setHeader("If-Modified-Since", conditional.lastModified());
        }
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            cutOff.set(true);
            request.cancel();
        }, requestTimeoutMillis, TimeUnit.MILLISECONDS);
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(cookies);
        long start = System.nanoTime();
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, context);
            int status = response.getCode();
            byte[] body = readBounded(response.getEntity(), request);
            return new Hop(status, header(response, "Location"), header(response, "Retry-After"),
                    headers(response, "X-Robots-Tag"), header(response, "Content-Type"), body,
                    header(response, "ETag"), header(response, "Last-Modified"), null, System.nanoTime() - start);
        } catch (IOException | RuntimeException e) {
            return new Hop(0, null, null, null, null, null, null, null, cutOff.get() ? new RequestTimedOut(e) : e,
                    System.nanoTime() - start);
        } finally {
            deadline.cancel(false);
            if (response != null) {
                try {
                    response.close();
                } catch (IOException | RuntimeException ignored) {
                    // the connection was cut on purpose or broke; it is discarded either way
                }
            }
        }
    }

    /** Reads at most {@code maxBodyBytes}; if the body is longer, cancels the request so nothing more is read. */
    private byte[] readBounded(HttpEntity entity, HttpUriRequestBase request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBodyBytes, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        while (total < maxBodyBytes) {
            int n = in.read(buffer, 0, Math.min(buffer.length, maxBodyBytes - total));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, n);
            total += n;
        }
        request.cancel();
        return out.toByteArray();
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static String headers(ClassicHttpResponse response, String name) {
        Header[] all = response.getHeaders(name);
        return all.length == 0 ? null
                : Arrays.stream(all).map(Header::getValue).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }

    /**
     * One response (status, the headers the check reads, the first bytes of the body) or the failure instead, and
     * how long it took.
     */
    record Hop(int status, String location, String retryAfter, String robotsTag, String contentType, byte[] body,
            String etag, String lastModified, Exception failure, long nanos) {

        boolean failed() {
            return failure != null;
        }
    }

    /** The request ran past {@code requestTimeout} and was cut off. */
    static final class RequestTimedOut extends IOException {
        RequestTimedOut(Throwable cause) {
            super("Request cut off after the request timeout", cause);
        }
    }

    /** Resolves a host once and refuses it unless every address it resolves to is allowed. */
    static final class GuardedDnsResolver implements DnsResolver {

        private final AddressPolicy policy;

        GuardedDnsResolver(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = InetAddress.getAllByName(name);
            policy.check(name, addresses);
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            List<InetSocketAddress> result = new ArrayList<>();
            for (InetAddress address : resolve(host)) {
                result.add(new InetSocketAddress(address, port));
            }
            return result;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** The connection manager, with sockets that refuse to connect to a forbidden address. */
    private static final class GuardedConnectionManagerBuilder extends PoolingHttpClientConnectionManagerBuilder {

        private final AddressPolicy policy;

        GuardedConnectionManagerBuilder(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver schemePortResolver,
                DnsResolver dnsResolver, TlsSocketStrategy tlsSocketStrategy) {
            return new DefaultHttpClientConnectionOperator(proxy -> new GuardedSocket(policy, proxy),
                    schemePortResolver, dnsResolver,
                    RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tlsSocketStrategy).build());
        }
    }

    /** A plain socket that connects only to an allowed, already resolved address. */
    private static final class GuardedSocket extends Socket {

        private final AddressPolicy policy;

        GuardedSocket(AddressPolicy policy, Proxy proxy) throws IOException {
            super();
            if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
                throw new IOException("The link check connects directly, never through a proxy");
            }
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress address) || address.isUnresolved()
                    || !policy.allows(address.getAddress())) {
                throw new ForbiddenAddressException(String.valueOf(endpoint),
                        endpoint instanceof InetSocketAddress a ? a.getAddress() : null);
            }
            super.connect(endpoint, timeout);
        }
    }
}
