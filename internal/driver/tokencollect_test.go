package driver

import (
	"bytes"
	"strings"
	"testing"
)

// appModule is an HTTP server that stores a Jira connection's API token
// taken from the request: a clear app, where -tokencollect.auto reports.
var appModule = map[string]string{"main.go": `package main

import "net/http"

type ConnStore struct{}

func (ConnStore) Save(v any) error { return nil }

type JiraConnection struct {
	Email    string
	APIToken string
}

var store ConnStore

func connect(w http.ResponseWriter, r *http.Request) {
	c := &JiraConnection{Email: r.FormValue("email"), APIToken: r.FormValue("api_token")}
	_ = store.Save(c)
}

func main() {
	http.HandleFunc("/connect", connect)
	_ = http.ListenAndServe(":8080", nil)
}
`}

// TestTokenCollectAutoStandalone: -tokencollect.auto (and collect-tokens:
// auto in .atlint.yml) turns ATL401 on in the standalone driver, which
// otherwise filters the findings of an off-by-default rule away.
func TestTokenCollectAutoStandalone(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		config string
		want   int
	}{
		{"off by default", nil, "", ExitClean},
		{"flag", []string{"-tokencollect.auto"}, "", ExitFindings},
		{"config", nil, "collect-tokens: auto\n", ExitFindings},
		{"auto=false", []string{"-tokencollect.auto=false"}, "", ExitClean},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range appModule {
				files[k] = v
			}
			if tc.config != "" {
				files[".atlint.yml"] = tc.config
			}
			dir := module(t, files)
			var stdout, stderr bytes.Buffer
			code := Main(append(tc.args, "./..."), Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
			if code != tc.want {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.want, stdout.String(), stderr.String())
			}
			if tc.want == ExitFindings && !strings.Contains(stdout.String()+stderr.String(), "ATL401") {
				t.Errorf("no ATL401 finding:\n%s%s", stdout.String(), stderr.String())
			}
		})
	}
}

// TestFlagErrorsAreScrubbed: a token passed by mistake as a flag value is
// not echoed whole in the usage error.
func TestFlagErrorsAreScrubbed(t *testing.T) {
	tok := "ATATT3xFfGF0" + strings.Repeat("Ab1_", 40) + "=0A1B2C3D"
	for _, args := range [][]string{
		{"-jpdgraphql.now=" + tok, "./..."},
		{"-enable", tok, "./..."},
	} {
		var stderr bytes.Buffer
		if code := Main(args, Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Dir: t.TempDir()}); code != ExitError {
			t.Errorf("%v: exit %d, want %d", args[0], code, ExitError)
		}
		if strings.Contains(stderr.String(), tok[12:60]) {
			t.Errorf("%v: the error echoes the token: %s", args[0], stderr.String())
		}
	}
}
