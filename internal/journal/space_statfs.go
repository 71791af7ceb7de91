//go:build linux || darwin || freebsd

package journal

import "syscall"

// noSpaceLeft reports whether the file system holding dir has no blocks
// left for this user.
func noSpaceLeft(dir string) bool {
	var st syscall.Statfs_t
	return syscall.Statfs(dir, &st) == nil && st.Bavail == 0
}
