package ignoresoff

// tokencollect (ATL401) is off by default: its directives are not stale.

type Settings struct {
	//atlint:ignore ATL401 the admin page is being migrated to OAuth
	JiraAPIToken string
}
