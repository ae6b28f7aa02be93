package screen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
)

// Verdict is what happens to a message.
type Verdict string

// The verdicts.
const (
	Deliver Verdict = "deliver" // to the recipients
	Hold    Verdict = "hold"    // quarantined until a moderator decides
	Reject  Verdict = "reject"  // refused; the sender is told (rejected_content)
)

// Attachment is a file sent with a message. Name and ContentType are what
// the sender claims; only Data is trusted.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Input is one message to screen.
type Input struct {
	Subject, Text string
	Attachments   []Attachment
	SenderRole    bouclier.Role // "" when unknown (the screen command): no role rules apply
	ToStudents    bool          // any recipient is a student
	Academie      string        // the sender's académie, for its allowlist
}

// Result is the outcome of Check.
type Result struct {
	Verdict Verdict
	Score   float64  // 0..1; ≥ HoldAt is held, ≥ RejectAt rejected; policy decisions raise it to their threshold
	Reasons []string // for moderators, strongest first
	Links   []string // links found in the subject and text
	// AttachmentTypes are the detected types, in the order of Input.Attachments.
	AttachmentTypes []string
	// AttachmentTexts are the words read in each attachment (a PDF's page
	// text, an office document's, a text file, text entries of an
	// archive), in the order of Input.Attachments, "" for one whose words
	// could not be read or that has none. The campaign detector keys a
	// document by them: copies of one letter personalised per copy share
	// no digest, only their words. Bounded as the inspection is
	// (maxInspectText per attachment).
	AttachmentTexts []string
	// StripMetadata lists the indexes of image attachments whose metadata the
	// caller must remove with StripMetadata before delivery (images to students).
	StripMetadata []int
}

// Config is the screening policy. DefaultConfig gives sensible values; the
// zero value of a field means "none" except where noted.
type Config struct {
	HoldAt   float64 // score from which a message is held (default 0.5)
	RejectAt float64 // score from which it is rejected (default 0.85)
	// StudentHoldAt, if > 0, replaces HoldAt for messages sent by students.
	StudentHoldAt float64

	// MaxAttachmentBytes is the largest total of attachments per message,
	// by sender role; DefaultMaxAttachmentBytes applies to other roles.
	MaxAttachmentBytes        map[bouclier.Role]int64
	DefaultMaxAttachmentBytes int64
	MaxAttachments            int // per message; 0 means no limit
	MaxTextBytes              int // longer texts are held unread past this; 0 means no limit

	// BlockedDigests are SHA-256 digests of known-bad files, with a label
	// (the incident or campaign); a match is rejected.
	BlockedDigests map[[32]byte]string
	// AllowedDomains lists trusted domains (and their subdomains) by
	// académie; the key "" holds the global list. The allowlist wins over
	// every link rule.
	AllowedDomains map[string][]string
	// SuspectDomains are domains already seen in held messages.
	SuspectDomains map[string]bool
	// SuspectDomain, if set, is asked too (a live set kept by the caller;
	// it must be safe for concurrent use).
	SuspectDomain func(domain string) bool

	// TextModel is the learned text layer; nil means the embedded model
	// (DefaultModel). NoTextModel turns the layer off (the lexicon rules
	// alone, for evaluation).
	TextModel   *Model
	NoTextModel bool

	StudentLinksHeld     bool // a student's message with any link not allowed is held
	HoldMediaForStudents bool // video and audio sent by or to students are held
	HoldUnknownFiles     bool // attachments of unknown type are held
	HoldLegacyOffice     bool // OLE Office files (.doc/.xls, may carry macros) are held
	StripImagesToStudent bool // ask the caller to strip metadata of images sent to students
}

// DefaultConfig returns the policy the server starts with.
func DefaultConfig() Config {
	return Config{
		HoldAt:   0.5,
		RejectAt: 0.85,
		MaxAttachmentBytes: map[bouclier.Role]int64{
			bouclier.RoleStudent: 5 << 20,
			bouclier.RoleParent:  10 << 20,
		},
		DefaultMaxAttachmentBytes: 25 << 20,
		MaxAttachments:            10,
		MaxTextBytes:              256 << 10,
		StudentLinksHeld:          true,
		HoldMediaForStudents:      true,
		HoldUnknownFiles:          true,
		HoldLegacyOffice:          true,
		StripImagesToStudent:      true,
	}
}

