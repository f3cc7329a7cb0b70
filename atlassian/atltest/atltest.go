// Package atltest generates fake Atlassian credentials that pass atlint's
// checks, for tests. The tokens are deterministic (the same kind and seed
// always give the same token) and random-looking; they were never issued by
// Atlassian and grant nothing.
//
// The repository keeps no checksum-valid token in its files, so that secret
// scanners stay quiet on it: fixtures hold placeholders that [Expand]
// replaces with generated tokens, and tests copy fixture trees into a
// temporary directory with [TestData] or [ExpandTree] before running on them.
//
// # Placeholders
//
// A placeholder is written {{atl KIND SEED MOD...}}. KIND is one of
//
//	api      Cloud API token (ATATT3…)
//	access   Bitbucket Cloud access token (ATCTT3…)
//	service  service-account API token (ATSTT3…)
//	apppw    Bitbucket app password (ATBB…)
//	legacy   legacy 24-character Cloud API token
//	dcpat    Data Center personal access token (44 characters of base64)
//	bbdc     Bitbucket Data Center HTTP access token (BBDC-…)
//
// SEED is any word; different seeds give different tokens. The modifiers
// apply in order, each to the result of the one before:
//
//	bad          break the checksum or structure (a near-miss)
//	long         insert one body character (over-long: the checksum fails)
//	trunc        drop the last character (truncated)
//	esc          write the '=' of a CRC-32 token as \=
//	escq         write the '=' as \\= (a Go interpreted literal whose value has \=)
//	pct          write the '=' as %3D
//	pctl         write the '=' as %3d
//	basic=USER   "Basic " + base64(USER:token)
//	b64=USER     base64(USER:token)
//	slice=A:B    bytes A to B of the value (B may be empty: to the end)
//	redact       atlassian.Redact of the value (what diagnostics show)
//	quote        regexp.QuoteMeta of the value (for // want patterns)
//	goquote      strconv.Quote of the value without its quotes
//	hex          the value's bytes as hex digits (write "\x{{atl … slice=5:6 hex}}")
//
// For example "{{atl api s1}}" becomes "ATATT3xFfGF0…" (192 characters) and
// `{{atl api s1 redact quote}}` the pattern of its redacted form.
package atltest

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/atlint/atlint/atlassian"
)

// Token returns a fake credential of the kind, generated from seed, that
// passes atlassian.Check. Cloud tokens are 192 characters long, like those
// issued today.
func Token(kind atlassian.Kind, seed string) string {
	r := newStream(kind, seed)
	switch kind {
	case atlassian.APIToken, atlassian.AccessToken, atlassian.ServiceAccountToken:
		const body = 192 - 12 - 1 - 8
		s := kind.Prefix() + r.chars(body, bodyChars) + "="
		return s + crcHex(s)
	case atlassian.AppPassword:
		s := "ATBB" + r.chars(24, alnumChars)
		return s + crcHex(s)
	case atlassian.LegacyAPIToken:
		for {
			s := r.chars(20, alnumChars)
			if strings.Trim(s, "0123456789abcdefABCDEF") == "" {
				continue // all hex: looks like an account ID
			}
			sum := md5.Sum([]byte(s))
			return s + hex.EncodeToString(sum[:2])
		}
	case atlassian.DataCenterPAT:
		return dcPAT(r)
	case atlassian.BitbucketDCToken:
		return "BBDC-" + dcPAT(r)
	}
	panic(fmt.Sprintf("atltest.Token: unknown kind %d", kind))
}

// Invalid returns Token(kind, seed) with its checksum or structure broken in
// one character: a near-miss that must stay silent.
func Invalid(kind atlassian.Kind, seed string) string {
	return breakToken(kind, Token(kind, seed))
}

func breakToken(kind atlassian.Kind, t string) string {
	b := []byte(t)
	switch kind {
	case atlassian.DataCenterPAT, atlassian.BitbucketDCToken:
		// Make the ':' after the 12 digits decode to something else.
		b[len(b)-44+16] = flip(b[len(b)-44+16])
	default:
		i := len(b) - 1 // last checksum digit
		if kind == atlassian.LegacyAPIToken || b[i] < '0' || b[i] > '9' {
			i = len(b) - 10 // a body character
			if kind == atlassian.LegacyAPIToken {
				i = 5
			}
		}
		b[i] = flip(b[i])
	}
	out := string(b)
	if atlassian.Check(kind, out) {
		panic("atltest: broken token still passes its check")
	}
	return out
}

func flip(c byte) byte {
	switch {
	case c == 'a':
		return 'b'
	case c == '0':
		return '1'
	case c == 'A':
		return 'B'
	}
	if c > '0' && c <= '9' || c > 'a' && c <= 'z' || c > 'A' && c <= 'Z' {
		return c - 1
	}
	return 'x'
}

// Basic returns the value of an Authorization header that sends user and
// token with HTTP Basic auth.
func Basic(user, token string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+token))
}

const (
	alnumChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	bodyChars  = alnumChars + "_-"
)

func crcHex(s string) string { return fmt.Sprintf("%08X", crc32.ChecksumIEEE([]byte(s))) }

func dcPAT(r *stream) string {
	raw := []byte(r.chars(12, "0123456789") + ":" + string(r.bytes(20)))
	return base64.StdEncoding.EncodeToString(raw)
}

// A stream is a deterministic pseudo-random byte stream: SHA-256 in
// counter mode over the kind and the seed.
type stream struct {
	key [32]byte
	n   uint64
	buf []byte
}

