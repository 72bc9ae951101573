package dk.selvbetjening.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * An OpenID Connect login that did not let the person in goes to the Danish page that says why: an access request
 * made, an organisation the portal does not know, access refused, or a login that failed (a state or nonce that does
 * not match, an expired or forged ID token, missing claims). The page never shows the provider's error text.
 */
class StaffLoginFailureHandler implements AuthenticationFailureHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StaffLoginFailureHandler.class);

    static final String PAGES = SecurityConfiguration.LOGIN_PAGE;
    static final String ACCESS_REQUESTED = PAGES + "/adgang-anmodet";
    static final String UNKNOWN_ORGANISATION = PAGES + "/ukendt-organisation";
    static final String FAILED = PAGES + "/fejl";
    /** The session attribute with the CVR number the unknown-organisation page names. */
    static final String CVR_ATTRIBUTE = StaffOidcLogin.UNKNOWN_CVR_ATTRIBUTE;

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        if (!code.startsWith(StaffOidcUserService.ERROR_PREFIX)) {
            // the provider's or Spring Security's code (e.g. invalid_nonce, invalid_id_token), never its description
            LOG.info("OpenID Connect login failed: {}", code.isEmpty() ? exception.getClass().getSimpleName() : code);
        }
        String page = switch (code) {
            case StaffOidcUserService.ERROR_PREFIX + "ACCESS_REQUESTED" -> ACCESS_REQUESTED;
            case StaffOidcUserService.ERROR_PREFIX + "UNKNOWN_ORGANISATION" -> {
                String cvr = ((OAuth2AuthenticationException) exception).getError().getDescription();
                request.getSession().setAttribute(CVR_ATTRIBUTE, cvr);
                yield UNKNOWN_ORGANISATION;
            }
            case StaffOidcUserService.ERROR_PREFIX + "REFUSED" -> FAILED + "?aarsag=afvist";
            case StaffOidcUserService.ERROR_PREFIX + "MISSING_CLAIMS" -> FAILED + "?aarsag=oplysninger";
            case StaffOidcUserService.ERROR_PREFIX + "EMAIL_TAKEN" -> FAILED + "?aarsag=e-mail";
            default -> FAILED;
        };
        response.sendRedirect(request.getContextPath() + page);
    }
}
