package newsroom.nlp.rest;

import jakarta.annotation.security.RolesAllowed;
import newsroom.support.access.Role;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsroom.events.EntityType;
import newsroom.events.EventJson;
import newsroom.nlp.KbEntry;
import newsroom.nlp.repository.KnowledgeBaseRepository;
import newsroom.nlp.repository.MergeRepository;
import newsroom.nlp.service.KnowledgeBase;
import io.quarkus.security.identity.SecurityIdentity;
import newsroom.support.access.security.Callers;
import newsroom.support.rest.ErrorBody;
import newsroom.support.rest.ErrorResponses;
import newsroom.support.text.EntityIds;

/**
 * Curation of the knowledge base. Every change is visible to this instance's extractor as soon as the call returns,
 * and to every other instance within about a second (they poll the version counter in the {@code nlp} schema).
 * Every change is in the audit log (kind {@code entity}) under the caller's name.
 */
@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CURATOR_NAME)
public class EntityResource {

    private final KnowledgeBaseRepository repository;
    private final MergeRepository merges;
    private final KnowledgeBase knowledgeBase;
    private final SecurityIdentity identity;

    public EntityResource(KnowledgeBaseRepository repository, MergeRepository merges, KnowledgeBase knowledgeBase,
            SecurityIdentity identity) {
        this.repository = repository;
        this.merges = merges;
        this.knowledgeBase = knowledgeBase;
        this.identity = identity;
    }

    /** The audit log's actor: the caller's key name (or token principal). */
    private String actor() {
        return Callers.name(identity);
    }

    /** Create or replace payload; {@code id} is derived from type and name when absent. */
    public record EntityInput(
            @Size(max = 200) String id,
            @NotBlank(message = "name is required") @Size(max = 400) String name,
            @NotNull(message = "type is required") EntityType type,
            @Size(max = 4000) String description,
            List<@NotBlank @Size(max = 400) String> aliases,
            java.util.Map<String, String> externalIds) {

        KbEntry toEntry(String id) {
            return new KbEntry(id, name, type, description, aliases, externalIds);
        }
    }

    public record AliasesInput(@NotEmpty(message = "aliases must not be empty") List<@NotBlank @Size(max = 400) String> aliases) {
    }

    /** Either {@code from} (ids merged into the path id) or {@code into} (the path id merged into that one). */
    public record MergeInput(List<@NotBlank String> from, String into) {
    }

    public record MergeResult(KbEntry survivor, List<String> absorbed) {
    }

    public record ImportFailure(int line, String error) {
    }

    public record ImportReport(int created, int updated, List<ImportFailure> failed) {
    }

    @RolesAllowed(Role.READER_NAME)
    @GET
    @Operation(summary = "List entities, optionally by name/alias prefix and type")
    public List<KbEntry> list(@QueryParam("prefix") String prefix, @QueryParam("type") EntityType type,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return repository.list(prefix, type, limit, offset);
    }

