package dk.selvbetjening.linkcheck;

/**
 * A link ({@code watcher}, e.g. {@code kommunelink:<service>:<code>}) that uses {@code url}: for
 * {@link LinkCheckService#watchAll}.
 */
public record UrlWatch(String url, String watcher) {
}
