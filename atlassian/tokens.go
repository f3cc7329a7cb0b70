package atlassian

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"
	"net/url"
	"slices"
	"strings"
)

// Kind is a kind of Atlassian credential, told apart by its grammar.
type Kind int

// The credential kinds (facts §1). The first five are recognised anywhere by
// their prefix and checksum; LegacyAPIToken and DataCenterPAT have no prefix
// and are reported only where the context says the value is a credential
// (see [ScanContext] and [Kind.NeedsContext]).
const (
	// APIToken is a Cloud API token of a user, scoped or classic:
	// "ATATT3xFfGF0" + body + "=" + CRC-32 (8 uppercase hex digits).
	APIToken Kind = iota + 1
	// AccessToken is a Bitbucket Cloud repository, project or workspace
	// access token: "ATCTT3xFfGN0" + the APIToken layout.
	AccessToken
	// ServiceAccountToken is a service-account API token: "ATSTT3xFfGF0" +
	// the APIToken layout (assumed, facts §1).
	ServiceAccountToken
	// AppPassword is a Bitbucket Cloud app password: "ATBB" + 24
	// alphanumerics + CRC-32 of the first 28 characters.
	AppPassword
	// LegacyAPIToken is a Cloud API token created before 2023-01-18: 20
	// alphanumerics + the first 4 hex digits of their MD5. No prefix.
	LegacyAPIToken
	// DataCenterPAT is a Jira, Confluence or Bitbucket Data Center personal
	// access token: 44 characters of standard base64 that decode to 12 ASCII
	// digits, ':' and 20 random bytes. No prefix.
	DataCenterPAT
	// BitbucketDCToken is a Bitbucket Data Center HTTP access token:
	// "BBDC-" + the DataCenterPAT form.
	BitbucketDCToken
)

// Kinds lists every kind, in order.
func Kinds() []Kind {
	return []Kind{APIToken, AccessToken, ServiceAccountToken, AppPassword, LegacyAPIToken, DataCenterPAT, BitbucketDCToken}
}

// String returns the human name of the kind, as diagnostics show it.
func (k Kind) String() string {
	switch k {
	case APIToken:
		return "Atlassian API token"
	case AccessToken:
		return "Bitbucket Cloud access token"
	case ServiceAccountToken:
		return "Atlassian service-account API token"
	case AppPassword:
		return "Bitbucket app password"
	case LegacyAPIToken:
		return "legacy Atlassian API token"
	case DataCenterPAT:
		return "Data Center personal access token"
	case BitbucketDCToken:
		return "Bitbucket Data Center HTTP access token"
	}
	return "unknown credential"
}

// EnvName returns the environment variable a program should read a
// credential of this kind from. For an app password it names what replaces
// it: app passwords stopped working on 2026-07-28 (facts §6), and a scoped
// API token (sent with the Atlassian account email) takes their place.
func (k Kind) EnvName() string {
	switch k {
	case APIToken, LegacyAPIToken:
		return "ATLASSIAN_API_TOKEN"
	case AccessToken:
		return "BITBUCKET_ACCESS_TOKEN"
	case ServiceAccountToken:
		return "ATLASSIAN_SERVICE_ACCOUNT_TOKEN"
	case AppPassword:
		return "BITBUCKET_API_TOKEN"
	case DataCenterPAT:
		return "JIRA_PAT"
	case BitbucketDCToken:
		return "BITBUCKET_DC_TOKEN"
	}
	return "ATLASSIAN_TOKEN"
}

// NeedsContext reports whether the kind has no prefix, so that a value of its
// shape is a credential only where the context says so (an Atlassian-named
// variable, or a value sent as a credential).
func (k Kind) NeedsContext() bool { return k == LegacyAPIToken || k == DataCenterPAT }

