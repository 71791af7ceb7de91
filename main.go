// Command unknot is a terminal coach for upper- and mid-back pain: it guides
// self-massage and mobility routines with a countdown readable from the floor.
// The command line lives in internal/cli.
package main

import (
	"os"

	"github.com/unknot/unknot/internal/cli"
)

func main() { os.Exit(cli.Main()) }
