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
// -tokencollect.auto (with -tokencollect.enable off) reports only in
// packages that are clearly apps or plugins, and nothing elsewhere (as if
// off):
//
//   - a Mattermost plugin: the package imports the plugin API
//     (github.com/mattermost/mattermost/server/public/plugin or
//     …/pluginapi, github.com/mattermost/mattermost-server/…,
//     github.com/mattermost/mattermost-plugin-api), or a plugin.json with
//     an id and a server or settings_schema section lies in the package's
//     directory or the one above it;
//   - an HTTP server that persists data: in its non-test code, a function
//     with an *http.Request, gin/echo/fiber context or API-input parameter
//     (a pointer to a struct with a Body or *http.Request field), and a
//     database/sql, gorm, redis, plugin key-value store or data-access-layer
//     call (file writes and cookies do not count).
//
// A CLI (no handler, or no storage) and an SDK (a library with no storage,
// even with a webhook handler) are neither. Auto is not the default yet:
// the rule catalog keeps ATL401 off, and a config file turns it on or off
// (collect-tokens: true or false); go vet takes -tokencollect.auto.
//
// Within each function it follows values (a flow-insensitive data flow
// through assignments, declarations, struct literals field by field,
// conversions, concatenation, fmt/strings/encoding helpers and decoders
// such as json.Unmarshal and (*json.Decoder).Decode) from sources to sinks.
// It works on the syntax tree with type information (model.Flow) rather
// than SSA because buildssa does not run on packages with type errors,
// and every atlint rule must.
//
// Sources: the incoming request of a handler (an *http.Request: form,
// query, header, body decoded into a struct or map, BasicAuth; a gin, echo
// or fiber context and what its Bind/ShouldBindJSON/BodyParser fill; an
// API input with a Body field and what a Decode(input.Body, &v) helper
// such as mapstructure's fills), and struct fields whose
// name or json/db/gorm/yaml/form/mapstructure/toml/bson tag says API token
// or app password for Jira, Confluence, Atlassian or Bitbucket
// (JiraAPIToken, `json:"bitbucket_app_password"`), or a generic token or
// password field (APIToken, Password) in a struct that names one of those
// products (JiraURL, type ConfluenceConnection). Fields promoted from an
// embedded generic struct count in the embedding type's context: a
// Password of BasicAuth embedded in JiraConn, a Token of AccessToken
// embedded in BitbucketConnection (embedded structs are followed 4 levels
// deep). A request value whose key
// is a generic "api_token" or "app_password" counts when the package uses
// an Atlassian client library or URL.
//
// Sinks: database/sql Exec/Query/QueryRow (and Context forms) of DB, Tx,
// Conn and Stmt; gorm (gorm.io/gorm, github.com/jinzhu/gorm) Create, Save,
// Updates, Update, FirstOrCreate, CreateInBatches, Exec; go-redis Set,
// SetNX, SetEx, SetXX, SetArgs, GetSet, HSet, HSetNX, HMSet, MSet, MSetNX;
// the key-value store of a Mattermost plugin (KVSet, KVSetWithExpiry,
// KVSetWithOptions, KVCompareAndSet on plugin.API or on the plugin's own
// interface with those methods; json.Marshal of a request struct with a
// token field carries the token into the bytes); a generic data-access
// layer: a method named Create, Save, Insert, Update, Upsert,
// CreateOrUpdate, Store or Put whose receiver type or package name ends in
// dal, dao, db, store, storage, repo, repository, database or persistence
// (dal.Dal Create, a ConnectionRepository's Save); os.WriteFile, writes to
// an *os.File (Write, WriteString, io.WriteString, fmt.Fprint*,
// json.NewEncoder(file).Encode); http.SetCookie; and
// Atlassian auth sinks (Basic or Bearer auth of net/http toward an
// Atlassian URL, go-jira auth transports, go-atlassian clients) fed by a
// request value or a token field.
//
// It also reports, once per type, a struct type declared in the package
// that persists a token field: one with db/gorm/bson/sql/pg/bun tags (its
// own or an embedded struct's), that embeds gorm.Model, or that the package
// hands to a storage sink (to a generic data-access layer only from a
// function that handles a request, or with a request value).
//
// Plugin settings: the configuration struct of a Mattermost plugin (the
// value passed to LoadPluginConfiguration, or, with a plugin.json, a struct
// with a field named like a setting declared "secret": true) that has a
// token field (AdminAPIToken) is reported at the field: an administrator
// types the token into the System Console and the plugin keeps and sends
// it. The message says when plugin.json declares the setting secret.
//
// Silent on OAuth 2.0 values (access, refresh and ID tokens, client
// secrets, webhook secrets), on values read from the environment
// (os.Getenv, os.LookupEnv, fields tagged env or envconfig) or a keyring
// (github.com/zalando/go-keyring and other keyring packages: a CLI using
// its own user's token), on generic connection structs in types that name
// no Atlassian product, and on tests. The flow does not cross function
// calls other than the helpers named above.
//
// Flags:
//
//	-tokencollect.enable=false  report findings in every package
//	-tokencollect.auto=false    report findings only in apps and plugins (see above)
//
// The plugin.json is read from disk beside the package's files; a driver
// that caches results by the package's own files does not notice when only
// plugin.json changes.
package tokencollect

import _ "embed" // the package comment above is also the analyzer's Doc (Spec.Doc)

//go:embed doc.go
var doc string
