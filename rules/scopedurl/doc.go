// Package scopedurl defines the analyzer behind rules ATL201 and ATL204:
// credentials sent to a host that will reject them, above all API tokens
// sent with Basic auth to https://<site>.atlassian.net.
//
// # Analyzer scopedurl
//
// scopedurl: report tokens sent to an Atlassian host that will reject them (scoped API tokens to <site>.atlassian.net)
//
// Rule ATL201. A scoped API token sent with Basic auth to a site URL
// (https://mysite.atlassian.net/rest/api/3/issue/KEY) fails with errors that
// look like permission problems: 401 "You do not have permission to create
// issues", 404 "Issue does not exist or you do not have permission to see
// it", an empty project list. The same request works through the API
// gateway, with the path after the site unchanged:
//
//	https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/issue/KEY
//	https://api.atlassian.com/ex/confluence/{cloudId}/wiki/api/v2/pages
//
// Classic API tokens are being retired, so every API token is heading to
// scoped: code that sends Basic-auth API tokens to *.atlassian.net (or a
// legacy *.jira.com site) is code that will break. The cloud ID of a site
// is the UUID at https://<site>.atlassian.net/_edge/tenant_info.
//
// The rule follows, with the type checker and within the package, the URL
// and the credentials of
//
//   - requests made by http.NewRequest and http.NewRequestWithContext and
//     authenticated with SetBasicAuth or Header.Set/Add("Authorization",
//     "Basic …"/"Bearer …") on the same request value (through variables,
//     struct fields, helper functions, Clone and WithContext);
//   - an *http.Client whose Transport is a RoundTripper of the package that
//     sets the credentials, used with Do, Get, Head, Post or PostForm;
//   - go-jira clients (github.com/andygrunwald/go-jira, v1 and v2 cloud and
//     onpremise) made by NewClient with the *http.Client of a
//     BasicAuthTransport, PATAuthTransport or BearerAuthTransport;
//   - go-atlassian clients (github.com/ctreminiom/go-atlassian, v1 and v2:
//     Jira v2/v3, agile, sm, Confluence) made by New whose Auth is set with
//     SetBasicAuth or SetBearerToken;
//   - resty clients (github.com/go-resty/resty/v2, resty.dev/v3) with
//     SetBasicAuth, SetAuthToken or SetHeader("Authorization", "Basic …"),
//     also on the request inside an OnBeforeRequest middleware, sent to the
//     URL of the client's SetBaseURL (on the same chain, or on a variable or
//     field that holds the client) or of the request's Get, Post…;
//   - confluence-go-api clients (github.com/virtomize/confluence-go-api):
//     NewAPI(url, user, token) sends Basic auth to url;
//   - GraphQL clients on an *http.Client whose Transport is a RoundTripper
//     of the package that sets the credentials: genqlient and hasura
//     NewClient(endpoint, httpClient), machinebox NewClient(endpoint,
//     WithHTTPClient(httpClient)).
//
// A URL counts as a site URL when the code writes its host: a constant,
// a concatenation or fmt.Sprintf with a constant site prefix, url.URL{Host: …},
// url.Parse, url.JoinPath, a default value (a variable assigned a site URL
// on some path, cmp.Or, a flag default, a struct literal, a struct tag
// default:"…" or envDefault:"…"), or a host the code checks with
// strings.HasSuffix(host, ".atlassian.net") or strings.Contains, or a flag
// whose usage text names a site URL. A URL read only from configuration
// (an environment variable, a flag or a field without such a constraint) is
// not reported. A site label the code fills in at run time
// (fmt.Sprintf("https://%s.atlassian.net/rest/api/3/…", name),
// "https://" + name + ".atlassian.net") is a site URL too: the message
// names https://<site>.atlassian.net.
//
// Site URLs from configuration. Most integrations read the base URL from
// configuration and tell the user, in their documentation, to enter
// https://<your-domain>.atlassian.net. That documentation is evidence too,
// reported with its own message ("the documented base URL is a site URL,
// where scoped API tokens fail…; accept https://api.atlassian.com/ex/jira/{cloudId}/…
// or a cloud ID option") that names the documentation:
//
//   - a placeholder site in a URL the request may use
//     (https://<your-domain>.atlassian.net/wiki/rest/api, https://{site}.atlassian.net,
//     https://${SITE}.atlassian.net, https://your-domain.atlassian.net), as a
//     default value, a cmp.Or fallback or a struct tag default;
//   - the usage text of a flag (flag, github.com/spf13/pflag and so cobra:
//     String, StringP, StringVar, StringVarP; urfave/cli's StringFlag with a
//     Destination) that names a site or a placeholder site;
//   - a struct field's doc or line comment, or its help, desc, description
//     or usage tag (kong, envconfig);
//   - the Description or MarkdownDescription of a Terraform provider
//     attribute (plugin SDK: read with ResourceData.Get; plugin framework:
//     the model field tagged tfsdk:"name");
//   - a sample configuration file beside the code (config.example.yaml,
//     *.json, *.toml, *.env, *.ini, *.sample, *.dist) that sets a key to a
//     site or placeholder site, where a config struct field is read under
//     that key (its json, yaml, toml, mapstructure, koanf, env or envconfig
//     tag, or its name);
//   - a Cloud-only path (/rest/api/3, /gateway/api, /wiki/api/v2) sent with
//     Basic auth to a base URL read from configuration (os.Getenv, a flag,
//     viper, a field with a json/yaml/toml/mapstructure/env/envconfig/koanf
//     tag), when nothing in the package accepts the gateway form or a cloud
//     ID (no string naming api.atlassian.com or /ex/jira, no name that says
//     cloud ID). A parameter of a function is its caller's: an SDK whose
//     host the caller supplies stays silent.
//
// Rule ATL204. These findings are reported as ATL204, a warning: the code
// takes any URL, and only its documentation (or a Cloud-only path sent to a
// configurable base URL) says users will enter a site. A site the code
// itself names, builds or checks for (strings.HasSuffix(host,
// ".atlassian.net")) stays ATL201, an error.
//
// The same machinery reports the other credentials a site rejects: an OAuth
// 2.0 Bearer token (only api.atlassian.com accepts them; cloud IDs at
// https://api.atlassian.com/oauth/token/accessible-resources), a Cloud API
// token sent as Bearer (API tokens use Basic auth), and a Data Center
// personal access token or Bitbucket Data Center token (they work only on
// the customer's own Data Center host). The kind of a token comes from its
// value when the code holds one, from go-jira's PATAuthTransport, or from
// the names around it (JIRA_PAT, oauthToken, apiToken).
//
// The site's GraphQL gateway, https://<site>.atlassian.net/gateway/api/graphql,
// takes classic API tokens only. Scoped API tokens and OAuth 2.0 tokens go
// to https://api.atlassian.com/graphql, which needs no cloud ID: Atlassian's
// Guard Detect guide (https://developer.atlassian.com/cloud/guard-detect/developer/getting-started)
// says user API tokens used by "scripts and simple integrations" use the
// https://api.atlassian.com/graphql URL, and that scoped API tokens work
// there; the platform GraphQL overview (https://developer.atlassian.com/cloud/compass/graphql/)
// lists the authentication of each client. The message suggests that URL,
// and the fix rewrites the literal that writes the site origin and
// /gateway/api, with or without a cloud ID.
//
// Evidence that only tests supply is not used outside them: a site URL that
// reaches a request only from a _test.go file (an SDK's NewRequest whose
// site the caller gives, a token check whose test passes
// "example.atlassian.net"), or a site check (strings.HasSuffix) written
// only in a test, gives no finding in the package's own code. A request
// made in a test with a site of its own is reported in the test.
//
// Silent on URLs already on api.atlassian.com/ex/…, OAuth flows that use
// api.atlassian.com, Bitbucket (bitbucket.org, api.bitbucket.org), Data
// Center and other hosts.
//
// Suggested fix: when the site's cloud ID is given with the flag
// -scopedurl.cloudid SITE=UUID (repeatable; SITE is mysite or
// mysite.atlassian.net; in .atlint.yml: cloud-ids: {mysite: UUID}), the
// fix rewrites the site origin in the URL literal to
// https://api.atlassian.com/ex/{product}/{cloudId}, keeping the path. The
// product comes from the path (/rest/api, /rest/agile, /rest/servicedeskapi:
// jira; /wiki: confluence) or from the client (go-jira: jira; go-atlassian:
// its package). There is no fix without a cloud ID, when the product is
// unknown, when the site origin is not written in one string literal
// (url.URL{Host: …}, a site name pasted into a format), when the literal
// serves requests of different products, or when it also builds strings
// that are not the URLs of reported requests: a constant siteURL used for
// siteURL + "/rest/api/3/issue/" + key and for siteURL + "/browse/" + key
// (a link for people, which must keep pointing at the site) keeps its
// value, and the message names the other use. The uses are followed
// through concatenations, fmt.Sprintf, variables, constants, struct fields,
// flag defaults, the parameters and results of the package's functions;
// an exported package-level name may be used anywhere and gets no fix.
//
// Messages name the cloud-ID option the way the driver in use spells it,
// set by -scopedurl.hint: flag (the default: -scopedurl.cloudid, for the
// command line and go vet), setting (cloud-ids:, for golangci-lint, whose
// plugin sets it) or both.
package scopedurl

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
