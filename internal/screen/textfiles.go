package screen

import "strings"

// A file named in the text: the attachment rules read the attachments'
// names (engine.go), but a lure may only name the file it sends another
// way (« ouvre le fichier joint bulletin.pdf.exe », a download page, a
// cloud share). textFileRisk reads the words of the text that look like
// file names.

// textExeExts are the executable and script extensions a file name in
// prose is risky with. Not .com (a domain), .js or .sh (« Node.js »),
// .html or .py (ordinary in a lesson): those count only as the outer
// extension of a double one.
var textExeExts = map[string]bool{
	"exe": true, "scr": true, "msi": true, "pif": true, "cpl": true, "jar": true, "apk": true,
	"lnk": true, "bat": true, "cmd": true, "vbs": true, "vbe": true, "hta": true, "wsf": true,
	"ps1": true, "jse": true, "msix": true, "appx": true, "scf": true,
}

// textFileRisk returns the risk of the riskiest file name in s and the name:
// 0.8 for a double extension whose last part is executable or a script
// (« bulletin_T2.pdf.exe », « photo.jpg.js »), 0.35 for a plain
// executable name (« setup.exe », weak alone: a teacher may name an
// installer; it adds to a phishing text), 0 otherwise.
func textFileRisk(s string) (float64, string) {
	best, name := 0.0, ""
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		// The extension: letters and digits up to a boundary.
		j := i + 1
		for j < len(s) && j-i <= 8 && isNameByte(s[j]) && s[j] != '.' && s[j] != '-' && s[j] != '_' {
			j++
		}
		if j == i+1 || j-i > 8 || j < len(s) && (isNameByte(s[j]) && s[j] != '.' || s[j] == '/') {
			continue
		}
		ext := strings.ToLower(s[i+1 : j])
		c, known := extClass[ext]
		if !known || c != classExecutable && c != classScript {
			continue
		}
		// The name before it, back to a space or a delimiter; a link's path
		// (a slash in it) is the link reader's.
		k := i
		for k > 0 && isNameByte(s[k-1]) {
			k--
		}
		if k == i || k > 0 && (s[k-1] == '/' || s[k-1] == '@') {
			continue
		}
		stem := strings.ToLower(s[k:i])
		risk := 0.0
		if d := strings.LastIndexByte(stem, '.'); d >= 0 {
			if ic, ok := extClass[stem[d+1:]]; ok && (ic == classDocument || ic == classImage || ic == classText || ic == classVideo || ic == classAudio || ic == classMacro) {
				risk = 0.8
			}
		}
		if risk == 0 && textExeExts[ext] {
			risk = 0.35
		}
		if risk > best {
			best, name = risk, s[k:j]
		}
	}
	return best, name
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '.'
}

// A lure may also send a file no screen reads as a program: a web page
// presented as a document (« Convocation.htm », « Message_vocal.html
// (pièce jointe) »: opened, it shows a login form that posts the
// password away), or an archive locked by a password the same message
// gives (« Facture.zip (mot de passe : 2024) »): the password keeps
// nothing from the reader, only the archive's contents from the
// screens. textLureFile reads such names in the text.

// pageExts are the extensions of a web page or a drawing that runs
// scripts in a browser.
var pageExts = map[string]bool{"html": true, "htm": true, "shtml": true, "xhtml": true, "mht": true, "mhtml": true, "svg": true}

// lureDocWords, in a page's name, make it a document (« Releve_notes »,
// « Convocation_RH »): what the lure says it is.
var lureDocWords = setOf(`convocation convocations facture factures invoice message messages vocal voicemail audio
	document documents doc docs scan scanne note notes nds bulletin bulletins releve avis arrete contrat contract
	paie salaire fiche courrier fax rib virement attestation recu quittance notification plainte commande
	paiement payment remittance devis relance amende colis livraison signature statement rendu remboursement
	refund formulaire dossier proces verbal pv recapitulatif resultats impot impots dgfip`)

// programWords, in an archive's name, make it a program to install
// (« Zoom_Recording_Player.zip »): a recording or a document needs no
// player of its own, so the archive is the lure's payload.
var programWords = setOf(`player lecteur codec setup install installer installation viewer visionneuse plugin
	update updater patch launcher`)

// programPresented are the words that ask to install or run what an
// archive holds.
var programPresented = []string{"télécharg", "telecharg", "install", "lancez", "lancer", "exécut", "execut",
	"ouvr", "download", "run ", "joint"}

