// Package scopedurlconfiglibs: the auth forms real code uses — resty,
// confluence-go-api, Terraform providers.
package scopedurlconfiglibs

import (
	"context"
	"encoding/base64"
	"net/http"
	"os"

	genqlient "github.com/Khan/genqlient/graphql"
	"github.com/go-resty/resty/v2"
	fwschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	mbgraphql "github.com/machinebox/graphql"
	goconfluence "github.com/virtomize/confluence-go-api"
)

// GraphQL clients over an http.Client whose transport sets Basic auth.
type basicTransport struct{ user, token string }

func (t *basicTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(t.user+":"+t.token)))
	return http.DefaultTransport.RoundTrip(r)
}

func graphqlClients() {
	hc := &http.Client{Transport: &basicTransport{"me@example.com", os.Getenv("ATLASSIAN_API_TOKEN")}}
	_ = genqlient.NewClient("https://gql.atlassian.net/gateway/api/graphql", hc)                          // want `API token sent with Basic auth to https://gql\.atlassian\.net: .*send the request to https://api\.atlassian\.com/graphql$`
	_ = mbgraphql.NewClient("https://mb.atlassian.net/gateway/api/graphql", mbgraphql.WithHTTPClient(hc)) // want `to https://mb\.atlassian\.net: `
	// Silent: a plain client, another host.
	_ = genqlient.NewClient("https://gql.atlassian.net/gateway/api/graphql", http.DefaultClient)
	_ = genqlient.NewClient("https://api.atlassian.com/graphql", hc)
}

// resty: a client with a base URL and Basic auth.
func restyClient() *resty.Client {
	return resty.New().
		SetBaseURL("https://mysite.atlassian.net"). // want `ATL201 API token sent with Basic auth to https://mysite\.atlassian\.net: `
		SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
}

// resty: base URL and auth set on a variable.
func restyVar(base string) {
	c := resty.New()
	c.SetBaseURL("https://<your-domain>.atlassian.net") // want `ATL204 API token sent with Basic auth to a <site>\.atlassian\.net host \(placeholder https://<your-domain>\.atlassian\.net\): the documented base URL is a site URL`
	c.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	_, _ = c.R().Get("/rest/api/3/myself")
}

// resty: auth on the request, a full URL.
func restyRequest() {
	_, _ = resty.New().R().
		SetAuthToken(os.Getenv("ATLASSIAN_OAUTH_TOKEN")).
		Get("https://oauth.atlassian.net/rest/api/3/myself") // want `ATL201 OAuth 2\.0 Bearer token sent to https://oauth\.atlassian\.net: `
}

// resty: a hand-built Basic header in request middleware.
func restyMiddleware(user, token string) *resty.Client {
	c := resty.New()
	c.SetBaseURL("https://mw.atlassian.net") // want `ATL201 API token sent with Basic auth to https://mw\.atlassian\.net: `
	c.OnBeforeRequest(func(_ *resty.Client, r *resty.Request) error {
		r.SetHeader("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(user+":"+token)))
		return nil
	})
	return c
}

// confluence-go-api: NewAPI(url, user, token) sends Basic auth to url.
func confluence() {
	api, _ := goconfluence.NewAPI("https://wiki.atlassian.net/wiki/rest/api", "me@example.com", os.Getenv("CONFLUENCE_API_TOKEN")) // want `to https://wiki\.atlassian\.net: .*send the request to https://api\.atlassian\.com/ex/confluence/\{cloudId\}/wiki/rest/api;`
	_, _ = api.GetContentByID("1", nil)
}

// Terraform plugin SDK: the attribute's Description names a site.
func Provider() *schema.Provider {
	return &schema.Provider{
		Schema: map[string]*schema.Schema{
			"url": {
				Type:        schema.TypeString,
				Required:    true,
				Description: "Your Jira Cloud site URL, for example https://<your-domain>.atlassian.net",
				DefaultFunc: schema.EnvDefaultFunc("JIRA_URL", nil),
			},
			"user":  {Type: schema.TypeString, Required: true, Description: "The user's e-mail"},
			"token": {Type: schema.TypeString, Required: true, Sensitive: true, Description: "API token"},
		},
		ConfigureFunc: configure,
	}
}

func configure(d *schema.ResourceData) (interface{}, error) {
	url := d.Get("url").(string)
	user := d.Get("user").(string)
	c := resty.New().SetBaseURL(url) // want `\(the Description of Terraform attribute "url" names a site\)`
	c.SetBasicAuth(user, d.Get("token").(string))
	return c, nil
}

// Terraform plugin framework: the model field tagged with the attribute.
type providerModel struct {
	Endpoint string `tfsdk:"endpoint"`
	Token    string `tfsdk:"token"`
}

func frameworkSchema() fwschema.Schema {
	return fwschema.Schema{Attributes: map[string]fwschema.Attribute{
		"endpoint": fwschema.StringAttribute{Required: true, MarkdownDescription: "Confluence site, `https://example.atlassian.net/wiki`"},
		"token":    fwschema.StringAttribute{Required: true, Sensitive: true},
	}}
}

func frameworkConfigure(_ context.Context, m providerModel) {
	api, _ := goconfluence.NewAPI(m.Endpoint+"/wiki/rest/api", "me@example.com", m.Token) // want `\(the Description of Terraform attribute "endpoint" names a site\)`
	_ = api
}

// Silent: resty with Basic auth to a host that is not Atlassian, and a
// client whose base URL comes from an undocumented field.
type settings struct{ Base string }

func silent(s settings) {
	resty.New().SetBaseURL("https://registry.example.com").SetBasicAuth("u", os.Getenv("REGISTRY_PASSWORD"))
	c := resty.New()
	c.SetBaseURL(s.Base)
	c.SetBasicAuth("me@example.com", os.Getenv("JIRA_API_TOKEN"))
	_, _ = goconfluence.NewAPI(s.Base, "me", os.Getenv("CONFLUENCE_PASSWORD"))

	m := resty.New().SetBaseURL("https://hooks.example.com")
	m.OnBeforeRequest(func(_ *resty.Client, r *resty.Request) error {
		r.SetHeader("Authorization", "Basic "+os.Getenv("HOOK_AUTH"))
		return nil
	})
	r := resty.New().SetBaseURL("https://opaque.atlassian.net").R()
	r.SetHeader("Authorization", os.Getenv("AUTH_HEADER"))
}
