package modeltest

import (
	"fmt"
	"net/http"

	jira "github.com/andygrunwald/go-jira"
	cloud "github.com/andygrunwald/go-jira/v2/cloud"
	v3 "github.com/ctreminiom/go-atlassian/jira/v3"
)

// The test analyzer reports, for each constant string that contains "@",
// the context name and the column of the "@" byte (mapped through escapes
// and concatenation); and every auth sink.

const prefix = "ab"

const joined = prefix + "c@d" // want `string "abc@d" ctx=joined at="@d"`

var escaped = "\x41\u00e9\n@x" // want `string "Aé\\n@x" ctx=escaped at="@x"`

// want +1 `string "line\\n@raw" ctx=raw at="@r"`
var raw = `line
@raw`

var m = map[string]string{"jiraToken": "k@v"} // want `string "k@v" ctx=jiraToken at="@v"`

type S struct{ APIToken string }

var s = S{APIToken: ("p" + "@q")} // want `string "p@q" ctx=APIToken at="@q"`

var notConst = fmt.Sprint("x") + "@y" // want `string "@y" ctx=notConst at="@y"`

func f(req *http.Request, tok string) string {
	req.SetBasicAuth("me@example.com", tok)                       // want `string "me@example.com" ctx=SetBasicAuth at="@e"` `sink Basic net/http user=true secret=tok target=req`
	req.Header.Set("Authorization", "Bearer "+tok)                // want `sink Authorization header net/http user=false secret=.* scheme=Bearer target=req`
	req.Header.Add("authorization", fmt.Sprintf("Basic %s", tok)) // want `sink Authorization header net/http user=false secret=.* scheme=Basic target=req`
	req.Header.Set("X-Atlassian-Token", "no-check")               // not a sink
	_ = &jira.BasicAuthTransport{Username: "u", Password: tok}    // want `sink Basic go-jira user=true secret=tok`
	_ = jira.PATAuthTransport{Token: tok}                         // want `sink Bearer go-jira user=false secret=tok`
	_ = cloud.BasicAuthTransport{Username: "u", APIToken: tok}    // want `sink Basic go-jira user=true secret=tok`
	jc, _ := jira.NewClient(nil, "https://x.atlassian.net")
	jc.Authentication.SetBasicAuth("u", tok) // want `sink Basic go-jira user=true secret=tok target=jc`
	c, _ := v3.New(nil, "https://x.atlassian.net")
	c.Auth.SetBasicAuth("u", tok) // want `sink Basic go-atlassian user=true secret=tok target=c`
	c.Auth.SetBearerToken(tok)    // want `sink Bearer go-atlassian user=false secret=tok target=c`
	return "r@t"                  // want `string "r@t" ctx=f at="@t"`
}
