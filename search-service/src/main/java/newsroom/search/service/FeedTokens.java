package newsroom.search.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import newsroom.events.Sha256;
import newsroom.search.alert.service.AlertSubscriptions;
import newsroom.search.alert.service.Caller;
import newsroom.search.repository.FeedToken;
import newsroom.search.security.FeedScope;
import newsroom.search.story.service.StoryCatalog;
import newsroom.support.access.service.AuditTrail;

/**
 * Tokens for feed readers, each for one feed: a subscription's Atom feed (only one the caller may see), a story's or
 * a saved search's. Only the SHA-256 is stored; the token is shown once, inside the feed URL. Creation and revocation are in
 * the audit log (kind {@code feed-token}).
 */
@ApplicationScoped
public class FeedTokens {
    public static final String AUDIT_KIND = "feed-token";
    public static final String PREFIX = "nft_";
    static final String SEARCH_FEED = "/feeds/search.atom";
    static final Pattern ALERT_FEED = Pattern.compile("/feeds/alerts/([^/]+)\\.atom");
    static final Pattern STORY_FEED = Pattern.compile("/feeds/stories/([^/]+)\\.atom");

    /** A token as listed: never the token itself. */
    public record View(String id, String owner, String feed, Instant createdAt, Instant lastUsedAt) {
    }

    /** A new token: {@code url} is the feed URL carrying it, to paste into a feed reader. */
    public record Created(String id, String owner, String feed, String url, String token, Instant createdAt) {
    }

    private final AlertSubscriptions subscriptions;
    private final StoryCatalog stories;
    private final AuditTrail audit;
    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();

    public FeedTokens(AlertSubscriptions subscriptions, StoryCatalog stories, AuditTrail audit,
            DataSource dataSource) {
        this.subscriptions = subscriptions;
        this.stories = stories;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    /**
     * @param feed the feed's path and query ({@code /feeds/alerts/ID.atom}, {@code /feeds/search.atom?q=…}) or its
     *        whole URL
     * @param base the service's base URI the feed URL is made from
     */
    @Transactional
    public Created create(String feed, Caller caller, URI base) {
        URI uri;
        try {
            uri = new URI(feed.strip());
        } catch (URISyntaxException e) {
            throw new BadRequestException("feed: not a URL or path");
        }
        String path = uri.getRawPath() == null ? "" : uri.getPath();
        Matcher alert = ALERT_FEED.matcher(path);
        Matcher story = STORY_FEED.matcher(path);
        if (alert.matches()) {
            subscriptions.find(alert.group(1), caller)
                    .orElseThrow(() -> new NotFoundException("no alert " + alert.group(1)));
        } else if (story.matches()) {
            stories.requireStory(story.group(1)); // every reader may read every story: it only has to exist
        } else if (!path.equals(SEARCH_FEED)) {
            throw new BadRequestException("feed: a subscription's feed (/feeds/alerts/{id}.atom), a story's "
                    + "(/feeds/stories/{id}.atom) or a search feed (/feeds/search.atom?…)");
        }
        String scope = FeedScope.of(path, uri.getRawQuery());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        FeedToken t = new FeedToken();
        t.id = UUID.randomUUID().toString();
        t.tokenSha256 = Sha256.hex(token);
        t.owner = caller.name();
        t.feed = scope;
        t.createdAt = Instant.now();
        t.persist();
        audit.record(caller.name(), AUDIT_KIND, "create", t.id, null, view(t));
        String url = base.resolve(scope.substring(1) + (scope.contains("?") ? "&" : "?") + FeedScope.TOKEN_PARAM + "="
                + token).toString();
        return new Created(t.id, t.owner, t.feed, url, token, t.createdAt);
    }

    /** The caller's tokens (an admin's: all), newest first. */
    @Transactional
    public List<View> list(Caller caller) {
        Sort newest = Sort.by("createdAt", Sort.Direction.Descending);
        List<FeedToken> rows = caller.admin() ? FeedToken.listAll(newest) : FeedToken.list("owner", newest, caller.name());
        return rows.stream().map(FeedTokens::view).toList();
    }

    /** Revokes one of the caller's tokens (an admin: any); false when there is none the caller may see. */
    @Transactional
    public boolean revoke(String id, Caller caller) {
        Optional<FeedToken> found = FeedToken.<FeedToken>findByIdOptional(id).filter(t -> caller.maySee(t.owner));
        found.ifPresent(t -> {
            t.delete();
            audit.record(caller.name(), AUDIT_KIND, "revoke", id, view(t), null);
        });
        return found.isPresent();
    }

    /**
     * The owner of {@code token} when it is valid for {@code feed} (its last use noted); empty otherwise. Plain JDBC:
     * it runs inside authentication, outside any request's transaction.
     */
    public Optional<String> authenticate(String token, String feed) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement use = c.prepareStatement("update search.feed_token set last_used_at = now() "
                        + "where token_sha256 = ? and feed = ? returning owner")) {
            use.setString(1, Sha256.hex(token));
            use.setString(2, feed);
            try (ResultSet rs = use.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check a feed token", e);
        }
    }

    static View view(FeedToken t) {
        return new View(t.id, t.owner, t.feed, t.createdAt, t.lastUsedAt);
    }
}
