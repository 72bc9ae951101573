package dk.selvbetjening.authority;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data, arriving by migration; read only. */
@Entity
@Table(name = "region")
class Region {

    @Id
    private Integer code;

    @Column(nullable = false)
    private String name;

    protected Region() {
    }

    int code() {
        return code;
    }

    String name() {
        return name;
    }

    RegionSummary toSummary() {
        return new RegionSummary(code, name);
    }
}
