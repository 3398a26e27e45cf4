package newsroom.search.service;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import newsroom.search.SearchResult;

/** Writes search hits as an Atom 1.0 feed (RFC 4287); every value is escaped by the XML writer. */
public final class AtomFeedWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeedWriter() {
    }

    /**
     * @param feedId a stable URI for this search (same parameters, same id)
     * @param selfUrl the URL the feed was fetched from
     */
    public static String write(String feedId, String title, String selfUrl, String alternateUrl,
            List<SearchResult.Hit> hits) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", feedId);
            element(xml, "title", title);
            Instant updated = hits.stream().map(AtomFeedWriter::date).max(Instant::compareTo).orElse(Instant.EPOCH);
            element(xml, "updated", updated.truncatedTo(ChronoUnit.SECONDS).toString());
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", alternateUrl, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Newsroom search");
            xml.writeEndElement();
            element(xml, "generator", "newsroom search-service");
            for (SearchResult.Hit hit : hits) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:newsroom:article:" + hit.id());
                element(xml, "title", hit.title() == null || hit.title().isBlank() ? "(untitled)" : hit.title());
                element(xml, "updated", date(hit).truncatedTo(ChronoUnit.SECONDS).toString());
                if (hit.publishedAt() != null) {
                    element(xml, "published", hit.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                if (SafeLinks.isWeb(hit.url())) {
                    link(xml, "alternate", hit.url(), null);
                }
                if (hit.source() != null) {
                    xml.writeStartElement("author");
                    element(xml, "name", hit.source());
                    xml.writeEndElement();
                }
                for (SearchResult.EntityRef e : hit.entities()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", e.id());
                    xml.writeAttribute("label", e.name());
                    xml.writeAttribute("scheme", "urn:newsroom:entity-type:" + e.type());
                }
                List<String> body = hit.highlights().get("body");
                if (body != null && !body.isEmpty()) {
                    xml.writeStartElement("summary");
                    xml.writeAttribute("type", "text");
                    xml.writeCharacters(HighlightText.toPlainText(String.join(" … ", body)));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
    }

    private static Instant date(SearchResult.Hit hit) {
        return hit.publishedAt() != null ? hit.publishedAt() : hit.receivedAt() != null ? hit.receivedAt() : Instant.EPOCH;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }
}
