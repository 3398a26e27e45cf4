package newsroom.support.access.repository;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change in the audit log (table {@code access.audit_events}); states are JSON. */
@Entity
@Table(name = "audit_events", schema = "access")
public class AuditEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actor;
    public String service;
    public String kind;
    public String action;
    public String target;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String after;
}
