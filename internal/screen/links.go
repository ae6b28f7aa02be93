package screen

import (
	"net/netip"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// Link is one link found in a message.
type Link struct {
	Raw       string // as written (after refanging hxxp and [.])
	Host      string // lower case, without port or user info
	Path      string
	Userinfo  bool // user@ before the host: "https://pronote.fr@evil.example/"
	HasScheme bool
}

// ExtractLinks finds the links in s: URLs with a scheme (also the hxxp and
// [.] defanged forms), www. hosts and bare domains with a known top-level
// domain and an optional path (pronote-connexion.fr/login). E-mail
// addresses and file names are not links.
func ExtractLinks(s string) []Link {
	if !mayHaveLink(s) {
		return nil
	}
	s = refang(s)
	var out []Link
	var seen map[string]bool
	// Every link has a dot: jump from dot to dot (IndexByte) and read the
	// field around each, instead of walking every word of the message.
	for from := 0; from < len(s); {
		d := strings.IndexByte(s[from:], '.')
		if d < 0 {
			break
		}
		d += from
		i := d
		for i > from {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if isLinkDelim(r) {
				break
			}
			i -= n
		}
		j := d + 1
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiDelim[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if isLinkDelim(r) {
				break
			}
			j += n
		}
		f := s[i:j]
		from = j
		f = strings.TrimRight(f, ".,;:!?…")
		f = strings.TrimLeft(f, ".,;:!?")
		// A field without a dot once trimmed has no host of two labels.
		if len(f) < 4 || len(f) > 2048 || strings.IndexByte(f, '.') < 0 {
			continue
		}
		l, ok := parseLink(f)
		if !ok || seen[l.Raw] {
			continue
		}
		if seen == nil {
			seen = map[string]bool{}
		}
		seen[l.Raw] = true
		out = append(out, l)
		if len(out) >= 100 {
			break
		}
	}
	return out
}

// asciiDelim is isLinkDelim for ASCII bytes.
var asciiDelim = func() (t [utf8.RuneSelf]bool) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		t[c] = isLinkDelim(c)
	}
	return
}()

// mayHaveLink is a cheap pre-check: a dot (or a look-alike of one) or
// "://" somewhere.
func mayHaveLink(s string) bool {
	return strings.IndexByte(s, '.') >= 0 || strings.Contains(s, "://") || strings.ContainsAny(s, "．。｡․") ||
		strings.Contains(s, "dot") || strings.Contains(s, "DOT") || strings.Contains(s, "Dot") ||
		strings.Contains(s, "point") || strings.Contains(s, "POINT")
}

// refanger undoes the ways a link is written so that it is not clickable
// (defanged): brackets around the dot or the colon, the dot spelt out in
// English or French, hxxp, and dots from other scripts (fullwidth,
// ideographic, one-dot leader).
var refanger = func() *strings.Replacer {
	var pairs []string
	for _, w := range []string{".", "dot", "DOT", "Dot", "point", "POINT", "Point"} {
		for _, br := range []string{"[]", "()", "{}"} {
			in := br[:1] + w + br[1:]
			pairs = append(pairs, " "+in+" ", ".", in, ".")
		}
	}
	pairs = append(pairs, "[:]", ":", "[://]", "://", "．", ".", "。", ".", "｡", ".", "․", ".",
		"hxxps", "https", "hxxp", "http", "HXXPS", "https", "HXXP", "http", "hXXps", "https", "hXXp", "http")
	return strings.NewReplacer(pairs...)
}()

func refang(s string) string {
	if needsRefang(s) {
		s = refanger.Replace(s)
	}
	return unspell(s)
}

// spelledTLDs are the top-level domains read after a dot written as a word
// or set apart by spaces; short words of French or English (de, la, me,
// be, co) are left out, they follow « point » or a full stop in prose.
const spelledTLDs = `fr|com|net|org|eu|io|info|xyz|shop|top|online|site|ru|biz|app|live|link|click|store|icu|tk|ml`

var (
	// « mediafire point com slash x », « educonnect dot gouv dot fr »: the
	// dot spelt out without brackets.
	spelledDot = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9-]*(?:\s+(?:point|dot)\s+[a-z0-9][a-z0-9-]*)*\s+(?:point|dot)\s+(?:` +
		spelledTLDs + `)\b(?:\s+slash\s+[a-z0-9_-]+)*`)
	spelledSep = regexp.MustCompile(`(?i)\s+(?:point|dot)\s+`)
	spelledSl  = regexp.MustCompile(`(?i)\s+slash\s+`)
	// « pronote-verif . com », « www .ent-paiement .fr »: spaces around
	// the dots of a lower-case host.
	spacedDot = regexp.MustCompile(`\b[a-z0-9][a-z0-9-]*(?: ?\. ?[a-z0-9][a-z0-9-]*)*(?: \. ?|\. )(?:` + spelledTLDs + `)\b`)
	// A link cut at the end of a line inside its host or right after a
	// dot, a hyphen or a slash (« https://pronote-connexion-\neleve.fr »).
	splitLink = regexp.MustCompile(`(?:https?://|www\.)[^\s<>"'«»]*\r?\n[a-z0-9][^\s<>"'«»]*|[a-z0-9][a-z0-9.-]*-\r?\n[a-z0-9][a-z0-9-]*\.(?:` +
		spelledTLDs + `)\b`)
)

