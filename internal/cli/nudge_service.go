package cli

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"runtime"
)

// printService prints what runs the nudges at login: a systemd user unit
// or a launchd agent (kind "systemd", "launchd", or "auto" for this
// system). The nudges run in plain mode there, announcing breaks on the
// desktop.
func printService(a *app, kind string) error {
	if kind == "auto" {
		kind = "systemd"
		if runtime.GOOS == "darwin" {
			kind = "launchd"
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	switch kind {
	case "systemd":
		_, err = fmt.Fprintf(a.out(), systemdUnit, exe)
	case "launchd":
		_, err = fmt.Fprintf(a.out(), launchdAgent, html.EscapeString(exe))
	default:
		return usagef("--service %q: give systemd or launchd", kind)
	}
	return err
}

const systemdUnit = `# unknot's nudges: a break between sessions, around your meetings.
# Install:
#   unknot nudge --service > ~/.config/systemd/user/unknot-nudge.service
#   systemctl --user daemon-reload
#   systemctl --user enable --now unknot-nudge.service
[Unit]
Description=unknot nudges: breaks between sessions
PartOf=graphical-session.target
After=graphical-session.target

[Service]
ExecStart=%s nudge --plain
Restart=on-failure
RestartSec=30

[Install]
WantedBy=graphical-session.target
`

const launchdAgent = `<?xml version="1.0" encoding="UTF-8"?>
<!-- unknot's nudges: a break between sessions, around your meetings.
     Install:
       unknot nudge --service > ~/Library/LaunchAgents/dev.unknot.nudge.plist
       launchctl load ~/Library/LaunchAgents/dev.unknot.nudge.plist -->
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>dev.unknot.nudge</string>
	<key>ProgramArguments</key>
	<array>
		<string>%s</string>
		<string>nudge</string>
		<string>--plain</string>
	</array>
	<key>RunAtLoad</key>
	<true/>
	<key>KeepAlive</key>
	<true/>
</dict>
</plist>
`
