package content

import (
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
	var problems []Problem
	var add File
	packFile := map[string]bool{}
	for _, path := range files {
		packFile[path] = true
		data, err := readPack(path)
		if err != nil {
			problems = append(problems, Problem{Origin: path, Msg: err.Error()})
			continue
		}
		f, err := Decode(path, data)
		if err != nil {
			if list, ok := err.(ProblemList); ok {
				problems = append(problems, list...)
			} else {
				problems = append(problems, Problem{Origin: path, Msg: err.Error()})
			}
			continue
		}
		if len(f.Areas)+len(f.Equipment)+len(f.Cautions) > 0 || f.Guidance != nil || f.Safety != nil {
			problems = append(problems, Problem{Origin: path, Msg: "a content pack may add only techniques and programs; the rest of this file is ignored"})
		}
		for _, t := range f.Techniques {
			if _, ok := c.Technique(t.ID); ok {
				problems = append(problems, Problem{Origin: t.origin, Msg: "technique id " + quote(t.ID) + " shadows a built-in technique; choose another id"})
				continue
			}
			add.Techniques = append(add.Techniques, t)
		}
		for _, p := range f.Programs {
			if _, ok := c.Program(p.ID); ok {
				problems = append(problems, Problem{Origin: p.origin, Msg: "program id " + quote(p.ID) + " shadows a built-in program; choose another id"})
				continue
			}
			add.Programs = append(add.Programs, p)
		}
	}

	inPack := func(origin string) bool {
		file, _ := splitOrigin(origin)
		return packFile[file] || packFile[origin]
	}
	// Validate, drop what has problems, and again, until nothing changes.
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

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
