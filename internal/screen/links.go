package screen

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	for i := 0; i < len(s); {
		// Next field between delimiters, without allocating a slice of them.
		r, n := utf8.DecodeRuneInString(s[i:])
		if isLinkDelim(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isLinkDelim(r) {
				break
			}
			j += n
		}
		f := s[i:j]
		i = j
		if strings.IndexByte(f, '.') < 0 {
			continue
		}
		f = strings.TrimRight(f, ".,;:!?…")
		f = strings.TrimLeft(f, ".,;:!?")
		if len(f) < 4 || len(f) > 2048 {
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

// mayHaveLink is a cheap pre-check: a dot or "://" somewhere.
func mayHaveLink(s string) bool {
	return strings.IndexByte(s, '.') >= 0 || strings.Contains(s, "://") || strings.Contains(s, "[dot]") || strings.Contains(s, "(dot)")
}

var refanger = strings.NewReplacer(
	"[.]", ".", "(.)", ".", "{.}", ".", "[dot]", ".", "(dot)", ".", " [.] ", ".",
	"[:]", ":", "[://]", "://",
	"hxxps", "https", "hxxp", "http", "HXXPS", "https", "HXXP", "http", "hXXps", "https", "hXXp", "http",
)

func refang(s string) string {
	if !strings.ContainsAny(s, "[({") && !strings.Contains(s, "xx") && !strings.Contains(s, "XX") {
		return s
	}
	return refanger.Replace(s)
}

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
	return l, knownTLDs[tld] || strings.HasPrefix(tld, "xn--")
}

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
	a, err := netip.ParseAddr(h)
	return err == nil && a.Is4()
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
}

// brands are the names whose presence on another domain betrays a lure.
var brands = []string{
	"pronote", "indexeducation", "educonnect", "monlycee", "ecoledirecte", "skolengo", "kdecole", "franceconnect",
	"educationgouv", "opendigitaleducation", "monbureaunumerique", "educnormandie", "enteduc", "netocentre",
}

var shorteners = setOf(`bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly is.gd buff.ly cutt.ly rebrand.ly shorturl.at
	tiny.cc s.id rb.gy t.ly bl.ink lnkd.in v.gd qr.ae shorte.st adf.ly urlz.fr frama.link tiny.one u.to cli.re
	short.io shorturl.com x.co y2u.be`)

var riskyTLDs = setOf(`ru su xyz top tk ml ga cf gq click zip mov icu buzz work support live online site cn link`)

var loginWords = []string{"login", "signin", "sign-in", "logon", "connexion", "connect", "auth", "verif", "verify",
	"account", "compte", "password", "motdepasse", "identifiant", "session", "secure", "securite", "update", "maj",
	"validation", "confirm", "reset", "wallet", "support"}

// secondLevel lists the public suffixes of two labels that matter here.
var secondLevel = setOf(`gouv.fr asso.fr com.fr nom.fr presse.fr tm.fr co.uk ac.uk org.uk gov.uk com.au co.jp
	com.br co.nz co.za com.cn com.tr com.mx`)

// registrable returns the registrable domain of host (example.co.uk,
// ac-versailles.fr).
func registrable(host string) string {
	labels := strings.Split(host, ".")
	n := len(labels)
	if n <= 2 {
		return host
	}
	if secondLevel[labels[n-2]+"."+labels[n-1]] {
		return strings.Join(labels[n-3:], ".")
	}
	return labels[n-2] + "." + labels[n-1]
}

func underDomain(host, dom string) bool {
	return host == dom || strings.HasSuffix(host, "."+dom)
}

func isOfficial(host string) bool {
	for _, d := range officialDomains {
		if underDomain(host, d) {
			return true
		}
	}
	return false
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
		add(0.55, "adresse IP au lieu d'un nom")
		return 1 - p, why
	}
	idn := false
	for _, lb := range strings.Split(host, ".") {
		if strings.HasPrefix(lb, "xn--") {
			idn = true
		}
	}
	for _, r := range host {
		if r > 0x7f {
			idn = true
			break
		}
	}
	if idn {
		add(0.6, "nom de domaine internationalisé (punycode)")
	}
	if shorteners[reg] || shorteners[host] {
		add(0.5, "raccourcisseur d'URL ("+reg+")")
	}
	// Brand names embedded in a foreign domain, after folding look-alikes
	// (pr0note, ρronote) and removing separators.
	flat := flatHost(host)
	brandFound := ""
	for _, b := range brands {
		if strings.Contains(flat, b) {
			brandFound = b
			break
		}
	}
	if brandFound != "" {
		add(0.75, "marque « "+brandFound+" » sur un domaine non officiel ("+reg+")")
	} else if b, d := nearestBrand(reg); d > 0 {
		add(0.75, "domaine proche de « "+b+" » ("+reg+", distance "+strconv.Itoa(d)+")")
	} else if academyLookalike(host) {
		add(0.7, "imitation d'un domaine académique ("+reg+")")
	} else {
		for _, lb := range strings.FieldsFunc(host, func(r rune) bool { return r == '.' || r == '-' }) {
			if lb == "ent" || lb == "educ" || lb == "education" || lb == "academie" || lb == "college" || lb == "lycee" {
				add(0.35, "mot « "+lb+" » dans un domaine inconnu ("+reg+")")
				break
			}
		}
	}
	tld := reg[strings.LastIndexByte(reg, '.')+1:]
	if riskyTLDs[tld] {
		add(0.2, "extension ."+tld)
	}
	lower := strings.ToLower(host + l.Path)
	for _, w := range loginWords {
		if strings.Contains(lower, w) {
			add(0.2, "page de connexion (« "+w+" »)")
			break
		}
	}
	if strings.Count(host, ".") >= 4 {
		add(0.1, "sous-domaines nombreux")
	}
	return 1 - p, why
}

// flatHost folds a host to letters and digits: no dots or dashes, leet
// digits and homoglyphs mapped.
func flatHost(host string) string {
	var b strings.Builder
	for _, r := range host {
		if r == '.' || r == '-' {
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

// academyLookalike spots ac-<académie> in a host that is not
// the académie's domain (ac-versailles.fr.example.com, ac-versailles-fr.net).
func academyLookalike(host string) bool {
	flat := flatHost(host)
	for _, d := range officialDomains {
		if !strings.HasPrefix(d, "ac-") {
			continue
		}
		name := strings.ReplaceAll(d[:strings.IndexByte(d, '.')], "-", "")
		if len(name) >= 6 && strings.Contains(flat, name) {
			return true
		}
	}
	return false
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
