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

    /** The name its authority goes by ("Aarhus Kommune", "Københavns Kommune"). */
    @Column(name = "authority_name", nullable = false)
    private String authorityName;

    protected Municipality() {
    }

    int code() {
        return code;
    }

    String authorityName() {
        return authorityName;
    }

    MunicipalitySummary toSummary() {
        return new MunicipalitySummary(code, name, regionCode);
    }
}
