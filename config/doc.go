// Package config reads atlint's configuration file, .atlint.yml (or
// .atlint.yaml), and the same settings handed to the golangci-lint plugin.
//
// The file is found from the working directory upward (Find); every key is
// kebab-case and every value is checked: an unknown key, a wrong type or a
// bad value (a cloud ID that is not a UUID, an unknown rule, a bad severity
// or scope) is an error that names the file, the line and the key. A rule
// option is checked by the rule's own flag (the value is set on a scratch
// analyzer), so the file accepts exactly what the flag accepts and reports
// the flag's message.
//
//	enable: [ATL401]              # rule IDs or analyzer names; ATL401 is off by default
//	disable: [ATL302]
//	severity: {ATL302: error}     # error, warning, note or off
//	exclude: ["vendor/**", "**/*_gen.go"]
//	tests: false                  # do not report credentials in _test.go files
//	cloud-ids: {mysite: 1b6a3c1e-6a0f-4c39-9d64-43a4e3f2b8a1}
//	token-scopes: [read:view:jira-product-discovery, write:insight:jira-product-discovery]
//	now: 2026-11-01
//	read-only-tokens: [JIRA_RO_TOKEN]
//	collect-tokens: true
//
// The rule option keys are those the rule packages declare (each rule's
// Spec.Options), read in their declared form.
//
// The rule options become analyzer flags (Settings), so a configuration
// reaches a rule the same way a vet flag (-scopedurl.cloudid=...) does;
// flags given on the command line are applied after the file and win.
package config
