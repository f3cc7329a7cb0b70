// Package bad does not type-check: the flow keeps what it can and invents
// nothing.
package bad

func taint(flags uint, what string) string { return "" }
func sink(any)                             {}

type T struct{ Token string }

func f() {
	a := taint(1, "a")
	sink(a) // want `flags=1 what=a`
	u := undefined
	sink(u) // want `clean`
	var t T
	t.Missing = a
	sink(t.Missing) // want `clean`
	sink(t.Token)   // want `clean`
	b := a + undefinedToo()
	sink(b) // want `flags=1 what=a`
	var n int = a
	sink(n)                // want `flags=1 what=a`
	sink(undefinedFunc(a)) // want `clean`
}
