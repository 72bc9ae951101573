package dk.selvbetjening.articleexport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import dk.selvbetjening.shared.DanishTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a request's wrapper element and writes a response's, the way a WCF service with data contracts does:
 * {@code <Op>Response} in the contract namespace holding {@code <Op>Result}, its members in the types namespace,
 * a missing value as {@code i:nil="true"}, times as Danish local time without an offset. Parameters are found by
 * local name (clients differ in how they qualify them); a value that is not what the contract says is a fault.
 */
final class SoapPayload {

    static final String CONTRACT = "http://www.borger.dk/2009/WSArticleExport/v1";
    static final String TYPES = CONTRACT + "/types";
    static final String TYPES_V2 = "http://www.borger.dk/2009/WSArticleExport/v2/types";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int ECHO_MAX = 80;

    private SoapPayload() {
    }

    // ---- requests

    /** The parameter's text; null when absent, empty or nil. */
    static String text(Element request, String name) {
        Element parameter = child(request, name);
        if (parameter == null || "true".equals(parameter.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI,
                "nil"))) {
            return null;
        }
        String text = parameter.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    static Integer optionalInt(Element request, String name) {
        return integer(name, text(request, name));
    }

    static int requiredInt(Element request, String name) {
        Integer value = optionalInt(request, name);
        if (value == null) {
            throw ArticleExportFault.danish("articleexport.fault.missing", name);
        }
        return value;
    }

    /** The integers of an {@code ArrayOfint} parameter (any child's text), in order. */
    static List<Integer> ints(Element request, String name) {
        List<Integer> values = new ArrayList<>();
        Element array = child(request, name);
        if (array != null) {
            for (Node node = array.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element item) {
                    String text = item.getTextContent().strip();
                    if (!text.isEmpty()) {
                        values.add(integer(name, text));
                    }
                }
            }
        }
        return values;
    }

    /** An {@code xs:dateTime}; without an offset it is Danish local time, as the service's own times are. */
    static Instant optionalTime(Element request, String name) {
        String text = text(request, name);
        if (text == null) {
            return null;
        }
        try {
            TemporalAccessor time = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return time instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) time).atZone(DanishTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ArticleExportFault.danish("articleexport.fault.badDateTime", name, echo(text));
        }
    }

    private static Integer integer(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ArticleExportFault.danish("articleexport.fault.badInt", name, echo(text));
        }
    }

    private static String echo(String text) {
        return text.length() <= ECHO_MAX ? text : text.substring(0, ECHO_MAX) + "…";
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    // ---- responses

    /** {@code <operation>Response} with its empty {@code <operation>Result}, to fill. */
    private static Element result(String operation, String resultNamespace) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element response = document.createElementNS(CONTRACT, operation + "Response");
        document.appendChild(response);
        Element result = document.createElementNS(CONTRACT, operation + "Result");
        result.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:a", resultNamespace);
        result.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:i",
                XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
        response.appendChild(result);
        return result;
    }

    /** {@code <operation>Response} holding one object, its members written by {@code writer} into the result. */
    static <T> Element one(String operation, String resultNamespace, T value, BiConsumer<Element, T> writer) {
        Element result = result(operation, resultNamespace);
        writer.accept(result, value);
        return response(result);
    }

    /** {@code <operation>Response} holding a list: one {@code itemName} element per item, filled by {@code writer}. */
    static <T> Element list(String operation, String resultNamespace, String itemName, List<T> items,
            BiConsumer<Element, T> writer) {
        Element result = result(operation, resultNamespace);
        items.forEach(item -> writer.accept(add(result, itemName), item));
        return response(result);
    }

    /** A child in the result's types namespace ({@code a:}). */
    static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace(parent), "a:" + name);
        parent.appendChild(child);
        return child;
    }

    /** A member with a text, or nil. */
    static void add(Element parent, String name, Object value) {
        Element child = add(parent, name);
        if (value == null) {
            child.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "i:nil", "true");
        } else if (value instanceof Instant instant) {
            child.setTextContent(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), DanishTime.ZONE)
                    .format(LOCAL_TIME));
        } else {
            child.setTextContent(value.toString());
        }
    }

    /** The response element to return for {@code result}. */
    private static Element response(Element result) {
        return (Element) result.getParentNode();
    }

    /** The namespace {@code a:} stands for: the result's types namespace, declared on the result element. */
    private static String namespace(Element parent) {
        return parent.lookupNamespaceURI("a");
    }
}
