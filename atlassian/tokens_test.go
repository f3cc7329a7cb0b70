package atlassian_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/atlassian"
	"github.com/atlint/atlint/atlassian/atltest"
)

// row is a Match that is safe to print: the token is redacted and hashed.
type row struct {
	Kind       atlassian.Kind
	Start, End int
	Token      string
}

func rows(ms []atlassian.Match) []row {
	var rs []row
	for _, m := range ms {
		rs = append(rs, row{m.Kind, m.Start, m.End, safe(m.Token)})
	}
	return rs
}

func safe(tok string) string {
	return fmt.Sprintf("%s#%x", atlassian.Redact(tok), sha256.Sum256([]byte(tok)))[:40]
}

var (
	api     = atltest.Token(atlassian.APIToken, "t1")
	access  = atltest.Token(atlassian.AccessToken, "t1")
	service = atltest.Token(atlassian.ServiceAccountToken, "t1")
	apppw   = atltest.Token(atlassian.AppPassword, "t1")
	legacy  = atltest.Token(atlassian.LegacyAPIToken, "t1")
	dcpat   = atltest.Token(atlassian.DataCenterPAT, "t1")
	bbdc    = atltest.Token(atlassian.BitbucketDCToken, "t1")
)

func TestKinds(t *testing.T) {
	got := map[string][]string{}
	for _, k := range atlassian.Kinds() {
		got[k.String()] = []string{k.EnvName(), k.Prefix(), fmt.Sprint(k.NeedsContext())}
	}
	want := map[string][]string{
		"Atlassian API token":                     {"ATLASSIAN_API_TOKEN", "ATATT3xFfGF0", "false"},
		"Bitbucket Cloud access token":            {"BITBUCKET_ACCESS_TOKEN", "ATCTT3xFfGN0", "false"},
		"Atlassian service-account API token":     {"ATLASSIAN_SERVICE_ACCOUNT_TOKEN", "ATSTT3xFfGF0", "false"},
		"Bitbucket app password":                  {"BITBUCKET_API_TOKEN", "ATBB", "false"},
		"legacy Atlassian API token":              {"ATLASSIAN_API_TOKEN", "", "true"},
		"Data Center personal access token":       {"JIRA_PAT", "", "true"},
		"Bitbucket Data Center HTTP access token": {"BITBUCKET_DC_TOKEN", "BBDC-", "false"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("kinds (-want +got):\n%s", d)
	}
}

func TestCheck(t *testing.T) {
	crcTok := func(prefix string, bodyLen int) string {
		s := prefix + strings.Repeat("aB3_-", bodyLen/5+1)[:bodyLen] + "="
		return s + crc(s)
	}
	for _, tc := range []struct {
		name string
		kind atlassian.Kind
		tok  string
		want bool
	}{
		{"api", atlassian.APIToken, api, true},
		{"access", atlassian.AccessToken, access, true},
		{"service", atlassian.ServiceAccountToken, service, true},
		{"app password", atlassian.AppPassword, apppw, true},
		{"legacy", atlassian.LegacyAPIToken, legacy, true},
		{"legacy upper-case tail", atlassian.LegacyAPIToken, legacy[:20] + strings.ToUpper(legacy[20:]), true},
		{"dc pat", atlassian.DataCenterPAT, dcpat, true},
		{"bbdc", atlassian.BitbucketDCToken, bbdc, true},
		{"wrong kind", atlassian.AccessToken, api, false},
		{"short body ok", atlassian.APIToken, crcTok("ATATT3xFfGF0", 20), true},
		{"body below minimum", atlassian.APIToken, crcTok("ATATT3xFfGF0", 19), false},
		{"long body ok", atlassian.APIToken, crcTok("ATATT3xFfGF0", 500), true},
		{"over the length cap", atlassian.APIToken, crcTok("ATATT3xFfGF0", 1100), false},
		{"lower-case checksum", atlassian.APIToken, api[:184] + strings.ToLower(api[184:]), strings.ToLower(api[184:]) == api[184:]},
		{"truncated", atlassian.APIToken, api[:len(api)-1], false},
		{"over-long body", atlassian.APIToken, api[:183] + "x" + api[183:], false},
		{"bad checksum", atlassian.APIToken, atltest.Invalid(atlassian.APIToken, "t1"), false},
		{"escaped form is not normalized", atlassian.APIToken, strings.Replace(api, "=", "%3D", 1), false},
		{"body with a dot", atlassian.APIToken, func() string { s := "ATATT3xFfGF0" + strings.Repeat("a.", 20) + "="; return s + crc(s) }(), false},
		{"app password truncated", atlassian.AppPassword, apppw[:35], false},
		{"app password bad", atlassian.AppPassword, atltest.Invalid(atlassian.AppPassword, "t1"), false},
		{"app password body symbol", atlassian.AppPassword, func() string { s := "ATBB" + strings.Repeat("a-", 12); return s + crc(s) }(), false},
		{"legacy bad", atlassian.LegacyAPIToken, atltest.Invalid(atlassian.LegacyAPIToken, "t1"), false},
		{"legacy all hex", atlassian.LegacyAPIToken, func() string { s := "5b10ac8d82e05b22cc7d"; return s + md5hex4(s) }(), false},
		{"legacy 25", atlassian.LegacyAPIToken, legacy + "a", false},
		{"dc pat bad", atlassian.DataCenterPAT, atltest.Invalid(atlassian.DataCenterPAT, "t1"), false},
		{"dc pat 11 digits", atlassian.DataCenterPAT, base64.StdEncoding.EncodeToString([]byte("12345678901::aaaaaaaaaaaaaaaaaaa")), false},
		{"dc pat url-safe", atlassian.DataCenterPAT, base64.URLEncoding.EncodeToString([]byte("123456789012:\xfb\xff\xfe\xfb\xff\xfe\xfb\xff\xfe\xfb\xff\xfe\xfb\xff\xfe\xfb\xff\xfe\xfb\xff")), false},
		{"bbdc without prefix", atlassian.BitbucketDCToken, dcpat, false},
		{"unknown kind", atlassian.Kind(99), api, false},
	} {
		if got := atlassian.Check(tc.kind, tc.tok); got != tc.want {
			t.Errorf("%s: Check(%v, %s) = %v, want %v", tc.name, tc.kind, safe(tc.tok), got, tc.want)
		}
	}
}

func crc(s string) string {
	return fmt.Sprintf("%08X", crc32IEEE(s))
}

func TestScan(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	esc := func(tok, e string) string { return strings.Replace(tok, "=", e, 1) }
	basicAPI := b64("me@example.com:" + api)
	pctPAT := url.QueryEscape(dcpat)
	for _, tc := range []struct {
		name    string
		in      string
		want    []row // Scan
		wantCtx []row // extra matches of ScanContext
	}{
		{name: "bare api", in: api, want: []row{{atlassian.APIToken, 0, len(api), safe(api)}}},
		{name: "access in text", in: "Bearer " + access + "\n", want: []row{{atlassian.AccessToken, 7, 7 + len(access), safe(access)}}},
		{name: "service", in: `{"token":"` + service + `"}`, want: []row{{atlassian.ServiceAccountToken, 10, 10 + len(service), safe(service)}}},
		{name: "app password", in: "pw=" + apppw, want: []row{{atlassian.AppPassword, 3, 39, safe(apppw)}}},
		{name: "bbdc", in: "Bearer " + bbdc, want: []row{{atlassian.BitbucketDCToken, 7, 7 + len(bbdc), safe(bbdc)}}},
		{name: "two tokens", in: api + "," + apppw, want: []row{{atlassian.APIToken, 0, len(api), safe(api)}, {atlassian.AppPassword, len(api) + 1, len(api) + 37, safe(apppw)}}},
		{name: `backslash escape`, in: esc(api, `\=`), want: []row{{atlassian.APIToken, 0, len(api) + 1, safe(api)}}},
		{name: "percent escape", in: "t=" + esc(api, "%3D"), want: []row{{atlassian.APIToken, 2, 2 + len(api) + 2, safe(api)}}},
		{name: "percent escape lower", in: esc(access, "%3d") + "&x=1", want: []row{{atlassian.AccessToken, 0, len(access) + 2, safe(access)}}},
		{name: "double escape is not a token", in: esc(api, `\\=`)},
		{name: "over-long tail still leaks the token", in: api + "ABC", want: []row{{atlassian.APIToken, 0, len(api), safe(api)}}},
		{name: "embedded after letters", in: "xx" + api, want: []row{{atlassian.APIToken, 2, 2 + len(api), safe(api)}}},
		{name: "prefix stutter", in: "ATATT3" + api, want: []row{{atlassian.APIToken, 6, 6 + len(api), safe(api)}}},
		{name: "truncated", in: api[:len(api)-1]},
		{name: "over-long body", in: api[:183] + "x" + api[183:]},
		{name: "bad checksum", in: atltest.Invalid(atlassian.APIToken, "t1")},
		{name: "app password bad", in: atltest.Invalid(atlassian.AppPassword, "t1")},
		{name: "bbdc bad", in: atltest.Invalid(atlassian.BitbucketDCToken, "t1")},
		{name: "bbdc glued", in: bbdc + "A"},
		{name: "basic", in: "Basic " + basicAPI, want: []row{{atlassian.APIToken, 6, 6 + len(basicAPI), safe(api)}}},
		{name: "basic lower case, raw base64", in: "basic  " + strings.TrimRight(basicAPI, "="), want: []row{{atlassian.APIToken, 7, 7 + len(strings.TrimRight(basicAPI, "=")), safe(api)}}},
		{name: "basic app password", in: "Authorization: Basic " + b64("user:"+apppw), want: []row{{atlassian.AppPassword, 21, 21 + len(b64("user:"+apppw)), safe(apppw)}}},
		{name: "basic legacy needs context", in: "Basic " + b64("me@example.com:"+legacy), wantCtx: []row{{atlassian.LegacyAPIToken, 6, 6 + len(b64("me@example.com:"+legacy)), safe(legacy)}}},
		{name: "basic bad token", in: "Basic " + b64("me@example.com:"+atltest.Invalid(atlassian.APIToken, "t1"))},
		{name: "basic not base64", in: "Basic realm=\"jira\" " + strings.Repeat("x", 30)},
		{name: "basic without colon", in: "Basic " + b64(api), want: []row{}},
		{name: "userinfo access", in: "https://x-token-auth:" + access + "@bitbucket.org/ws/repo.git", want: []row{{atlassian.AccessToken, 21, 21 + len(access), safe(access)}}},
		{name: "userinfo percent escape", in: "https://x-token-auth:" + esc(access, "%3D") + "@bitbucket.org/ws/r", want: []row{{atlassian.AccessToken, 21, 21 + len(access) + 2, safe(access)}}},
		{name: "userinfo legacy on atlassian host", in: "https://me%40example.com:" + legacy + "@acme.atlassian.net/rest", want: []row{{atlassian.LegacyAPIToken, 25, 25 + len(legacy), safe(legacy)}}},
		{name: "userinfo legacy elsewhere", in: "https://me:" + legacy + "@example.com/", wantCtx: []row{{atlassian.LegacyAPIToken, 11, 11 + len(legacy), safe(legacy)}}},
		{name: "userinfo encoded dc pat", in: "https://jira:" + pctPAT + "@jira.example.com/rest", wantCtx: []row{{atlassian.DataCenterPAT, 13, 13 + len(pctPAT), safe(dcpat)}}},
		{name: "legacy needs context", in: "token " + legacy, wantCtx: []row{{atlassian.LegacyAPIToken, 6, 6 + len(legacy), safe(legacy)}}},
		{name: "dc pat needs context", in: dcpat, wantCtx: []row{{atlassian.DataCenterPAT, 0, 44, safe(dcpat)}}},
		{name: "legacy inside a word", in: "x" + legacy},
		{name: "legacy glued to underscore", in: legacy + "_x"},
		{name: "dc pat with padding", in: dcpat + "="},
		{name: "bbdc is not also a dc pat", in: bbdc, want: []row{{atlassian.BitbucketDCToken, 0, len(bbdc), safe(bbdc)}}},
		// Known non-secrets (facts §1).
		{name: "env var name", in: "JIRA_API_TOKEN"},
		{name: "header", in: "X-Atlassian-Token: no-check"},
		{name: "placeholder", in: "${ATLASSIAN_API_TOKEN}"},
		{name: "angle placeholder", in: "<your-api-token>"},
		{name: "xxxx", in: "ATATT3xFfGF0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=XXXXXXXX"},
		{name: "your-api-token", in: "your-api-token-goes-here-please"},
		{name: "uuid", in: "a436116f-02ce-4520-8fbb-7301462a1674"},
		{name: "account id", in: "5b10ac8d82e05b22cc7d4ef5"},
		{name: "account ids", in: "accountId=5b10ac8d82e05b22cc7d4ef5&x=557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"},
		{name: "camelCase identifier", in: "searchConfluenceUsingCql"},
		{name: "identifiers", in: "getJiraIssueByKeyAndProj setConfluencePageVersion"},
		{name: "prefix alone", in: "ATATT3xFfGF0 ATCTT3xFfGN0 ATSTT3xFfGF0 ATBB BBDC-"},
		{name: "scanner sample shape, bad crc", in: "ATATT3xFfGF0" + strings.Repeat("Ab1_", 43) + "=0A1B2C3D"},
		{name: "short", in: "AT"},
		{name: "empty", in: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if len(want) == 0 {
				want = nil
			}
			if d := cmp.Diff(want, rows(atlassian.Scan(tc.in))); d != "" {
				t.Errorf("Scan (-want +got):\n%s", d)
			}
			wantCtx := append(append([]row(nil), want...), tc.wantCtx...)
			if len(wantCtx) == 0 {
				wantCtx = nil
			}
			if d := cmp.Diff(wantCtx, rows(atlassian.ScanContext(tc.in))); d != "" {
				t.Errorf("ScanContext (-want +got):\n%s", d)
			}
		})
	}
}

