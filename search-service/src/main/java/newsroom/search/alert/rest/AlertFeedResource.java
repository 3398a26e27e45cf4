package newsroom.search.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import newsroom.events.AlertMatch;
import newsroom.search.alert.AlertView;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.service.AlertSubscriptions;
import newsroom.search.security.FeedScope;
import newsroom.search.service.SafeLinks;

/** An Atom 1.0 feed of a subscription's newest matches (each match is an entry, id = the match id). */
@Path("/feeds/alerts")
@Blocking
@RolesAllowed(Role.READER_NAME)
public class AlertFeedResource {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int SIZE = 50;

    private final AlertResource alerts;
    private final AlertSubscriptions subscriptions;
    private final AlertMatchStore matches;
    private final SecurityIdentity identity;

    public AlertFeedResource(AlertResource alerts, AlertSubscriptions subscriptions, AlertMatchStore matches,
            SecurityIdentity identity) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.matches = matches;
        this.identity = identity;
    }

    @GET
    @Path("/{id}.atom")
    @Produces("application/atom+xml;charset=UTF-8")
    @Operation(summary = "A subscription's newest matches as an Atom 1.0 feed: with a key (the owner's, or an admin's) "
            + "or ?token= made for this feed")
    public String feed(@PathParam("id") String id, @Context UriInfo uri) throws XMLStreamException {
        // a feed token names its feed, checked on the way in: it reads it whoever's key made it
        AlertView alert = identity.getAttribute(FeedScope.ATTRIBUTE) != null
                ? subscriptions.findForFeed(id).orElseThrow(() -> new NotFoundException("no alert " + id))
                : alerts.get(id);
        List<AlertMatch> recent = matches.recent(id, SIZE);
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", "urn:newsroom:alert:" + alert.id());
        element(xml, "title", "Alert: " + alert.name());
        Instant updated = recent.isEmpty() ? alert.updatedAt() : recent.get(0).matchedAt();
        element(xml, "updated", updated.toString());
        xml.writeStartElement("author");
        element(xml, "name", "newsroom search-service");
        xml.writeEndElement();
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("href", uri.getRequestUri().toString());
        for (AlertMatch m : recent) {
            xml.writeStartElement("entry");
            element(xml, "id", "urn:newsroom:match:" + m.id());
            element(xml, "title", m.title() == null || m.title().isBlank() ? m.articleId() : m.title());
            element(xml, "updated", m.matchedAt().toString());
            if (m.publishedAt() != null) {
                element(xml, "published", m.publishedAt().toString());
            }
            if (SafeLinks.isWeb(m.url())) {
                xml.writeEmptyElement("link");
                xml.writeAttribute("rel", "alternate");
                xml.writeAttribute("href", m.url());
            }
            element(xml, "summary", (m.source() == null ? "" : m.source() + ": ") + String.join(", ", m.entityIds()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
