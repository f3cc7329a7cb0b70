// CRLF file: positions of a token on a later line of a block comment.
package credentialscomments

/*
Configuration example:

  JIRA_TOKEN={{atl legacy c1}} */ // want `legacy Atlassian API token`

/* first line
  second line {{atl api c2}} */ // want `Atlassian API token`
var z = 3
