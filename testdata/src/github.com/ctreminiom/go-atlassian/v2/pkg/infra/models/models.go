// Stub of github.com/ctreminiom/go-atlassian/v2 for atlint fixtures: signatures only.
package models

import (
	"bytes"
	"net/http"
)

type ResponseScheme struct {
	*http.Response

	Code     int
	Endpoint string
	Method   string
	Bytes    bytes.Buffer
}

type CustomFields struct{ Fields []map[string]interface{} }

type UpdateOperations struct{ Fields []map[string]interface{} }

type ProjectScheme struct {
	ID   string `json:"id,omitempty"`
	Key  string `json:"key,omitempty"`
	Name string `json:"name,omitempty"`
}

type IssueTypeScheme struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

type CommentNodeScheme struct {
	Version int                    `json:"version,omitempty"`
	Type    string                 `json:"type,omitempty"`
	Content []*CommentNodeScheme   `json:"content,omitempty"`
	Text    string                 `json:"text,omitempty"`
	Attrs   map[string]interface{} `json:"attrs,omitempty"`
}

// IssueScheme is the v3 (ADF) issue.
type IssueScheme struct {
	ID     string             `json:"id,omitempty"`
	Key    string             `json:"key,omitempty"`
	Self   string             `json:"self,omitempty"`
	Fields *IssueFieldsScheme `json:"fields,omitempty"`
}

type IssueFieldsScheme struct {
	IssueType   *IssueTypeScheme   `json:"issuetype,omitempty"`
	Project     *ProjectScheme     `json:"project,omitempty"`
	Summary     string             `json:"summary,omitempty"`
	Labels      []string           `json:"labels,omitempty"`
	Description *CommentNodeScheme `json:"description,omitempty"`
}

// IssueSchemeV2 is the v2 (rich text) issue.
type IssueSchemeV2 struct {
	ID     string               `json:"id,omitempty"`
	Key    string               `json:"key,omitempty"`
	Self   string               `json:"self,omitempty"`
	Fields *IssueFieldsSchemeV2 `json:"fields,omitempty"`
}

type IssueFieldsSchemeV2 struct {
	IssueType   *IssueTypeScheme `json:"issuetype,omitempty"`
	Project     *ProjectScheme   `json:"project,omitempty"`
	Summary     string           `json:"summary,omitempty"`
	Labels      []string         `json:"labels,omitempty"`
	Description string           `json:"description,omitempty"`
}

type IssueResponseScheme struct {
	ID   string `json:"id,omitempty"`
	Key  string `json:"key,omitempty"`
	Self string `json:"self,omitempty"`
}

type BoardScheme struct {
	ID   int    `json:"id,omitempty"`
	Self string `json:"self,omitempty"`
	Name string `json:"name,omitempty"`
	Type string `json:"type,omitempty"`
}

type BoardPayloadScheme struct {
	Name     string `json:"name,omitempty"`
	Type     string `json:"type,omitempty"`
	FilterID int    `json:"filterId,omitempty"`
}

type CustomerRequestScheme struct {
	IssueID       string   `json:"issueId,omitempty"`
	IssueKey      string   `json:"issueKey,omitempty"`
	RequestTypeID string   `json:"requestTypeId,omitempty"`
	ServiceDeskID string   `json:"serviceDeskId,omitempty"`
	Expands       []string `json:"_expands,omitempty"`
}

type CreateCustomerRequestPayloadScheme struct {
	Channel             string                 `json:"channel,omitempty"`
	IsAdfRequest        bool                   `json:"isAdfRequest,omitempty"`
	RaiseOnBehalfOf     string                 `json:"raiseOnBehalfOf,omitempty"`
	RequestFieldValues  map[string]interface{} `json:"requestFieldValues,omitempty"`
	RequestParticipants []string               `json:"requestParticipants,omitempty"`
	RequestTypeID       string                 `json:"requestTypeId,omitempty"`
	ServiceDeskID       string                 `json:"serviceDeskId,omitempty"`
}

type SpaceScheme struct {
	ID   int    `json:"id,omitempty"`
	Key  string `json:"key,omitempty"`
	Name string `json:"name,omitempty"`
}

type BodyNodeScheme struct {
	Value          string `json:"value,omitempty"`
	Representation string `json:"representation,omitempty"`
}

type BodyScheme struct {
	View    *BodyNodeScheme `json:"view,omitempty"`
	Storage *BodyNodeScheme `json:"storage,omitempty"`
}

type ContentScheme struct {
	ID     string       `json:"id,omitempty"`
	Type   string       `json:"type,omitempty"`
	Status string       `json:"status,omitempty"`
	Title  string       `json:"title,omitempty"`
	Space  *SpaceScheme `json:"space,omitempty"`
	Body   *BodyScheme  `json:"body,omitempty"`
}

type PageScheme struct {
	ID       string `json:"id,omitempty"`
	Status   string `json:"status,omitempty"`
	Title    string `json:"title,omitempty"`
	SpaceID  string `json:"spaceId,omitempty"`
	ParentID string `json:"parentId,omitempty"`
	AuthorID string `json:"authorId,omitempty"`
}

type PageBodyRepresentationScheme struct {
	Representation string `json:"representation,omitempty"`
	Value          string `json:"value,omitempty"`
}

type PageCreatePayloadScheme struct {
	SpaceID  string                        `json:"spaceId,omitempty"`
	Status   string                        `json:"status,omitempty"`
	Title    string                        `json:"title,omitempty"`
	ParentID string                        `json:"parentId,omitempty"`
	Body     *PageBodyRepresentationScheme `json:"body,omitempty"`
}