// unspell joins the links written to slip past filters: the dot spelt out
// without brackets (point, dot), spaces around the dots, a link cut over
// two lines. Most messages have none of them and are returned as they are.
func unspell(s string) string {
	if hasSpelledDotWord(s) {
		s = spelledDot.ReplaceAllStringFunc(s, func(m string) string {
			parts := spelledSep.Split(m, -1)
			// One short word before the TLD, or one plain word before « point
			// net » or « point info », is prose (« un point net », « le stand
			// point info »).
			if len(parts) == 2 {
				tld := strings.ToLower(parts[1])
				if i := strings.IndexAny(tld, " \t\n"); i >= 0 {
					tld = tld[:i]
				}
				if len(parts[0]) < 4 || (tld == "net" || tld == "info") && !strings.ContainsAny(parts[0], "-0123456789") {
					return m
				}
			}
			return strings.ToLower(spelledSl.ReplaceAllString(strings.Join(parts, "."), "/"))
		})
	}
	if hasSpacedDot(s) {
		s = spacedDot.ReplaceAllStringFunc(s, func(m string) string {
			first := m[:strings.IndexAny(m, " .")]
			if len(first) < 3 {
				return m
			}
			return strings.ReplaceAll(m, " ", "")
		})
	}
	if strings.IndexByte(s, '\n') >= 0 && (strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "-\n")) {
		s = splitLink.ReplaceAllStringFunc(s, joinSplitLink)
	}
	return s
}

// joinSplitLink joins the two lines of m when the first ends inside a
// host (no dot after the scheme yet) or right after a dot, a hyphen or a
// slash; a whole link followed by a word on the next line stays apart.
func joinSplitLink(m string) string {
	nl := strings.IndexByte(m, '\n')
	first := strings.TrimSuffix(m[:nl], "\r")
	host := first
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	host = strings.TrimPrefix(host, "www.")
	if strings.IndexByte(host, '.') >= 0 && !strings.HasSuffix(first, ".") && !strings.HasSuffix(first, "-") &&
		!strings.HasSuffix(first, "/") {
		return m
	}
	if strings.IndexByte(host, '/') >= 0 && !strings.HasSuffix(first, "/") && !strings.HasSuffix(first, "-") {
		return m // cut in the path after a word: the next line may be prose
	}
	return first + m[nl+1:]
}

// hasSpelledDotWord reports whether « point » or « dot », in any case,
// stands between spaces in s: one pass over its spaces (six searches for
// the spellings cost 2.5 % of Check).
func hasSpelledDotWord(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0; {
		r := s[i+1:]
		if len(r) >= 6 && r[0]|0x20 == 'p' && r[1]|0x20 == 'o' && r[2]|0x20 == 'i' && r[3]|0x20 == 'n' && r[4]|0x20 == 't' && r[5] == ' ' ||
			len(r) >= 4 && r[0]|0x20 == 'd' && r[1]|0x20 == 'o' && r[2]|0x20 == 't' && r[3] == ' ' {
			return true
		}
		n := strings.IndexByte(r, ' ')
		if n < 0 {
			return false
		}
		i += 1 + n
	}
	return false
}

// hasSpacedDot reports whether s has a dot with a space beside it followed
// by a lower-case top-level domain of spelledTLDs, the cheap gate of
// spacedDot.
func hasSpacedDot(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		before := i > 0 && s[i-1] == ' '
		j := i + 1
		after := j < len(s) && s[j] == ' '
		if after {
			j++
		}
		if before || after {
			k := j
			for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
				k++
			}
			if k > j && k-j <= 6 && (k == len(s) || !isASCIILetter(s[k])) && spelledTLDSet[s[j:k]] {
				return true
			}
		}
		n := strings.IndexByte(s[i+1:], '.')
		if n < 0 {
			break
		}
		i += 1 + n
	}
	return false
}

var spelledTLDSet = setOf(strings.ReplaceAll(spelledTLDs, "|", " "))

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// refangLead marks the bytes needsRefang looks further at.
var refangLead = func() (t [256]bool) {
	for _, c := range []byte("[({xX\xEF\xE3\xE2") {
		t[c] = true
	}
	return t
}()

// needsRefang reports whether refanger could change s: a bracket directly
// before a dot, a colon or a spelt-out dot, "xx" or "XX" (hxxp), or a dot
// of another script. One pass over the bytes; most messages have none.
func needsRefang(s string) bool {
	for i := 0; i < len(s); i++ {
		if !refangLead[s[i]] {
			continue // most bytes: one table look-up
		}
		switch c := s[i]; c {
		case '[', '(', '{':
			if i+1 < len(s) {
				switch s[i+1] {
				case '.', ':', 'd', 'D', 'p', 'P':
					return true
				}
			}
		case 'x', 'X':
			if i+1 < len(s) && s[i+1] == c {
				return true
			}
		case 0xEF, 0xE3, 0xE2:
			// ． U+FF0E, ｡ U+FF61, 。 U+3002, ․ U+2024
			if i+2 < len(s) {
				t := s[i : i+3]
				if t == "．" || t == "｡" || t == "。" || t == "․" {
					return true
				}
			}
		}
	}
	return false
}

// HasLink reports whether s carries something a mail client or a reader
// would take for a link: a URL, a www. host, a bare domain
// (ac-versailles-fr.com, pronote.login-secure.top), also when defanged
// (evil[.]com, evil(dot)com, hxxp://). The send guard uses it for the
// accounts that may not send links.
func HasLink(s string) bool { return len(ExtractLinks(s)) > 0 }

func isLinkDelim(r rune) bool {
	switch r {
	case '<', '>', '"', '\'', '«', '»', '(', ')', '[', ']', '{', '}', '“', '”', '‘', '’', '|', '\\', '^', '`':
		return true
	}
	return unicode.IsSpace(r)
}

