package atlassian

import (
	"strings"
)

// A HostKind classifies the host of a URL.
type HostKind int

const (
	HostOther     HostKind = iota // anything else: Data Center hosts, third parties
	HostSite                      // a Cloud site: <site>.atlassian.net or the legacy <site>.jira.com
	HostGateway                   // api.atlassian.com, the API gateway (/ex/{product}/{cloudId}, /oauth, /graphql)
	HostAuth                      // auth.atlassian.com, the OAuth 2.0 authorization server
	HostBitbucket                 // bitbucket.org and api.bitbucket.org
)

func (k HostKind) String() string {
	switch k {
	case HostSite:
		return "site"
	case HostGateway:
		return "gateway"
	case HostAuth:
		return "auth"
	case HostBitbucket:
		return "bitbucket"
	}
	return "other"
}

// Products on the API gateway's /ex/{product}/{cloudId} prefix.
const (
	ProductJira       = "jira"
	ProductConfluence = "confluence"
)

// Gateway is the origin of the Atlassian API gateway.
const Gateway = "https://api.atlassian.com"

// A URL is what atlint knows about an Atlassian URL or URL prefix.
type URL struct {
	Kind HostKind
	Host string // the host, lower case, without port or trailing dot
	Site string // the site name for HostSite: "mysite" in mysite.atlassian.net

	// OriginEnd is the byte offset in the parsed string where the origin
	// (scheme, userinfo, host and port) ends and the path begins; 0 when the
	// string has no scheme and starts with the host.
	OriginEnd int
	Path      string // the path and what follows it (query, fragment), as written

	// Product is the product the path belongs to ("jira", "confluence"),
	// "" when the path does not tell. For gateway URLs it is the product
	// of the /ex/{product}/{cloudId} prefix.
	Product string
	CloudID string // gateway URLs: the cloud ID of /ex/{product}/{cloudId}
	OAuth   bool   // an OAuth 2.0 endpoint: auth.atlassian.com, api.atlassian.com/oauth/...

	// Placeholder is the site label as written when it stands in for a
	// site name (see [ParsePlaceholderSite]); "" for real hosts.
	Placeholder string
}

// cutOrigin splits an http or https URL or URL prefix into its host (as
// hostOf returns it, without userinfo and port) and what follows the
// authority, which starts at byte off of s. ok is false for another
// scheme or a malformed host part.
func cutOrigin(s string) (host, rest string, off int, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return "", "", 0, false
	}
	switch s[:i] {
	case "https", "http", "HTTPS", "HTTP":
	default:
		if l := strings.ToLower(s[:i]); l != "https" && l != "http" {
			return "", "", 0, false
		}
	}
	hostPart := s[i+3:]
	end := strings.IndexAny(hostPart, "/?#")
	if end < 0 {
		end = len(hostPart)
	}
	authority := hostPart[:end]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	if host, ok = hostOf(authority); !ok {
		return "", "", 0, false
	}
	return host, hostPart[end:], i + 3 + end, true
}

// ParseURL classifies s, an absolute URL ("https://mysite.atlassian.net/rest/api/3")
// or a URL prefix (a constant part of a URL built at run time: "https://mysite.atlassian.net",
// "https://mysite.atlassian.net/rest/api/3/issue/"). A string that is not a URL
// with an http or https scheme, or whose host part is malformed, is HostOther
// with ok false. Hosts are compared case-insensitively.
func ParseURL(s string) (u URL, ok bool) {
	host, rest, off, okh := cutOrigin(s)
	if !okh {
		return URL{}, false
	}
	u = ClassifyHost(host)
	u.OriginEnd = off
	u.Path = rest
	switch u.Kind {
	case HostSite:
		u.Product = ProductOfPath(u.Path)
	case HostGateway:
		p := u.Path
		switch {
		case strings.HasPrefix(p, "/ex/"):
			seg := strings.SplitN(p[len("/ex/"):], "/", 3)
			if len(seg) >= 1 && (seg[0] == ProductJira || seg[0] == ProductConfluence) {
				u.Product = seg[0]
			}
			if len(seg) >= 2 {
				u.CloudID = seg[1]
			}
		case strings.HasPrefix(p, "/oauth/"):
			u.OAuth = true
		}
	case HostAuth:
		u.OAuth = true
	}
	return u, true
}

// hostOf returns the lower-case host of an authority without its port,
// or false when it holds characters no host name has.
func hostOf(authority string) (string, bool) {
	host := authority
	if strings.HasPrefix(host, "[") { // IPv6 literal
		return "", false
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		for _, c := range host[i+1:] {
			if c < '0' || c > '9' {
				return "", false
			}
		}
		host = host[:i]
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return "", false
	}
	for i := 0; i < len(host); i++ {
		c := host[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return "", false
		}
	}
	return host, true
}