func newStream(kind atlassian.Kind, seed string) *stream {
	return &stream{key: sha256.Sum256([]byte(fmt.Sprintf("atltest/%d/%s", int(kind), seed)))}
}

func (r *stream) byte() byte {
	if len(r.buf) == 0 {
		var in [40]byte
		copy(in[:], r.key[:])
		binary.BigEndian.PutUint64(in[32:], r.n)
		r.n++
		sum := sha256.Sum256(in[:])
		r.buf = sum[:]
	}
	b := r.buf[0]
	r.buf = r.buf[1:]
	return b
}

func (r *stream) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = r.byte()
	}
	return b
}

func (r *stream) chars(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[int(r.byte())%len(alphabet)]
	}
	return string(b)
}

// KindByName returns the kind of a placeholder KIND word.
func KindByName(name string) (atlassian.Kind, bool) {
	k, ok := kindNames[name]
	return k, ok
}

var kindNames = map[string]atlassian.Kind{
	"api":     atlassian.APIToken,
	"access":  atlassian.AccessToken,
	"service": atlassian.ServiceAccountToken,
	"apppw":   atlassian.AppPassword,
	"legacy":  atlassian.LegacyAPIToken,
	"dcpat":   atlassian.DataCenterPAT,
	"bbdc":    atlassian.BitbucketDCToken,
}

var placeholderRe = regexp.MustCompile(`\{\{atl ([^{}]*)\}\}`)

// Expand replaces every {{atl KIND SEED MOD...}} placeholder in text (see the
// package documentation).
func Expand(text string) (string, error) {
	var firstErr error
	out := placeholderRe.ReplaceAllStringFunc(text, func(ph string) string {
		v, err := expandOne(placeholderRe.FindStringSubmatch(ph)[1])
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %v", ph, err)
		}
		return v
	})
	return out, firstErr
}

// MustExpand is Expand that panics on a malformed placeholder.
func MustExpand(text string) string {
	s, err := Expand(text)
	if err != nil {
		panic(err)
	}
	return s
}

func expandOne(spec string) (string, error) {
	f := strings.Fields(spec)
	if len(f) < 2 {
		return "", fmt.Errorf("want {{atl KIND SEED MOD...}}")
	}
	kind, ok := KindByName(f[0])
	if !ok {
		return "", fmt.Errorf("unknown kind %q", f[0])
	}
	v := Token(kind, f[1])
	for _, mod := range f[2:] {
		name, arg, _ := strings.Cut(mod, "=")
		switch name {
		case "bad":
			v = breakToken(kind, v)
		case "long":
			i := strings.LastIndexByte(v, '=')
			if i < 0 {
				i = len(v) / 2
			}
			v = v[:i] + "x" + v[i:]
		case "trunc":
			v = v[:len(v)-1]
		case "esc", "escq", "pct", "pctl":
			rep := map[string]string{"esc": `\=`, "escq": `\\=`, "pct": "%3D", "pctl": "%3d"}[name]
			i := strings.LastIndexByte(v, '=')
			if i < 0 {
				return "", fmt.Errorf("%s: the value has no '='", name)
			}
			v = v[:i] + rep + v[i+1:]
		case "basic":
			v = Basic(arg, v)
		case "b64":
			v = base64.StdEncoding.EncodeToString([]byte(arg + ":" + v))
		case "slice":
			a, b, _ := strings.Cut(arg, ":")
			lo, err1 := strconv.Atoi(a)
			hi, err2 := len(v), error(nil)
			if b != "" {
				hi, err2 = strconv.Atoi(b)
			}
			if err1 != nil || err2 != nil || lo < 0 || hi > len(v) || lo > hi {
				return "", fmt.Errorf("bad slice=%s for a value of %d bytes", arg, len(v))
			}
			v = v[lo:hi]
		case "redact":
			v = atlassian.Redact(v)
		case "quote":
			v = regexp.QuoteMeta(v)
		case "hex":
			v = hex.EncodeToString([]byte(v))
		case "goquote":
			q := strconv.Quote(v)
			v = q[1 : len(q)-1]
		default:
			return "", fmt.Errorf("unknown modifier %q", mod)
		}
	}
	return v, nil
}

// ExpandTree copies the directory tree src to dst, expanding placeholders in
// every regular file. It creates dst.
func ExpandTree(dst, src string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := Expand(string(data))
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		return os.WriteFile(target, []byte(out), 0o644)
	})
}

// TestData returns a temporary analysistest data directory (with a src
// subdirectory) holding the trees root/src/DIR for each dir, placeholders
// expanded. root is the repository's testdata directory, e.g.
// filepath.Join("..", "..", "testdata"). Pass the stubs your fixtures import
// too ("github.com/andygrunwald/go-jira").
func TestData(t testing.TB, root string, dirs ...string) string {
	t.Helper()
	tmp := t.TempDir()
	for _, d := range dirs {
		if err := ExpandTree(filepath.Join(tmp, "src", d), filepath.Join(root, "src", d)); err != nil {
			t.Fatalf("atltest.TestData: %v", err)
		}
	}
	return tmp
}

// WriteFile writes text to path with placeholders expanded, creating the
// directories above it.
func WriteFile(t testing.TB, path, text string) {
	t.Helper()
	out, err := Expand(text)
	if err != nil {
		t.Fatalf("atltest.WriteFile %s: %v", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}