// Engine screens messages. It is built once from a Config by New and is
// safe for concurrent use. New is cheap (the lexicon is compiled once per
// process), so a caller whose lists change builds a new Engine.
type Engine struct {
	cfg      Config
	model    *Model
	modelErr error
	allowed  map[string][]string
	blocked  map[[32]byte]string
	suspect  map[string]bool
}

// New returns an Engine for cfg. Zero thresholds take the defaults; maps are
// copied, so later changes by the caller do not race with Check.
func New(cfg Config) *Engine {
	d := DefaultConfig()
	if cfg.HoldAt <= 0 {
		cfg.HoldAt = d.HoldAt
	}
	if cfg.RejectAt <= 0 {
		cfg.RejectAt = d.RejectAt
	}
	e := &Engine{cfg: cfg, allowed: map[string][]string{}, blocked: map[[32]byte]string{}, suspect: map[string]bool{}}
	for k, v := range cfg.AllowedDomains {
		for _, dom := range v {
			dom = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(dom)), ".")
			if dom != "" {
				e.allowed[k] = append(e.allowed[k], dom)
			}
		}
	}
	for k, v := range cfg.BlockedDigests {
		e.blocked[k] = v
	}
	for k, v := range cfg.SuspectDomains {
		if v {
			e.suspect[strings.ToLower(k)] = true
		}
	}
	e.cfg.AllowedDomains, e.cfg.BlockedDigests, e.cfg.SuspectDomains = nil, nil, nil
	if !cfg.NoTextModel {
		e.model = cfg.TextModel
		if e.model == nil {
			// A broken embedded model is a build error caught by the
			// package's tests; the engine then runs on the rules alone
			// (and Check reports it, so that no message passes silently).
			e.model, e.modelErr = DefaultModel()
		}
	}
	if err := morphLoadErr(); err != nil {
		e.model, e.modelErr = nil, err // fail closed: Check holds everything
	}
	e.cfg.TextModel = nil
	return e
}

// Config returns the engine's configuration (without its lists).
func (e *Engine) Config() Config { return e.cfg }

type finding struct {
	score  float64
	reason string
}

