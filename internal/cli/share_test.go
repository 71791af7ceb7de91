package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A program shared on one machine (with its pack technique) installs on
// another after a yes, and then shows in `unknot programs`.
func TestProgramExportThenImport(t *testing.T) {
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	from := t.TempDir()
	packs := filepath.Join(from, "unknot", "content")
	os.MkdirAll(packs, 0o700)
	good, _ := os.ReadFile(filepath.Join(repo, "content", "testdata", "packs", "good", "chair-reset.yaml"))
	os.WriteFile(filepath.Join(packs, "mine.yaml"), good, 0o600)
	t.Setenv("XDG_CONFIG_HOME", from)
	code, pack, errOut := runCLI("program", "export", "chair-reset")
	if code != 0 || !strings.Contains(pack, "id: seated-arm-cross-rotation") || !strings.Contains(pack, "id: my-physio-handout") {
		t.Fatalf("export (%d, %q):\n%s", code, errOut, pack)
	}
	file := filepath.Join(t.TempDir(), "chair-reset.yaml")
	os.WriteFile(file, []byte(pack), 0o600)

	to := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", to)
	if code, out, _ := runCLI("check", file); code != 0 || !strings.Contains(out, "no problems") {
		t.Errorf("the shared pack does not check: %s", out)
	}
	code, out, errOut := runCLIWith("n\n", "import", file)
	installed := filepath.Join(to, "unknot", "content", "chair-reset.yaml")
	if code != 0 || !strings.Contains(out, "program chair-reset: Chair reset") || !strings.Contains(out, "Nothing installed") {
		t.Errorf("no (%d, %q):\n%s", code, errOut, out)
	}
	if _, err := os.Stat(installed); !os.IsNotExist(err) {
		t.Fatal("installed after no")
	}
	if code, _, errOut := runCLI("import", file); code != 1 || !strings.Contains(errOut, "--yes") {
		t.Errorf("no answer: exit %d, %q", code, errOut)
	}
	if code, out, _ := runCLIWith("y\n", "import", file); code != 0 || !strings.Contains(out, "Installed "+installed) {
		t.Errorf("yes (%d):\n%s", code, out)
	}
	if code, out, _ := runCLI("programs"); code != 0 || !strings.Contains(out, "chair-reset") {
		t.Errorf("the program is not listed after the install:\n%s", out)
	}
	if code, out, _ := runCLI("import", file); code != 0 || !strings.Contains(out, "installed already") {
		t.Errorf("the same file again (%d):\n%s", code, out)
	}

	// A different file of the same name: never replaced silently.
	os.WriteFile(file, []byte(strings.Replace(pack, "A few minutes at the desk.", "A few minutes.", 1)), 0o600)
	if code, _, errOut := runCLI("import", "--yes", file); code != 1 || !strings.Contains(errOut, "--replace") {
		t.Errorf("--yes over a different file: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(installed); string(b) != pack {
		t.Fatal("a different file was replaced without --replace")
	}
	if code, out, _ := runCLIWith("y\n", "import", file); code != 0 || !strings.Contains(out, "Replaced") {
		t.Errorf("asked to replace (%d):\n%s", code, out)
	}
}

// A pack with a problem, or one whose ids another installed pack holds,
// is not installed.
func TestImportRefusesBadPacks(t *testing.T) {
	repo, _ := filepath.Abs(filepath.Join("..", ".."))
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	bad := filepath.Join(repo, "content", "testdata", "packs", "bad", "b-mistakes.yaml")
	code, out, errOut := runCLI("import", "--yes", bad)
	if code != 1 || !strings.Contains(out, "b-mistakes.yaml:") || !strings.Contains(errOut, "nothing installed") {
		t.Errorf("bad pack: exit %d, %q, %q", code, out, errOut)
	}
	good := filepath.Join(repo, "content", "testdata", "packs", "good", "chair-reset.yaml")
	if code, _, _ := runCLI("import", "--yes", good); code != 0 {
		t.Fatal("the good pack did not install")
	}
	copied := filepath.Join(t.TempDir(), "same-ids.yaml")
	data, _ := os.ReadFile(good)
	os.WriteFile(copied, data, 0o600)
	code, out, errOut = runCLI("import", "--yes", copied)
	if code != 1 || !strings.Contains(out, "duplicate") || !strings.Contains(errOut, "beside your installed packs") {
		t.Errorf("ids taken: exit %d, %q, %q", code, out, errOut)
	}
	if entries, _ := os.ReadDir(filepath.Join(config, "unknot", "content")); len(entries) != 1 {
		t.Errorf("%d files in the packs folder, want 1", len(entries))
	}
	if code, _, _ := runCLI("import", filepath.Join(repo, "no-such.yaml")); code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
}