func parseLink(f string) (Link, bool) {
	l := Link{Raw: f}
	rest := f
	if i := strings.Index(f, "://"); i > 0 {
		scheme := strings.ToLower(f[:i])
		switch scheme {
		case "http", "https", "ftp", "ftps":
		default:
			return l, false
		}
		l.HasScheme = true
		rest = f[i+3:]
	} else if strings.Contains(f, "@") {
		return l, false // e-mail address
	}
	hostport := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		hostport, l.Path = rest[:i], rest[i:]
	}
	if i := strings.LastIndexByte(hostport, '@'); i >= 0 {
		if !l.HasScheme {
			return l, false
		}
		l.Userinfo = true
		hostport = hostport[i+1:]
	}
	host := hostport
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.Contains(hostport, "]") {
		if _, err := strconv.Atoi(hostport[i+1:]); err == nil || i == len(hostport)-1 {
			host = hostport[:i]
		}
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" || !utf8.ValidString(host) {
		return l, false
	}
	l.Host = host
	if isIPv4(host) {
		// A bare dotted number is a version or a date unless it has a scheme,
		// a path or a port.
		return l, l.HasScheme || l.Path != "" || hostport != host
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return l, false
	}
	for _, lb := range labels {
		if lb == "" || len(lb) > 63 || strings.HasPrefix(lb, "-") || strings.HasSuffix(lb, "-") {
			return l, false
		}
		for _, r := range lb {
			if !(r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && unicode.IsLetter(r) || r > 0x7f && unicode.IsNumber(r)) {
				return l, false
			}
		}
	}
	tld := labels[len(labels)-1]
	if l.HasScheme || strings.HasPrefix(host, "www.") {
		return l, isAlpha(tld) || strings.HasPrefix(tld, "xn--")
	}
	return l, bareDomain(hostport, labels, l.Path)
}

// bareDomain decides whether a name without scheme or www. is a domain.
// Known and risky top-level domains count; so does any other top-level
// domain of the public suffix list when the name looks like a host (a
// path, a hyphen, three labels or more). Names whose last label is a
// common file extension (notes.md, video.mov) need that look too, and a
// capitalised last label after a lower-case word is a sentence without a
// space after its full stop (« demain.Il »).
func bareDomain(raw string, labels []string, path string) bool {
	tld := labels[len(labels)-1]
	if strings.HasPrefix(tld, "xn--") {
		return true
	}
	if rawLabels := strings.Split(raw, "."); len(rawLabels) == 2 && len(rawLabels[1]) > 1 {
		first, last := rawLabels[0], rawLabels[1]
		r0, _ := utf8.DecodeRuneInString(last)
		rl, _ := utf8.DecodeLastRuneInString(first)
		if unicode.IsUpper(r0) && strings.ToLower(last[1:]) == last[1:] && unicode.IsLower(rl) {
			return false
		}
	}
	hostLike := path != "" || len(labels) >= 3 || strings.Contains(strings.Join(labels[:len(labels)-1], "."), "-")
	if fileExtTLDs[tld] {
		return hostLike
	}
	if wordTLDs[tld] && !hostLike {
		// « bonjour.je voulais » is a sentence typed without a space;
		// pronote.me is a lure.
		return lookalike(strings.Join(labels, "."), strings.Join(labels, ".")) != ""
	}
	if knownTLDs[tld] || riskyTLDs[tld] {
		return true
	}
	if !isAlpha(tld) || len(tld) < 2 {
		return false
	}
	if _, icann := publicsuffix.PublicSuffix(strings.Join(labels, ".")); !icann {
		return false
	}
	return hostLike
}

// wordTLDs are top-level domains that are also short French or English
// words, often glued to the word before by a missing space.
var wordTLDs = setOf(`la je il me ma se et de es au ne sa si va re as is it in at to be do no so my us`)

// fileExtTLDs are top-level domains that are also common file extensions.
var fileExtTLDs = setOf(`zip mov md py sh pl rs ps cs ts js mp bin exe doc`)

func isAlpha(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isIPv4(h string) bool {
	if !digitsAndDots(h) {
		return false // netip.ParseAddr allocates its error
	}
	a, err := netip.ParseAddr(h)
	return err == nil && a.Is4()
}

// digitsAndDots reports whether s could be an IPv4 address.
func digitsAndDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return s != ""
}

// couldBeIP reports whether netip.ParseAddr could accept s: an IPv4
// address, or an IPv6 one (always with a colon).
func couldBeIP(s string) bool {
	return digitsAndDots(s) || strings.IndexByte(s, ':') >= 0
}