// TestScanHostile checks that Scan stays fast on input built to make a
// naive scanner quadratic, and on random binary data.
func TestScanHostile(t *testing.T) {
	const mb = 1 << 20
	inputs := map[string]string{
		"prefix repeated":         strings.Repeat("ATATT3", mb/6),
		"prefix repeated with eq": strings.Repeat("ATATT3", mb/6) + "=AAAAAAAA",
		"prefix runs":             strings.Repeat("ATATT3"+strings.Repeat("a", 300)+"=", mb/300),
		"app password prefixes":   strings.Repeat("ATBB", mb/4),
		"bbdc prefixes":           strings.Repeat("BBDC-", mb/5),
		"basic":                   strings.Repeat("Basic ", mb/6),
		"basic long run":          "Basic " + strings.Repeat("QUFB", mb/4),
		"urls":                    strings.Repeat("https://a:", mb/10) + "@",
		"words":                   strings.Repeat("abcdefghijklmnopqrstuvwx ", mb/25),
		"tokens":                  strings.Repeat(api+" ", mb/len(api)),
	}
	r := rand.New(rand.NewPCG(1, 2))
	bin := make([]byte, mb)
	for i := range bin {
		bin[i] = byte(r.Uint32())
	}
	inputs["binary"] = string(bin)
	for name, in := range inputs {
		start := time.Now()
		n := len(atlassian.ScanContext(in))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: ScanContext of %d bytes took %v", name, len(in), d)
		}
		if name == "tokens" && n != mb/len(api) {
			t.Errorf("tokens: %d matches, want %d", n, mb/len(api))
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, k := range atlassian.Kinds() {
		tok := atltest.Token(k, "fuzz")
		f.Add(tok)
		f.Add("x=" + tok + "&")
		f.Add(atltest.Basic("me@example.com", tok))
		f.Add("https://x-token-auth:" + url.QueryEscape(tok) + "@bitbucket.org/")
		f.Add(strings.Replace(tok, "=", `\=`, 1))
	}
	f.Add("Basic Og==")
	f.Add("ATATT3ATATT3=")
	f.Fuzz(func(t *testing.T, s string) {
		for _, scan := range []func(string) []atlassian.Match{atlassian.Scan, atlassian.ScanContext} {
			prev := -1
			for _, m := range scan(s) {
				if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
					t.Fatalf("match %v [%d,%d) outside input of %d bytes", m.Kind, m.Start, m.End, len(s))
				}
				if m.Start < prev {
					t.Fatalf("matches out of order")
				}
				prev = m.Start
				if !atlassian.Check(m.Kind, m.Token) {
					t.Fatalf("match %v %s fails Check", m.Kind, atlassian.Redact(m.Token))
				}
			}
		}
	})
}

func TestKeyBefore(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"JIRA_API_TOKEN=@", "JIRA_API_TOKEN"},
		{"export JIRA_TOKEN=@", "JIRA_TOKEN"},
		{"--jira-token=@", "jira-token"},
		{"jira.api.token: @", "jira.api.token"},
		{`{"jiraToken": "@"}`, "jiraToken"},
		{"confluence_token = '@'", "confluence_token"},
		{"atlassian:\n  token: @", "token"},
		{"@", ""},
		{"token @", ""},
		{"x=y @", ""},
		{"= @", ""},
		{"https://@", ""},
		{strings.Repeat("a", 100) + "=@", ""},
	} {
		i := strings.IndexByte(c.in, '@')
		if got := atlassian.KeyBefore(c.in, i); got != c.want {
			t.Errorf("KeyBefore(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := atlassian.KeyBefore("a=", 5); got != "" {
		t.Errorf("start past the end: %q", got)
	}
}
