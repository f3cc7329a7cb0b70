// Package tokencollect defines the analyzer behind rule ATL401: an app that
// collects or stores its users' Atlassian API tokens.
//
// # Analyzer tokencollect
//
// tokencollect: report apps that collect or store users' Atlassian API tokens
//
// Rule ATL401, off by default. Atlassian forbids Marketplace apps and
// integrations from asking customers for, collecting or storing Atlassian
// API tokens (user or service account) from 2026-01-01: they must use
// OAuth 2.0 (3LO) or Forge. Turn the rule on (-tokencollect.enable, or
// "collect-tokens: true" in .atlint.yml) in the code of apps, plugins and
// services that act for other people; leave it off for scripts and CLIs
// that use their own token. Without the flag the analyzer runs and reports
// nothing.
//
// Within each function it follows values (a flow-insensitive data flow
// through assignments, declarations, struct literals field by field,
// conversions, concatenation, fmt/strings/encoding helpers and decoders
// such as json.Unmarshal and (*json.Decoder).Decode) from sources to sinks.
// It works on the syntax tree with type information (model.Flow) rather
// than SSA because buildssa does not run on packages with type errors,
// and every atlint rule must.
//
// Sources: the incoming *http.Request of a handler (form, query, header,
// body decoded into a struct or map, BasicAuth), and struct fields whose
// name or json/db/gorm/yaml/form/mapstructure/toml/bson tag says API token
// or app password for Jira, Confluence, Atlassian or Bitbucket
// (JiraAPIToken, `json:"bitbucket_app_password"`), or a generic token or
// password field (APIToken, Password) in a struct that names one of those
// products (JiraURL, type ConfluenceConnection). A request value whose key
// is a generic "api_token" or "app_password" counts when the package uses
// an Atlassian client library or URL.
//
// Sinks: database/sql Exec/Query/QueryRow (and Context forms) of DB, Tx,
// Conn and Stmt; gorm (gorm.io/gorm, github.com/jinzhu/gorm) Create, Save,
// Updates, Update, FirstOrCreate, CreateInBatches, Exec; go-redis Set,
// SetNX, SetEx, SetXX, SetArgs, GetSet, HSet, HSetNX, HMSet, MSet, MSetNX;
// os.WriteFile, writes to an *os.File (Write, WriteString, io.WriteString,
// fmt.Fprint*, json.NewEncoder(file).Encode); http.SetCookie; and
// Atlassian auth sinks (Basic or Bearer auth of net/http toward an
// Atlassian URL, go-jira auth transports, go-atlassian clients) fed by a
// request value or a token field.
//
// It also reports, once per type, a struct type declared in the package
// that persists a token field: one with db/gorm/bson/sql/pg/bun tags,
// that embeds gorm.Model, or that the package hands to a storage sink.
//
// Silent on OAuth 2.0 values (access, refresh and ID tokens, client
// secrets), on values read from the environment (os.Getenv,
// os.LookupEnv, fields tagged env or envconfig) or a keyring (a CLI using
// its own user's token), and on tests. The flow does not cross function
// calls other than the helpers named above.
package tokencollect
