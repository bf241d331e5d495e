// Package buildkey names the build of the running retort, for the caches
// whose entries only that build may trust (the revision cache's parsed
// files, the normalized tables: a fix to parsing or inspection must not
// meet entries an older build wrote).
package buildkey

import (
	"os"
	"strconv"
	"strings"
	"sync"
)

// Self identifies the running executable; "" when it cannot.
var Self = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return Of(exe)
})

// Of identifies the executable at path as it is now (path, modification
// time and size); "" when it cannot be stat'ed.
func Of(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return path + "\x00" + strconv.FormatInt(st.ModTime().UnixNano(), 10) + "\x00" + strconv.FormatInt(st.Size(), 10)
}

// Gone reports whether key names an executable that is no longer there
// as it was (rebuilt, upgraded or deleted).
func Gone(key string) bool {
	path, _, _ := strings.Cut(key, "\x00")
	return Of(path) != key
}