// Prefix returns the fixed prefix that tokens of the kind start with as
// issued today ("" for the prefix-free kinds). Scan recognises the CRC-32
// kinds by the first 6 characters of it ("ATATT3") and the checksum.
func (k Kind) Prefix() string {
	switch k {
	case APIToken:
		return "ATATT3xFfGF0"
	case AccessToken:
		return "ATCTT3xFfGN0"
	case ServiceAccountToken:
		return "ATSTT3xFfGF0"
	case AppPassword:
		return "ATBB"
	case BitbucketDCToken:
		return "BBDC-"
	}
	return ""
}

// A Match is one credential found by [Scan] or [ScanContext].
type Match struct {
	Kind Kind
	// Start and End are byte offsets in the scanned string of the text that
	// holds the token: the token itself with its escapes, or the whole base64
	// run of a "Basic" value, or the percent-encoded password of a URL.
	Start, End int
	// Token is the credential, normalized: escapes undone, decoded from
	// base64 or percent-encoding. Never print it; see [Redact].
	Token string
}

// Limits that keep scanning linear on hostile input.
const (
	// crcMinBody and crcMaxLen bound the CRC-32 kinds: at least 26
	// characters between the 6-character prefix and the '=' (the 12-character
	// issued prefix and 20 characters of body), at most 1024 characters in
	// all. Tokens issued today have 192; Atlassian says the length varies.
	crcMinBody = 26
	crcMaxLen  = 1024

	appPasswordLen = 36
	dcPATLen       = 44
	legacyLen      = 24

	maxBasicRun    = 8192 // longest base64 run after "Basic " that is decoded
	maxUserinfoLen = 4096 // longest URL userinfo that is examined
)

// Check reports whether token, in normalized form (no escapes), is a
// well-formed credential of the kind: its grammar and its checksum or
// structure (facts §1).
func Check(kind Kind, token string) bool {
	switch kind {
	case APIToken, AccessToken, ServiceAccountToken:
		return checkCRCToken(kind, token)
	case AppPassword:
		return checkAppPassword(token)
	case LegacyAPIToken:
		return checkLegacy(token)
	case DataCenterPAT:
		return checkDCPAT(token)
	case BitbucketDCToken:
		return strings.HasPrefix(token, "BBDC-") && checkDCPAT(token[5:])
	}
	return false
}

func crcKind(s string) Kind {
	if len(s) < 6 || s[0] != 'A' || s[1] != 'T' || s[3] != 'T' || s[4] != 'T' || s[5] != '3' {
		return 0
	}
	switch s[2] {
	case 'A':
		return APIToken
	case 'C':
		return AccessToken
	case 'S':
		return ServiceAccountToken
	}
	return 0
}

func checkCRCToken(kind Kind, t string) bool {
	if crcKind(t) != kind || len(t) > crcMaxLen || len(t) < 6+crcMinBody+9 {
		return false
	}
	eq := len(t) - 9
	if t[eq] != '=' {
		return false
	}
	for i := 6; i < eq; i++ {
		if !isBodyChar(t[i]) {
			return false
		}
	}
	return crcMatches(t[:eq+1], t[eq+1:])
}

func checkAppPassword(t string) bool {
	if len(t) != appPasswordLen || !strings.HasPrefix(t, "ATBB") {
		return false
	}
	for i := 4; i < 28; i++ {
		if !isAlnum(t[i]) {
			return false
		}
	}
	return crcMatches(t[:28], t[28:])
}

// crcMatches reports whether sum is the CRC-32 (IEEE) of data in 8
// uppercase hex digits.
func crcMatches(data, sum string) bool {
	if len(sum) != 8 {
		return false
	}
	var want uint32
	for i := 0; i < 8; i++ {
		c := sum[i]
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return false
		}
		want = want<<4 | uint32(d)
	}
	return crc32.ChecksumIEEE([]byte(data)) == want
}

func checkLegacy(t string) bool {
	if len(t) != legacyLen {
		return false
	}
	allHex := true
	for i := 0; i < legacyLen; i++ {
		if !isAlnum(t[i]) {
			return false
		}
		if i < 20 && !isHex(t[i]) {
			allHex = false
		}
	}
	// 24 hex digits are an account ID or an object ID, not a token (a real
	// token's first 20 characters are all hex once in ~10^9).
	if allHex {
		return false
	}
	sum := md5.Sum([]byte(t[:20]))
	var want [4]byte
	hex.Encode(want[:], sum[:2])
	for i := 0; i < 4; i++ {
		if lower(t[20+i]) != want[i] {
			return false
		}
	}
	return true
}

