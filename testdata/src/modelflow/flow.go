// Package modelflow is the fixture of model.Flow: the probe reports the
// taint of the argument of each sink(e) (Flow.Of) and stored(e)
// (Flow.Stored). taint(flags, what) is the source, through passes taint
// along, fill(dst, src) writes src into dst.
package modelflow

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

func taint(flags uint, what string) string { return "" }
func sink(any)                             {}
func stored(any)                           {}
func through(a ...any) string              { return "" }
func fill(dst any, src any)                {}
func plain(s string) string                { return s }

// Assignments and declarations, in any order: the flow is insensitive to
// it; a variable holds every taint ever stored into it.
func assignments() {
	a := taint(1, "a")
	sink(a) // want `flags=1 what=a`
	var b = a
	sink(b) // want `flags=1 what=a`
	var c string
	c = b
	sink(c) // want `flags=1 what=a`
	x, y := a, "clean"
	sink(x) // want `flags=1 what=a`
	sink(y) // want `clean`
	late := "x"
	sink(late) // want `flags=1 what=a`
	late = c
	sink("literal") // want `clean`
	_ = a
	h := "pre"
	h += a
	sink(h) // want `flags=1 what=a`
}

// Flags of several sources accumulate.
func flags() {
	v := taint(1, "one")
	v = taint(2, "two")
	sink(v) // want `flags=3 what=two`
	w := taint(1, "one") + taint(4, "four")
	sink(w) // want `flags=5 what=four`
}

type (
	withErr struct{}
	withOK  struct{}
)

func (withErr) through(s string) (string, error) { return s, nil }
func (withOK) through(s string) (string, bool)   { return s, true }

// One call assigned to several variables: each gets its taint, except
// errors and booleans.
func tuples() {
	a := taint(1, "a")
	n, err := withErr{}.through(a)
	sink(n)   // want `flags=1 what=a`
	sink(err) // want `clean`
	s, ok := withOK{}.through(a)
	sink(s)  // want `flags=1 what=a`
	sink(ok) // want `clean`
	var e error = fmt.Errorf("%s", through(a))
	sink(e) // want `clean`
}

// Range loops: the value variable.
func ranges() {
	list := []string{taint(1, "list")}
	for _, v := range list {
		sink(v) // want `flags=1 what=list`
	}
	for i := range list {
		sink(i) // want `clean`
	}
}

type Inner struct {
	Token string
	User  string
}

type Config struct {
	Jira  Inner
	Token string
	Name  string
}

// Struct literals taint field by field; a field of a tainted whole is
// tainted; a whole with a tainted field is tainted.
func structs() {
	cfg := Config{Token: taint(1, "tok"), Name: "n"}
	sink(cfg.Token)   // want `flags=1 what=tok`
	sink(cfg.Name)    // want `clean`
	sink(cfg)         // want `flags=1 what=tok`
	sink(&cfg)        // want `flags=1 what=tok`
	stored(cfg.Token) // want `stored flags=1 what=tok`
	stored(cfg)       // want `stored clean`
	stored(cfg.Name)  // want `stored clean`

	p := &Config{Name: taint(2, "name")}
	sink(p.Name)  // want `flags=2 what=name`
	sink(p.Token) // want `clean`

	// Positional literal: the whole.
	pos := Inner{taint(1, "pos"), "u"}
	sink(pos.User) // want `flags=1 what=pos`

	// Copying a whole with a tainted field taints the copy as a whole.
	cp := cfg
	sink(cp.Name)   // want `flags=1 what=tok`
	stored(cp.Jira) // want `stored flags=1 what=tok`
}

// Field paths: nested fields, through pointers and parentheses.
func fieldPaths() {
	var cfg Config
	cfg.Jira.Token = taint(1, "nested")
	sink(cfg.Jira.Token)   // want `flags=1 what=nested`
	sink(cfg.Jira.User)    // want `clean`
	sink(cfg.Jira)         // want `flags=1 what=nested`
	sink(cfg)              // want `flags=1 what=nested`
	sink(cfg.Name)         // want `clean`
	stored(cfg.Jira.Token) // want `stored flags=1 what=nested`
	stored(cfg.Jira)       // want `stored clean`

	p := &Config{}
	(*p).Jira.User = taint(2, "ptr")
	sink(p.Jira.User)    // want `flags=2 what=ptr`
	sink((p).Jira.Token) // want `clean`

	var nested Config
	nested = Config{Jira: Inner{Token: taint(4, "inner")}}
	sink(nested.Jira.Token) // want `flags=4 what=inner`
	sink(nested.Name)       // want `clean`
}

type secret string

// Conversions, index and slice expressions, type assertions, composite
// literals and append.
func conversions() {
	a := taint(1, "a")
	sink([]byte(a))         // want `flags=1 what=a`
	sink(string([]byte(a))) // want `flags=1 what=a`
	sink(secret(a))         // want `flags=1 what=a`
	sink(a[1:])             // want `flags=1 what=a`
	sink(a[0])              // want `flags=1 what=a`
	var i any = a
	sink(i.(string)) // want `flags=1 what=a`
	m := map[string]string{"k": a}
	sink(m["other"]) // want `flags=1 what=a`
	arr := make([]string, 2)
	arr[0] = a
	sink(arr[1]) // want `flags=1 what=a`
	l := append([]string{"x"}, a)
	sink(l)      // want `flags=1 what=a`
	sink(len(a)) // want `clean`
}