    @RolesAllowed(Role.READER_NAME)
    @GET
    @Path("/{id}")
    @Operation(summary = "One entity; an id merged away answers with the survivor")
    public Response get(@PathParam("id") String id) {
        String current = repository.resolveMerged(id);
        return repository.find(current).map(e -> Response.ok(e).build())
                .orElseGet(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an entity")
    public Response create(@Valid @NotNull EntityInput input) {
        String id = input.id() == null || input.id().isBlank()
                ? EntityIds.of(input.type(), input.name())
                : input.id().strip();
        KbEntry created = repository.create(input.toEntry(id), actor());
        knowledgeBase.reload();
        return Response.created(URI.create("/api/entities/" + id)).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename or retype an entity; the old name stays an alias. Aliases are replaced when given.")
    public Response update(@PathParam("id") String id, @Valid @NotNull EntityInput input) {
        var updated = repository.update(id, input.toEntry(id), input.aliases() != null, actor());
        knowledgeBase.reload();
        return updated.map(e -> Response.ok(e).build()).orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an entity (the starter knowledge base will not bring it back)")
    public Response delete(@PathParam("id") String id) {
        boolean deleted = repository.delete(id, actor());
        knowledgeBase.reload();
        return deleted ? Response.noContent().build() : notFound(id);
    }

    @POST
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add aliases")
    public Response addAliases(@PathParam("id") String id, @Valid @NotNull AliasesInput input) {
        var updated = repository.addAliases(id, input.aliases(), actor());
        knowledgeBase.reload();
        return updated.map(e -> Response.ok(e).build()).orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}/aliases")
    @Operation(summary = "Remove an alias")
    public Response removeAlias(@PathParam("id") String id,
            @QueryParam("alias") @NotBlank(message = "alias query parameter is required") String alias) {
        var updated = repository.removeAlias(id, alias, actor());
        knowledgeBase.reload();
        return updated.map(e -> Response.ok(e).build()).orElseGet(() -> notFound(id));
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge entities: {\"from\": [ids]} into this one, or {\"into\": id} this one into another. "
            + "Publishes an EntityChange MERGED per absorbed id on news.entities.changes.")
    public Response merge(@PathParam("id") String id, @Valid @NotNull MergeInput input) {
        boolean hasFrom = input.from() != null && !input.from().isEmpty();
        boolean hasInto = input.into() != null && !input.into().isBlank();
        if (hasFrom == hasInto) {
            return ErrorResponses.json(400, ErrorBody.of("invalid request",
                    "give either 'from' (ids to merge into " + id + ") or 'into' (the id to merge " + id + " into)"));
        }
        String survivor = hasFrom ? id : input.into().strip();
        List<String> absorbed = hasFrom ? input.from() : List.of(id);
        KbEntry result = merges.merge(survivor, absorbed, actor());
        knowledgeBase.reload();
        return Response.ok(new MergeResult(result, absorbed)).build();
    }

    @POST
    @Path("/{id}/unmerge")
    @Operation(summary = "Undo the merge of this (absorbed) id: the entity comes back with the aliases it brought, "
            + "the survivor keeps the rest. Publishes an EntityChange UNMERGED on news.entities.changes. "
            + "404 if the id was never merged; 409 if un-merged already, merged before merges were kept, or its "
            + "survivor was deleted or merged on since.")
    public MergeRepository.Unmerged unmerge(@PathParam("id") String id) {
        MergeRepository.Unmerged result = merges.unmerge(id, actor());
        knowledgeBase.reload();
        return result;
    }

    @POST
    @Path("/import")
    @Consumes({ "application/x-ndjson", "application/jsonl", MediaType.APPLICATION_JSON })
    @Operation(summary = "Bulk import from JSON lines {id, name, type, aliases, externalIds}, or a JSON array of "
            + "them (each element counts as a line); one transaction, one audit entry per entity created or changed")
    public Response importJsonLines(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        List<KbEntry> entries = new ArrayList<>();
        List<ImportFailure> failed = new ArrayList<>();
        String[] lines = contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)
                ? jsonArrayAsLines(body)
                : new String(body, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                KbEntry e = EventJson.fromJson(line, KbEntry.class);
                if (e.name() == null || e.name().isBlank() || e.type() == null) {
                    failed.add(new ImportFailure(i + 1, "name and type are required"));
                    continue;
                }
                String entryId = e.id() == null || e.id().isBlank()
                        ? EntityIds.of(e.type(), e.name()) : e.id().strip();
                entries.add(new KbEntry(entryId, e.name(), e.type(), e.description(), e.aliases(), e.externalIds()));
            } catch (RuntimeException ex) {
                String message = ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
                failed.add(new ImportFailure(i + 1, message == null ? "unreadable line" : message.lines().findFirst().orElse("")));
            }
        }
        KnowledgeBaseRepository.ImportResult result = repository.importEntries(entries, actor());
        knowledgeBase.reload();
        return Response.ok(new ImportReport(result.created(), result.updated(), failed)).build();
    }

    /** The elements of a JSON array (or one object) as JSON lines, so both forms share one per-line report. */
    private static String[] jsonArrayAsLines(byte[] body) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON: give an array of entities or JSON lines");
        }
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new IllegalArgumentException("give a JSON array of entities (or JSON lines)");
        }
        List<String> lines = new ArrayList<>();
        (root.isArray() ? root : EventJson.mapper().createArrayNode().add(root)).forEach(n -> lines.add(n.toString()));
        return lines.toArray(String[]::new);
    }

    private static Response notFound(String id) {
        return ErrorResponses.json(404, ErrorBody.of("not found", "no entity " + id));
    }
}