func checkDCPAT(t string) bool {
	if len(t) != dcPATLen || (t[0] != 'M' && t[0] != 'N' && t[0] != 'O') {
		return false
	}
	var buf [33]byte
	n, err := base64.StdEncoding.Decode(buf[:], []byte(t))
	if err != nil || n != 33 {
		return false
	}
	for i := 0; i < 12; i++ {
		if buf[i] < '0' || buf[i] > '9' {
			return false
		}
	}
	return buf[12] == ':'
}

// Scan finds every well-formed credential of the prefixed kinds in s: the
// CRC-32 tokens (with "\=", "%3D" or "%3d" in place of their '='), app
// passwords and Bitbucket DC tokens anywhere in s, and these inside the
// base64 of a "Basic " value and in the percent-encoded password of a URL.
// Matches are in order of Start. Scan takes time linear in len(s) (bounded by
// a constant factor on hostile input) and never panics.
func Scan(s string) []Match { return scan(s, false) }

// ScanContext is Scan plus the prefix-free kinds ([LegacyAPIToken],
// [DataCenterPAT]) as whole words of s. Call it where the context says that s
// holds a credential (an Atlassian-named variable, an auth sink): a 24- or
// 44-character word passes their checks by chance too often to be reported
// anywhere.
func ScanContext(s string) []Match { return scan(s, true) }

func scan(s string, context bool) []Match {
	if len(s) < legacyLen {
		return nil
	}
	var ms []Match
	if strings.Contains(s, "AT") {
		ms = scanAT(s, ms)
	}
	if strings.Contains(s, "BBDC-") {
		ms = scanBBDC(s, ms)
	}
	if strings.Contains(s, "asic") || strings.Contains(s, "ASIC") {
		ms = scanBasic(s, context, ms)
	}
	if strings.Contains(s, "://") && strings.IndexByte(s, '@') >= 0 {
		ms = scanUserinfo(s, context, ms)
	}
	if context {
		ms = scanWords(s, ms)
	}
	return dedup(ms)
}

// scanAT finds the CRC-32 kinds and app passwords.
func scanAT(s string, ms []Match) []Match {
	// The terminator search is shared by the candidates of one run: for every
	// candidate whose body starts at or before stop, the result is the same.
	var eq, eqEnd, stop int = -1, -1, -1
	for i := 0; i+4 <= len(s); {
		j := strings.Index(s[i:], "AT")
		if j < 0 {
			break
		}
		i += j
		if i+4 <= len(s) && s[i+2] == 'B' && s[i+3] == 'B' {
			if i+appPasswordLen <= len(s) && checkAppPassword(s[i:i+appPasswordLen]) {
				ms = append(ms, Match{Kind: AppPassword, Start: i, End: i + appPasswordLen, Token: s[i : i+appPasswordLen]})
			}
			i += 2
			continue
		}
		k := crcKind(s[i:min(i+6, len(s))])
		if k == 0 {
			i += 2
			continue
		}
		if i+6 > stop {
			eq, eqEnd, stop = findTerminator(s, i+6)
		}
		if eq >= 0 && eq-i >= 6+crcMinBody && eq-i+9 <= crcMaxLen && eqEnd+8 <= len(s) {
			tok := s[i:eq] + "=" + s[eqEnd:eqEnd+8]
			if checkCRCToken(k, tok) {
				ms = append(ms, Match{Kind: k, Start: i, End: eqEnd + 8, Token: tok})
			}
		}
		i += 2
	}
	return ms
}

