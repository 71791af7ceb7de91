package content

import (
	"bytes"
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
// the rest is merged. c is not changed; with no files it is returned
// as it is.
func (c *Catalogue) WithPacks(files []string) (*Catalogue, []Problem) {
	if len(files) == 0 {
		return c, nil // nothing to add, and the built-in content is tested
	}
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
	// four passes at most, as techniques and programs point at
	// references and programs at techniques.
	merged := c.merged(add)
	seen := map[Problem]bool{}
	for _, p := range problems {
		seen[p] = true
	}
	for range len(add.References) + len(add.Techniques) + len(add.Programs) + 1 {
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
		add.References = slices.DeleteFunc(add.References, func(r Reference) bool { return bad[r.origin] })
		add.Ladders = slices.DeleteFunc(add.Ladders, func(l Ladder) bool { return bad[l.origin] })
		merged = c.merged(add)
	}
	sort.SliceStable(problems, func(i, j int) bool { return lessOrigin(problems[i].Origin, problems[j].Origin) })
	return merged, problems
}

// collect reads and decodes the pack files, in order, up to the caps on
// their total size and on the techniques, programs and references they
// hold; each cap is reported once, where it is reached.
func (c *Catalogue) collect(files []string) (File, []Problem) {
	var add File
	var problems []Problem
	report := func(origin, format string, args ...any) {
		problems = append(problems, Problem{Origin: origin, Msg: fmt.Sprintf(format, args...)})
	}
	read := 0
	techs := packCap{kind: "technique", limit: MaxPackTechniques, fix: "choose another id"}
	progs := packCap{kind: "program", limit: MaxPackPrograms, fix: "choose another id"}
	refs := packCap{kind: "reference", limit: MaxPackReferences, fix: "cite the built-in one, or choose another id"}
	ladders := packCap{kind: "ladder", limit: MaxPackLadders, fix: "choose another id"}
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
		// A file that can add nothing more is not read: the packs hold
		// the most techniques and programs allowed, and it has no
		// references or ladders (which it may still add).
		if len(add.Techniques) >= techs.limit && len(add.Programs) >= progs.limit && !bytes.Contains(data, []byte("references")) && !bytes.Contains(data, []byte("ladders")) {
			report(path, "not read: the packs already hold %d techniques and %d programs, the most allowed", MaxPackTechniques, MaxPackPrograms)
			continue
		}
		// What the packs can no longer add is not decoded: past each
		// cap, only the item that says so and those that shadow a
		// built-in one (which are reported whatever the cap).
		room := map[string]int{"techniques": techs.room(len(add.Techniques)), "programs": progs.room(len(add.Programs)),
			"references": refs.room(len(add.References)), "ladders": ladders.room(len(add.Ladders))}
		builtIn := map[string]func(string) bool{
			"techniques": func(id string) bool { _, ok := c.Technique(id); return ok },
			"programs":   func(id string) bool { _, ok := c.Program(id); return ok },
			"references": func(id string) bool { _, ok := c.Reference(id); return ok },
			"ladders":    func(id string) bool { return slices.ContainsFunc(c.Ladders, func(l Ladder) bool { return l.ID == id }) },
		}
		f, err := decode(path, data, func(list, id string) bool {
			left, capped := room[list]
			switch {
			case !capped || builtIn[list](id):
				return true
			case left > 0:
				room[list]--
				return true
			}
			return false
		})
		if err != nil {
			if list, ok := err.(ProblemList); ok {
				problems = append(problems, list...)
			} else {
				report(path, "%s", err)
			}
			continue
		}
		if len(f.Areas)+len(f.Equipment)+len(f.Cautions) > 0 || f.Guidance != nil || f.Safety != nil {
			report(path, "a content pack may add only techniques, programs, references and ladders; the rest of this file is ignored")
		}
		admit(f.Techniques, &add.Techniques, &techs, func(t Technique) (string, string) { return t.ID, t.origin },
			func(id string) bool { _, ok := c.Technique(id); return ok }, report)
		admit(f.Programs, &add.Programs, &progs, func(p Program) (string, string) { return p.ID, p.origin },
			func(id string) bool { _, ok := c.Program(id); return ok }, report)
		admit(f.References, &add.References, &refs, func(r Reference) (string, string) { return r.ID, r.origin },
			func(id string) bool { _, ok := c.Reference(id); return ok }, report)
		admit(f.Ladders, &add.Ladders, &ladders, func(l Ladder) (string, string) { return l.ID, l.origin },
			func(id string) bool { return slices.ContainsFunc(c.Ladders, func(l Ladder) bool { return l.ID == id }) }, report)
	}
	return add, problems
}

// packCap is what collect knows about one kind of pack item: its cap,
// whether the cap has been reached, and what to do about a shadowed id.
type packCap struct {
	kind  string
	limit int
	full  bool
	fix   string
}

// room is how many more items of the kind are worth decoding, with n
// admitted: up to the cap, and one more to say the cap was reached.
func (k *packCap) room(n int) int {
	if k.full {
		return 0
	}
	return k.limit - n + 1
}

// admit adds a pack file's items of one kind to *into, reporting an item
// whose id shadows a built-in one and, once, the item that reaches the cap.
func admit[T any](items []T, into *[]T, k *packCap, where func(T) (id, origin string), builtIn func(string) bool, report func(origin, format string, args ...any)) {
	for _, it := range items {
		id, origin := where(it)
		switch {
		case builtIn(id):
			report(origin, "%s id %s shadows a built-in %s; %s", k.kind, quote(clip(id)), k.kind, k.fix)
		case len(*into) == k.limit:
			if !k.full {
				report(origin, "more than %d %ss in the packs; this one and those after it are left out", k.limit, k.kind)
			}
			k.full = true
		default:
			*into = append(*into, it)
		}
	}
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