// Check screens one message. The rules, in the order they run, are listed
// in the package documentation.
func (e *Engine) Check(in Input) Result {
	var fs []finding
	res := Result{}
	text := in.Text
	if in.Subject != "" {
		text = in.Subject + "\n" + in.Text
	}
	// 1. Size of the text.
	if e.cfg.MaxTextBytes > 0 && len(text) > e.cfg.MaxTextBytes {
		fs = append(fs, finding{e.cfg.HoldAt, fmt.Sprintf("policy: texte trop long pour l'analyse (%d octets, limite %d)", len(text), e.cfg.MaxTextBytes)})
		text = text[:e.cfg.MaxTextBytes]
	}
	// 2. Attachments: type, digest, size, policy by role. Plain-text
	// attachments are screened with the message.
	extra := e.checkAttachments(in, &res, &fs)
	if extra != "" {
		text += "\n" + extra
	}
	// 3. Text detectors: the lexicon rules, then the learned layer over
	// them, the clause frames and the words.
	links := ExtractLinks(text)
	var ds [numDetectors]detectorScore
	var modelF finding             // kept apart: it does not raise nor get raised by the rules
	modelP := -1.0                 // the model's strongest head; -1 when it did not run
	onePassP := -1.0               // its strongest on a sentence of the same pass (segscore.go); -1 when not read
	oneText := ""                  // that sentence's text, when onePassP opens the segment hold's gate
	var risks []linkRiskOf         // each link's risk, read once by the features and the link rules
	unread, xl := false, uint32(0) // the text is mostly in a language the lexicon does not read; its harm concepts
	partRead := false              // partReadShare of its words or more are unknown to the lexicon
	lure := lureAll                // the lure words of its tokens (lurewords.go); all without the model's analysis
	if len(links) > 0 {
		risks = make([]linkRiskOf, len(links))
	}
	if e.model != nil && e.model.lineFor(in) < 1 {
		ds = e.analyzeModelRisks(in, text, links, risks, func(fv *featureVec) {
			unread, partRead, xl, lure = fv.unread, fv.partRead, fv.xlFound, fv.lure
			f, p, ok := e.modelFinding(in, fv)
			if ok {
				modelF = f
			} else {
				onePassP = fv.oneP // the segment hold's gate (segscore.go)
				if onePassP >= SegmentPassGate {
					oneText = fv.oneText()
				}
			}
			modelP = p
		})
	} else {
		ds = textScores(text)
		if e.modelErr != nil { // a broken model or morphology table: hold
			fs = append(fs, finding{e.cfg.HoldAt, fmt.Sprintf("policy: modèle de texte indisponible (%v) (score %.2f)", e.modelErr, e.cfg.HoldAt)})
		}
	}
	// 4. Links, and in the text file names, numbers to call, a code sent
	// by mistake and an unreachable boss's discreet request
	// (textfiles.go, callback.go, codeforward.go, bossfraud.go).
	linkScore := e.checkLinks(in, links, risks, &res, &fs)
	if risk, name := textFileRisk(text); risk > 0 {
		fs = append(fs, finding{risk, fmt.Sprintf("phishing: fichier exécutable nommé dans le texte %q (score %.2f)", name, risk)})
		linkScore = math.Max(linkScore, risk)
	}
	if risk, name, why := textLureFile(text); risk > 0 {
		fs = append(fs, finding{risk, fmt.Sprintf("phishing: %s %q (score %.2f)", why, name, risk)})
		linkScore = math.Max(linkScore, risk)
	}
	// The lure readers of the text's words, run only when its tokens
	// have them (lurewords.go).
	if lure&lureCall != 0 {
		if risk, num, why := textCallback(text); risk > 0 {
			fs = append(fs, finding{risk, fmt.Sprintf("phishing: %s %q (score %.2f)", why, num, risk)})
			linkScore = math.Max(linkScore, risk)
		}
	}
	if lure&lureCode != 0 || mayNameCode(text) {
		if risk := textCodeForward(text); risk > 0 {
			fs = append(fs, finding{risk, fmt.Sprintf("phishing: code reçu « par erreur » à renvoyer (score %.2f)", risk)})
			linkScore = math.Max(linkScore, risk)
		}
	}
	if lure&(lureMeeting|lureSecret) == lureMeeting|lureSecret {
		if risk := textBossFraud(text); risk > 0 {
			fs = append(fs, finding{risk, fmt.Sprintf("phishing: demande discrète d'un responsable en réunion qu'on ne peut pas appeler (score %.2f)", risk)})
			linkScore = math.Max(linkScore, risk)
		}
	}
	// Phishing text and a risky link strengthen each other.
	ph := ds[detPhishing].score
	if linkScore > 0 && ph > 0 {
		comb := 1 - (1-ph)*(1-linkScore)
		if ph >= 0.25 && linkScore >= 0.4 {
			comb = 1 - (1-comb)*0.7
		}
		ds[detPhishing].score = math.Round(comb*1000) / 1000
		r := ds[detPhishing].reason
		if i := strings.LastIndex(r, " (score"); i >= 0 {
			r = r[:i]
		}
		ds[detPhishing].reason = r + " + lien suspect (score " + strconv.FormatFloat(ds[detPhishing].score, 'f', 2, 64) + ")"
	}
	// A text the screen cannot read, or only half, is a moderator's to
	// read when it carries words of harm or the model leans to harm.
	var uf finding
	ok := false
	if unread && modelP >= UnreadModelGate {
		uf, ok = unreadFinding(xl, e.cfg.HoldAt)
	}
	if !ok && (unread || partRead) && modelF.reason == "" && modelP >= UnreadModelLine {
		uf, ok = unreadModelFinding(modelP, e.cfg.HoldAt), true
	}
	if ok {
		fs = append(fs, uf)
	}
	// What holds whatever the text says: policy, attachments, links.
	structural := combine(fs)
	low := 0.0 // weak signals count in the score but are not worth a reason
	for _, d := range ds {
		if d.score >= 0.3 {
			fs = append(fs, finding(d))
		} else {
			low = math.Max(low, d.score)
		}
	}
	// 5. Combine: the strongest finding, raised by the second strongest
	// (a death threat that also names a school is worse than either).
	score := combine(fs)
	score = math.Min(1, math.Round(math.Max(score, low)*1000)/1000)
	holdAt := e.cfg.HoldAt
	if in.SenderRole == bouclier.RoleStudent && e.cfg.StudentHoldAt > 0 {
		holdAt = e.cfg.StudentHoldAt
	}
	// The text detectors hold only what the model confirms (ConfirmLine),
	// on the whole text or on one of its segments: at its line, their
	// strong holds at RuleConfirm, at their reject line what the model
	// does not rule out (RejectConfirm). Without the model
	// (off, or broken: then a policy finding holds everything) the
	// detectors hold on their own.
	rules := score       // the rules' score alone, before the model's findings
	unconfirmed := false // every segment was read, none at the confirmation line
	if modelP >= 0 && score >= holdAt && structural < holdAt {
		line := ConfirmLine(score, e.cfg.RejectAt, e.model.lineFor(in))
		if modelP < line && e.segmentProb(in, text, line) < line {
			score = math.Round((holdAt-0.01)*1000) / 1000
			fs = append(fs, finding{score, fmt.Sprintf("règles non confirmées par le modèle (p %.2f) (score %.2f)", modelP, score)})
			unconfirmed = true
		}
	}
	if modelF.reason != "" {
		score = math.Max(score, modelF.score)
		fs = append(fs, modelF)
	}
	// The model on the sentence that carries the harm, when nothing else
	// holds the text and the rules or the one-pass reading of its
	// sentences point at one (segment.go, segscore.go).
	if modelP >= 0 && score < holdAt && (rules >= SegmentGate || onePassP >= SegmentPassGate) && !unconfirmed {
		// Opened by the one-pass reading alone, the hold reads the
		// segments that hold the sentence that opened it, not every one
		// (segmentsWith).
		segs := Segments(unquoteReported(text))
		if len(segs) < 2 {
			segs = nil // one segment: the whole text, already read
		} else if rules < SegmentGate && oneText != "" {
			segs = segmentsWith(segs, oneText)
		}
		if f, ok := e.segmentFinding(in, segs, holdAt); ok {
			score = math.Max(score, f.score)
			fs = append(fs, f)
		}
	}
	slices.SortStableFunc(fs, byScoreDesc)
	switch {
	case score >= e.cfg.RejectAt:
		res.Verdict = Reject
	case score >= holdAt:
		res.Verdict = Hold
	default:
		res.Verdict = Deliver
	}
	res.Score = score
	res.Reasons = make([]string, len(fs)) // never nil: [] in JSON
	for i, f := range fs {
		res.Reasons[i] = f.reason
	}
	return res
}

