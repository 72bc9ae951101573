package dk.selvbetjening.actionpage.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dk.selvbetjening.actionpage.ActionPageConflictException;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.word.ActionPageDocx;
import dk.selvbetjening.actionpage.word.DocxImport;
import dk.selvbetjening.actionpage.word.DocxRejectedException;
import dk.selvbetjening.actionpage.ActionPagePublishRefusedException;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageState;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.shared.DanishTime;
import dk.selvbetjening.shared.web.Confirmation;
import org.springframework.http.HttpStatus;
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
 * The action page editor: the list of pages the account may edit, and one page's text with the guide's findings
 * beside each field, saved as a new revision each time; publishing now or at a go-live time, cancelling that,
 * unpublishing and archiving. Every action is a plain form post (post/redirect/get), so all of it works without
 * JavaScript; {@code js/guide-checks.js} only adds live checks while typing.
 */
@Controller
class ActionPageEditorWebController {

    private static final String LIST = EditablePages.LIST;
    private static final String EDITOR = EditablePages.EDITOR;

    private final ActionPageService actionPages;
    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final EditablePages pages;
    private final ActionPageDocx docx;

    ActionPageEditorWebController(ActionPageService actionPages, SelfServiceService services,
            AuthorityService authorities, EditablePages pages, ActionPageDocx docx) {
        this.docx = docx;
        this.actionPages = actionPages;
        this.services = services;
        this.authorities = authorities;
        this.pages = pages;
    }

    @GetMapping(LIST)
    String list(Model model) {
        Map<java.util.UUID, ActionPageState> states = actionPages.states();
        List<ServiceRow> rows = services.all().stream().filter(ActionPageService::mayEdit).map(service -> {
            Optional<ActionPageState> state = Optional.ofNullable(states.get(service.id()));
            boolean hasPage = state.filter(s -> s.latestRevision() > 0).isPresent();
            return new ServiceRow(service.slug(), service.title(), service.status(),
                    state.map(ActionPageState::status).orElse(ActionPageStatus.DRAFT), hasPage,
                    hasPage && state.get().hasUnpublishedDraft(),
                    state.map(s -> DanishTime.dateTime(s.goLiveAt())).orElse(null));
        }).toList();
        model.addAttribute("rows", rows);
        return "actionpage/service-list";
    }

    @GetMapping(EDITOR)
    String editor(@PathVariable String slug, Model model) {
        SelfServiceDetails service = pages.editable(slug);
        int latest = actionPages.state(service.id()).map(ActionPageState::latestRevision).orElse(0);
        ActionPageContent content = actionPages.latest(service.id()).orElseGet(() -> new ActionPageContent(
                service.title(), service.shortDescription(), List.of(), null, null, null, null, null));
        return page(service, ActionPageForm.of(content, latest), Map.of(), model);
    }

