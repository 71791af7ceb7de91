// Package coach is the coaching flow both front ends share: what a person
// asks for (Request), the intake's questions as data, the journal's record
// types and the summaries drawn from them, the Store both front ends read
// and write through, and SessionLog, which turns a running session into
// those records.
//
// It is pure: it imports neither SQLite nor Bubble Tea. The SQLite adapter
// (internal/journal) implements Store beside it; the terminal UI (ui) and
// line mode (internal/plain) are thin front ends over it.
package coach
