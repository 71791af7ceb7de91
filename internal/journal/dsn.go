package journal

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// pragmas are set on every connection. A small page cache: the journal is
// tiny, and each connection's cache counts towards unknot's memory (SPEC
// §8: under 25 MB).
var pragmas = fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-256)&_txlock=immediate",
	BusyTimeout.Milliseconds())

// dsn is the connection string for the journal at path: a file: URI with
// the path escaped, so that '#', '?' and '%' in a directory's name stay
// part of the name instead of starting SQLite's fragment or query.
func dsn(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: pragmas}
	return u.String(), nil
}
