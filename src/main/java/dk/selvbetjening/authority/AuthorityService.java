package dk.selvbetjening.authority;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The authority module's API: municipalities, regions and the authorities that own self-services. */
@Service
@Transactional(readOnly = true)
public class AuthorityService {

    private final MunicipalityRepository municipalities;
    private final RegionRepository regions;
    private final AuthorityRepository authorities;
    private final ApplicationEventPublisher events;

    AuthorityService(MunicipalityRepository municipalities, RegionRepository regions,
            AuthorityRepository authorities, ApplicationEventPublisher events) {
        this.municipalities = municipalities;
        this.regions = regions;
        this.authorities = authorities;
        this.events = events;
    }

    /** All 98 municipalities, by code. */
    public List<MunicipalitySummary> municipalities() {
        return municipalities.findAllByOrderByCodeAsc().stream().map(Municipality::toSummary).toList();
    }

    public Optional<MunicipalitySummary> municipality(int code) {
        return municipalities.findById(code).map(Municipality::toSummary);
    }

    public List<RegionSummary> regions() {
        return regions.findAllByOrderByCodeAsc().stream().map(Region::toSummary).toList();
    }

    public AuthorityDetails authority(UUID id) {
        return authorities.findById(id).map(Authority::toDetails).orElseThrow(() -> new AuthorityNotFoundException(id));
    }

    public List<AuthorityDetails> authorities() {
        return authorities.findAllByOrderByNameAsc().stream().map(Authority::toDetails).toList();
    }

    public Optional<AuthorityDetails> authorityByCvr(CvrNumber cvrNumber) {
        return authorities.findByCvrNumber(cvrNumber.value()).map(Authority::toDetails);
    }

    /** The municipality's own authority record (homepage, phone), where one is registered. */
    public Optional<AuthorityDetails> municipalityAuthority(int municipalityCode) {
        return authorities.findByMunicipalityCode(municipalityCode).map(Authority::toDetails);
    }

    @Transactional
    public AuthorityDetails register(NewAuthority command) {
        if (authorities.findByCvrNumber(command.cvrNumber().value()).isPresent()) {
            throw new IllegalArgumentException("An authority with CVR " + command.cvrNumber() + " exists");
        }
        if (command.municipalityCode() != null && municipalities.findById(command.municipalityCode()).isEmpty()) {
            throw new IllegalArgumentException("Unknown municipality code " + command.municipalityCode());
        }
        AuthorityDetails registered = authorities.save(new Authority(UUID.randomUUID(), command)).toDetails();
        events.publishEvent(new AuthorityChanged(registered.id()));
        return registered;
    }
}