// combine returns the score of findings: the strongest, raised by the
// second strongest (a death threat that also names a school is worse than
// either). It sorts fs.
func combine(fs []finding) float64 {
	if len(fs) == 0 {
		return 0
	}
	slices.SortStableFunc(fs, byScoreDesc)
	score := fs[0].score
	if len(fs) > 1 && fs[1].score >= 0.3 && fs[0].score < 1 {
		score = 1 - (1-score)*(1-0.5*fs[1].score)
	}
	return score
}

// byScoreDesc orders findings strongest first; with a stable sort, equal
// scores keep their order. It is the less function `a.score > b.score`
// (sort.SliceStable's, which allocated a swapper per call) as a comparison.
func byScoreDesc(a, b finding) int {
	switch {
	case a.score > b.score:
		return -1
	case b.score > a.score:
		return 1
	}
	return 0
}

// checkLinks extracts and scores the links; it returns the highest risk.
func (e *Engine) checkLinks(in Input, links []Link, risks []linkRiskOf, res *Result, fs *[]finding) float64 {
	worst := 0.0
	held := false
	for i, l := range links {
		res.Links = append(res.Links, l.Raw)
		if e.isAllowed(l.Host, in.Academie) || isOfficial(l.Host) && !l.Userinfo {
			continue
		}
		if in.SenderRole == bouclier.RoleStudent && e.cfg.StudentLinksHeld && !held {
			held = true
			*fs = append(*fs, finding{e.cfg.HoldAt, fmt.Sprintf("policy: lien envoyé par un élève %q (score %.2f)", l.Raw, e.cfg.HoldAt)})
		}
		// The features read the risk with no domain suspect: the same
		// reading when the configuration names none.
		var risk float64
		var why []string
		if i < len(risks) && risks[i].ok && !e.hasSuspects() {
			risk, why = risks[i].risk, risks[i].why
		} else {
			risk, why = linkRisk(l, e.isSuspect)
		}
		risk = math.Round(risk*1000) / 1000
		if risk > 0 {
			*fs = append(*fs, finding{risk, fmt.Sprintf("link: %q : %s (score %.2f)", l.Raw, strings.Join(why, ", "), risk)})
		}
		worst = math.Max(worst, risk)
	}
	return worst
}

