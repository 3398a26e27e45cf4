package newsroom.nlp.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One alias of an entity: the spelling as given and its folded matching key. */
@Embeddable
public class AliasValue {

    @Column(name = "alias_key", nullable = false)
    public String aliasKey;

    @Column(nullable = false)
    public String alias;

    public AliasValue() {
    }

    public AliasValue(String aliasKey, String alias) {
        this.aliasKey = aliasKey;
        this.alias = alias;
    }
}
