package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// TestErrorsNeverEchoASecret puts a token where a name, a site, a cloud
// ID, a scope, a date, a rule, a pattern or a key belongs: the error says
// what is wrong without printing the token whole.
func TestErrorsNeverEchoASecret(t *testing.T) {
	tok := atltest.Token(atlassian.APIToken, "config-error")
	legacy := atltest.Token(atlassian.LegacyAPIToken, "config-error")
	for _, secret := range []string{tok, legacy} {
		for _, src := range []string{
			"read-only-tokens: [" + secret + "]\n",
			"cloud-ids:\n  mysite: " + secret + "\n",
			"cloud-ids:\n  " + secret + ": 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1\n",
			"token-scopes: [" + secret + "]\n",
			"now: " + secret + "\n",
			"enable: [" + secret + "]\n",
			"disable: [" + secret + "]\n",
			"severity:\n  " + secret + ": error\n",
			"severity:\n  ATL101: " + secret + "\n",
			"exclude: ['" + secret + "[']\n",
			secret + ": 1\n",
			"enable: [ATL101]\n" + secret + ": [\n",
		} {
			_, err := Parse([]byte(src), ".atlint.yml")
			if err == nil {
				if secret == tok {
					t.Errorf("Parse accepted a token in %s", atlassian.Redact(src))
				}
				continue // a legacy token is a valid name: nothing printed
			}
			if strings.Contains(err.Error(), secret[4:len(secret)-4]) {
				t.Errorf("the error echoes the token: %s", strings.ReplaceAll(err.Error(), secret, atlassian.Redact(secret)))
			}
		}
	}
}

// TestParseRefusesDeepNesting: YAML nested 100,000 levels deep (200 KB)
// made the parser take gigabytes; it is refused before parsing, quickly.
func TestParseRefusesDeepNesting(t *testing.T) {
	for name, src := range map[string]string{
		"flow": "enable: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
		"mappings": "enable:\n" + func() string {
			var b strings.Builder
			for i := range 500 {
				b.WriteString(strings.Repeat(" ", i+1) + "a:\n")
			}
			return b.String()
		}(),
		"sequences": "enable:\n" + strings.Repeat("- ", 50000) + "x\n",
	} {
		t0 := time.Now()
		_, err := Parse([]byte(src), ".atlint.yml")
		if err == nil || !strings.Contains(err.Error(), "nested more than") {
			t.Errorf("%s: err = %v", name, err)
		}
		if d := time.Since(t0); d > 2*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
	}
	// Ordinary nesting and brackets in quoted strings are fine.
	if _, err := Parse([]byte("exclude: ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[a]']\n"), ".atlint.yml"); err != nil && strings.Contains(err.Error(), "nested") {
		t.Errorf("brackets in a quoted string count as nesting: %v", err)
	}
	if _, err := Parse([]byte(full), ".atlint.yml"); err != nil {
		t.Errorf("the full example: %v", err)
	}
}

// TestLoadRefusesHugeFiles: -config /dev/zero grew to 20 GB; a file over
// MaxSize is refused after reading MaxSize bytes.
func TestLoadRefusesHugeFiles(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.yml")
	os.WriteFile(name, []byte("enable: [ATL101]\n"+strings.Repeat("# comment\n", (1<<20)/10+1)), 0o644)
	if _, err := Load(name); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := Load("/dev/zero"); err == nil || !strings.Contains(err.Error(), "larger than") {
			t.Errorf("/dev/zero: err = %v", err)
		}
	}
}
