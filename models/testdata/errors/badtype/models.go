// Package badtype holds a model whose type: tag atlas's PostgreSQL parser
// panics on, for TestLoadBadType.
package badtype

type Flags struct {
	ID   uint
	Bits string `gorm:"type:bit a"`
}
