package dk.selvbetjening.authority.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFieldError;
import dk.selvbetjening.authority.AuthorityFilter;
import dk.selvbetjening.authority.AuthorityImportReport;
import dk.selvbetjening.authority.AuthorityNotFoundException;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.InvalidAuthorityException;
import dk.selvbetjening.authority.StaleAuthorityException;
import dk.selvbetjening.shared.BadParameterException;
import dk.selvbetjening.shared.web.Confirmation;
import dk.selvbetjening.shared.web.CsvUpload;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The authorities register in the backoffice, for editors: the list (by type, with or without the retired ones),
 * creating and changing an authority, retiring and reinstating it, the 98 municipalities and 5 regions ready-made,
 * and the CSV import and export.
 */
@Controller
@PreAuthorize("hasRole('EDITOR')")
class AuthorityWebController {

    static final String BASE = "/redaktion/myndigheder";
    static final String NEW = BASE + "/ny";
    static final String IMPORT = BASE + "/importer";
    /** The largest CSV file an import takes; the register has a few hundred rows. */
    static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024;

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AuthorityService authorities;
    private final MessageSource messages;

    AuthorityWebController(AuthorityService authorities, MessageSource messages) {
        this.authorities = authorities;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String type,
            @RequestParam(name = "nedlagte", defaultValue = "false") boolean retired,
            @RequestParam(name = "ufuldstaendige", defaultValue = "false") boolean incomplete, Model model) {
        AuthorityFilter filter = new AuthorityFilter(type(type), retired, incomplete);
        List<AuthorityDetails> all = authorities.authorities(AuthorityFilter.ACTIVE);
        model.addAttribute("authorities", authorities.authorities(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("types", AuthorityType.values());
        model.addAttribute("missing", authorities.missing());
        model.addAttribute("municipalityCount", authorities.municipalities().size());
        model.addAttribute("regionCount", authorities.regions().size());
        model.addAttribute("incompleteCount", all.stream().filter(a -> !a.isComplete()).count());
        return "authority/authorities";
    }

    @GetMapping(BASE + "/myndigheder.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String type,
            @RequestParam(name = "nedlagte", defaultValue = "false") boolean retired,
            @RequestParam(name = "ufuldstaendige", defaultValue = "false") boolean incomplete) {
        return AuthorityApiController.csv(authorities.exportCsv(new AuthorityFilter(type(type), retired, incomplete)));
    }

    @PostMapping(BASE + "/kommuner-og-regioner")
    String createMissing(RedirectAttributes redirect) {
        int created = authorities.createMissing();
        redirect.addFlashAttribute("notice", "authority.web.notice.createdMissing");
        redirect.addFlashAttribute("noticeArgument", created);
        return "redirect:" + BASE + "?ufuldstaendige=true";
    }

    @GetMapping(NEW)
    String newForm(@RequestParam(required = false) String cvr, @RequestParam(required = false) String navn,
            @RequestParam(required = false) String tilbage, Model model) {
        return form(null, AuthorityForm.prefilled(cvr, navn, tilbage), Map.of(), model);
    }

    @PostMapping(NEW)
    ModelAndView create(@ModelAttribute AuthorityForm form, Model model, RedirectAttributes redirect) {
        try {
            AuthorityDetails created = authorities.create(form.toInput());
            redirect.addFlashAttribute("notice", "authority.web.notice.created");
            redirect.addFlashAttribute("noticeArgument", created.name());
            String back = form.returnPath();
            return new ModelAndView("redirect:" + (back != null ? back : BASE + "/" + created.id()));
        } catch (InvalidAuthorityException e) {
            return new ModelAndView(form(null, form, errors(e), model), HttpStatus.BAD_REQUEST);
        } catch (DataIntegrityViolationException e) {
            model.addAttribute("conflict", "authority.error.concurrent");
            return new ModelAndView(form(null, form, Map.of(), model), HttpStatus.CONFLICT);
        }
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable String id, Model model) {
        AuthorityDetails authority = find(id);
        return form(authority, AuthorityForm.of(authority), Map.of(), model);
    }

    @PostMapping(BASE + "/{id}")
    ModelAndView save(@PathVariable String id, @ModelAttribute AuthorityForm form, Model model,
            RedirectAttributes redirect) {
        AuthorityDetails authority = find(id);
        return act(authority, form, model, redirect, "authority.web.notice.saved",
                () -> authorities.update(authority.id(), form.loadedVersion(), form.toInput()));
    }

    /**
     * Retires the authority once confirmed: the form's post shows the confirmation page, whose red button posts
     * again with the confirmation.
     */
    @PostMapping(BASE + "/{id}/nedlaeg")
    ModelAndView retire(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        AuthorityDetails authority = find(id);
        if (!Confirmation.given(confirmed)) {
            String page = BASE + "/" + authority.id();
            return new Confirmation(text("backoffice.confirm.retire.heading", authority.name()),
                    text("backoffice.confirm.retire.warning"), List.of(), page + "/nedlaeg",
                    Map.of("version", version == null ? "" : version), text("backoffice.confirm.retire.button"), page,
                    text("backoffice.confirm.back.authority")).page();
        }
        return act(authority, null, model, redirect, "authority.web.notice.retired",
                () -> authorities.retire(authority.id(), AuthorityForm.version(version)));
    }

    @PostMapping(BASE + "/{id}/genaktiver")
    ModelAndView reinstate(@PathVariable String id, @RequestParam(required = false) String version, Model model,
            RedirectAttributes redirect) {
        AuthorityDetails authority = find(id);
        return act(authority, null, model, redirect, "authority.web.notice.reinstated",
                () -> authorities.reinstate(authority.id(), AuthorityForm.version(version)));
    }

    /** Marks the authority's staff login (OpenID Connect) as trusted or as needing an editor's approval (ADR 0026). */
    @PostMapping(BASE + "/{id}/betroet")
    String trustStaffLogin(@PathVariable String id, @RequestParam(required = false) String betroet,
            RedirectAttributes redirect) {
        AuthorityDetails authority = find(id);
        boolean trusted = "true".equals(betroet);
        authorities.trustStaffLogin(authority.id(), trusted);
        redirect.addFlashAttribute("notice", trusted ? "oidc.authority.notice.trusted"
                : "oidc.authority.notice.needsApproval");
        redirect.addFlashAttribute("noticeArgument", authority.name());
        return "redirect:" + BASE + "/" + authority.id();
    }

    @GetMapping(IMPORT)
    String importForm(Model model) {
        return importPage(null, model);
    }

    @PostMapping(IMPORT)
    String importCsv(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return importPage("authority.import.error.noFile", model);
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            return importPage("authority.import.error.tooLarge", model);
        }
        AuthorityImportReport report = authorities.importCsv(CsvUpload.content(file));
        return CsvUpload.toReport(IMPORT, file, report, redirect);
    }

    @GetMapping(IMPORT + CsvUpload.REPORT)
    String importReport(Model model) {
        return CsvUpload.reportOrBack(model, IMPORT, "authority/import-report");
    }

    /**
     * Runs a change of {@code authority}. Success: back to its page with a notice. What to fix: the form again
     * with the errors (400). Changed meanwhile: the form again with the newest version and the typed values (409),
     * so saving once more puts the typed values on top.
     */
    private ModelAndView act(AuthorityDetails authority, AuthorityForm typed, Model model,
            RedirectAttributes redirect, String noticeKey, Supplier<AuthorityDetails> action) {
        try {
            action.get();
        } catch (InvalidAuthorityException e) {
            return new ModelAndView(form(authority, typed, errors(e), model), HttpStatus.BAD_REQUEST);
        } catch (StaleAuthorityException e) {
            model.addAttribute("conflict", e.messageKey());
            AuthorityDetails newest = authorities.authority(authority.id());
            AuthorityForm shown = typed == null ? AuthorityForm.of(newest)
                    : new AuthorityForm(typed.name(), typed.type(), typed.cvrNumber(), typed.municipalityCode(),
                            typed.regionCode(), typed.homepageUrl(), typed.contactPhone(), typed.contactEmail(),
                            Long.toString(newest.version()), null);
            return new ModelAndView(form(newest, shown, Map.of(), model), HttpStatus.CONFLICT);
        } catch (DataIntegrityViolationException e) {
            model.addAttribute("conflict", "authority.error.concurrent");
            return new ModelAndView(form(authority, typed == null ? AuthorityForm.of(authority) : typed, Map.of(),
                    model), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("notice", noticeKey);
        redirect.addFlashAttribute("noticeArgument", authority.name());
        return new ModelAndView("redirect:" + BASE + "/" + authority.id());
    }

    private String form(AuthorityDetails authority, AuthorityForm form, Map<String, AuthorityFieldError> errors,
            Model model) {
        model.addAttribute("authority", authority);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", AuthorityType.values());
        model.addAttribute("municipalities", authorities.municipalities());
        model.addAttribute("regions", authorities.regions());
        model.addAttribute("history", authority == null ? List.of() : authorities.history(authority.id()));
        model.addAttribute("staffLoginTrusted", authority != null && authorities.isStaffLoginTrusted(authority.id()));
        return "authority/authority-form";
    }

    private String importPage(String errorKey, Model model) {
        model.addAttribute("fileError", errorKey);
        model.addAttribute("maxMegabytes", MAX_UPLOAD_BYTES / (1024 * 1024));
        return "authority/import";
    }

    /** The first error of each field, in the order of the form. */
    private static Map<String, AuthorityFieldError> errors(InvalidAuthorityException e) {
        Map<String, AuthorityFieldError> errors = new LinkedHashMap<>();
        e.errors().forEach(error -> errors.putIfAbsent(error.field(), error));
        return errors;
    }

    private AuthorityDetails find(String id) {
        try {
            return authorities.authority(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new AuthorityNotFoundException(id);
        }
    }

    private static AuthorityType type(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return AuthorityType.parse(given).orElseThrow(() -> new BadParameterException("type", "authority.web.badType"));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }
}