// ClassifyHost classifies a host name (no scheme, port or path; any case).
// Sites are single labels below atlassian.net or jira.com
// ("mysite.atlassian.net"); deeper names and the bare domains are not sites.
func ClassifyHost(host string) URL {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	u := URL{Host: host}
	switch host {
	case "api.atlassian.com":
		u.Kind = HostGateway
		return u
	case "auth.atlassian.com":
		u.Kind = HostAuth
		return u
	case "bitbucket.org", "api.bitbucket.org", "www.bitbucket.org":
		u.Kind = HostBitbucket
		return u
	}
	for _, d := range []string{".atlassian.net", ".jira.com"} {
		if site, ok := strings.CutSuffix(host, d); ok && validSite(site) {
			u.Kind, u.Site = HostSite, site
			return u
		}
	}
	return u
}

// validSite reports whether name can be a site name: one DNS label.
func validSite(name string) bool {
	if name == "" || len(name) > 63 || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// IsSiteSuffix reports whether s is a domain suffix that only Cloud sites
// match: ".atlassian.net", "atlassian.net", ".jira.com" (any case). Code
// that checks a host against it constrains the host to a site.
func IsSiteSuffix(s string) bool {
	s = strings.ToLower(strings.TrimSuffix(s, "/"))
	switch s {
	case ".atlassian.net", "atlassian.net", ".jira.com":
		return true
	}
	return false
}

// ProductOfPath returns the product a site path belongs to: Jira for
// /rest/api, /rest/agile and /rest/servicedeskapi, Confluence for /wiki,
// "" otherwise.
func ProductOfPath(path string) string {
	for _, p := range []string{"/rest/api", "/rest/agile", "/rest/servicedeskapi"} {
		if pathHasPrefix(path, p) {
			return ProductJira
		}
	}
	if pathHasPrefix(path, "/wiki") {
		return ProductConfluence
	}
	return ""
}

// pathHasPrefix reports whether path starts with the path element(s)
// prefix, followed by the end or by "/", "?" or "#".
func pathHasPrefix(path, prefix string) bool {
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	rest := path[len(prefix):]
	return rest == "" || strings.ContainsRune("/?#", rune(rest[0]))
}

// GatewayBase returns the API-gateway base URL that replaces a site for a
// product: https://api.atlassian.com/ex/{product}/{cloudID}. cloudID may be
// the placeholder "{cloudId}" in messages.
func GatewayBase(product, cloudID string) string {
	return Gateway + "/ex/" + product + "/" + cloudID
}

// RewriteSite returns s with its site origin replaced by the gateway base
// for product and cloudID; the path is kept ("https://mysite.atlassian.net/rest/api/3/myself"
// becomes "https://api.atlassian.com/ex/jira/{cloudID}/rest/api/3/myself").
// It returns false when s is not a site URL.
func RewriteSite(s, product, cloudID string) (string, bool) {
	u, ok := ParseURL(s)
	if !ok || u.Kind != HostSite || product == "" {
		return "", false
	}
	return GatewayBase(product, cloudID) + s[u.OriginEnd:], true
}

// GraphQLGateway is the Atlassian platform GraphQL endpoint for API tokens
// (Basic auth, scoped or classic) and OAuth 2.0 tokens. It needs no cloud
// ID: queries name their sites with ARIs or cloud ID arguments.
const GraphQLGateway = Gateway + "/graphql"

// SiteGraphQLPath is the path of the GraphQL gateway on a site
// (https://<site>.atlassian.net/gateway/api/graphql), which accepts only
// classic API tokens and browser sessions.
const SiteGraphQLPath = "/gateway/api/graphql"

// IsSiteGraphQL reports whether a site path is the site's GraphQL gateway
// (/gateway/api/graphql, followed by the end, "/", "?" or "#").
func IsSiteGraphQL(path string) bool { return pathHasPrefix(path, SiteGraphQLPath) }

// RewriteSiteGraphQL returns s, a site GraphQL URL
// ("https://mysite.atlassian.net/gateway/api/graphql?x"), as the platform
// GraphQL URL ("https://api.atlassian.com/graphql?x"). It returns false
// for anything else.
func RewriteSiteGraphQL(s string) (string, bool) {
	u, ok := ParseURL(s)
	if !ok || u.Kind != HostSite || !IsSiteGraphQL(u.Path) {
		return "", false
	}
	return GraphQLGateway + u.Path[len(SiteGraphQLPath):], true
}

// TenantInfoURL is where the cloud ID of a site can be read.
func TenantInfoURL(siteHost string) string {
	return "https://" + siteHost + "/_edge/tenant_info"
}

// AccessibleResourcesURL lists the cloud IDs an OAuth 2.0 token may use.
const AccessibleResourcesURL = "https://api.atlassian.com/oauth/token/accessible-resources"

// IsCloudID reports whether s has the form of a cloud ID, a UUID
// (8-4-4-4-12 hexadecimal digits, any case).
func IsCloudID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// NormalizeSite turns the ways a user names a site ("mysite",
// "mysite.atlassian.net", "https://MySite.atlassian.net/") into the site's
// host name ("mysite.atlassian.net"). It returns false for anything that is
// not a site.
func NormalizeSite(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "://") {
		u, ok := ParseURL(s)
		if !ok || u.Kind != HostSite {
			return "", false
		}
		return u.Host, true
	}
	s = strings.TrimSuffix(strings.ToLower(s), "/")
	if validSite(s) {
		return s + ".atlassian.net", true
	}
	if u := ClassifyHost(s); u.Kind == HostSite {
		return u.Host, true
	}
	return "", false
}

