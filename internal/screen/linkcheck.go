package screen

// LinkRisky reports whether a link has any of the findings the screen
// scores (look-alike, shortener, IP address, punycode, risky top-level
// domain, executable…), official domains excepted as the screen does. The
// interface makes only links without any finding clickable; the others
// stay text to be read, not followed.
func LinkRisky(l Link) bool {
	if isOfficial(l.Host) && !l.Userinfo {
		return false
	}
	r, _ := linkRisk(l, nil)
	return r > 0
}
