// Package templates holds retort's embedded default templates. A project
// overrides the revision template by placing its own script.sql.tmpl in its
// migrations folder.
package templates

import (
	"embed"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var files embed.FS

// RevisionName is the revision template's file name, embedded and in a
// project's migrations folder.
const RevisionName = "script.sql.tmpl"

// Funcs is the FuncMap every revision template is parsed with.
var Funcs = template.FuncMap{
	"join": strings.Join,
}

// Default returns the text of the embedded default revision template.
func Default() []byte {
	b, err := files.ReadFile(RevisionName)
	if err != nil {
		panic("templates: embedded " + RevisionName + " missing: " + err.Error())
	}
	return b
}

// Parse parses a revision template's text; name is used in errors.
func Parse(name string, text []byte) (*template.Template, error) {
	return template.New(name).Funcs(Funcs).Option("missingkey=error").Parse(string(text))
}