// findTerminator returns the start and end of the first '=' form ("=",
// "\=", "%3D", "%3d") at or after from, provided every byte from from up to
// it is a body character, or (-1, -1) when another byte comes first; stop is
// where the search ended.
func findTerminator(s string, from int) (eq, eqEnd, stop int) {
	p := from
	for ; p < len(s); p++ {
		c := s[p]
		switch {
		case isBodyChar(c):
			continue
		case c == '=':
			return p, p + 1, p
		case c == '\\' && p+1 < len(s) && s[p+1] == '=':
			return p, p + 2, p
		case c == '%' && p+2 < len(s) && s[p+1] == '3' && (s[p+2] == 'D' || s[p+2] == 'd'):
			return p, p + 3, p
		}
		return -1, -1, p
	}
	return -1, -1, p
}

func scanBBDC(s string, ms []Match) []Match {
	for i := 0; ; {
		j := strings.Index(s[i:], "BBDC-")
		if j < 0 {
			return ms
		}
		i += j
		end := i + 5 + dcPATLen
		if end <= len(s) && checkDCPAT(s[i+5:end]) && (end == len(s) || !isB64Char(s[end])) {
			ms = append(ms, Match{Kind: BitbucketDCToken, Start: i, End: end, Token: s[i:end]})
		}
		i += 5
	}
}

// scanBasic decodes the base64 run after each "Basic " (any case) and looks
// for a credential in the password part of user:password.
func scanBasic(s string, context bool, ms []Match) []Match {
	for i := 0; i+6 < len(s); i++ {
		if lower(s[i]) != 'b' || !strings.EqualFold(s[i:i+5], "basic") || (i > 0 && isAlnum(s[i-1])) {
			continue
		}
		p := i + 5
		if p >= len(s) || (s[p] != ' ' && s[p] != '\t') {
			continue
		}
		for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
			p++
		}
		q := p
		for q < len(s) && (isB64Char(s[q]) || isB64URLChar(s[q])) && q-p <= maxBasicRun {
			q++
		}
		run := s[p:q]
		for q < len(s) && s[q] == '=' && q-p <= maxBasicRun+2 {
			q++
		}
		i = q - 1
		// base64 of "u:" + the shortest token: ATBB (36) with context off,
		// a legacy token (24) with it on.
		minRun := 51
		if context {
			minRun = 35
		}
		if len(run) < minRun || len(run) > maxBasicRun {
			continue
		}
		dec := decodeB64(run)
		c := strings.IndexByte(dec, ':')
		if c < 0 {
			continue
		}
		for _, m := range scan(dec[c+1:], context) {
			ms = append(ms, Match{Kind: m.Kind, Start: p, End: q, Token: m.Token})
		}
	}
	return ms
}

func decodeB64(run string) string {
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(run); err == nil {
			return string(b)
		}
	}
	return ""
}

// scanUserinfo examines the password of every URL userinfo
// (scheme://user:password@host): percent-decoded, it is scanned for the
// prefixed kinds (which percent-encoding can hide), and for the prefix-free
// kinds when context allows or the URL is visibly Atlassian's
// (x-token-auth user, bitbucket.org, *.atlassian.net).
func scanUserinfo(s string, context bool, ms []Match) []Match {
	for i := 0; ; {
		j := strings.Index(s[i:], "://")
		if j < 0 {
			return ms
		}
		i += j + 3
		at := -1
		colon := -1
		for p := i; p < len(s) && p-i <= maxUserinfoLen; p++ {
			c := s[p]
			if c == '@' {
				at = p
				break
			}
			if c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' {
				break
			}
			if c == ':' && colon < 0 {
				colon = p
			}
		}
		if at < 0 || colon < 0 || colon+1 >= at {
			continue
		}
		user, rawPass := s[i:colon], s[colon+1:at]
		pass, err := url.PathUnescape(rawPass)
		if err != nil {
			continue
		}
		host := s[at+1:]
		if k := strings.IndexAny(host, "/?#:\"'` \t\n"); k >= 0 {
			host = host[:k]
		}
		ctx := context || user == "x-token-auth" || isAtlassianHost(host)
		if pass == rawPass && !ctx {
			continue
		}
		for _, m := range scan(pass, ctx) {
			if m.Start == 0 && m.End == len(pass) || pass != rawPass {
				ms = append(ms, Match{Kind: m.Kind, Start: colon + 1, End: at, Token: m.Token})
			} else {
				ms = append(ms, Match{Kind: m.Kind, Start: colon + 1 + m.Start, End: colon + 1 + m.End, Token: m.Token})
			}
		}
		i = at + 1
	}
}

