package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Claims the clinical review (issue 14) found stated as fact; each is now
// hedged, and none may come back in the content or in a program's
// strings, however a YAML line folds it.
var unhedged = []string{
	"releasing the back alone lets the tension come back",
	"sitting hunched shortens the chest muscles",
	"a chiropractor works on a stiff joint precisely",
	"the benefits build with regular practice",
}

func TestNoUnhedgedClaims(t *testing.T) {
	root := filepath.Join("..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		// This test names the phrases; other tests may too.
		if strings.HasSuffix(path, "_test.go") {
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".yaml", ".yml", ".md", ".golden", ".txt", ".json":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := strings.ToLower(strings.Join(strings.Fields(string(b)), " "))
		for _, p := range unhedged {
			if strings.Contains(text, p) {
				t.Errorf("%s says %q", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Drinking water is a comfort tip for getting ready, not a precaution: a
// precaution is about what could harm you.
func TestWaterIsATipNotAPrecaution(t *testing.T) {
	c := MustLoad()
	drink := func(s string) bool {
		s = strings.ToLower(s)
		return strings.Contains(s, "water") && strings.Contains(s, "drink")
	}
	for _, tq := range c.Techniques {
		for _, p := range tq.Precautions {
			if drink(p) {
				t.Errorf("%s: a precaution says to drink water: %q", tq.ID, p)
			}
		}
	}
	for _, p := range c.Guidance.GeneralPrecautions {
		if drink(p) {
			t.Errorf("a general precaution says to drink water: %q", p)
		}
	}
	tip := false
	for _, p := range c.Guidance.Preparation {
		tip = tip || drink(p.Text)
	}
	if !tip {
		t.Error("no preparation tip about water")
	}
}

// Heat can burn skin that cannot feel it: the heat advice says so, for
// reduced sensation and for diabetes.
func TestHeatAdviceWarnsAboutFeeling(t *testing.T) {
	found := false
	for _, p := range MustLoad().Guidance.Preparation {
		text := strings.ToLower(p.Title + " " + p.Text)
		if !strings.Contains(text, "heat") {
			continue
		}
		found = true
		for _, want := range []string{"reduced", "diabetes", "burn"} {
			if !strings.Contains(text, want) {
				t.Errorf("heat advice %q does not mention %q", p.Title, want)
			}
		}
	}
	if !found {
		t.Error("no heat advice in the preparation tips")
	}
}

// The pregnancy caution names the later-pregnancy warning signs (signs
// that can mean pre-eclampsia) and where to go with them.
func TestPregnancyNamesLaterWarningSigns(t *testing.T) {
	q, ok := MustLoad().Safety.Question("pregnancy")
	if !ok {
		t.Fatal("no pregnancy question")
	}
	why := strings.ToLower(strings.Join(strings.Fields(q.Why), " "))
	for _, want := range []string{"later in pregnancy", "under the ribs", "upper back", "headache", "sight", "swelling", "maternity", "same day"} {
		if !strings.Contains(why, want) {
			t.Errorf("the pregnancy caution does not say %q: %s", want, q.Why)
		}
	}
}
