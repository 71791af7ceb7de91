package content

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// PackFiles lists the *.yaml files a pack path names: the file itself, or
// every *.yaml file in the directory, sorted. A missing directory holds
// no packs.
func PackFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	files, err := filepath.Glob(filepath.Join(path, "*.yaml"))
	sort.Strings(files)
	return files, err
}

// WithPacks merges user content packs onto the catalogue and reports every
// problem in them as file:line. A broken pack never breaks the catalogue:
// a file that cannot be decoded is skipped, a technique or program with a
// problem is left out (and so is anything that then points at it), and
// the rest is merged. c is not changed.
func (c *Catalogue) WithPacks(files []string) (*Catalogue, []Problem) {
	add, problems := c.collect(files)
	packFile := map[string]bool{}
	for _, path := range files {
		packFile[path] = true
	}
	inPack := func(origin string) bool {
		file, _ := splitOrigin(origin)
		return packFile[file] || packFile[origin]
	}
	// Validate, drop what has problems, and again, until nothing changes:
	// three passes at most, as only programs point at techniques.
	merged := c.merged(add)
	seen := map[Problem]bool{}
	for _, p := range problems {
		seen[p] = true
	}
	for range len(add.Techniques) + len(add.Programs) + 1 {
		bad := map[string]bool{}
		for _, p := range merged.Validate() {
			if !inPack(p.Origin) {
				continue
			}
			bad[p.item] = true
			if !seen[p] {
				seen[p] = true
				problems = append(problems, p)
			}
		}
		if len(bad) == 0 {
			break
		}
		add.Techniques = slices.DeleteFunc(add.Techniques, func(t Technique) bool { return bad[t.origin] })
		add.Programs = slices.DeleteFunc(add.Programs, func(p Program) bool { return bad[p.origin] })
		merged = c.merged(add)
	}
	sort.SliceStable(problems, func(i, j int) bool { return lessOrigin(problems[i].Origin, problems[j].Origin) })
	return merged, problems
}

// collect reads and decodes the pack files, in order, up to the caps on
// their total size and on the techniques and programs they hold; each cap
// is reported once, where it is reached.
func (c *Catalogue) collect(files []string) (File, []Problem) {
	var add File
	var problems []Problem
	report := func(origin, format string, args ...any) {
		problems = append(problems, Problem{Origin: origin, Msg: fmt.Sprintf(format, args...)})
	}
	read := 0
	techsFull, progsFull := false, false
	for _, path := range files {
		data, err := readPack(path)
		if err != nil {
			report(path, "%s", err)
			continue
		}
		if read += len(data); read > MaxPacksBytes {
			report(path, "the packs together are over %d MiB; this file and those after it are left out", MaxPacksBytes>>20)
			break
		}
		f, err := Decode(path, data)
		if err != nil {
			if list, ok := err.(ProblemList); ok {
				problems = append(problems, list...)
			} else {
				report(path, "%s", err)
			}
			continue
		}
		if len(f.Areas)+len(f.Equipment)+len(f.Cautions) > 0 || f.Guidance != nil || f.Safety != nil {
			report(path, "a content pack may add only techniques, programs and ladders; the rest of this file is ignored")
		}
		for _, t := range f.Techniques {
			switch _, builtIn := c.Technique(t.ID); {
			case builtIn:
				report(t.origin, "technique id %s shadows a built-in technique; choose another id", quote(clip(t.ID)))
			case len(add.Techniques) == MaxPackTechniques:
				if !techsFull {
					report(t.origin, "more than %d techniques in the packs; this one and those after it are left out", MaxPackTechniques)
				}
				techsFull = true
			default:
				add.Techniques = append(add.Techniques, t)
			}
		}
		for _, p := range f.Programs {
			switch _, builtIn := c.Program(p.ID); {
			case builtIn:
				report(p.origin, "program id %s shadows a built-in program; choose another id", quote(clip(p.ID)))
			case len(add.Programs) == MaxPackPrograms:
				if !progsFull {
					report(p.origin, "more than %d programs in the packs; this one and those after it are left out", MaxPackPrograms)
				}
				progsFull = true
			default:
				add.Programs = append(add.Programs, p)
			}
		}
	}
	return add, problems
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
