package atlassian

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseURL(t *testing.T) {
	const id = "0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6f"
	for _, tc := range []struct {
		in   string
		ok   bool
		want URL
	}{
		{"https://mysite.atlassian.net/rest/api/3/issue/KEY-1", true,
			URL{Kind: HostSite, Host: "mysite.atlassian.net", Site: "mysite", OriginEnd: 28, Path: "/rest/api/3/issue/KEY-1", Product: "jira"}},
		{"https://mysite.atlassian.net", true,
			URL{Kind: HostSite, Host: "mysite.atlassian.net", Site: "mysite", OriginEnd: 28}},
		{"HTTPS://My-Site.Atlassian.NET./wiki/api/v2/pages?limit=5", true,
			URL{Kind: HostSite, Host: "my-site.atlassian.net", Site: "my-site", OriginEnd: 30, Path: "/wiki/api/v2/pages?limit=5", Product: "confluence"}},
		{"https://user@mysite.atlassian.net:443/rest/agile/1.0/board", true,
			URL{Kind: HostSite, Host: "mysite.atlassian.net", Site: "mysite", OriginEnd: 37, Path: "/rest/agile/1.0/board", Product: "jira"}},
		{"http://legacy.jira.com/rest/servicedeskapi/request", true,
			URL{Kind: HostSite, Host: "legacy.jira.com", Site: "legacy", OriginEnd: 22, Path: "/rest/servicedeskapi/request", Product: "jira"}},
		{"https://mysite.atlassian.net/rest/apix", true,
			URL{Kind: HostSite, Host: "mysite.atlassian.net", Site: "mysite", OriginEnd: 28, Path: "/rest/apix"}},
		{"https://mysite.atlassian.net/wikipedia", true,
			URL{Kind: HostSite, Host: "mysite.atlassian.net", Site: "mysite", OriginEnd: 28, Path: "/wikipedia"}},
		{"https://api.atlassian.com/ex/jira/" + id + "/rest/api/3/myself", true,
			URL{Kind: HostGateway, Host: "api.atlassian.com", OriginEnd: 25, Path: "/ex/jira/" + id + "/rest/api/3/myself", Product: "jira", CloudID: id}},
		{"https://api.atlassian.com/ex/confluence/" + id, true,
			URL{Kind: HostGateway, Host: "api.atlassian.com", OriginEnd: 25, Path: "/ex/confluence/" + id, Product: "confluence", CloudID: id}},
		{"https://api.atlassian.com/oauth/token/accessible-resources", true,
			URL{Kind: HostGateway, Host: "api.atlassian.com", OriginEnd: 25, Path: "/oauth/token/accessible-resources", OAuth: true}},
		{"https://auth.atlassian.com/oauth/token", true,
			URL{Kind: HostAuth, Host: "auth.atlassian.com", OriginEnd: 26, Path: "/oauth/token", OAuth: true}},
		{"https://api.bitbucket.org/2.0/repositories", true,
			URL{Kind: HostBitbucket, Host: "api.bitbucket.org", OriginEnd: 25, Path: "/2.0/repositories"}},
		{"https://jira.example.com/rest/api/2/issue", true,
			URL{Kind: HostOther, Host: "jira.example.com", OriginEnd: 24, Path: "/rest/api/2/issue"}},
		// Not sites: deeper names, the bare domains, look-alikes.
		{"https://a.b.atlassian.net/", true, URL{Kind: HostOther, Host: "a.b.atlassian.net", OriginEnd: 25, Path: "/"}},
		{"https://atlassian.net/", true, URL{Kind: HostOther, Host: "atlassian.net", OriginEnd: 21, Path: "/"}},
		{"https://mysite.atlassian.net.evil.com/", true, URL{Kind: HostOther, Host: "mysite.atlassian.net.evil.com", OriginEnd: 37, Path: "/"}},
		{"https://-bad.atlassian.net/", true, URL{Kind: HostOther, Host: "-bad.atlassian.net", OriginEnd: 26, Path: "/"}},
		// Malformed or not http(s).
		{"mysite.atlassian.net/rest/api/3", false, URL{}},
		{"ftp://mysite.atlassian.net/", false, URL{}},
		{"https://my site.atlassian.net/", false, URL{}},
		{"https://mysite.atlassian.net:port/", false, URL{}},
		{"https://[::1]:8080/", false, URL{}},
		{"https:///rest/api/3", false, URL{}},
		{"://mysite.atlassian.net", false, URL{}},
		{"", false, URL{}},
		{"https://%6Dysite.atlassian.net/", false, URL{}},
	} {
		got, ok := ParseURL(tc.in)
		if ok != tc.ok {
			t.Errorf("ParseURL(%q) ok = %v, want %v", tc.in, ok, tc.ok)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseURL(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
		if ok && tc.in[:got.OriginEnd]+got.Path != tc.in {
			t.Errorf("ParseURL(%q): origin %q + path %q do not rebuild the input", tc.in, tc.in[:got.OriginEnd], got.Path)
		}
	}
}

func TestParseURLHuge(t *testing.T) {
	// A huge prefix must neither panic nor be mistaken for a site.
	s := "https://" + strings.Repeat("a", 1<<20) + ".atlassian.net/rest/api/3"
	u, ok := ParseURL(s)
	if !ok || u.Kind != HostOther {
		t.Errorf("ParseURL(huge label) = %v, %v; want HostOther, true", u.Kind, ok)
	}
	s = "https://mysite.atlassian.net/" + strings.Repeat("x/", 1<<19)
	if u, _ := ParseURL(s); u.Kind != HostSite || u.OriginEnd != 28 {
		t.Errorf("ParseURL(huge path) = %v at %d; want site at 28", u.Kind, u.OriginEnd)
	}
}

func TestRewriteSite(t *testing.T) {
	const id = "0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6f"
	for _, tc := range []struct {
		in, product, want string
		ok                bool
	}{
		{"https://mysite.atlassian.net/rest/api/3/issue/KEY-1", "jira", "https://api.atlassian.com/ex/jira/" + id + "/rest/api/3/issue/KEY-1", true},
		{"https://mysite.atlassian.net", "jira", "https://api.atlassian.com/ex/jira/" + id, true},
		{"https://mysite.atlassian.net/", "confluence", "https://api.atlassian.com/ex/confluence/" + id + "/", true},
		{"https://mysite.atlassian.net/wiki/api/v2/pages", "confluence", "https://api.atlassian.com/ex/confluence/" + id + "/wiki/api/v2/pages", true},
		{"https://mysite.atlassian.net/rest/api/3", "", "", false},
		{"https://api.atlassian.com/ex/jira/" + id, "jira", "", false},
		{"https://jira.example.com/rest/api/2", "jira", "", false},
	} {
		got, ok := RewriteSite(tc.in, tc.product, id)
		if got != tc.want || ok != tc.ok {
			t.Errorf("RewriteSite(%q, %q) = %q, %v; want %q, %v", tc.in, tc.product, got, ok, tc.want, tc.ok)
		}
	}
}

func TestProductOfPath(t *testing.T) {
	for path, want := range map[string]string{
		"/rest/api/3/issue":        "jira",
		"/rest/api/2":              "jira",
		"/rest/api":                "jira",
		"/rest/agile/1.0/board":    "jira",
		"/rest/servicedeskapi?x=1": "jira",
		"/wiki/rest/api/content":   "confluence",
		"/wiki":                    "confluence",
		"/wiki#top":                "confluence",
		"/rest/auth/1/session":     "",
		"/gateway/api/graphql":     "",
		"/wikis":                   "",
		"":                         "",
		"/":                        "",
	} {
		if got := ProductOfPath(path); got != want {
			t.Errorf("ProductOfPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestIsCloudID(t *testing.T) {
	for s, want := range map[string]bool{
		"0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6f":  true,
		"0B3C1F9E-5A7D-4C2B-9E8F-1A2B3C4D5E6F":  true,
		"0b3c1f9e5a7d4c2b9e8f1a2b3c4d5e6f":      false,
		"0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6g":  false,
		"0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6":   false,
		"0b3c1f9e-5a7d-4c2b-9e8f-1a2b3c4d5e6f0": false,
		"{cloudId}":                             false,
		"":                                      false,
	} {
		if got := IsCloudID(s); got != want {
			t.Errorf("IsCloudID(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNormalizeSite(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"mysite", "mysite.atlassian.net", true},
		{"MySite", "mysite.atlassian.net", true},
		{"mysite.atlassian.net", "mysite.atlassian.net", true},
		{"mysite.atlassian.net/", "mysite.atlassian.net", true},
		{"legacy.jira.com", "legacy.jira.com", true},
		{"https://MySite.atlassian.net/", "mysite.atlassian.net", true},
		{" mysite ", "mysite.atlassian.net", true},
		{"", "", false},
		{"my site", "", false},
		{"jira.example.com", "", false},
		{"https://jira.example.com", "", false},
		{"a.b.atlassian.net", "", false},
	} {
		got, ok := NormalizeSite(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeSite(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIsSiteSuffix(t *testing.T) {
	for s, want := range map[string]bool{
		".atlassian.net": true, "atlassian.net": true, ".ATLASSIAN.NET": true, ".jira.com": true,
		"atlassian.com": false, ".atlassian.com": false, "jira.com": false, "": false,
	} {
		if got := IsSiteSuffix(s); got != want {
			t.Errorf("IsSiteSuffix(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRewriteSiteGraphQL(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"https://mysite.atlassian.net/gateway/api/graphql", "https://api.atlassian.com/graphql", true},
		{"https://MySite.atlassian.net/gateway/api/graphql?q=1", "https://api.atlassian.com/graphql?q=1", true},
		{"https://legacy.jira.com/gateway/api/graphql/", "https://api.atlassian.com/graphql/", true},
		// Near misses: other gateway paths, longer path elements, other hosts.
		{"https://mysite.atlassian.net/gateway/api/graphqlx", "", false},
		{"https://mysite.atlassian.net/gateway/api/compass/v1/metrics", "", false},
		{"https://api.atlassian.com/graphql", "", false},
		{"https://jira.example.com/gateway/api/graphql", "", false},
		{"/gateway/api/graphql", "", false},
	} {
		got, ok := RewriteSiteGraphQL(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("RewriteSiteGraphQL(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParsePlaceholderSite(t *testing.T) {
	for _, tc := range []struct {
		in, label, path, product string
		ok                       bool
	}{
		{"https://<your-domain>.atlassian.net/wiki/rest/api", "<your-domain>", "/wiki/rest/api", "confluence", true},
		{"https://{site}.atlassian.net", "{site}", "", "", true},
		{"https://${JIRA_SITE}.atlassian.net/rest/api/3/issue", "${JIRA_SITE}", "/rest/api/3/issue", "jira", true},
		{"https://%s.atlassian.net/rest/api/3", "%s", "/rest/api/3", "jira", true},
		{"https://{}.atlassian.net/rest/agile/1.0/board", "{}", "/rest/agile/1.0/board", "jira", true},
		{"https://your-domain.atlassian.net", "your-domain", "", "", true},
		{"https://YOUR_SITE.atlassian.net/", "YOUR_SITE", "/", "", true},
		{"http://<site>.jira.com?x", "<site>", "?x", "", true},
		// Real sites, other hosts, broken shapes.
		{"https://mysite.atlassian.net/rest/api/3", "", "", "", false},
		{"https://example.atlassian.net", "", "", "", false},
		{"https://<x>.atlassian.network/", "", "", "", false},
		{"https://<x>.example.com/", "", "", "", false},
		{"https://a.<x>.atlassian.net/", "", "", "", false},
		{"ftp://<x>.atlassian.net/", "", "", "", false},
		{"<x>.atlassian.net", "", "", "", false},
		{"https://<>.atlassian.net", "", "", "", false},
	} {
		u, ok := ParsePlaceholderSite(tc.in)
		if ok != tc.ok || u.Placeholder != tc.label || u.Path != tc.path || u.Product != tc.product || ok && (u.Kind != HostSite || tc.in[u.OriginEnd:] != tc.path) {
			t.Errorf("ParsePlaceholderSite(%q) = %+v, %v; want label %q path %q product %q, %v", tc.in, u, ok, tc.label, tc.path, tc.product, tc.ok)
		}
	}
}

func TestMentionsSite(t *testing.T) {
	for _, text := range []string{
		"Jira site, e.g. https://mysite.atlassian.net",
		"base URL (https://<your-domain>.atlassian.net/wiki/rest/api)",
		"your Jira Cloud site: yourcompany.atlassian.net",
		"URL of the form https://{site}.atlassian.net.",
		"legacy sites like acme.jira.com work too",
	} {
		if !MentionsSite(text) {
			t.Errorf("MentionsSite(%q) = false", text)
		}
	}
	for _, text := range []string{
		"Jira Data Center base URL",
		"see https://api.atlassian.com/ex/jira/{cloudId}",
		"docs at https://support.atlassian.com/x",
		"atlassian.net",
		"https://a.b.atlassian.net/",
		"the atlassian.network host",
		"",
	} {
		if MentionsSite(text) {
			t.Errorf("MentionsSite(%q) = true", text)
		}
	}
}

func TestCloudOnlyPath(t *testing.T) {
	for path, want := range map[string]string{
		"/rest/api/3/issue/KEY-1":      "/rest/api/3",
		"/rest/api/3":                  "/rest/api/3",
		"/gateway/api/graphql":         "/gateway/api",
		"/wiki/api/v2/pages?limit=1":   "/wiki/api/v2",
		"/rest/api/2/issue":            "",
		"/rest/api/30":                 "",
		"/wiki/rest/api/content":       "",
		"/gatewayx/api":                "",
		"":                             "",
		"/rest/agile/1.0/board":        "",
		"/rest/servicedeskapi/request": "",
	} {
		if got := CloudOnlyPath(path); got != want {
			t.Errorf("CloudOnlyPath(%q) = %q, want %q", path, got, want)
		}
	}
}