func isAtlassianHost(host string) bool {
	host = strings.ToLower(host)
	for _, d := range []string{"bitbucket.org", "atlassian.net", "atlassian.com", "jira.com"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// scanWords finds the prefix-free kinds as whole words: a 24-character
// alphanumeric word (legacy API token) and a 44-character base64 word (Data
// Center PAT).
func scanWords(s string, ms []Match) []Match {
	for i := 0; i < len(s); {
		if !isB64Char(s[i]) {
			i++
			continue
		}
		j := i
		alnum := true
		for j < len(s) && isB64Char(s[j]) {
			if !isAlnum(s[j]) {
				alnum = false
			}
			j++
		}
		// A word is bounded by characters that cannot continue it.
		bounded := (i == 0 || !isWordChar(s[i-1])) && (j == len(s) || !isWordChar(s[j]) && s[j] != '=')
		w := s[i:j]
		switch {
		case !bounded:
		case len(w) == legacyLen && alnum && checkLegacy(w):
			ms = append(ms, Match{Kind: LegacyAPIToken, Start: i, End: j, Token: w})
		case len(w) == dcPATLen && checkDCPAT(w) && !(i >= 5 && s[i-5:i] == "BBDC-"):
			ms = append(ms, Match{Kind: DataCenterPAT, Start: i, End: j, Token: w})
		}
		i = j
	}
	return ms
}

// maxKeyLen bounds the key that [KeyBefore] returns.
const maxKeyLen = 64

// KeyBefore returns the name of the key whose value starts at offset start
// of s, in the assignment forms of environment files, shell, flags, YAML,
// JSON and properties: NAME=value, export NAME=value, --name=value,
// NAME: value, "name": "value", name = 'value'. It returns "" when the text
// before start is no such key. It reads at most a few bytes more than the
// key, so it is cheap to call for every candidate.
func KeyBefore(s string, start int) string {
	if start > len(s) {
		return ""
	}
	p := start
	// An opening quote of the value.
	if p > 0 && (s[p-1] == '"' || s[p-1] == '\'' || s[p-1] == '`') {
		p--
	}
	for p > 0 && (s[p-1] == ' ' || s[p-1] == '\t') && start-p < 8 {
		p--
	}
	if p == 0 || (s[p-1] != '=' && s[p-1] != ':') {
		return ""
	}
	p--
	for p > 0 && (s[p-1] == ' ' || s[p-1] == '\t') && start-p < 16 {
		p--
	}
	// A closing quote of the key.
	if p > 0 && (s[p-1] == '"' || s[p-1] == '\'') {
		p--
	}
	end := p
	for p > 0 && end-p < maxKeyLen && isKeyChar(s[p-1]) {
		p--
	}
	if p == end || (p > 0 && isKeyChar(s[p-1])) {
		return ""
	}
	return strings.TrimLeft(s[p:end], "-.")
}

func isKeyChar(c byte) bool { return isAlnum(c) || c == '_' || c == '-' || c == '.' }

// dedup sorts ms and drops a match that repeats the token of an overlapping
// earlier one (the same token found directly and through decoding).
func dedup(ms []Match) []Match {
	if len(ms) < 2 {
		return ms
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	out := ms[:1]
	for _, m := range ms[1:] {
		dup := false
		for k := len(out) - 1; k >= 0 && out[k].End > m.Start; k-- {
			if out[k].Token == m.Token {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isBodyChar(c byte) bool   { return isAlnum(c) || c == '_' || c == '-' }
func isB64Char(c byte) bool    { return isAlnum(c) || c == '+' || c == '/' }
func isB64URLChar(c byte) bool { return c == '_' || c == '-' }
func isWordChar(c byte) bool   { return isB64Char(c) || c == '_' || c == '-' }
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
