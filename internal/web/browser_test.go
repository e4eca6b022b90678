package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// chromium finds Debian's Chromium. Outside CI a missing browser skips the
// browser tests; in CI (CI=true) it fails them, because .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found, but CI=true: scripts/install-test-deps.sh should have installed it")
	}
	t.Skip("chromium not found; install Debian's chromium to run the browser tests")
	return ""
}

// browser returns a chromedp context on a fresh headless Chromium.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("window-size", "1280,900"),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// Start the browser on the long-lived context: a timeout on the first
	// action would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// shot saves a screenshot as a test artifact in $CROSSCHECK_ARTIFACTS (or a temp dir).
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	dir := os.Getenv("CROSSCHECK_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "crosscheck-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		p := filepath.Join(dir, name+".png")
		if err := os.WriteFile(p, png, 0o644); err == nil {
			t.Logf("screenshot: %s", p)
		}
	}
}

// openStory loads the story list, opens the first story and waits for its findings.
func openStory(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#stories li a"),
		chromedp.Click("#stories li a"),
		chromedp.WaitVisible("#findings"),
		chromedp.WaitVisible("#matrix"),
	); err != nil {
		shot(t, ctx, strings.ReplaceAll(t.Name(), "/", "_")+"-failed")
		t.Fatalf("open story: %v", err)
	}
}

func TestBrowserStoryPage(t *testing.T) {
	st := testStore(t)
	base := startServer(t, Config{Store: st})
	ctx := browser(t)
	openStory(t, ctx, base)
	shot(t, ctx, "story-page")

	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// The newest story holds the hostile article: its markup shows as text,
	// and no script ran, no element was injected.
	title, err := chromedp.Run(tctx, chromedp.Text("#headline"))
	if err != nil {
		t.Fatal(err)
	}
	if title != "<b>bold</b> title" {
		t.Errorf("headline = %q, want the title shown literally", title)
	}
	injected, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.querySelectorAll("#main script, #main img").length > 0`))
	if err != nil {
		t.Fatal(err)
	}
	if injected {
		t.Error("article markup was injected into the page")
	}

	// Open the fire story from the list, click the first non-silent matrix
	// cell: its sentence is highlighted in the article.
	if err := chromedp.Do(tctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#stories li a"),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const a = [...document.querySelectorAll("#stories a")].find(a => a.textContent.includes("Fire")); a.click(); return true })()`)(ctx, t)
			return err
		}),
		chromedp.WaitVisible("#matrix td.cell"),
		chromedp.Click("#matrix td.cell:not(.silent)"),
		chromedp.WaitVisible("#evidence mark#highlight"),
	); err != nil {
		shot(t, ctx, "evidence-failed")
		t.Fatalf("click into evidence: %v", err)
	}
	mark, err := chromedp.Run(tctx, chromedp.Text("#evidence mark#highlight"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mark, "fire") {
		t.Errorf("highlighted sentence = %q, want the evidence sentence", mark)
	}
	shot(t, ctx, "evidence")
}

func TestBrowserPhoneWidth(t *testing.T) {
	st := testStore(t)
	base := startServer(t, Config{Store: st})
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	openStory(t, ctx, base)
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 2`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("the story page scrolls sideways at phone width")
	}
	shot(t, ctx, "story-phone")
}

// seedStore analyses the two seed articles into a real SQLite store.
func seedStore(t *testing.T) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	opt := pipeline.RunOptions{Ingest: pipeline.IngestOptions{Read: ingest.DefaultOptions(), Stdin: strings.NewReader("")}}
	if _, err := pipeline.Run(ctx, st, an, []string{filepath.Join("..", "..", "examples", "seeds")}, opt); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestBrowserSeeds is the reader's path on the model input: open the story,
// see the dispute about who requested the meeting, click into the evidence.
func TestBrowserSeeds(t *testing.T) {
	base := startServer(t, Config{Store: seedStore(t)})
	ctx := browser(t)
	openStory(t, ctx, base)
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	findings, err := chromedp.Run(tctx, chromedp.Text("#findings"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Who requested the meeting?", "disputed on agent", "Baghaei", "denied"} {
		if !strings.Contains(strings.ToLower(findings), strings.ToLower(want)) {
			t.Errorf("the story page does not show %q", want)
		}
	}
	// Click the Iranian official's side of the dispute: the sentence is highlighted in article A.
	if err := chromedp.Do(tctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => { const b = [...document.querySelectorAll("#findings button.ev")].find(b => b.textContent.includes("One Iranian official")); b.click(); return true })()`)(ctx, tg)
			return err
		}),
		chromedp.WaitVisible("#evidence mark#highlight"),
	); err != nil {
		shot(t, ctx, "seeds-evidence-failed")
		t.Fatalf("click into evidence: %v", err)
	}
	mark, err := chromedp.Run(tctx, chromedp.Text("#evidence mark#highlight"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mark, "Musk requested the meeting") {
		t.Errorf("highlighted sentence = %q", mark)
	}
	shot(t, ctx, "seeds-story")
}