// Concatenation, and the standard string, fmt and encoding helpers; the
// ones whose result is not made of the input stay clean.
func helpers(r io.Reader) {
	a := taint(1, "a")
	sink("Bearer " + a)                                // want `flags=1 what=a`
	sink(a + "/" + "x" + "y")                          // want `flags=1 what=a`
	sink(strings.TrimSpace(a))                         // want `flags=1 what=a`
	sink(strings.Split(a, ":")[1])                     // want `flags=1 what=a`
	sink(bytes.ToLower([]byte(a)))                     // want `flags=1 what=a`
	sink(fmt.Sprintf("Basic %s", a))                   // want `flags=1 what=a`
	sink(fmt.Sprint(a))                                // want `flags=1 what=a`
	sink(base64.StdEncoding.EncodeToString([]byte(a))) // want `flags=1 what=a`
	sink(url.QueryEscape(a))                           // want `flags=1 what=a`
	sink(url.UserPassword("me", a))                    // want `flags=1 what=a`
	sink(strconv.Quote(a))                             // want `flags=1 what=a`
	sink(strings.NewReplacer("a", "b").Replace(a))     // want `flags=1 what=a`
	sink(strings.Index(a, ":"))                        // want `clean`
	sink(strings.Contains(a, ":"))                     // want `clean`
	sink(strconv.Itoa(len(a)))                         // want `clean`
	sink(plain(a))                                     // want `clean`
	sink(through(a))                                   // want `flags=1 what=a`
	sink(through("x", 1))                              // want `clean`
	b, _ := io.ReadAll(io.LimitReader(strings.NewReader(a), 10))
	sink(b) // want `flags=1 what=a`
	sink(r) // want `clean`
}

// A method called through the spec carries its receiver's taint.
type box struct{ v string }

func (b box) through() string { return b.v }

func receivers() {
	b := box{v: taint(1, "box")}
	sink(b.through()) // want `flags=1 what=box`
	var sb strings.Builder
	sb.WriteString("Basic ")
	sb.WriteString(taint(4, "sb"))
	sink(sb.String()) // want `flags=4 what=sb`
	var other strings.Builder
	other.WriteString("x")
	sink(other.String()) // want `clean`
	bb := bytes.NewBufferString(taint(2, "buf"))
	sink(bb.String()) // want `flags=2 what=buf`
}

// Decoders fill their pointer argument: json.Unmarshal (any package's
// two-argument Unmarshal function), (*json.Decoder).Decode, xml; and the
// spec's fill. The fixed point reaches copies made before the call.
func decoders(data []byte) {
	body := []byte(taint(1, "body"))
	var cfg Config
	before := cfg
	json.Unmarshal(body, &cfg)
	sink(cfg.Token)    // want `flags=1 what=body`
	sink(before.Token) // want `flags=1 what=body`

	var m map[string]any
	json.Unmarshal(data, &m)
	sink(m) // want `clean`

	var v struct{ Token string }
	dec := json.NewDecoder(strings.NewReader(taint(2, "dec")))
	dec.Decode(&v)
	sink(v.Token) // want `flags=2 what=dec`

	var x Inner
	xml.NewDecoder(bytes.NewReader(body)).Decode(&x)
	sink(x.User) // want `flags=1 what=body`

	var f string
	fill(&f, taint(4, "fill"))
	sink(f) // want `flags=4 what=fill`

	var clean Config
	json.Unmarshal([]byte("{}"), &clean)
	sink(clean) // want `clean`
}

// Function literals are part of the body that holds them.
func closures() {
	a := taint(1, "a")
	var out string
	func() {
		sink(a) // want `flags=1 what=a`
		out = a
	}()
	sink(out) // want `flags=1 what=a`
	go func(s string) {
		sink(s) // want `clean`
	}(a)
}

// No cross-function flow: parameters, results and package variables
// carry nothing from other functions.
func helper(s string) {
	sink(s) // want `clean`
}

func source() string { return taint(1, "a") }

var global string

func setGlobal() {
	global = taint(1, "global")
	sink(global) // want `flags=1 what=global`
}

func crossFunction() {
	helper(taint(1, "a"))
	sink(source()) // want `clean`
	sink(global)   // want `clean`
}

// Stored ignores sources and expressions that are not paths.
func storedOnly() {
	stored(taint(1, "a")) // want `stored clean`
	x := taint(1, "x")
	stored(x)       // want `stored flags=1 what=x`
	stored(x + "y") // want `stored clean`
	stored(&x)      // want `stored flags=1 what=x`
}

// Cycles between variables end.
func cycles() {
	var a, b string
	a = b
	b = a + taint(1, "cyc")
	sink(a) // want `flags=1 what=cyc`
	var c, d string
	c = d
	d = c
	sink(d) // want `clean`
}

// A long concatenation chain is followed to its first operand.
func longChain() {
	s := taint(1, "deep") + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x" + "x"
	sink(s) // want `flags=1 what=deep`
}