// hasSuspects reports whether the configuration names suspect domains.
func (e *Engine) hasSuspects() bool { return len(e.suspect) > 0 || e.cfg.SuspectDomain != nil }

func (e *Engine) isSuspect(d string) bool {
	if e.suspect[d] {
		return true
	}
	return e.cfg.SuspectDomain != nil && e.cfg.SuspectDomain(d)
}

func (e *Engine) isAllowed(host, academie string) bool {
	for _, k := range [2]string{"", academie} {
		for _, d := range e.allowed[k] {
			if underDomain(host, d) {
				return true
			}
		}
		if academie == "" {
			break
		}
	}
	return false
}

// checkAttachments applies the attachment rules and returns the text of
// plain-text attachments for the text detectors.
func (e *Engine) checkAttachments(in Input, res *Result, fs *[]finding) string {
	if len(in.Attachments) == 0 {
		return ""
	}
	reject := func(s string) { *fs = append(*fs, finding{1, s + " (score 1.00)"}) }
	hold := func(s string) {
		*fs = append(*fs, finding{e.cfg.HoldAt, fmt.Sprintf("%s (score %.2f)", s, e.cfg.HoldAt)})
	}
	if e.cfg.MaxAttachments > 0 && len(in.Attachments) > e.cfg.MaxAttachments {
		reject(fmt.Sprintf("attachment: %d pièces jointes, limite %d", len(in.Attachments), e.cfg.MaxAttachments))
	}
	limit := e.cfg.DefaultMaxAttachmentBytes
	if l, ok := e.cfg.MaxAttachmentBytes[in.SenderRole]; ok {
		limit = l
	}
	var total int64
	var texts []string
	student := in.SenderRole == bouclier.RoleStudent || in.ToStudents
	for i, a := range in.Attachments {
		total += int64(len(a.Data))
		typ := DetectType(a.Data)
		res.AttachmentTypes = append(res.AttachmentTypes, typ)
		res.AttachmentTexts = append(res.AttachmentTexts, "")
		name := a.Name
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
		}
		q := strconv.Quote(name)
		sum := sha256.Sum256(a.Data)
		if label, ok := e.blocked[sum]; ok {
			reject(fmt.Sprintf("attachment: %s empreinte SHA-256 bloquée %s… (%s)", q, hex.EncodeToString(sum[:6]), label))
		}
		cls := typeClasses[typ]
		switch cls {
		case classExecutable:
			reject(fmt.Sprintf("attachment: %s est un exécutable (%s)", q, typ))
		case classScript:
			reject(fmt.Sprintf("attachment: %s est un script ou une page web (%s)", q, typ))
		case classArchive, classDocument:
			// Archives and PDFs are opened and judged by what they hold.
			words, links := e.inspectAttachment(q, typ, a.Data, student, fs)
			texts = append(texts, words...)
			if len(links) > 0 {
				texts = append(texts, strings.Join(links, "\n"))
			}
			res.AttachmentTexts[i] = strings.Join(words, "\n")
		case classMacro:
			if typ == TypeOOXMLMacro {
				reject(fmt.Sprintf("attachment: %s contient des macros (%s)", q, typ))
			} else if e.cfg.HoldLegacyOffice {
				hold(fmt.Sprintf("attachment: %s est un document Office ancien format, macros possibles", q))
			}
		case classVideo, classAudio:
			if student && e.cfg.HoldMediaForStudents {
				hold(fmt.Sprintf("attachment: %s vidéo ou audio échangé avec un élève (%s)", q, typ))
			}
		case classImage:
			if in.ToStudents && e.cfg.StripImagesToStudent && (typ == TypeJPEG || typ == TypePNG || typ == TypeWebP) {
				res.StripMetadata = append(res.StripMetadata, i)
			}
		case classText:
			if len(a.Data) > 0 {
				texts = append(texts, string(a.Data[:min(len(a.Data), 64<<10)]))
				res.AttachmentTexts[i] = texts[len(texts)-1]
			}
		case classUnknown:
			if e.cfg.HoldUnknownFiles {
				hold(fmt.Sprintf("attachment: %s type inconnu", q))
			}
		}
		// What the name and the declared type claim must match the bytes.
		ext := strings.ToLower(strings.TrimPrefix(path.Ext(strings.ReplaceAll(a.Name, "\\", "/")), "."))
		claimed, known := extClass[ext]
		if known && (claimed == classExecutable || claimed == classScript) {
			reject(fmt.Sprintf("attachment: %s extension dangereuse .%s", q, ext))
		} else if known && cls != classUnknown && !compatible(claimed, cls) {
			msg := fmt.Sprintf("attachment: %s se dit %s (.%s) mais contient %s (%s)", q, classNamesFR[claimed], ext, classNamesFR[cls], typ)
			if cls == classExecutable || cls == classScript || cls == classArchive {
				reject(msg)
			} else {
				*fs = append(*fs, finding{0.6, msg + " (score 0.60)"})
			}
		}
		if inner := innerExt(a.Name); inner != "" && (claimed == classExecutable || claimed == classScript) {
			reject(fmt.Sprintf("attachment: %s double extension (.%s.%s)", q, inner, ext))
		}
		if ct := declaredClass(a.ContentType); ct != classUnknown && cls != classUnknown && !compatible(ct, cls) {
			msg := fmt.Sprintf("attachment: %s déclaré %q mais contient %s (%s)", q, a.ContentType, classNamesFR[cls], typ)
			if cls == classExecutable || cls == classScript || cls == classArchive {
				reject(msg)
			} else {
				*fs = append(*fs, finding{0.6, msg + " (score 0.60)"})
			}
		}
	}
	if limit > 0 && total > limit {
		reject(fmt.Sprintf("attachment: %d octets de pièces jointes, limite %d pour ce rôle", total, limit))
	}
	return strings.Join(texts, "\n")
}

