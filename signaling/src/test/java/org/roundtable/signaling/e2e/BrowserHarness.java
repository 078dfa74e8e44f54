package org.roundtable.signaling.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium (the system's /usr/bin/chromium) with one BrowserContext per
 * participant: separate storage and media devices, one process for the two shared cores.
 */
public final class BrowserHarness implements AutoCloseable {

    public static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection");

    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    public BrowserHarness() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    /** A participant's own browser context and page, at the given viewport. */
    public Page participant(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setPermissions(List.of("camera", "microphone")));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.err.println("[browser " + page.url() + "] " + m.text());
            }
        });
        return page;
    }

    public Page participant() {
        return participant(1280, 800);
    }

    /** Closes every participant's context (the browser stays up for the next test). */
    public void closeParticipants() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void close() {
        closeParticipants();
        browser.close();
        playwright.close();
    }
}
