package main

import (
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/atlint/atlint/internal/driver"
)

func main() {
	args := os.Args[1:]
	if driver.IsVetInvocation(args) {
		// go vet -vettool / go fix -fixtool: unitchecker parses the flags
		// and exits.
		unitchecker.Main(inPositionOrder(driver.VetSuite(args))...)
		return
	}
	driver.SetMemoryLimit()
	os.Exit(driver.Main(args, driver.Env{
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Terminal: isTerminal(os.Stderr),
	}))
}

// isTerminal reports whether f is a character device (a terminal), without
// a dependency on golang.org/x/term.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
