package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every user-facing text comes from messages.properties: no literal text in a template, not even in attributes. */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "aria-label", "placeholder",
            "aria-description", "value");

    @Test
    void templatesCarryNoLiteralText() throws IOException {
        List<String> findings = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).hasSizeGreaterThan(5);
        for (Path template : templates) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                for (TextNode text : element.textNodes()) {
                    if (!text.isBlank()) {
                        findings.add(template + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
                    }
                }
                element.attributes().forEach(attribute -> {
                    if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && !attribute.getValue().isBlank()) {
                        findings.add(template + ": attribute " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
                    }
                });
            }
        }
        assertThat(findings).as("literal text; move it to messages.properties and use #{…}").isEmpty();
    }

    @Test
    void findsLiteralTextWhereThereIsSome() {
        Document document = Jsoup.parse("<p>Hej</p><img alt=\"Logo\"/>", "", Parser.xmlParser());
        assertThat(document.getAllElements().stream().anyMatch(e -> e.textNodes().stream().anyMatch(t -> !t.isBlank())))
                .isTrue();
    }
}