// pagePresented are the words that present a page as a file to open or
// to log into (lower-case, accents kept as typed and folded).
var pagePresented = []string{"pièce jointe", "piece jointe", "pièce-jointe", "ci-joint", "ci joint", "joint", "(pj)",
	" pj ", "attach", "ouvr", "ouvert", "écout", "ecout", "identifi", "connect", "mot de passe", "déverrouill",
	"deverrouill", "open", "sign in", "log in"}

// pageLogin are the words that ask the reader to log in to read the page.
var pageLogin = []string{"identifi", "connect", "mot de passe", "password", "déverrouill", "deverrouill",
	"sign in", "log in", "login"}

// passwordWords name an archive's password.
var passwordWords = []string{"mot de passe", "mdp", "password", "passwort", "code d'accès", "code d’accès"}

// textLureFile returns the risk, the name and the French reason of the
// riskiest lure file named in s: a page with a document's name presented
// as a file to open, 0.6 when its reader is asked to log in and 0.5
// otherwise; 0.5 for an archive whose password the text gives or whose
// name makes it a program to install; 0 otherwise. A page in a link's
// path is the link reader's; a page named in a lesson (« index.html »,
// « style.svg ») is no document.
func textLureFile(s string) (float64, string, string) {
	best, name, why := 0.0, "", ""
	var lower string // built once, when a candidate name is found
	for i := strings.IndexByte(s, '.'); i >= 0 && i < len(s); {
		j := i + 1
		for j < len(s) && j-i <= 8 && isNameByte(s[j]) && s[j] != '.' && s[j] != '-' && s[j] != '_' {
			j++
		}
		next := strings.IndexByte(s[i+1:], '.')
		at := i
		if next < 0 {
			i = -1
		} else {
			i += 1 + next
		}
		if j == at+1 || j-at > 8 || j < len(s) && (isNameByte(s[j]) && s[j] != '.' || s[j] == '/') {
			continue
		}
		ext := strings.ToLower(s[at+1 : j])
		page := pageExts[ext]
		if !page && extClass[ext] != classArchive {
			continue
		}
		k := at
		for k > 0 && isNameByte(s[k-1]) {
			k--
		}
		if k == at || k > 0 && (s[k-1] == '/' || s[k-1] == '@') || strings.IndexByte(s[k:at], '.') >= 0 {
			continue // no name, a link's path, or a host (exemple.fr.zip is the link reader's)
		}
		if lower == "" {
			lower = strings.ToLower(s)
		}
		risk, r := 0.0, ""
		if page {
			switch {
			case !nameHasWord(strings.ToLower(s[k:at]), lureDocWords) || !containsAny(lower, pagePresented):
			case containsAny(lower, pageLogin):
				risk, r = 0.6, "page web présentée comme un document à ouvrir avec ses identifiants"
			default:
				risk, r = 0.5, "page web présentée comme un document joint"
			}
		} else if passwordGiven(lower) {
			risk, r = 0.5, "archive protégée dont le mot de passe est donné"
		} else if nameHasWord(strings.ToLower(s[k:at]), programWords) && containsAny(lower, programPresented) {
			risk, r = 0.5, "archive présentée comme un programme à installer"
		}
		if risk > best {
			best, name, why = risk, s[k:j], r
		}
	}
	return best, name, why
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// nameHasWord reports whether one of the words of a file name (cut at
// every byte that is not a letter) is in words.
func nameHasWord(stem string, words map[string]bool) bool {
	for w := range strings.FieldsFuncSeq(stem, func(r rune) bool { return r < 'a' || r > 'z' }) {
		if words[w] {
			return true
		}
	}
	return false
}

// passwordGiven reports whether the lower-cased text gives a password:
// a password word followed, on its line and within a few words, by a
// colon and a value, « est » or « c'est » and a value, or a value with a
// digit (« mot de passe : 2024 », « mdp du zip 1234 »). « le mot de
// passe vous sera envoyé » gives none.
func passwordGiven(lower string) bool {
	for _, w := range passwordWords {
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			i += from + len(w)
			from = i
			end := min(len(lower), i+40)
			if nl := strings.IndexByte(lower[i:end], '\n'); nl >= 0 {
				end = i + nl
			}
			win := lower[i:end]
			if c := strings.IndexByte(win, ':'); c >= 0 && strings.TrimSpace(win[c+1:]) != "" ||
				strings.Contains(win, " est ") || strings.Contains(win, "c'est") || strings.Contains(win, "c’est") ||
				strings.ContainsAny(win, "0123456789") {
				return true
			}
		}
	}
	return false
}
