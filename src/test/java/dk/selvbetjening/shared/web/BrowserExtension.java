package dk.selvbetjening.shared.web;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One {@link Browser} per test class ({@link WithBrowser}): started when the class's first test instance is made, kept
 * in the class's extension store and closed with it (JUnit closes what the store holds when the class is done, also
 * after a failure), and set into every instance's non-static fields of type {@link Browser}, {@link ChromeDriver} and
 * {@link WebDriverWait}.
 */
public final class BrowserExtension implements TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        Browser browser = owner.getStore(NAMESPACE).computeIfAbsent(Browser.class, type -> Browser.start(),
                Browser.class);
        for (Field field : ReflectionSupport.findFields(testInstance.getClass(),
                f -> ModifierSupport.isNotStatic(f) && (f.getType() == Browser.class
                        || f.getType() == ChromeDriver.class || f.getType() == WebDriverWait.class),
                HierarchyTraversalMode.TOP_DOWN)) {
            field.setAccessible(true);
            field.set(testInstance, field.getType() == Browser.class ? browser
                    : field.getType() == ChromeDriver.class ? browser.driver() : browser.waiting());
        }
    }
}