    /** Saves the text as a new revision, unless it is invalid or someone saved since the editor opened it. */
    @PostMapping(EDITOR + "/gem")
    ModelAndView save(@PathVariable String slug, @ModelAttribute ActionPageForm form, Model model,
            RedirectAttributes redirect) {
        SelfServiceDetails service = pages.editable(slug);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return status(page(service, form, problems, model), HttpStatus.BAD_REQUEST);
        }
        try {
            int number = actionPages.saveDraft(service.id(), form.toContent(), form.basedOnRevision());
            return pages.seeOther(EDITOR, slug, redirect, "actionpage.editor.notice.saved", number);
        } catch (ActionPageConflictException e) {
            int latest = actionPages.state(service.id()).map(ActionPageState::latestRevision).orElse(0);
            model.addAttribute("conflict", e.reason());
            model.addAttribute("conflictRevision", latest);
            model.addAttribute("conflictFrom", form.basedOnRevision() > 0 ? form.basedOnRevision() : null);
            ActionPageForm kept = "actionpage.conflict.changed".equals(e.reason()) ? form.basedOn(latest) : form;
            return status(page(service, kept, Map.of(), model), HttpStatus.CONFLICT);
        }
    }

    /**
     * Fills the editor from a filled-in Word template, saving nothing: the author reads the result, with the checks
     * and what could not be placed, and saves it as a revision. A refused file leaves the editor as it was.
     */
    @PostMapping(EDITOR + "/importer")
    ModelAndView importTemplate(@PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        SelfServiceDetails service = pages.editable(slug);
        int latest = actionPages.state(service.id()).map(ActionPageState::latestRevision).orElse(0);
        if (file == null || file.isEmpty()) {
            return status(latestPage(service, Map.of("file", "actionpage.editor.import.noFile"), model),
                    HttpStatus.BAD_REQUEST);
        }
        DocxImport imported;
        try (InputStream in = file.getInputStream()) {
            imported = docx.read(in, file.getSize());
        } catch (DocxRejectedException e) {
            model.addAttribute("importError", e.getMessage());
            return status(latestPage(service, Map.of(), model), e.reason() == DocxRejectedException.Reason.TOO_LARGE
                    ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
        } catch (IOException e) {
            model.addAttribute("importError", pages.message("docx.rejected.UNREADABLE"));
            return status(latestPage(service, Map.of(), model), HttpStatus.BAD_REQUEST);
        }
        ActionPageForm form = ActionPageForm.of(imported.content(), latest);
        model.addAttribute("notice", pages.message("actionpage.editor.import.done"));
        model.addAttribute("unplaced", imported.unplaced());
        return status(page(service, form, form.problems(), model), HttpStatus.OK);
    }

    /** Runs the guide's checks on the text as typed, saving nothing: the live checks' path without JavaScript. */
    @PostMapping(EDITOR + "/tjek")
    String check(@PathVariable String slug, @ModelAttribute ActionPageForm form, Model model) {
        SelfServiceDetails service = pages.editable(slug);
        model.addAttribute("notice", pages.message("actionpage.editor.notice.checked"));
        return page(service, form, form.problems(), model);
    }

    /**
     * Publishes the newest revision, with the self-service when citizens cannot see that yet: the notice says what
     * citizens see now, and a refusal says exactly what is missing.
     */
    @PostMapping(EDITOR + "/udgiv")
    ModelAndView publish(@PathVariable String slug, Model model, RedirectAttributes redirect) {
        SelfServiceDetails service = pages.editable(slug);
        return act(service, model, redirect, publishedNotice(service), () -> actionPages.publish(service.id()));
    }

    /**
     * The sticky bar's "Udgiv": saves the text as typed when it differs from the newest revision, then publishes it
     * (with the self-service when needed). Invalid text or a conflict is shown as on saving; nothing new to publish
     * says so.
     */
    @PostMapping(EDITOR + "/gem-og-udgiv")
    ModelAndView saveAndPublish(@PathVariable String slug, @ModelAttribute ActionPageForm form, Model model,
            RedirectAttributes redirect) {
        SelfServiceDetails service = pages.editable(slug);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return status(page(service, form, problems, model), HttpStatus.BAD_REQUEST);
        }
        boolean changed = !actionPages.latest(service.id()).map(form.toContent()::equals).orElse(false);
        if (changed) {
            try {
                int number = actionPages.saveDraft(service.id(), form.toContent(), form.basedOnRevision());
                model.addAttribute("notice", pages.message("actionpage.editor.notice.saved", number));
            } catch (ActionPageConflictException e) {
                return save(slug, form, model, redirect);
            }
        } else if (!PublishingView.of(service, actionPages.state(service.id()).orElse(null),
                services.pendingChanges(service.id()).isPresent()).somethingToPublish()) {
            return pages.seeOther(EDITOR, slug, redirect, "backoffice.publish.nothingNew");
        }
        return act(service, model, redirect, publishedNotice(service), () -> actionPages.publish(service.id()));
    }

    /** What the notice after publishing says: with the self-service, or the page alone, and what still waits. */
    private String publishedNotice(SelfServiceDetails service) {
        if (service.status() == SelfServiceStatus.DRAFT) {
            return "backoffice.publish.notice.together";
        }
        if (services.pendingChanges(service.id()).isPresent() && !ActionPageService.mayPublishServices()) {
            return "backoffice.publish.notice.changesWaiting";
        }
        return "actionpage.editor.notice.published";
    }

    /** Schedules the newest revision to go live at a Danish date and time; later saves do not go with it. */
    @PostMapping(EDITOR + "/planlaeg")
    ModelAndView schedule(@PathVariable String slug, @RequestParam(required = false) String goLiveAt, Model model,
            RedirectAttributes redirect) {
        SelfServiceDetails service = pages.editable(slug);
        Optional<Instant> at = DanishTime.parse(goLiveAt);
        model.addAttribute("goLiveAtTyped", goLiveAt);
        if (at.isEmpty()) {
            String key = goLiveAt == null || goLiveAt.isBlank() ? "actionpage.editor.error.goLiveAt.missing"
                    : "actionpage.editor.error.goLiveAt.invalid";
            return status(latestPage(service, Map.of("goLiveAt", key), model), HttpStatus.BAD_REQUEST);
        }
        return act(service, model, redirect, "actionpage.editor.notice.scheduled",
                () -> actionPages.schedule(service.id(), at.get()));
    }

    @PostMapping(EDITOR + "/annuller-planlaegning")
    ModelAndView cancelSchedule(@PathVariable String slug, Model model, RedirectAttributes redirect) {
        SelfServiceDetails service = pages.editable(slug);
        return act(service, model, redirect, "actionpage.editor.notice.scheduleCancelled",
                () -> actionPages.cancelSchedule(service.id()));
    }

    /** Unpublishing takes the page from citizens: it is asked on a page of its own first. */
    @GetMapping(EDITOR + "/afpublicer")
    ModelAndView confirmUnpublish(@PathVariable String slug) {
        return ask(pages.editable(slug), "/afpublicer", "backoffice.confirm.unpublish.heading",
                "backoffice.confirm.unpublish.warning", "backoffice.confirm.unpublish.button");
    }

    /** The confirmation page before {@code action} on the editor of {@code service}, with a way back to it. */
    private ModelAndView ask(SelfServiceDetails service, String action, String headingKey, String warningKey,
            String buttonKey) {
        String base = "/redaktion/selvbetjeninger/" + service.slug() + "/handlingsside";
        return new Confirmation(pages.message(headingKey, service.title()), pages.message(warningKey), List.of(),
                base + action, Map.of(), pages.message(buttonKey), base,
                pages.message("backoffice.confirm.back.actionPage")).page();
    }

    /** Unpublishes only when confirmed; a post without the confirmation shows the confirmation page. */
    @PostMapping(EDITOR + "/afpublicer")
    ModelAndView unpublish(@PathVariable String slug,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        if (!Confirmation.given(confirmed)) {
            return confirmUnpublish(slug);
        }
        SelfServiceDetails service = pages.editable(slug);
        return act(service, model, redirect, "actionpage.editor.notice.unpublished",
                () -> actionPages.unpublish(service.id()));
    }

    /** Archiving cannot be undone here, so it has a page of its own that says so before the red button. */
    @GetMapping(EDITOR + "/arkiver")
    ModelAndView confirmArchive(@PathVariable String slug) {
        return ask(pages.editable(slug), "/arkiver", "actionpage.editor.archive.heading2",
                "actionpage.editor.archive.warning", "actionpage.editor.archive.confirm");
    }

    /** Archives only when confirmed; a post without the confirmation shows the confirmation page. */
    @PostMapping(EDITOR + "/arkiver")
    ModelAndView archive(@PathVariable String slug,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        if (!Confirmation.given(confirmed)) {
            return confirmArchive(slug);
        }
        SelfServiceDetails service = pages.editable(slug);
        return act(service, model, redirect, "actionpage.editor.notice.archived",
                () -> actionPages.archive(service.id()));
    }

    /**
     * Runs a workflow action. Success: back to the editor with a notice. Checks that fail: the editor with 409 and
     * an error summary of the failing checks. A state that does not allow it: the editor with 409 and the reason.
     */
    private ModelAndView act(SelfServiceDetails service, Model model, RedirectAttributes redirect, String noticeKey,
            Supplier<ActionPageState> action) {
        try {
            ActionPageState state = action.get();
            return pages.seeOther(EDITOR, service.slug(), redirect, noticeKey, state.latestRevision(),
                    DanishTime.dateTime(state.goLiveAt()));
        } catch (ActionPagePublishRefusedException e) {
            model.addAttribute("refusal", e.errors());
            return status(latestPage(service, Map.of(), model), HttpStatus.CONFLICT);
        } catch (PublicationRefusedException e) {
            model.addAttribute("serviceRefusal", e.reasons());
            return status(latestPage(service, Map.of(), model), HttpStatus.CONFLICT);
        } catch (ActionPageConflictException e) {
            model.addAttribute("conflict", e.reason());
            Map<String, String> errors = "actionpage.conflict.goLivePast".equals(e.reason())
                    ? Map.of("goLiveAt", e.reason()) : Map.of();
            return status(latestPage(service, errors, model), HttpStatus.CONFLICT);
        }
    }

    /** The editor showing the newest saved text (after a workflow action, which never carries text). */
    private String latestPage(SelfServiceDetails service, Map<String, String> errors, Model model) {
        int latest = actionPages.state(service.id()).map(ActionPageState::latestRevision).orElse(0);
        ActionPageContent content = actionPages.latest(service.id()).orElseGet(() -> new ActionPageContent(
                service.title(), service.shortDescription(), List.of(), null, null, null, null, null));
        return page(service, ActionPageForm.of(content, latest), errors, model);
    }

    private String page(SelfServiceDetails service, ActionPageForm form, Map<String, String> errors, Model model) {
        boolean mandatoryWave = service.mandatoryWave() != null;
        StateView state = StateView.of(actionPages.state(service.id()).orElse(null));
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary(errors, model));
        model.addAttribute("guide", GuideView.of(actionPages.check(form.toCheckableContent(), mandatoryWave), form));
        model.addAttribute("mandatoryWave", mandatoryWave);
        model.addAttribute("state", state);
        model.addAttribute("publishing", PublishingView.of(service, actionPages.state(service.id()).orElse(null),
                services.pendingChanges(service.id()).isPresent()));
        model.addAttribute("municipalities", service.isMunicipal() ? authorities.municipalities() : List.of());
        if (!model.containsAttribute("goLiveAtTyped")) {
            model.addAttribute("goLiveAtTyped", "");
        }
        return "actionpage/editor";
    }

    /**
     * The error summary's lines, link target → Danish text: the form's errors, or the checks that stopped
     * publishing (each linking to its field).
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> summary(Map<String, String> errors, Model model) {
        Map<String, String> summary = new LinkedHashMap<>();
        errors.forEach((field, key) -> summary.put(field, pages.message(key)));
        Object importError = model.getAttribute("importError");
        if (importError != null) {
            summary.put("file", importError.toString());
        }
        Object serviceRefusal = model.getAttribute("serviceRefusal");
        if (serviceRefusal instanceof List<?> reasons) {
            reasons.forEach(reason -> summary.merge("page-status", reason.toString(), (a, b) -> a + " " + b));
        }
        Object refusal = model.getAttribute("refusal");
        if (refusal instanceof List<?> findings) {
            for (GuideFinding finding : (List<GuideFinding>) findings) {
                summary.merge(GuideView.linkTarget(finding.field()), finding.message(), (a, b) -> a + " " + b);
            }
        }
        return summary;
    }

    private static ModelAndView status(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }
}
