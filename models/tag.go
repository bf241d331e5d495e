package models

import (
	"sort"
	"strings"
)

// parseTagSetting splits a gorm struct tag the way GORM's
// schema.ParseTagSetting does: entries separated by sep (a backslash before
// sep escapes it), keys upper-cased and trimmed, "key:value" entries keep
// everything after the first colon, bare keys map to themselves. A later
// entry with the same key wins.
func parseTagSetting(str, sep string) map[string]string {
	settings := map[string]string{}
	for _, e := range splitTag(str, sep) {
		k, v, ok := tagEntry(e)
		if ok {
			settings[k] = v
		}
	}
	return settings
}

// splitTag splits str on sep, joining pieces whose predecessor ends with a
// backslash.
func splitTag(str, sep string) []string {
	names := strings.Split(str, sep)
	var out []string
	for i := 0; i < len(names); i++ {
		s := names[i]
		for strings.HasSuffix(s, `\`) && i+1 < len(names) {
			i++
			s = s[:len(s)-1] + sep + names[i]
		}
		out = append(out, s)
	}
	return out
}

// tagEntry returns the upper-cased key and the value of one tag entry; ok
// is false for an entry with an empty key and no value.
func tagEntry(e string) (key, val string, ok bool) {
	values := strings.Split(e, ":")
	k := strings.TrimSpace(strings.ToUpper(values[0]))
	if len(values) >= 2 {
		return k, strings.ReplaceAll(strings.Join(values[1:], ":"), `\"`, `"`), true
	}
	if k != "" {
		return k, k, true
	}
	return "", "", false
}

// mergeTags returns the gorm tag text with every key that the retort tag
// sets replaced by the retort tag's entry: retort:"..." overrides gorm:"..."
// key by key. Index keys (INDEX, UNIQUEINDEX) may repeat; when the retort tag
// has any, all of the gorm tag's entries of that key are dropped.
func mergeTags(gorm, retort string) string {
	if retort == "" {
		return gorm
	}
	override := map[string]bool{}
	var kept []string
	for _, e := range splitTag(retort, ";") {
		if k, _, ok := tagEntry(e); ok {
			override[k] = true
			kept = append(kept, e)
		}
	}
	var out []string
	for _, e := range splitTag(gorm, ";") {
		k, _, ok := tagEntry(e)
		if !ok || override[k] {
			continue
		}
		out = append(out, e)
	}
	// Keys are unique between the two parts, so their order does not
	// decide who wins; an entry ending in a backslash must come last (it
	// would escape the separator), and each part can have one, as its last.
	all := append(kept, out...)
	sort.SliceStable(all, func(i, j int) bool {
		return !strings.HasSuffix(all[i], `\`) && strings.HasSuffix(all[j], `\`)
	})
	for i := 0; i < len(all)-1; i++ {
		all[i] = strings.TrimRight(all[i], `\`)
	}
	return joinTag(all)
}

// joinTag joins tag entries with ";", escaping a ";" inside an entry. Only
// the last entry may end in a backslash.
func joinTag(entries []string) string {
	for i, e := range entries {
		entries[i] = strings.ReplaceAll(e, ";", `\;`)
	}
	return strings.Join(entries, ";")
}

// checkTruth is GORM's utils.CheckTruth: any value but "" and "false".
func checkTruth(vals ...string) bool {
	for _, v := range vals {
		if v != "" && !strings.EqualFold(v, "false") {
			return true
		}
	}
	return false
}
