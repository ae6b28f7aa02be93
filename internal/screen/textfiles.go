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
