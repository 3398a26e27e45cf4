package newsroom.nlp.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import newsroom.events.EntityType;

/** A knowledge-base entity row (table {@code nlp.entities}) with its aliases ({@code nlp.aliases}). */
@Entity
@Table(name = "entities")
public class EntityRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntityType type;

    public String description;

    @Column(name = "external_ids")
    public String externalIds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "aliases", joinColumns = @JoinColumn(name = "entity_id"))
    public List<AliasValue> aliases = new ArrayList<>();
}
