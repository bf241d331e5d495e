// Package syntax does not parse.
package syntax

type Broken struct {
	ID uint Name string
}
