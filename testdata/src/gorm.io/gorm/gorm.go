// Stub of gorm.io/gorm for atlint fixtures: signatures only (v1.25).
package gorm

import "time"

type Dialector interface{ Name() string }

type Option interface{}

type DB struct {
	Error        error
	RowsAffected int64
}

type DeletedAt struct {
	Time  time.Time
	Valid bool
}

// Model is the base model users embed.
type Model struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

func Open(dialector Dialector, opts ...Option) (db *DB, err error) { return nil, nil }

func (db *DB) Create(value interface{}) (tx *DB)                             { return db }
func (db *DB) CreateInBatches(value interface{}, batchSize int) (tx *DB)     { return db }
func (db *DB) Save(value interface{}) (tx *DB)                               { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)         { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)          { return db }
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) Update(column string, value interface{}) (tx *DB)              { return db }
func (db *DB) Updates(values interface{}) (tx *DB)                           { return db }
func (db *DB) Model(value interface{}) (tx *DB)                              { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)         { return db }
func (db *DB) Exec(sql string, values ...interface{}) (tx *DB)               { return db }
