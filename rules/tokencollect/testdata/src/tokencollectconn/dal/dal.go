// Package dal is a generic data-access layer.
package dal

// Dal stores any entity.
type Dal interface {
	Create(entity interface{}, clauses ...interface{}) error
	CreateOrUpdate(entity interface{}, clauses ...interface{}) error
	First(dst interface{}, clauses ...interface{}) error
}
