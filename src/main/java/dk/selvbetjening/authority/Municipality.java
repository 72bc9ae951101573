package dk.selvbetjening.authority;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data, arriving by migration; read only. */
@Entity
@Table(name = "municipality")
class Municipality {

    @Id
    private Integer code;

    @Column(nullable = false)
    private String name;

    @Column(name = "region_code", nullable = false)
    private Integer regionCode;

    protected Municipality() {
    }

    MunicipalitySummary toSummary() {
        return new MunicipalitySummary(code, name, regionCode);
    }
}