// Hole is how atlint writes a part of a URL that the code computes at run
// time: the site label of fmt.Sprintf("https://%s.atlassian.net/...", name)
// is "https://{}.atlassian.net/...".
const Hole = "{}"

// ParsePlaceholderSite classifies s, a URL or URL prefix whose site label is
// not a site name but a stand-in: a [Hole] the code fills at run time, or a
// placeholder that documentation asks the user to replace
// ("https://<your-domain>.atlassian.net/wiki/rest/api",
// "https://{site}.atlassian.net", "https://${JIRA_SITE}.atlassian.net",
// "https://%s.atlassian.net", "https://your-domain.atlassian.net",
// "https://YOUR_SITE.atlassian.net"). The URL is HostSite with Site "" and
// Placeholder set to the label as written; ok is false for anything else,
// real sites included.
func ParsePlaceholderSite(s string) (u URL, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return URL{}, false
	}
	if scheme := strings.ToLower(s[:i]); scheme != "https" && scheme != "http" {
		return URL{}, false
	}
	rest := s[i+3:]
	label, domain, ok := cutPlaceholder(rest)
	if !ok {
		return URL{}, false
	}
	end := len(label) + len(domain)
	if end < len(rest) && !strings.ContainsRune("/?#", rune(rest[end])) {
		return URL{}, false
	}
	u = URL{Kind: HostSite, Host: label + domain, Placeholder: label, OriginEnd: i + 3 + end, Path: rest[end:]}
	u.Product = ProductOfPath(u.Path)
	return u, true
}

// cutPlaceholder splits "LABEL.atlassian.net..." into a placeholder label
// and the site domain it is followed by.
func cutPlaceholder(s string) (label, domain string, ok bool) {
	lower := strings.ToLower(s)
	for _, d := range []string{".atlassian.net", ".jira.com"} {
		j := strings.Index(lower, d)
		if j <= 0 {
			continue
		}
		label = s[:j]
		if IsPlaceholderLabel(label) {
			return label, s[j : j+len(d)], true
		}
	}
	return "", "", false
}

// IsPlaceholderLabel reports whether a site label is a stand-in for a site
// name: a [Hole], a bracketed name (<your-domain>, {site}, ${SITE}, [site]),
// a format verb (%s, %v), or a name that asks for yours (your-domain,
// YOUR_SITE, yourcompany).
func IsPlaceholderLabel(label string) bool {
	if label == "" || len(label) > 64 || strings.ContainsAny(label, "/ \t\n\"'`.") {
		return false
	}
	switch {
	case label == Hole, label == "%s", label == "%v", label == "*":
		return true
	case len(label) > 2 && (label[0] == '<' && label[len(label)-1] == '>' ||
		label[0] == '{' && label[len(label)-1] == '}' ||
		label[0] == '[' && label[len(label)-1] == ']'):
		return true
	case strings.HasPrefix(label, "${") && strings.HasSuffix(label, "}"):
		return true
	}
	l := strings.ToLower(label)
	return strings.HasPrefix(l, "your") && validSite(strings.ReplaceAll(l, "_", "-"))
}

// MentionsSite reports whether text (a usage or help text, a description,
// a doc comment) names an Atlassian Cloud site: a site URL, a site host, or
// either with a placeholder label ("https://<your-domain>.atlassian.net",
// "yourcompany.atlassian.net"). Hosts below a site (a.b.atlassian.net) and
// longer domains (x.atlassian.network) do not count.
func MentionsSite(text string) bool {
	lower := strings.ToLower(text)
	for _, d := range []string{".atlassian.net", ".jira.com"} {
		for off := 0; ; {
			j := strings.Index(lower[off:], d)
			if j < 0 {
				break
			}
			j += off
			off = j + len(d)
			if off < len(lower) && isLabelByte(lower[off]) {
				continue // atlassian.network
			}
			start := j
			for start > 0 && !strings.ContainsRune(" \t\n\"'`(,;=/", rune(text[start-1])) {
				start--
			}
			label := text[start:j]
			if IsPlaceholderLabel(label) || validSite(strings.ToLower(label)) {
				return true
			}
		}
	}
	return false
}

func isLabelByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

// CloudOnlyPath returns the prefix of a site path that exists only on
// Atlassian Cloud: /rest/api/3 (Jira Cloud's v3 REST API; Data Center has
// /rest/api/2 only), /gateway/api (the site's API gateway) or /wiki/api/v2
// (Confluence Cloud's v2 REST API). It returns "" for other paths.
func CloudOnlyPath(path string) string {
	for _, p := range []string{"/rest/api/3", "/gateway/api", "/wiki/api/v2"} {
		if pathHasPrefix(path, p) {
			return p
		}
	}
	return ""
}
