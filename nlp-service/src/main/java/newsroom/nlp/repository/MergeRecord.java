package newsroom.nlp.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One merge (table {@code nlp.entity_merges}): the absorbed entity as it was and the spellings the merge added to the
 * survivor, kept so the merge can be undone. {@code id} is the merge's revision.
 */
@Entity
@Table(name = "entity_merges")
public class MergeRecord extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "absorbed_id", nullable = false)
    public String absorbedId;

    @Column(name = "survivor_id", nullable = false)
    public String survivorId;

    /** JSON of the absorbed {@link newsroom.nlp.KbEntry}. */
    @Column(name = "absorbed_entity", nullable = false)
    public String absorbedEntity;

    @Column(name = "absorbed_created_at", nullable = false)
    public Instant absorbedCreatedAt;

    /** JSON array of the spellings the merge added to the survivor. */
    @Column(name = "added_aliases", nullable = false)
    public String addedAliases;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "merged_by", nullable = false)
    public String mergedBy;

    @Column(name = "unmerged_at")
    public Instant unmergedAt;

    @Column(name = "unmerged_by")
    public String unmergedBy;

    @Column(name = "unmerge_revision")
    public Long unmergeRevision;
}