// knownTLDs are the top-level domains accepted for bare domains (without
// scheme or www.). File extensions that are also TLDs (zip, mov) are left out.
var knownTLDs = setOf(`fr com net org eu io ly me co info biz xyz ru cn tk ml ga cf gq top online site click link live
	app dev be ch ca de uk es it pt nl us re gp mq gf yt nc pf pm wf edu gov cc ws to gl gd at ai tv fm shop store icu
	buzz work support help security page web ovh bzh paris africa ma dz tn sn ci cm pl cz ro in br jp kr au nz se no dk
	fi gr tr ua su ir pk vn id my ph th li lu mc ad gg im je is ie hu sk si hr rs bg lt lv ee by kz am ge az tw hk sg
	mx ar cl pe ve uy bo ec py cr pa do cu ht ng ke za eg sa ae qa kw om jo lb il sy iq ye af bd lk np mm kh la mn uz
	tj kg tm asso email club news blog cloud digital network services solutions tech space website fun rest bar
	mobi pro name tel asia cat jobs travel museum aero coop int`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Domains of the ENT and identity services that attackers imitate. Hosts
// under them are trusted; names close to them are not.
var officialDomains = []string{
	"education.gouv.fr", "gouv.fr", "index-education.net", "index-education.com", "monlycee.net", "ecoledirecte.com",
	"skolengo.com", "kdecole.org", "kosmoseducation.com", "opendigitaleducation.com", "l-educdenormandie.fr",
	"monbureaunumerique.fr", "enteduc.fr", "netocentre.fr", "mon-ent-occitanie.fr", "ent.iledefrance.fr",
	"ac-aix-marseille.fr", "ac-amiens.fr", "ac-besancon.fr", "ac-bordeaux.fr", "ac-clermont.fr", "ac-corse.fr",
	"ac-creteil.fr", "ac-dijon.fr", "ac-grenoble.fr", "ac-guadeloupe.fr", "ac-guyane.fr", "ac-lille.fr",
	"ac-limoges.fr", "ac-lyon.fr", "ac-martinique.fr", "ac-mayotte.fr", "ac-montpellier.fr", "ac-nancy-metz.fr",
	"ac-nantes.fr", "ac-nice.fr", "ac-normandie.fr", "ac-orleans-tours.fr", "ac-paris.fr", "ac-poitiers.fr",
	"ac-reims.fr", "ac-rennes.fr", "ac-reunion.fr", "ac-strasbourg.fr", "ac-toulouse.fr", "ac-versailles.fr",
	"ac-noumea.nc", "ac-polynesie.pf", "ac-wf.wf", "ac-spm.fr",
	// Former académies (merged into Normandie in 2020) whose domains still serve.
	"ac-caen.fr", "ac-rouen.fr",
}

// brands are the names whose presence on another domain betrays a lure.
var brands = []string{
	"pronote", "indexeducation", "educonnect", "monlycee", "ecoledirecte", "skolengo", "kdecole", "franceconnect",
	"educationgouv", "opendigitaleducation", "monbureaunumerique", "educnormandie", "enteduc", "netocentre",
}

var shorteners = setOf(`bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly is.gd buff.ly cutt.ly rebrand.ly shorturl.at
	tiny.cc s.id rb.gy t.ly bl.ink lnkd.in v.gd qr.ae shorte.st adf.ly urlz.fr frama.link tiny.one u.to cli.re
	short.io shorturl.com x.co y2u.be`)

// riskyTLDs are top-level domains favoured by phishing: free or cheap
// registration, file-extension look-alikes (zip, mov), and those that lead
// abuse statistics.
var riskyTLDs = setOf(`ru su xyz top tk ml ga cf gq click zip mov icu buzz work support live online site cn link
	cyou sbs cfd lat quest rest bond win loan monster country kim men gdn date review stream download racing science
	party cricket accountant faith trade webcam bid best cam fit pw ws vip today shop store fun space website host
	pics hair beauty skin boats autos yachts mom lol`)

// fileHosts are services where anyone can put a file for download; the
// 2024 infostealers reached pupils through such links behind "cheats" and
// "free currency". A link to one is a weak sign of its own, a strong one
// with such a text.
var fileHosts = setOf(`mediafire.com mega.nz mega.io gofile.io anonfiles.com bayfiles.com transfer.sh file.io
	filetransfer.io sendspace.com zippyshare.com 4shared.com uploadhaven.com krakenfiles.com pixeldrain.com
	catbox.moe litterbox.catbox.moe 1fichier.com uptobox.com dropbox.com dropboxusercontent.com wetransfer.com we.tl
	swisstransfer.com smash.gg fromsmash.com discordapp.com discordapp.net cdn.discordapp.com pastebin.com
	githubusercontent.com gitlab.io github.io sourceforge.net workupload.com rapidgator.net nitroflare.com
	uploaded.net turbobit.net hitfile.net dosya.tc megaup.net send.cm userscloud.com upload.ee`)

var loginWords = []string{"login", "signin", "sign-in", "logon", "connexion", "connect", "auth", "verif", "verify",
	"account", "compte", "password", "motdepasse", "identifiant", "session", "secure", "securite", "update", "maj",
	"validation", "confirm", "reset", "wallet", "support"}

// RegisteredDomain returns the domain registered by its owner for a host
// or a URL, from the public suffix list: "ent.ac-versailles.fr" and
// "https://a.b.example.co.uk:8443/x" give "ac-versailles.fr" and
// "example.co.uk"; "login.github.io" gives itself (github.io is a public
// suffix). Defanged forms (evil[.]com, hxxp://) are read; international
// names are returned in their ASCII (punycode) form. An IP address is
// returned as is. It returns "" when there is no registered domain (an
// empty or invalid host, a bare public suffix).
func RegisteredDomain(hostOrURL string) string {
	s := strings.TrimSpace(refang(hostOrURL))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 0 {
			if a, err := netip.ParseAddr(s[1:i]); err == nil {
				return a.String()
			}
		}
		return ""
	}
	if couldBeIP(s) { // an IPv6 address without brackets
		if a, err := netip.ParseAddr(s); err == nil {
			return a.String()
		}
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	if couldBeIP(s) {
		if a, err := netip.ParseAddr(s); err == nil {
			return a.String()
		}
	}
	if s == "" {
		return ""
	}
	ascii, err := idna.Lookup.ToASCII(s)
	if err != nil {
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(ascii)
	if err != nil {
		return ""
	}
	return d
}

// registrable is RegisteredDomain for a host already lower-cased, falling
// back on the host itself when it has none.
func registrable(host string) string {
	if d := RegisteredDomain(host); d != "" {
		return d
	}
	return host
}

func underDomain(host, dom string) bool {
	// host ends with "."+dom, without building that string (this runs
	// for every official domain on every link).
	return host == dom || len(host) > len(dom) && host[len(host)-len(dom)-1] == '.' && strings.HasSuffix(host, dom)
}

// IsOfficial reports whether host is under the domain of an académie,
// the ministry or an ENT service: a link there is trusted, and every
// legitimate broadcast may carry one.
func IsOfficial(host string) bool {
	return isOfficial(strings.TrimSuffix(strings.ToLower(host), "."))
}

func isOfficial(host string) bool {
	for _, d := range officialDomains {
		if underDomain(host, d) {
			return true
		}
	}
	for _, d := range publicDomains {
		if underDomain(host, d) {
			return true
		}
	}
	return false
}

// publicDomains are the domains of public services and regional ENTs that
// genuine messages link to. Trusted like officialDomains, but not brand
// names for the look-alike checks: « education » or « gouvernement » by
// edit distance would catch ordinary words (educatif).
var publicDomains = []string{
	"education.fr", "gouvernement.fr", "service-public.fr", "elysee.fr", "onisep.fr", "parcoursup.fr", "cned.fr",
	"reseau-canope.fr", "lumni.fr", "pix.fr", "renater.fr",
	// Regional and departmental ENTs.
	"lyceeconnecte.fr", "ent.auvergnerhonealpes.fr", "toutatice.fr", "e-lyco.fr", "eclat-bfc.fr", "enthdf.fr",
	"atrium-sud.fr",
}

// linkRiskOf is a link's risk and its reasons (linkRisk); ok once read.
type linkRiskOf struct {
	risk float64
	why  []string
	ok   bool
}

// linkRisk scores one link that is neither allowed nor official. It
// returns the risk in [0,1] and the findings in French.
func linkRisk(l Link, suspect func(string) bool) (float64, []string) {
	host := l.Host
	reg := registrable(host)
	p := 1.0
	var why []string
	add := func(w float64, s string) {
		p *= 1 - w
		why = append(why, s)
	}
	if l.Userinfo {
		add(0.7, "identifiant avant le domaine (user@hôte)")
	}
	if suspect != nil && (suspect(host) || suspect(reg)) {
		add(0.7, "domaine déjà vu dans un message retenu")
	}
	if isIPv4(host) || strings.HasPrefix(host, "[") {
		add(0.55, "adresse IP au lieu d’un nom")
		return 1 - p, why
	}
	// International names: punycode labels are decoded so that the
	// look-alike checks see the letters a reader sees (xn--ronote-… is
	// ρronote).
	shown, idn := displayHost(host)
	if idn {
		add(0.6, "nom de domaine internationalisé (punycode)")
	}
	if shorteners[reg] || shorteners[host] {
		add(0.5, "raccourcisseur d’URL ("+reg+")")
	}
	if fileHosts[reg] || fileHosts[host] {
		add(0.3, "hébergement de fichiers ("+reg+")")
	}
	if w := lookalike(shown, reg); w != "" {
		add(0.75, w)
	} else if name, imit, strong := servicePosed(host, reg); name != "" {
		switch {
		case imit != "":
			add(0.6, "imitation du domaine "+imit+" ("+reg+")")
		case strong:
			add(0.6, "nom « "+name+" » sur un domaine qui n’est pas le sien ("+reg+")")
		default:
			add(0.35, "mot « "+name+" » dans un domaine inconnu ("+reg+")")
		}
	}
	if ext := strings.ToLower(strings.TrimPrefix(path.Ext(l.Path), ".")); execExts[ext] {
		add(0.5, "lien vers un fichier exécutable (."+ext+")")
	} else if extClass[ext] == classArchive {
		add(0.25, "lien vers une archive (."+ext+")")
	}
	tld := reg[strings.LastIndexByte(reg, '.')+1:]
	if riskyTLDs[tld] {
		add(0.2, "extension ."+tld)
	}
	lower := strings.ToLower(host + l.Path)
	for _, w := range loginWords {
		if strings.Contains(lower, w) {
			add(0.2, "page de connexion (« "+w+" »)")
			break
		}
	}
	if strings.Count(host, ".") >= 4 {
		add(0.1, "sous-domaines nombreux")
	}
	return 1 - p, why
}

var schoolHostWords = setOf(`ent educ education academie academique college lycee ecole scolaire eleve eleves parents
	etablissement viescolaire vie-scolaire notes bulletin`)

// serviceFamily is an institution or a service that lures aimed at
// school staff and parents imitate, with the domains it registered. Its
// name in a label of another domain is the lure's disguise
// (docusign-rectorat.net, iprof-affectation.fr,
// amazon-business-annulation.com). names are the names unambiguous as a
// whole label; loose those that are also ordinary words or names (zoom,
// teams, office, drive, steam…), not counted alone and strong when the label
// after them completes one of the family's domains
// (zoom-us.meeting.example), and nothing otherwise; inner those long and rare enough to betray
// the lure inside a longer label (docusignverify, office365login).
// « ameli » is no inner name (« amelie » is a first name), nor « amazon »
// (« amazonie »).
type serviceFamily struct {
	names, loose, inner, domains string
}

var serviceFamilies = []serviceFamily{
	// The administration of the staff and of the families: their
	// domains under gouv.fr and the académies' are official and never
	// read here; the others are listed.
	{names: "rectorat rectorats", inner: "rectorat"},
	{names: "iprof"},
	// School services around the ENT: sport licences, orientation, distance
	// learning, whose fees and deadlines lures borrow.
	{names: "unss", domains: "unss.org"},
	{names: "parcoursup", inner: "parcoursup", domains: "parcoursup.fr parcoursup.gouv.fr"},
	{names: "cned", domains: "cned.fr"},
	{names: "onisep", inner: "onisep", domains: "onisep.fr"},
	{names: "dsden", inner: "dsden"},
	{names: "fonctionpublique", inner: "fonctionpublique", domains: "fonction-publique.fr"},
	{names: "ameli", domains: "ameli.fr"},
	{names: "impots", inner: "impots", domains: "impots.fr"},
	{loose: "caf", domains: "caf.fr"},
	{loose: "ants", domains: "ants.fr"},
	{names: "urssaf", inner: "urssaf", domains: "urssaf.fr urssaf.org"},
	{names: "laposte", inner: "laposte", domains: "laposte.fr laposte.net lapostegroupe.com"},
	{names: "colissimo", inner: "colissimo", domains: "colissimo.fr colissimo.com laposte.fr"},
	{names: "chronopost", inner: "chronopost", domains: "chronopost.fr chronopost.com"},
	{names: "mgen", domains: "mgen.fr"},
	{names: "casden", inner: "casden", domains: "casden.fr"},
	// Signature, meeting and sharing services.
	{names: "docusign", inner: "docusign", domains: "docusign.com docusign.net docusign.fr"},
	{names: "yousign", inner: "yousign", domains: "yousign.com yousign.fr yousign.app"},
	{names: "zoomus", loose: "zoom", domains: "zoom.us zoom.com zoomgov.com"},
	{names: "microsoft microsoft365 office365 outlook onedrive sharepoint hotmail", loose: "teams office 1drv",
		inner: "microsoft office365 onedrive sharepoint",
		domains: "microsoft.com microsoftonline.com microsoft365.com office.com office365.com office.net live.com " +
			"outlook.com outlook.fr hotmail.com hotmail.fr sharepoint.com sharepointonline.com onedrive.com 1drv.ms msn.com " +
			"microsoftstream.com office365.us"},
	{names: "wetransfer", inner: "wetransfer", domains: "wetransfer.com we.tl"},
	{names: "google gmail", loose: "drive", inner: "google",
		domains: "google.com google.fr gmail.com googlemail.com googleusercontent.com googleapis.com gstatic.com " +
			"google-analytics.com googletagmanager.com googledrive.com withgoogle.com goo.gl g.co youtube.com"},
	{names: "dropbox", inner: "dropbox", domains: "dropbox.com dropboxusercontent.com dropboxapi.com db.tt"},
	{names: "docsend", inner: "docsend", domains: "docsend.com"},
	// Money pots and payment between people: the parents' gift or trip pot.
	{names: "leetchi", inner: "leetchi", domains: "leetchi.com leetchi.fr"},
	{loose: "lydia", inner: "lydiapay lydiaapp", domains: "lydia-app.com lydia.me lydia.fr sumeria.eu"},
	{names: "helloasso", inner: "helloasso", domains: "helloasso.com helloasso.org helloasso.io"},
	// Shops, payments, entertainment.
	{names: "amazon", domains: "amazon.fr amazon.com amazon.de amazon.co.uk amazon.es amazon.it amazon.be amazon.ca " +
		"media-amazon.com amazon-adsystem.com aboutamazon.fr aboutamazon.com amazon.jobs"},
	{names: "paypal", inner: "paypal", domains: "paypal.com paypal.fr paypal.me paypalobjects.com paypal-community.com"},
	{names: "icloud appleid itunes", loose: "apple", inner: "icloud appleid", domains: "apple.com icloud.com me.com"},
	{names: "netflix", inner: "netflix", domains: "netflix.com netflix.fr"},
	{loose: "steam", inner: "steamcommunity steampowered", domains: "steampowered.com steamcommunity.com steam.com"},
	{names: "roblox", inner: "roblox", domains: "roblox.com"},
	{names: "epicgames", inner: "epicgames", domains: "epicgames.com epicgames.dev"},
	{names: "instagram", inner: "instagram", domains: "instagram.com cdninstagram.com"},
	{names: "facebook", inner: "facebook", domains: "facebook.com facebook.net fb.com fb.me"},
	{names: "whatsapp", inner: "whatsapp", domains: "whatsapp.com whatsapp.net wa.me"},
	{names: "snapchat", loose: "snap", inner: "snapchat", domains: "snapchat.com snap.com sc-cdn.net snapkit.com"},
	{names: "discord", inner: "discord", domains: "discord.com discord.gg discord.gift discord.media discord.new " +
		"discordapp.com discordapp.net discordstatus.com"},
	{names: "tiktok", inner: "tiktok", domains: "tiktok.com tiktokcdn.com tiktokv.com"},
}

// lureHostWords, in a label of a domain next to a loose name, make that
// name the lure's disguise (snap-story-viewer.net, steam-gift-free.com,
// lydia-remboursement.fr), where the name alone is an ordinary word.
var lureHostWords = setOf(`viewer view story stories gift gifts free freegift nitro cadeau cadeaux gratuit gratuite
	bonus reward rewards promo login signin verify verif verification secure securite compte account accounts support
	paiement payment pay remboursement refund cagnotte collecte unlock recovery recuperation meeting join invite
	invitation`)

// serviceLabel is what a whole host label names: its family, and whether
// the label is strong on its own.
type serviceLabel struct {
	fam    *serviceFamily
	strong bool
}

// serviceInner is one inner name and its family.
type serviceInner struct {
	name string
	fam  *serviceFamily
}

var serviceLabels, serviceInners = func() (map[string]serviceLabel, []serviceInner) {
	labels := map[string]serviceLabel{}
	var inners []serviceInner
	for i := range serviceFamilies {
		f := &serviceFamilies[i]
		for _, n := range strings.Fields(f.names) {
			labels[n] = serviceLabel{fam: f, strong: true}
		}
		for _, n := range strings.Fields(f.loose) {
			labels[n] = serviceLabel{fam: f}
		}
		for _, n := range strings.Fields(f.inner) {
			inners = append(inners, serviceInner{n, f})
		}
	}
	return labels, inners
}()

// ownDomain reports whether host is under one of f's domains.
func (f *serviceFamily) ownDomain(host string) bool {
	for d := range strings.FieldsSeq(f.domains) {
		if underDomain(host, d) {
			return true
		}
	}
	return false
}

// servicePosed finds, in the hyphen and dot labels of host (registered
// domain reg, neither allowed nor official), the name of an institution
// or a service on a domain that is not its own, or a school word. It
// returns the name; the imitated domain when the name and the next label
// spell one of the family's domains (zoom-us → zoom.us, ameli-fr →
// ameli.fr); and whether the name is strong on its own. A school word
// (schoolHostWords) is weak, a loose name alone nothing. name is "" when
// no label names any. The labels are walked in place: this runs for every
// link.
func servicePosed(host, reg string) (name, imitated string, strong bool) {
	weak := ""
	for rest := host; rest != ""; {
		lb := rest
		if i := strings.IndexAny(rest, ".-"); i >= 0 {
			lb, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if sl, ok := serviceLabels[lb]; ok {
			if sl.fam.ownDomain(reg) {
				continue
			}
			next := rest
			if j := strings.IndexAny(next, ".-"); j >= 0 {
				next = next[:j]
			}
			if next != "" && rest != next {
				// zoom-us.example.com, not the reg zoom.us itself (own).
				if d := lb + "." + next; sl.fam.ownDomain(d) {
					return lb, d, true
				}
			}
			if sl.strong || hasLureWord(host) {
				return lb, "", true
			}
			continue // a loose name alone is an ordinary word (office-tourisme-lyon.fr)
		}
		if schoolHostWords[lb] {
			if weak == "" {
				weak = lb
			}
			continue
		}
		if len(lb) >= 9 {
			for _, in := range serviceInners {
				if strings.Contains(lb, in.name) && !in.fam.ownDomain(reg) {
					return in.name, "", true
				}
			}
		}
		if n := nearService(lb, reg); n != "" {
			return n, "", true
		}
	}
	return weak, "", false
}

// hasLureWord reports whether a label of host is a lure word. It runs
// only once a brand's label is found: splitting may allocate.
func hasLureWord(host string) bool {
	for _, lb := range strings.FieldsFunc(host, func(r rune) bool { return r == '.' || r == '-' }) {
		if lureHostWords[lb] {
			return true
		}
	}
	return false
}

// glyphPairs are letter pairs read as one letter at a glance.
var glyphPairs = strings.NewReplacer("rn", "m", "vv", "w")

// nearService finds a service's name misspelt in a label (steamcommunlty,
// disc0rd, instagramm): one edit away from a strong or inner name of seven
// letters or more, or equal to one once look-alike digits are folded
// (g00gle, instagrarn with « rn » for « m »), on a domain that is not the
// service's. Shorter names are left alone: one edit from a short name is
// often another word.
func nearService(lb, reg string) string {
	if len(lb) < 6 || len(lb) > 40 {
		return ""
	}
	flat := flatHost(lb)
	glyph := glyphPairs.Replace(flat)
	for _, f := range serviceFamilies {
		for _, list := range [2]string{f.names, f.inner} {
			for n := range strings.FieldsSeq(list) {
				if n == lb {
					continue
				}
				for _, v := range [2]string{flat, glyph} {
					if abs(len(n)-len(v)) > 1 {
						continue
					}
					if (v == n || len(n) >= 7 && editDistance(v, n) == 1) && !f.ownDomain(reg) {
						return n
					}
				}
			}
		}
	}
	return ""
}

// execExts are file extensions of programs and scripts a link may download.
var execExts = setOf(`exe dll scr com msi pif cpl jar apk app dmg lnk msix appx deb rpm bat cmd ps1 psm1 vbs vbe js
	jse wsf wsh hta sh reg`)

// displayHost decodes the punycode labels of host; idn reports whether it
// has any, or letters beyond ASCII.
func displayHost(host string) (string, bool) {
	idn := false
	for _, r := range host {
		if r > 0x7f {
			idn = true
			break
		}
	}
	if !strings.Contains(host, "xn--") {
		return host, idn
	}
	labels := strings.Split(host, ".")
	for i, lb := range labels {
		if strings.HasPrefix(lb, "xn--") {
			idn = true
			if u, err := idna.Punycode.ToUnicode(lb); err == nil {
				labels[i] = u
			}
		}
	}
	return strings.Join(labels, "."), idn
}

// lookalike tells whether a host imitates an official name, and how:
// a brand inside it (pronote.login-secure.top), a name one or two edits
// away (educonect.fr), an académie's ac-<name> outside the académie's
// domain (www.ac-rouen.tk, ac-versailles-fr.com), gouv outside gouv.fr.
// Look-alike letters (digits, other scripts) are folded first. It returns
// the reason, or "".
func lookalike(host, reg string) string {
	flat := flatHost(host)
	for _, b := range brands {
		if strings.Contains(flat, b) {
			return "marque « " + b + " » sur un domaine non officiel (" + reg + ")"
		}
	}
	if a := academyLookalike(host); a != "" {
		return "imitation du domaine académique " + a + " (" + reg + ")"
	}
	if b, d := nearestBrand(reg); d > 0 {
		return "domaine proche de « " + b + " » (" + reg + ", distance " + strconv.Itoa(d) + ")"
	}
	tokens := strings.FieldsFunc(host, func(r rune) bool { return r == '.' || r == '-' })
	for i, t := range tokens {
		if t == "gouv" || strings.HasPrefix(t, "gouv") && i+1 < len(tokens) && tokens[i+1] == "fr" ||
			strings.Contains(flatHost(t), "gouvfr") {
			return "imitation d’un domaine gouv.fr (" + reg + ")"
		}
	}
	// Each word of the host against the official names.
	for _, t := range tokens {
		t = flatHost(t)
		if len(t) < 5 {
			continue
		}
		for _, b := range brandNames {
			if d := editDistance(t, b); d > 0 && d <= editLimit(b) {
				return "domaine proche de « " + b + " » (" + reg + ", distance " + strconv.Itoa(d) + ")"
			}
		}
	}
	return ""
}

// editLimit is how many edits still make a look-alike of name.
func editLimit(name string) int {
	if len(name) >= 8 {
		return 2
	}
	return 1
}

// flatHost folds a host to letters and digits: no dots or dashes, leet
// digits and homoglyphs mapped.
func flatHost(host string) string {
	var b strings.Builder
	b.Grow(len(host))
	for _, r := range host {
		if r == '.' || r == '-' {
			continue
		}
		if r < utf8.RuneSelf && asciiFlatReady {
			b.WriteString(asciiFlat[r])
			continue
		}
		if m, ok := homoglyphs[r]; ok {
			r = m
		}
		if m, ok := leetMap[r]; ok {
			r = m
		}
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// asciiFlat is flatHost's mapping of each ASCII character (filled by an
// init of normalize.go once latinFold is).
var (
	asciiFlat      [utf8.RuneSelf]string
	asciiFlatReady bool
)

func flatRune(r rune) string {
	if m, ok := homoglyphs[r]; ok {
		r = m
	}
	if m, ok := leetMap[r]; ok {
		r = m
	}
	if f, ok := latinFold[r]; ok {
		return f
	}
	return string(r)
}

// nearestBrand compares the name of a registrable domain (without its
// top-level domain) with the brands and official names, and returns the
// closest one if it is near but not equal: one edit for short names, two
// for names of eight letters or more.
func nearestBrand(reg string) (string, int) {
	name := reg
	if i := strings.IndexByte(reg, '.'); i > 0 {
		name = reg[:i]
	}
	name = flatHost(name)
	if len(name) < 5 {
		return "", 0
	}
	bestB, bestD := "", 0
	for _, b := range brandNames {
		if abs(len(b)-len(name)) > 2 {
			continue
		}
		d := editDistance(name, b)
		limit := 1
		if len(b) >= 8 {
			limit = 2
		}
		if d > 0 && d <= limit && (bestD == 0 || d < bestD) {
			bestB, bestD = b, d
		}
	}
	return bestB, bestD
}

var brandNames = func() []string {
	out := append([]string(nil), brands...)
	for _, d := range officialDomains {
		name := d[:strings.IndexByte(d, '.')]
		out = append(out, strings.ReplaceAll(name, "-", ""))
	}
	return out
}()

// academies are the académies' names as in their domains (ac-<name>.fr),
// the former ones whose domains still serve included.
var academies = func() []string {
	var out []string
	for _, d := range officialDomains {
		if strings.HasPrefix(d, "ac-") {
			out = append(out, strings.ReplaceAll(d[3:strings.IndexByte(d, '.')], "-", ""))
		}
	}
	return out
}()

// academyLookalike spots ac-<académie> in a host that is not the
// académie's domain (ac-versailles.fr.example.com, ac-versailles-fr.net,
// www.ac-rouen.tk), also misspelt by an edit or two. It returns the
// imitated domain, or "".
func academyLookalike(host string) string {
	flat := flatHost(host)
	for _, name := range academies {
		if len(name) >= 4 && strings.Contains(flat, "ac"+name) {
			return academyDomain(name)
		}
	}
	for _, lb := range strings.Split(host, ".") {
		lb = flatHost(lb)
		if !strings.HasPrefix(lb, "ac") || len(lb) < 6 {
			continue
		}
		rest := lb[2:]
		for _, name := range academies {
			for k := len(name) - 1; k <= len(name)+1; k++ {
				if k >= 4 && k <= len(rest) && editDistance(rest[:k], name) <= editLimit(name) {
					return academyDomain(name)
				}
			}
		}
	}
	return ""
}

// academyDomain returns the official domain of an académie's flat name.
func academyDomain(name string) string {
	for _, d := range officialDomains {
		if strings.HasPrefix(d, "ac-") && strings.ReplaceAll(d[3:strings.IndexByte(d, '.')], "-", "") == name {
			return d
		}
	}
	return "ac-" + name
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the optimal string alignment distance (Levenshtein with
// adjacent transpositions) between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
