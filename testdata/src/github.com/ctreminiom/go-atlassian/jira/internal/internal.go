// Stub of github.com/ctreminiom/go-atlassian for atlint fixtures: signatures only.
package internal

import (
	"context"

	model "github.com/ctreminiom/go-atlassian/pkg/infra/models"
)

// IssueRichTextService backs jira/v2 Client.Issue (value receivers, as real).
type IssueRichTextService struct{}

func (i IssueRichTextService) Delete(ctx context.Context, issueKeyOrId string, deleteSubTasks bool) (*model.ResponseScheme, error) {
	return nil, nil
}

func (i IssueRichTextService) Create(ctx context.Context, payload *model.IssueSchemeV2, customFields *model.CustomFields) (*model.IssueResponseScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (i IssueRichTextService) Get(ctx context.Context, issueKeyOrId string, fields, expand []string) (*model.IssueSchemeV2, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (i IssueRichTextService) Update(ctx context.Context, issueKeyOrId string, notify bool, payload *model.IssueSchemeV2, customFields *model.CustomFields, operations *model.UpdateOperations) (*model.ResponseScheme, error) {
	return nil, nil
}

// IssueADFService backs jira/v3 Client.Issue (pointer receivers, as real).
type IssueADFService struct{}

func (i *IssueADFService) Delete(ctx context.Context, issueKeyOrId string, deleteSubTasks bool) (*model.ResponseScheme, error) {
	return nil, nil
}

func (i *IssueADFService) Create(ctx context.Context, payload *model.IssueScheme, customFields *model.CustomFields) (*model.IssueResponseScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (i *IssueADFService) Get(ctx context.Context, issueKeyOrId string, fields, expand []string) (*model.IssueScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (i *IssueADFService) Update(ctx context.Context, issueKeyOrId string, notify bool, payload *model.IssueScheme, customFields *model.CustomFields, operations *model.UpdateOperations) (*model.ResponseScheme, error) {
	return nil, nil
}

type ProjectService struct{}
