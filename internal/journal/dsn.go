package journal

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// writePragmas are set on every connection that writes. A small page
// cache: the journal is tiny, and each connection's cache counts towards
// unknot's memory (SPEC §8: under 25 MB).
var writePragmas = fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-256)&_txlock=immediate",
	BusyTimeout.Milliseconds())

// readPragmas open the file read-only (SQLite's mode=ro) and change
// nothing in it: no journal_mode, and transactions that take no write lock.
var readPragmas = fmt.Sprintf("mode=ro&_pragma=busy_timeout(%d)&_pragma=cache_size(-256)&_txlock=deferred",
	BusyTimeout.Milliseconds())

// dsn is the connection string for the journal at path: a file: URI with
// the path escaped, so that '#', '?' and '%' in a directory's name stay
// part of the name instead of starting SQLite's fragment or query. query
// is writePragmas or readPragmas.
func dsn(path, query string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String(), nil
}