// innerExt returns the extension before the last one when it names a
// document or image (devoir.pdf.exe → "pdf").
func innerExt(name string) string {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	base = strings.TrimSuffix(base, path.Ext(base))
	ext := strings.TrimPrefix(path.Ext(base), ".")
	if c, ok := extClass[ext]; ok && (c == classDocument || c == classImage || c == classText || c == classVideo || c == classAudio) {
		return ext
	}
	return ""
}

// declaredClass maps a declared content type to a class; unknown or generic
// types (application/octet-stream) claim nothing.
func declaredClass(ct string) typeClass {
	ct = strings.ToLower(strings.TrimSpace(ct))
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = strings.TrimSpace(ct[:i])
	}
	switch {
	case ct == "" || ct == TypeUnknown:
		return classUnknown
	case strings.HasPrefix(ct, "image/"):
		return classImage
	case strings.HasPrefix(ct, "video/"):
		return classVideo
	case strings.HasPrefix(ct, "audio/"):
		return classAudio
	case ct == "application/pdf" || strings.Contains(ct, "officedocument") || strings.Contains(ct, "opendocument") || ct == "application/rtf":
		return classDocument
	case ct == "application/msword" || ct == "application/vnd.ms-excel" || ct == "application/vnd.ms-powerpoint":
		return classMacro
	case ct == "text/plain" || ct == "text/csv":
		return classText
	}
	return classUnknown
}
