// Command hello is the yardstick for unknot's start-up: a Go hello-world
// built by the same Go on the same machine (bench/startup.sh).
package main

import "fmt"

func main() { fmt.Println("hello, world") }
