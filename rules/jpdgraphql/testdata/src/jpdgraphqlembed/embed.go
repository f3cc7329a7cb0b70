package jpdgraphqlembed

import "embed"

//go:embed insights.graphql
var insightsDoc string

//go:embed subscriptions.gql
var subscriptionsDoc []byte

//go:embed queries
var queries embed.FS

//go:embed "spaced name.graphql" notes.txt
var more embed.FS

// Silenced by a directive above the //go:embed line.
//
//atlint:ignore ATL302 token scoped in PROJ-7
//go:embed ignored.graphql
var ignoredDoc string

//go:embed clean.graphql
var cleanDoc string

// Not a string, []byte or embed.FS: the compiler rejects the directive, but
// the analyzer must not read it either.
var notEmbedded = 42
