package cli

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// dataPath is where the journal lives: --data-dir, then UNKNOT_DATA_DIR,
// then $XDG_DATA_HOME/unknot.
func (a *app) dataPath() string {
	switch {
	case a.dataDir != "":
		return a.dataDir
	case os.Getenv("UNKNOT_DATA_DIR") != "":
		return os.Getenv("UNKNOT_DATA_DIR")
	}
	return filepath.Join(xdgHome("XDG_DATA_HOME", xdg.DataHome), "unknot")
}

// configDir is unknot's settings directory: $XDG_CONFIG_HOME/unknot.
func configDir() string { return filepath.Join(xdgHome("XDG_CONFIG_HOME", xdg.ConfigHome), "unknot") }

// xdgHome reads an XDG base directory variable now (adrg/xdg reads it only
// at start-up, and tests set it later), falling back to xdg's default. A
// relative path is ignored, as the XDG spec says.
func xdgHome(env, fallback string) string {
	if dir := os.Getenv(env); dir != "" && filepath.IsAbs(dir) {
		return dir
	}
	return fallback
}

// configPath is the settings file: $XDG_CONFIG_HOME/unknot/config.toml.
func configPath() string { return filepath.Join(configDir(), "config.toml") }

// packDir is where user content packs live: $XDG_CONFIG_HOME/unknot/content.
func packDir() string { return filepath.Join(configDir(), "content") }
