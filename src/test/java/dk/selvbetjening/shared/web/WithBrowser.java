package dk.selvbetjening.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class gets one headless Chromium ({@link Browser}), started before its first test (and before its
 * {@code @BeforeAll} methods of a per-class lifecycle) and closed after its last: {@link BrowserExtension} sets the
 * test's fields of type {@link Browser}, {@link org.openqa.selenium.chrome.ChromeDriver} and
 * {@link org.openqa.selenium.support.ui.WebDriverWait}.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface WithBrowser {
}
