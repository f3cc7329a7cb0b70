package scopedurltests

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
)

func TestNewRequest(t *testing.T) {
	c, err := New(http.DefaultClient, "https://example.atlassian.net")
	if err != nil {
		t.Fatal(err)
	}
	c.Auth.SetBearerToken("test-token")
	if _, err := c.NewRequest(context.Background(), "GET", "/rest/api/3/myself", nil); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyToken(t *testing.T) {
	_ = VerifyToken(context.Background(), "example.atlassian.net", "me@example.com", "x")
}

func TestPing(t *testing.T) {
	c := Config{Host: os.Getenv("JIRA_HOST")}
	if !strings.HasSuffix(c.Host, ".atlassian.net") {
		t.Skip("no site")
	}
	_ = c.Ping()
}

func TestWithDefault(t *testing.T) {
	_ = WithDefault("https://other.atlassian.net")
}

// A request the test makes itself, with a site of its own: reported in
// the test.
func TestDirect(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil) // want `ATL201 API token sent with Basic auth to https://example\.atlassian\.net: `
	req.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}
