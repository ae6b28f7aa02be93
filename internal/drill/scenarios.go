package drill

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/store"
)

// Scenarios are waves designed by an attacker who has read the detector,
// and ordinary school life that must not be mistaken for one. Each is
// data: an Attack (who sends what, to whom, how fast, holding the account
// how), a Legit part (genuine senders whose messages must pass), or both
// (a legitimate broadcast during an attack). RunScenario replays one on a
// fresh store, amid ordinary traffic, on a simulated clock.

// Access is how an attacker holds an account.
type Access int

// The ways an attacker holds an account.
const (
	// AccessNewDevice: the password, from the attacker's browser and network.
	AccessNewDevice Access = iota
	// AccessStolenToken: a stolen device token replayed from the
	// attacker's network: a known device, a new network.
	AccessStolenToken
	// AccessReplayedCookie: the victim's session cookie replayed from the
	// victim's own network and browser: nothing new about the session.
	AccessReplayedCookie
)

// Target is whom each attack message goes to.
type Target int

// Targets.
const (
	TargetOwnTeacher   Target = iota // a parent's child's teacher
	TargetTwoPeople                  // the child's two teachers
	TargetAllGroups                  // every class, their parents and the staff of the establishment
	TargetOneGroupEach               // one group per message, in turn
	TargetTeacherStaff               // the child's teacher, the vie scolaire and the head
)

// Text is what an attack says.
type Text int

// Texts.
const (
	TextHoax             Text = iota // « le collège sera fermé demain, prévenez les autres familles »
	TextVeiled                       // a veiled threat no word list knows
	TextLink                         // a neutral text with a link, a new subdomain each time
	TextMarch                        // the March 2024 texts, known and unknown to the screen
	TextTemplate                     // the genuine absence note
	TextPhishing                     // a canteen bill to settle on a lookalike site, a new subdomain each time
	TextIntrusion                    // a false intrusion alert telling families to fetch their children
	TextPhishingDomains              // the canteen bill on a registered domain of its own for each copy
	TextImage                        // a picture and a word: each copy re-encoded (other bytes, size, quality)
	TextPDF                          // a PDF bill personalised per copy (reference, link domain), each sender's own few words beside it
	TextAcademyLookalike             // the canteen bill on a lookalike académie domain (« ac-… .fr », a new one for each copy)
	TextTemplateLink                 // the teachers' genuine museum note, its authorisation now « to fill in online » on a new domain for each copy
	TextQuietHoax                    // a hoax without any alarming word (« pas de cours demain, gardez vos enfants à la maison »)
	TextPDFPlain                     // one benign body, word for word, beside a PDF bill personalised per copy
	TextAcademyPrefix                // a canteen bill without alarming words on « ac-<anything>.fr », no académie's name in it, a new one for each copy
	TextMuseumIBAN                   // the teachers' genuine museum note, a fee now « by transfer » to one IBAN in the text, no link
	TextFragments                    // the quiet hoax cut into fragments of two words each (« Collège fermé », « Pas cours demain »), one a message
	TextFragmentPictures             // the same fragments, each beside a picture of its own (a drawing no other copy shows)
	TextRelayAlarm                   // the strike notice the sender's head sent just before, passed on with a line of alarm added, as alike to it as a relay
	TextMuseumPoster                 // the museum note the account sends every day, the wave's picture attached, re-encoded for each copy
	TextPadded                       // the intrusion alert, paraphrased, amid six sentences of class life drawn for each copy (hash-busting)
	TextVideo                        // the beheading video, each copy trimmed and cropped its own way, beside emoji and no word
	TextKnownLink                    // a quiet canteen bill linking to one phishing domain, word for word: text and domain given a history the day before (Poison)
	TextKnownPicture                 // the wave's picture, the same bytes in every copy, beside emoji and no word: given a history the day before (Poison)
	TextPhotoCaption                 // the wave's picture, re-encoded for each copy, beside the caption « Photo » alone, which the day before gave a history (Poison)
	TextInvite                       // a quiet invitation to book the parents' evening online, no word of account, card or payment, a new subdomain of one domain for each copy
	TextPDFLetter                    // the quiet hoax as the head's letter in a PDF personalised per copy (its reference), beside emoji and no word
	TextPDFScan                      // the head's forged letter scanned: a PDF of one JPEG page and no text, each copy scanned again, beside emoji and no word
)

// Attack describes the attackers' side of a scenario.
type Attack struct {
	Role        bouclier.Role // RoleParent or RoleTeacher
	Senders     int
	PerSender   int
	Target      Target
	Text        Text
	Paraphrase  bool          // each sender words it their own way
	Spacing     time.Duration // between two senders' first messages
	Interval    time.Duration // between one sender's messages
	LoginBefore time.Duration // how long before their first message they logged in
	Access      Access
	// DiluteFirst senders first send from replayed cookies (nothing
	// suspicious about them), the others as Access.
	DiluteFirst int
	// Reports is how many parents among the recipients report each copy
	// they see, ReportAfter later.
	Reports     int
	ReportAfter time.Duration
	// Alternate makes every second sender a teacher of the same
	// establishment (Role then says the first sender's role): a wave that
	// crosses roles, each with its own usual.
	Alternate bool
	// Enrolled: the hijacked accounts have a second factor, which the
	// attackers passed (a real-time phishing page relays the code), so
	// that the guard lets their links and groups through and what is
	// measured is the detector.
	Enrolled bool
	// Obfuscate dresses each copy in leetspeak, spaced letters and emoji
	// on top of the sender's paraphrase.
	Obfuscate bool
	// Reply: each hijacked parent replies « Re: » inside a thread their
	// child's teacher opened with the class's parents shortly before.
	Reply bool
	// Mixed: each sender words each clause in French or English at a
	// rate of their own, in leetspeak at another.
	Mixed bool
	// Schedule: the senders schedule their messages (« Envoyer plus
	// tard ») over the Schedule before the wave's start, Spacing apart,
	// every one to be delivered at the wave's start at once.
	Schedule time.Duration
	// OnePerSchool: one sender in each establishment (Senders is then
	// the directory's number of establishments).
	OnePerSchool bool
	// OneSchool: every sender from one establishment (up to 16 pupils or
	// parents, two classes of eight): the wave never leaves it.
	OneSchool bool
	// WarmUp ordinary messages each sender sends first, from the same
	// session, seven minutes apart, to look like the account's owner.
	WarmUp int
	// Seed: a minute before the wave, the hijacked account of the first
	// sender's establishment's head (its cookie replayed from home: no
	// signal) sends the text, word for word, to its staff and teachers.
	Seed bool
	// At moves the wave's start from the morning (negative: the evening
	// or night before, when the accounts' owners are asleep).
	At time.Duration
	// Poison: the day before, the first sender sends the wave's text,
	// word for word, Poison times, ten minutes apart, to their child's
	// teacher (or their class's parents), from the same session, so that
	// the text has a history when the wave comes.
	Poison int
	// PoisonByStaff: the Poison copies come from the first sender's
	// establishment's vie scolaire (its cookie replayed from home: no
	// signal, and no probation for a broadcaster), to each class's
	// parents in turn.
	PoisonByStaff bool
	// PoisonFrom: the Poison copies are shared by the first PoisonFrom
	// senders, each of an establishment of their own (one when unset), so
	// that the history comes from that many establishments.
	PoisonFrom int
	// SeedFrom: with Seed, the heads of the first SeedFrom senders'
	// establishments (one when unset) each seed the wave.
	SeedFrom int
}

// waveBegun reports whether an attack is a wave once senders of schools
// establishments have sent: its only sender's first message, or a third
// sender of a second establishment (a third sender for a wave that stays
// in one establishment).
func (a *Attack) waveBegun(senders, schools int) bool {
	return a.Senders == 1 || (senders >= 3 && (schools >= 2 || a.OneSchool))
}

// LegitKind is a kind of genuine traffic.
type LegitKind int

// Genuine traffic.
const (
	LegitTemplate     LegitKind = iota // many parents send the absence note (a template with a history)
	LegitNotice                        // heads send a PPMS notice, teachers forward it to their classes' parents
	LegitCircular                      // heads forward a circular to parents; a pupil's parent reports each
	LegitMuseum                        // teachers send the museum note; two parents report each
	LegitWeather                       // heads announce a closure for a storm alert, teachers pass it on to their classes' parents
	LegitDenial                        // heads deny a hoax to staff and teachers; teachers relay it, each with their own word, to their classes' parents
	LegitPhoto                         // parents of many establishments send their child's teacher the photo of the district's sports day, each phone re-encoding it
	LegitLetter                        // heads send a strike letter to parents; parents forward it, with a question, to their children's other teachers
	LegitHomework                      // every teacher of one académie sends the académie's homework template to a class, within minutes
	LegitMuseumLink                    // teachers send the museum note with the museum's booking link (one domain new to the service) or the académie's page
	LegitStaffWeather                  // the vie scolaire of many establishments passes the storm closure on to every class and parent, half from a new phone
	LegitQuietNotice                   // heads pass on the rectorat's strike notice word for word to staff and teachers; teachers relay it to their classes' parents, half from their phone's mobile network
	LegitEveningStorm                  // the evening before, parents of many establishments tell their child's teacher, each in their own words, that the child stays home for the storm
	LegitClassPhotos                   // teachers of many establishments send their class's own photo, with a word or two, to the parents of each of their classes
	LegitWorried                       // after a rumour, parents of one establishment write to its head, each in their own words, asking whether school is safe tomorrow; half from their phone's mobile network
	LegitMuseumFlyer                   // teachers of many establishments send the museum note with the museum's flyer (each phone re-encoding it), half from their phone's mobile network
	LegitShowVideos                    // parents of many establishments send their child's teacher their own clip of the school show (a phone's frame, a length of its own), half from their phone's mobile network
	LegitKnownLink                     // teachers of many establishments send the museum note with the museum's booking link, which the heads of eight establishments passed on the day before; half from their phone's mobile network
	LegitFlyerCaption                  // teachers of many establishments send the museum's flyer (each phone re-encoding it) with a caption of two words, as the heads of eight establishments passed it on the day before; half from their phone's mobile network
	LegitSurveyLink                    // the heads of many establishments pass on the rectorat's survey (one domain new to the service) to their parents and staff within minutes, half from their phone's mobile network
	LegitMailMerge                     // the heads of many establishments send the académie's circular as a PDF within minutes, half from their phone's mobile network: every second head by a mail merge, one message per family, the family's name and the pupil's class in it; the others the rectorat's copy for their establishment, to its parents and staff
)

// Legit describes the genuine side of a scenario.
type Legit struct {
	Kind    LegitKind
	Senders int
	At      time.Duration // when it starts
}

// Scenario is one drill scenario.
type Scenario struct {
	Name   string
	Attack *Attack
	Legit  *Legit
	// Tuned says whether the detector's thresholds were tuned on it; the
	// others were written before and never tuned on.
	Tuned bool
	// VisibleUpTo, when set, is the share of the attack's copies (in
	// percent) that may be visible at some point, in place of 1 %: its
	// first copies cannot be told from ordinary mail before the wave
	// exists (the scenario's comment says why). Nothing may be left.
	VisibleUpTo float64
	// KnownMiss, when set, says why the scenario misses its targets and
	// what it would take: a failure the detector does not fix yet. The
	// scenario still runs and its row is printed; the drill's test logs
	// its miss instead of failing on it.
	KnownMiss string
}

// Scenarios are the drill's scenarios, attacks then legitimate traffic.
func Scenarios() []Scenario {
	p, t := bouclier.RoleParent, bouclier.RoleTeacher
	return []Scenario{
		{Name: "mars-2024", Tuned: true, Attack: &Attack{Role: p, Senders: 40, PerSender: 3, Target: TargetTeacherStaff, Text: TextMarch, Paraphrase: true,
			Spacing: 200 * time.Millisecond, Interval: 4 * time.Second, LoginBefore: 30 * time.Second, Access: AccessNewDevice}},
		{Name: "canular-2-destinataires", Tuned: true, Attack: &Attack{Role: p, Senders: 20, PerSender: 1, Target: TargetTwoPeople, Text: TextHoax,
			Spacing: 5 * time.Second, LoginBefore: 2 * time.Minute, Access: AccessStolenToken}},
		{Name: "canular-35-min-apres", Attack: &Attack{Role: p, Senders: 20, PerSender: 1, Target: TargetTwoPeople, Text: TextHoax, Paraphrase: true,
			Spacing: 5 * time.Second, LoginBefore: 35 * time.Minute, Access: AccessNewDevice}},
		{Name: "un-message-au-professeur", Tuned: true, Attack: &Attack{Role: p, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextVeiled, Paraphrase: true,
			Spacing: 10 * time.Second, LoginBefore: 5 * time.Minute, Access: AccessStolenToken, Reports: 1, ReportAfter: 30 * time.Second}},
		{Name: "professeurs-paraphrase", Attack: &Attack{Role: t, Senders: 10, PerSender: 1, Target: TargetAllGroups, Text: TextVeiled, Paraphrase: true,
			Spacing: 20 * time.Second, LoginBefore: 10 * time.Minute, Access: AccessStolenToken}},
		{Name: "vague-lente", Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetAllGroups, Text: TextHoax, Paraphrase: true,
			Spacing: 6 * time.Minute, LoginBefore: time.Hour, Access: AccessStolenToken}},
		{Name: "cookie-rejoue", Attack: &Attack{Role: p, Senders: 20, PerSender: 1, Target: TargetTeacherStaff, Text: TextVeiled, Paraphrase: true,
			Spacing: 10 * time.Second, Access: AccessReplayedCookie, Reports: 1, ReportAfter: 30 * time.Second}},
		{Name: "un-professeur-menace", Attack: &Attack{Role: t, Senders: 1, PerSender: 1, Target: TargetAllGroups, Text: TextVeiled,
			LoginBefore: 2 * time.Hour, Access: AccessReplayedCookie, Reports: 6, ReportAfter: time.Minute}},
		{Name: "envois-fractionnes", Tuned: true, Attack: &Attack{Role: t, Senders: 10, PerSender: 5, Target: TargetOneGroupEach, Text: TextVeiled, Paraphrase: true,
			Spacing: 30 * time.Second, Interval: 90 * time.Second, LoginBefore: time.Hour, Access: AccessStolenToken}},
		{Name: "dilution", Attack: &Attack{Role: p, Senders: 30, PerSender: 1, Target: TargetTeacherStaff, Text: TextHoax, Paraphrase: true,
			Spacing: 4 * time.Second, LoginBefore: 5 * time.Minute, Access: AccessNewDevice, DiluteFirst: 20}},
		{Name: "sous-domaines", Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetTeacherStaff, Text: TextLink,
			Spacing: 5 * time.Second, LoginBefore: 5 * time.Minute, Access: AccessStolenToken}},
		{Name: "modele-absence-par-des-comptes-pirates", Attack: &Attack{Role: p, Senders: 6, PerSender: 3, Target: TargetTeacherStaff, Text: TextTemplate,
			Spacing: 10 * time.Second, Interval: 20 * time.Second, LoginBefore: 5 * time.Minute, Access: AccessNewDevice},
			Legit: &Legit{Kind: LegitTemplate, Senders: 60, At: 30 * time.Second}},
		{Name: "legitime-modele-absence", Legit: &Legit{Kind: LegitTemplate, Senders: 120}},
		{Name: "legitime-ppms-pendant-incident", Attack: &Attack{Role: p, Senders: 20, PerSender: 2, Target: TargetTeacherStaff, Text: TextMarch, Paraphrase: true,
			Spacing: time.Second, Interval: 4 * time.Second, LoginBefore: time.Minute, Access: AccessNewDevice},
			Legit: &Legit{Kind: LegitNotice, Senders: 20, At: 90 * time.Second}},
		{Name: "legitime-circulaire-signalee", Legit: &Legit{Kind: LegitCircular, Senders: 20}},
		{Name: "legitime-musee-signale", Legit: &Legit{Kind: LegitMuseum, Senders: 20}},
		// Written after an earlier change of the detector and run once; the
		// relays of notices and the forming probation were then designed
		// on the failures of the three marked Tuned.
		{Name: "hameconnage-cantine", Attack: &Attack{Role: p, Senders: 25, PerSender: 1, Target: TargetTwoPeople, Text: TextPhishing, Paraphrase: true,
			Spacing: 7 * time.Second, LoginBefore: 20 * time.Minute, Access: AccessReplayedCookie, Enrolled: true}},
		{Name: "fausse-intrusion-fractionnee", Tuned: true, Attack: &Attack{Role: t, Senders: 8, PerSender: 3, Target: TargetOneGroupEach, Text: TextIntrusion, Paraphrase: true,
			Spacing: 45 * time.Second, Interval: 2 * time.Minute, LoginBefore: 3 * time.Hour, Access: AccessReplayedCookie}},
		{Name: "legitime-alerte-meteo", Tuned: true, Legit: &Legit{Kind: LegitWeather, Senders: 20}},
		// Written with the detector's changes, run once before tuning.
		{Name: "hameconnage-domaines-tournants", Attack: &Attack{Role: p, Senders: 25, PerSender: 1, Target: TargetTwoPeople, Text: TextPhishingDomains, Paraphrase: true,
			Spacing: 9 * time.Second, LoginBefore: 45 * time.Minute, Access: AccessReplayedCookie, Enrolled: true}},
		// Written blind (before the detector's next changes), run once.
		{Name: "roles-alternes", Attack: &Attack{Role: p, Alternate: true, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextHoax, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken}},
		{Name: "paraphrase-leet-emoji", Attack: &Attack{Role: p, Senders: 25, PerSender: 1, Target: TargetTwoPeople, Text: TextIntrusion, Paraphrase: true, Obfuscate: true,
			Spacing: 6 * time.Second, LoginBefore: 2 * time.Hour, Access: AccessReplayedCookie}},
		{Name: "legitime-dementi-relaye-pendant-incident", Attack: &Attack{Role: p, Senders: 20, PerSender: 1, Target: TargetTeacherStaff, Text: TextHoax, Paraphrase: true,
			Spacing: 3 * time.Second, LoginBefore: 3 * time.Minute, Access: AccessNewDevice},
			Legit: &Legit{Kind: LegitDenial, Senders: 20, At: 90 * time.Second}},
		// Written blind before perceptual media likeness, run once at full
		// size (400 establishments, seed 2024) before any detector change:
		// reponses-dans-les-fils and bilingue-leet met the targets (0 %
		// visible, 0 left, 0 s); images-reencodees missed (87.5 % visible,
		// 63 copies left, 530 s: every copy's bytes differ) and
		// legitime-photo-sortie failed (33 of 40 held: a contain incident
		// from two parents on a new browser at home). Media likeness was
		// planned before; the wave's suspect accounts (suspectAccount) were
		// designed on the photo's failure: those two are marked Tuned.
		{Name: "reponses-dans-les-fils", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetOwnTeacher, Text: TextHoax, Paraphrase: true, Reply: true,
			Spacing: 7 * time.Second, LoginBefore: 50 * time.Minute, Access: AccessReplayedCookie}},
		{Name: "bilingue-leet", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTeacherStaff, Text: TextIntrusion, Paraphrase: true, Mixed: true,
			Spacing: 9 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken}},
		{Name: "images-reencodees", Tuned: true, Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTeacherStaff, Text: TextImage,
			Spacing: 6 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken}},
		{Name: "legitime-photo-sortie", Tuned: true, Legit: &Legit{Kind: LegitPhoto, Senders: 40}},
		// Written blind (campaign5), committed and run once at 40
		// establishments (4 académies, 100 ordinary, seed 2024) before any
		// detector change: un-par-etablissement, pdf-personnalise and the
		// two legitimate ones met the targets; programmes-pour-7h missed
		// (84.6 % visible, 33 copies left, no incident: a message on
		// probation at its send went out then, and at its delivery its
		// observation was hours out of the window) and lente-sur-la-journee
		// missed (90 % visible, 72 left, no incident: never three senders
		// within the window). The deferred delivery's watch and the slow
		// wave over the day were designed on those two: they are marked
		// Tuned. programmes-pour-7h's first version, senders 55 minutes
		// apart, was caught when they scheduled; the attacker's answer, 70
		// minutes apart, is the one kept.
		{Name: "programmes-pour-7h", Tuned: true, Attack: &Attack{Role: p, Senders: 13, PerSender: 1, Target: TargetTeacherStaff, Text: TextHoax, Paraphrase: true,
			Schedule: 15*time.Hour + 30*time.Minute, Spacing: 70 * time.Minute, LoginBefore: 10 * time.Minute, Access: AccessStolenToken}},
		{Name: "un-par-etablissement", Attack: &Attack{Role: p, OnePerSchool: true, PerSender: 1, Target: TargetOwnTeacher, Text: TextHoax, Paraphrase: true,
			WarmUp: 2, Spacing: 4 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken}},
		{Name: "pdf-personnalise", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTeacherStaff, Text: TextPDF,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken}},
		// A wave of one copy an hour from accounts that show nothing, each
		// writing to one class's parents as usual: the first two copies are
		// alarming mail from two teachers of two establishments, out after
		// their probation, before the third makes it a wave; they are taken
		// back then. Holding them would hold every alarming message of a
		// teacher for hours.
		{Name: "lente-sur-la-journee", Tuned: true, VisibleUpTo: 20, Attack: &Attack{Role: t, Senders: 10, PerSender: 1, Target: TargetOwnTeacher, Text: TextIntrusion, Paraphrase: true,
			Spacing: 65 * time.Minute, LoginBefore: 2 * time.Hour, Access: AccessReplayedCookie, WarmUp: 1}},
		{Name: "legitime-lettre-transferee", Legit: &Legit{Kind: LegitLetter, Senders: 20}},
		{Name: "legitime-devoirs-academie", Legit: &Legit{Kind: LegitHomework, Senders: 400}},
		// Written blind (campaign6) by reading the detector for what lets
		// content out at once and never makes a wave: no probation without
		// an alarm, a link or a new browser; known content counting only
		// senders with account signals; « ac-* .fr » taken for an
		// académie's domain; replayed cookies showing nothing. Committed
		// before any detector change and run once at 40 establishments
		// (4 académies, 100 ordinary, seed 2024): faux-domaine-academique
		// (24 sent, 22 copies, 0 visible, 0 left, 0 s) and
		// pieces-jointes-corps-banal (24 sent, 48 copies, 0 visible, 0
		// left, 0 s) met the targets; modele-sortie-lien-change stopped
		// the attack (160 copies, 0 visible) but held 10 ordinary museum
		// notes with it (the template's own genuine copies, joined to the
		// incident); canular-sans-alarme missed (56 of 160 copies visible,
		// 35 %, 0 left, acted on 73.8 s after the wave: nothing holds it
		// until the wave is assessed); legitime-sortie-lien-musee failed
		// (24 genuine notes and 10 ordinary ones held, an incident: a
		// template linking to one domain new to the service from many
		// teachers is taken for a wave). The template sent as usual
		// (campaign.plainTemplate) was designed on the held notes of the
		// two marked Tuned: modele-sortie-lien-change meets the targets
		// since; legitime-sortie-lien-musee still holds its 24 notes and
		// canular-sans-alarme is unchanged: both are known misses.
		// faux-domaine-academique was caught (its domains name an
		// académie, which the screen spots), but any « ac-*.fr » counted
		// then as an académie's own domain (campaign.commonDomain):
		// domaine-ac-sans-academie below.
		{Name: "faux-domaine-academique", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextAcademyLookalike, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessReplayedCookie, Enrolled: true}},
		{Name: "modele-sortie-lien-change", Tuned: true, Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextTemplateLink,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessReplayedCookie}},
		{Name: "canular-sans-alarme", Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextQuietHoax, Paraphrase: true,
			Spacing: 10 * time.Second, LoginBefore: time.Hour, Access: AccessReplayedCookie},
			KnownMiss: "new content without alarm, link or account signal goes out at once, and senders without signals make no wave " +
				"(every template is new on its first day): telling a paraphrased hoax from a new template needs a signal of its own"},
		{Name: "pieces-jointes-corps-banal", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextPDFPlain,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessReplayedCookie, Enrolled: true}},
		// Written after the round above, from its finding on
		// faux-domaine-academique, and run once before the change it
		// tests, at the same size: missed (40 of 48 copies visible,
		// 83.3 %, 0 left, acted on 148.7 s after the wave): the detector
		// took any « ac-*.fr » for an académie's domain, so the copies
		// carried no link at all, and the screen knows only lookalikes of
		// an académie's name. The académies' domains are named one by
		// one since (campaign.commonDomain): met, and marked Tuned.
		{Name: "domaine-ac-sans-academie", Tuned: true, Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextAcademyPrefix, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessReplayedCookie, Enrolled: true}},
		{Name: "legitime-sortie-lien-musee", Tuned: true, Legit: &Legit{Kind: LegitMuseumLink, Senders: 24},
			KnownMiss: "one domain new to the service linked by teachers of many establishments within the window is what a link wave " +
				"from replayed cookies looks like (review), and two of them on a new browser make it a contain: without a domain's " +
				"reputation the detector cannot tell the museum from a phishing site"},
		// Written blind (campaign7) by reading the detector for senders and
		// content it never counts: heads', staff's and administrators'
		// accounts weigh 0.1 and are never a wave's signalled or risky
		// senders, whatever their session shows; a cluster whose first copy
		// is a head's without signals is a notice (vouched), where only
		// senders with account signals count; a template's copy without
		// link, attachment or signal is never held. Committed before any
		// detector change, marked not tuned, and run once at 40
		// establishments (4 académies, 100 ordinary, seed 2024):
		// vie-scolaire-piratees missed (660 of 660 copies visible, 100 %,
		// 660 left, no incident: staff accounts from stolen tokens are no
		// wave's senders); amorce-par-un-chef missed (7 of 76 copies
		// visible, 9.2 %, 4 left, acted on 523 s after the wave: the
		// head's copy first makes the hoax a notice, and replayed cookies
		// show no account signal); modele-sortie-rib-change missed (160 of
		// 160 visible, 100 %, 160 left, no incident: the museum note is a
		// template, an IBAN is no link, the copies are the template sent
		// as usual); legitime-vie-scolaire-meteo met its target (20 sent,
		// nothing held). The three attacks were then fixed on, and are
		// marked Tuned: a head's, staff's or administrator's account with
		// a strong account signal counts in a wave as a teacher's
		// (campaign.counted), and its alarming new content waits its
		// probation when its session looks stolen (hijackedAlarm); a
		// notice's vouching stops at its own establishment
		// (campaign.stray); an IBAN in a text is a link (accountNumbers),
		// so a template carrying a new one is new content. Met since, but
		// amorce-par-un-chef's own head copy (7 of 76 copies, 9.2 %) is
		// visible until the wave exists: a head writing to their own staff
		// without any signal is a notice (VisibleUpTo 10).
		// vie-scolaire-piratees is a known miss again: counting hijacked
		// broadcasters in a wave (campaign.counted) made incidents of
		// ordinary broadcasts in the deployments drill (TestDeploymentsSmall:
		// 5-9 ordinary messages held per deployment), so it was withdrawn
		// at the merge; its alarming copies still wait their probation
		// when the session looks stolen (hijackedAlarm), and are released
		// after it, no wave being found.
		{Name: "vie-scolaire-piratees", Tuned: true, Attack: &Attack{Role: bouclier.RoleStaff, Senders: 20, PerSender: 1, Target: TargetAllGroups, Text: TextHoax, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken},
			KnownMiss: "hijacked staff accounts of 20 schools are not counted in a wave: counting them held ordinary broadcasts " +
				"in the deployments drill; the copies wait their probation and are released (100 % visible)"},
		{Name: "amorce-par-un-chef", Tuned: true, VisibleUpTo: 10, Attack: &Attack{Role: p, Seed: true, Senders: 24, PerSender: 1, Target: TargetTeacherStaff, Text: TextHoax,
			Spacing: 7 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessReplayedCookie},
			KnownMiss: "at 20 establishments (CI) a family of the head's own establishment sends it too: a relay of the head's notice, " +
				"never held by the wave, visible until the incident gathers it (13.2 % visible, acted on 136 s after the wave); " +
				"at 40 establishments no sender shares the head's establishment and the targets are met"},
		{Name: "modele-sortie-rib-change", Tuned: true, Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextMuseumIBAN,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessReplayedCookie}},
		{Name: "legitime-vie-scolaire-meteo", Legit: &Legit{Kind: LegitStaffWeather, Senders: 20}},
		// Written blind (campaign8) by reading the detector for what it
		// never counts: a cluster first sent by a head without signals is
		// a notice, where only senders with an account signal and another
		// signal count, and quiet content has no other; a text under three
		// terms has no signature, so no cluster and no probation; a text
		// with a history is a template, whatever it says, and anyone can
		// give it one the day before; an account that rarely writes has
		// no hour of its own, so no unusual one. Committed before any
		// detector change, marked not tuned, and run once at 40
		// establishments (4 académies, 100 ordinary, seed 2024):
		// amorce-calme-jetons-voles missed (164 of 164 copies visible,
		// 100 %, 164 left, no incident: the hijacked head's copy vouches
		// for the text, and stolen tokens alone are no signal of what the
		// account sends); fragments-courts missed (110 of 128 copies
		// visible, 85.9 %, 110 left, acted on 514 s after the wave: no
		// fragment has a signature, only the family accounts' points held
		// some); modele-empoisonne-la-veille missed (48 of 48 visible,
		// 100 %, 48 left, no incident: six copies the day before made the
		// intrusion alert a template, where only account signals count);
		// eleves-la-nuit met the targets (24 sent, 0 visible, 0 left);
		// legitime-greve-relayee-en-mobilite (60 sent) and
		// legitime-parents-soir-tempete (40 sent) held nothing. The three
		// misses were then fixed on, and are marked Tuned: a notice vouches
		// only for its own establishment against accounts that look stolen
		// as against risky content (campaign.stray), a head's copy vouching
		// unless its account signal is strong (campaign.vouches: counting
		// suspect senders alone held 45 of the strike notice's 60 relays,
		// its heads on a new browser at home vouching for nothing); a text
		// under three terms is keyed by its term set, a caption beside an
		// attachment apart (campaign.shortTextKey); alarming content with a
		// history, that no head passed on, from families and teachers of
		// several establishments is judged as new and waits its probation
		// (campaign.alarmingTemplate). Since, at the same size:
		// amorce-calme-jetons-voles 4 of 164 copies visible (2.4 %, the
		// head's own copy to its staff, a notice until the wave exists:
		// VisibleUpTo 10), 0 left, acted on 9.1 s after the wave;
		// fragments-courts 0 of 48 (the 24 accounts locked at their first
		// fragment); modele-empoisonne-la-veille 0 of 48; every other
		// scenario as before, both legitimate ones holding nothing.
		{Name: "amorce-calme-jetons-voles", Tuned: true, VisibleUpTo: 10, Attack: &Attack{Role: t, Seed: true, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextQuietHoax,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessStolenToken}},
		{Name: "fragments-courts", Tuned: true, Attack: &Attack{Role: p, Senders: 24, PerSender: 3, Target: TargetTwoPeople, Text: TextFragments, Paraphrase: true,
			Spacing: 8 * time.Second, Interval: 20 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken}},
		{Name: "modele-empoisonne-la-veille", Tuned: true, Attack: &Attack{Role: p, Poison: 6, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextIntrusion,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessReplayedCookie}},
		{Name: "eleves-la-nuit", Attack: &Attack{Role: bouclier.RoleStudent, Senders: 24, PerSender: 1, Target: TargetOwnTeacher, Text: TextVeiled, Paraphrase: true,
			At: -(9*time.Hour + 30*time.Minute), Spacing: 40 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessReplayedCookie}},
		{Name: "legitime-greve-relayee-en-mobilite", Legit: &Legit{Kind: LegitQuietNotice, Senders: 20}},
		{Name: "legitime-parents-soir-tempete", Legit: &Legit{Kind: LegitEveningStorm, Senders: 40, At: -(10*time.Hour + 30*time.Minute)}},
		// Written blind (campaign9) from a review finding: a text under
		// three terms is keyed by its term set (shortTextKey), but not
		// beside an attachment, where it is taken for a caption and the
		// attachment is keyed instead; a picture of its own beside each
		// fragment leaves nothing to cluster. Its legitimate counterpart:
		// teachers sending their class's own photo with a word or two.
		// Committed before any detector change, marked not tuned, and run
		// once at CI size (20 establishments, 2 académies, 40 ordinary,
		// seed 11): fragments-en-images missed (63 sent, 104 of 126 copies
		// visible, 82.5 %, 104 left, acted on 496 s after the wave, 10 of
		// 24 accounts locked); legitime-photos-de-classe (40 sent) held
		// nothing. The fix was then designed on the miss, and the attack is
		// marked Tuned: a short text is keyed by its term set beside an
		// attachment too (campaign.shortTextKey). Since, at the same size:
		// fragments-en-images 0 of 48 copies visible, 0 left, the 24
		// accounts locked at their first fragment (as fragments-courts);
		// legitime-photos-de-classe, legitime-photo-sortie and
		// images-reencodees unchanged.
		{Name: "fragments-en-images", Tuned: true, Attack: &Attack{Role: p, Senders: 24, PerSender: 3, Target: TargetTwoPeople, Text: TextFragmentPictures, Paraphrase: true,
			Spacing: 8 * time.Second, Interval: 20 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken}},
		{Name: "legitime-photos-de-classe", Legit: &Legit{Kind: LegitClassPhotos, Senders: 20}},
		// Written blind (campaign10) by reading the detector for what it
		// exempts on likeness or history alone: a family's or teacher's
		// message as alike to their own head's notice as RelayLikeness is
		// a relay (relayOfNotice, dropRelays), never held, never counted,
		// whatever alarm it adds; a text with a history is a template
		// whose wave counts only senders with an account signal and a
		// behaviour signal, and a picture attached to it adds neither; a
		// wave is senders of MinSchools establishments, so one school's
		// hijacked accounts (a pupil who collected their classmates'
		// passwords) make none, whatever they send. Their legitimate
		// counterparts: teachers sending the museum note with the
		// museum's flyer, and the parents of one collège asking its head,
		// after a rumour, whether school is safe tomorrow, half of them
		// from their phone's mobile network (a network new to the
		// account, as a stolen token's). Committed before any detector
		// change, marked not tuned, and run once at CI size (20
		// establishments, 2 académies, 40 ordinary, seed 11):
		// relais-de-greve-alarmant missed (20 sent, 136 of 160 copies
		// visible, 85 %, 32 left, acted on 492.5 s after the wave, one
		// incident, nobody locked; the heads' 20 notices held nothing);
		// modele-musee-image-jointe missed (20 sent, 160 of 160 visible,
		// 100 %, 160 left, no incident); parents-d-un-seul-college missed
		// (16 sent, 42 of 48 visible, 87.5 %, 42 left, no incident, acted
		// on 1,362 s after the wave); legitime-affiche-musee (24 sent) and
		// legitime-parents-inquiets (16 sent) held nothing. The one-school
		// wave and the worried parents start a quarter of an hour before
		// the morning, so that their copies' probation (up to FormingFor)
		// is over when the run ends. Tried before and left out: a phishing
		// form on a shared forms host (the screen holds its text, and one
		// genuine form in three: the detector was not what it measured);
		// the flyer with a sentence added to the note (new content from
		// teachers half on a mobile network is contained on main, 12 held,
		// 11 recalled, 11 locked: legitime-sortie-lien-musee's known miss);
		// pupils sending the veiled threat (held by the screen at send).
		// Then fixed on the misses: a copy as alike to its head's notice as
		// a relay whose added words alarm on their own is no relay
		// (campaign.addsAlarm, FlagAddsAlarm); MinSenders accounts of one
		// establishment sending alike risky content from a browser and a
		// network none of them used (FlagNewDevice: stolen passwords, not
		// a replayed token nor the owner's phone on a new network) are a
		// wave to review. Since, at the same size:
		// parents-d-un-seul-college 0 of 48 copies visible, 0 left, one
		// review incident, nobody locked; relais-de-greve-alarmant 112 of
		// 160 visible (70 %), 8 left, acted on 492.5 s: its alarming line
		// waits and is reviewed, its two others are one register of alarm
		// (« menace », « danger » alone), quiet content a relay or not
		// (canular-sans-alarme's miss); modele-musee-image-jointe
		// unchanged: counting a new picture on a template as new content
		// (its history and the picture's) met it (0 visible, 20 locked)
		// but contained legitime-affiche-musee (12 held, 11 recalled, 11
		// locked): not kept. Every other scenario as before; the two
		// legitimate ones hold nothing. (The run then ended 62 s after
		// the last send; it now lasts until every wait is over, and a
		// miss's time to act is the run's end: 1,148.5 s at CI size.)
		{Name: "relais-de-greve-alarmant", Tuned: true, Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextRelayAlarm,
			Spacing: 10 * time.Second, LoginBefore: 2 * time.Hour, Access: AccessReplayedCookie},
			KnownMiss: "two of the three lines added to the notice are one register of alarm (« menace », « danger » alone): quiet " +
				"content from replayed cookies goes out at once, a relay or not (canular-sans-alarme); the alarming line waits and is " +
				"reviewed (70 % visible, 8 copies still visible when the run ends)"},
		{Name: "modele-musee-image-jointe", Attack: &Attack{Role: t, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextMuseumPoster,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessStolenToken},
			KnownMiss: "a template's text with a picture attached is the template, whose wave counts only senders with an account " +
				"and a behaviour signal; judging it as new content contains legitime-affiche-musee, whose teachers on a mobile network " +
				"show the strong signal a stolen token does: telling them apart needs a signal of what the picture shows"},
		{Name: "parents-d-un-seul-college", Tuned: true, Attack: &Attack{Role: p, OneSchool: true, Senders: 16, PerSender: 1, Target: TargetTeacherStaff, Text: TextHoax, Paraphrase: true,
			At: -15 * time.Minute, Spacing: 25 * time.Second, LoginBefore: 20 * time.Minute, Access: AccessNewDevice}},
		{Name: "legitime-affiche-musee", Legit: &Legit{Kind: LegitMuseumFlyer, Senders: 24}},
		{Name: "legitime-parents-inquiets", Legit: &Legit{Kind: LegitWorried, Senders: 16, At: -15 * time.Minute}},
		// Written blind (campaign11) by reading the detector for content
		// whose copies it never finds alike: texts are alike by the
		// Jaccard of their whole term sets (Similar, AlarmLikeness for
		// alarming ones), so an alert drowned in forty terms of class life
		// drawn for each copy is alike to none; a video is known by its
		// duration to the half second and its aspect ratio, which a
		// script trimming and cropping each copy changes, and emoji leave
		// no text to key; a text or a domain with KnownMessages messages
		// in the days before is known, whoever gave it that history (one
		// hijacked account the day before), and a known text with a known
		// domain is neither on probation nor counted but by senders with
		// an account and a behaviour signal. Their legitimate
		// counterparts: parents sending their own clip of the school show
		// (phones share a few frames, lengths fall close: looser video
		// keys would join them), and teachers on their phone's mobile
		// network sending the museum note with a booking link teachers of
		// eight establishments gave a history the day before (counting
		// strong account signals on a known template with a link would
		// hold them). Committed before any detector change, marked not
		// tuned, and run once at CI size (20 establishments, 2 académies,
		// 40 ordinary, seed 11): bourrage-de-phrases met the targets (24
		// sent, 0 of 120 copies visible, 0 left, one incident: six
		// sentences from a shared pool leave copies near the alarm line,
		// AlarmLikeness, and the alert waits its probation);
		// video-recadree missed (24 sent, 32 of 48 copies visible,
		// 66.7 %, 32 left, one contain incident of three copies whose
		// lengths and frames fell alike by chance, 6 accounts locked, the
		// run's end 1,154.5 s after the wave); lien-empoisonne-la-veille
		// missed (20 sent, 160 of 160 copies visible, 100 %, 160 left, no
		// incident: its poison came from a hijacked vie scolaire, whose
		// messages wait no probation, so the domain never became suspect
		// to the screen); legitime-lien-de-reservation-connu held nothing
		// (24 sent); legitime-videos-du-spectacle failed on main (30 sent,
		// 17 held, 13 recalled, 13 accounts locked, 3 contain incidents:
		// clips of one of four phone frames whose lengths fall within a
		// second of each other are alike to the detector, and half were
		// sent from a mobile network, a strong account signal). Then fixed
		// on lien-empoisonne-la-veille, marked Tuned: a link's history
		// counts only when it comes from MinSenders establishments
		// (campaign.broadHistory: each link key is also counted in
		// registers by the sender's establishment; MinSchools since, as
		// for a wave), so a domain one account linked to
		// the day before is new: the copies wait their probation and the
		// wave is reviewed (0 of 160 copies visible, one review incident,
		// nobody locked). The poisoned text was as much the attack's
		// licence as its domain: canular-calme-empoisonne below, written
		// after that change from its finding and run once before the next
		// (20 sent, 160 of 160 copies visible, 100 %, 160 left, no
		// incident; the same wave without its poison is contained, 0
		// visible, 20 locked), is one hijacked teacher's account sending
		// the quiet hoax six times the day before, then teachers' stolen
		// tokens sending it word for word. A text's history counts now
		// only when it comes from several establishments too
		// (campaign.broadHistory, four of its band keys counted by
		// establishment; the line is MinSchools, as for a wave, so that a
		// template a cité scolaire's two establishments share stays one):
		// both are met and marked Tuned. Since, at the
		// same size: lien-empoisonne-la-veille and canular-calme-empoisonne
		// 0 of 160 copies visible, 0 left, one contain incident, the 20
		// accounts locked; legitime-lien-de-reservation-connu still holds
		// nothing; every other scenario's row unchanged. The
		// two video scenarios are known misses: a video is described by
		// its length and frame alone, which an attacker's script changes
		// for each copy and which parents' phones share; telling clips
		// apart needs what they show (a frame's hash, internal/media), and
		// loosening or tightening the length keys trades one for the other.
		{Name: "bourrage-de-phrases", Attack: &Attack{Role: p, Alternate: true, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextPadded, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessReplayedCookie}},
		{Name: "video-recadree", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextVideo,
			Spacing: 7 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken},
			KnownMiss: "a video is known by its length to the half second and its frame's aspect, which a script trimming and " +
				"cropping each copy changes, and emoji leave no text: telling the copies alike needs what the video shows (a frame's " +
				"hash); only copies whose length and frame fall alike by chance are contained (66.7 % visible at CI size)"},
		{Name: "lien-empoisonne-la-veille", Tuned: true, Attack: &Attack{Role: t, Poison: 6, PoisonByStaff: true, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextKnownLink,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessStolenToken}},
		{Name: "canular-calme-empoisonne", Tuned: true, Attack: &Attack{Role: t, Poison: 6, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextQuietHoax,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessStolenToken}},
		// campaign12 looked for what tells these parents from a wave, and
		// found the clips are not what joins them (CI size, seed 11): each
		// clip given a frame of its own (no video key shared) still makes
		// 4 incidents, 14 accounts locked; the sentences without the clips
		// 4 incidents, 15 locked; the clips beside emoji hold nothing. The
		// parents of 20 establishments write one of four sentences word
		// for word (an artefact of the drill as much as of life), new
		// content, and half send from their phone's network, a known device
		// on a network new to the account: what a stolen token is, the
		// very signal that contains canular-calme-empoisonne. Tried and
		// dropped: not counting a suspect account in a wave when its copies
		// reach one person each with no signal of what it sends (held 3,
		// recalled and locked none here, every other row unchanged, but a
		// new text from four stolen tokens to one teacher each is then no
		// wave: TestWaveLevels, TestSessionSignals and TestMediaWave
		// contain it by design). Telling the phone from the thief needs
		// the network's kind (a carrier's shared addresses, internal/auth);
		// the 3 that rule still held were the screen's (« je vous envoie
		// ma vidéo » scored 0.3 as sextortion: a review of alarming
		// content). campaign13 looked again and found nothing in the
		// detector's reach: what joins the parents (a sentence word for
		// word, new content, from a known device on a network new to the
		// account) is what contains canular-calme-empoisonne's stolen
		// tokens, and a copy beside an attachment of its own is what the
		// kits of lettre-pdf-du-principal, fragments-en-images and
		// video-recadree send; waiting for broadcasters' vouching
		// (hijackedLinks) has no parent's counterpart, a head's notice
		// vouching only for its own establishment. Its row is unchanged.
		{Name: "legitime-videos-du-spectacle", Legit: &Legit{Kind: LegitShowVideos, Senders: 30},
			KnownMiss: "not the clips: the parents of many establishments write one of four sentences word for word, new content, and " +
				"half send from their phone's mobile network (a known device on a new network, what a stolen token is): contained " +
				"(17 held, 13 recalled, 13 locked at CI size); the screen also scores one sentence 0.3 (« sextortion »)"},
		{Name: "legitime-lien-de-reservation-connu", Legit: &Legit{Kind: LegitKnownLink, Senders: 24}},
		// Written blind (campaign12) by reading the detector for the
		// history it trusts: a message whose text is under three terms has
		// no signature, and is known (a template) as soon as any one of its
		// attachment's digest, picture, video or caption keys was carried
		// by KnownMessages messages in the days before, from however many
		// establishments (campaign.known: the breadth campaign11 gave to a
		// text's bands and a link's domain is not asked of them), so that
		// one hijacked account sending the wave's picture six times the day
		// before, or a caption as common as « Photo », makes the wave a
		// template, counted only by senders with an account and a
		// behaviour signal; and a text's or link's breadth is MinSchools
		// establishments, which two hijacked accounts of two
		// establishments give. The legitimate counterpart: teachers
		// passing on the museum's flyer (each phone re-encoding it) with a
		// caption of two words, as heads of eight establishments did the
		// day before, half from their phone's mobile network (forgetting a
		// caption's history beside a picture would contain them: no two
		// copies of the flyer share a digest or, always, a descriptor).
		// Committed before any detector change, marked not tuned, and run
		// once at CI size (20 establishments, 2 académies, 40 ordinary,
		// seed 11): image-empoisonnee-la-veille missed (24 sent, 44 of 48
		// copies visible, 91.7 %, 44 left, no incident, the run's end
		// 1,154.6 s after the wave); image-legende-connue missed (24 sent,
		// 48 of 48 visible, 100 %, 48 left, no incident, 1,156.4 s);
		// canular-empoisonne-deux-colleges missed (20 sent, 160 of 160
		// visible, 100 %, 160 left, no incident, 1,150.7 s);
		// legitime-affiche-legende-courte held nothing (24 sent). Each
		// attack without its poison is contained (0 visible, one
		// incident, every account locked): the history is their licence.
		// Then fixed on the two picture waves, marked Tuned: a text too
		// short for a signature is known only by an extra key (attachment,
		// picture, link or caption) with KnownMessages messages of
		// MinSchools establishments (campaign.knownBare; every extra key
		// is a breadth source, counted for every message). Since, at the
		// same size: image-empoisonnee-la-veille and image-legende-connue
		// 0 of 48 copies visible, 0 left, one contain incident, the 24
		// accounts locked; legitime-affiche-legende-courte still holds
		// nothing; every other scenario's row unchanged.
		// canular-empoisonne-deux-colleges is a known miss, and so is
		// image-legende-banale, written after the fix as the attacker's
		// answer to it (the caption's history given by two accounts of two
		// establishments; a miss before and after: 24 sent, 48 of 48
		// copies visible, 100 %, 48 left, no incident). A breadth line is
		// met by as many hijacked accounts as the attackers hold, and
		// « Photo » has a broad genuine history anyway. Tried and dropped:
		// forgetting a caption's history beside a picture (the flyer's
		// copies, each re-encoded, share no exact descriptor with the
		// heads': legitime-affiche-legende-courte contained, 9 held, 15
		// recalled, 14 locked; a picture's history by its bands instead
		// saturates at scale, a 10-bit band value being carried by every
		// hundredth picture, and the keys that would find alike pictures
		// of the days before are purged after 2 × Window).
		{Name: "image-empoisonnee-la-veille", Tuned: true, Attack: &Attack{Role: p, Poison: 6, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextKnownPicture,
			Spacing: 7 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken}},
		{Name: "image-legende-connue", Tuned: true, Attack: &Attack{Role: p, Poison: 6, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextPhotoCaption,
			Spacing: 6 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken}},
		{Name: "canular-empoisonne-deux-colleges", Attack: &Attack{Role: t, Poison: 6, PoisonFrom: 2, Senders: 20, PerSender: 1, Target: TargetOwnTeacher, Text: TextQuietHoax,
			Spacing: 9 * time.Second, LoginBefore: time.Hour, Access: AccessStolenToken},
			KnownMiss: "a text's history from two accounts of two establishments is as broad as a cité scolaire's template " +
				"(MinSchools): any breadth line is met by as many hijacked accounts as the attackers hold; telling a poisoned history " +
				"from a genuine one needs who gave it (100 % visible, no incident)"},
		{Name: "legitime-affiche-legende-courte", Legit: &Legit{Kind: LegitFlyerCaption, Senders: 24}},
		{Name: "image-legende-banale", Attack: &Attack{Role: p, Poison: 6, PoisonFrom: 2, Senders: 24, PerSender: 1, Target: TargetTwoPeople, Text: TextPhotoCaption,
			Spacing: 6 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken},
			KnownMiss: "a caption with a broad history (two establishments here, any parent's « Photo » in life) makes the new " +
				"picture beside it a template: forgetting it contains teachers passing on a flyer their phones re-encode; telling them " +
				"apart needs a picture's history by likeness (100 % visible, no incident)"},
		// Written blind (campaign13) by reading the detector for what it
		// never asks of a head's or staff's account and of a document: a
		// broadcaster's link is never a new link (FlagNewLink is set for
		// families and teachers only), its content waits no probation unless
		// it alarms from a session that looks stolen (hijackedAlarm, which
		// spares a new device: « a head's new phone »), and broadcasters are
		// never a wave's signalled or risky senders; a quiet invitation
		// without a word of account, card or payment passes the screen,
		// whose retrained model now holds the canteen and ENT lures; and a
		// document's words are read by the screen only, never by the
		// detector, whose text is the subject and body: a forged letter of
		// the head as a PDF personalised per copy, beside emoji, shares no
		// key with its neighbours. The legitimate counterpart: the heads of
		// every establishment passing on the rectorat's survey (one domain
		// new to the service) to their parents and staff within minutes,
		// half from their phone's mobile network (a known device on a
		// network new to the account: what a stolen token shows), which
		// counting broadcasters' new links from such sessions would hold.
		// Committed before any detector change, marked not tuned, and run
		// once at CI size (20 establishments, 2 académies, 40 ordinary,
		// seed 11): vie-scolaire-lien-ent missed (20 sent, 660 of 660
		// copies visible, 100 %, 660 left, no incident, the run's end
		// 1,152.5 s after the wave); chefs-mot-de-passe-rendez-vous missed
		// (20 sent, 660 of 660 visible, 100 %, 660 left, no incident,
		// 1,150.5 s); lettre-pdf-du-principal missed (24 sent, 60 of 72
		// visible, 83.3 %, 60 left, one incident, 4 accounts locked, the
		// run's end 1,154.3 s after the wave: the copies wait their minute
		// from stolen tokens, alike to none, and go; three second accounts
		// of their families were held on their points);
		// legitime-enquete-relayee-par-les-chefs held nothing (20 sent).
		// Tried before and left out: the same three with the canteen bill
		// or the photo album's ENT login (the screen holds 20 of 24 and
		// more: it, not the detector, was measured).
		// Then fixed on the two link waves, marked Tuned: a broadcaster's
		// link is looked up when its session has a strong account signal,
		// and one to a domain without history waits its minute
		// (campaign.hijackedLink); MinSenders such accounts of MinSchools
		// establishments are a wave to review (campaign.hijackedLinks): at
		// once when their passwords were used from devices and networks
		// they never used, and from known devices on new networks (a
		// stolen token, a head's phone) once FormingFor has passed since
		// the first copy with broadcasters of fewer than MinSchools
		// establishments vouching for it, the copies waiting meanwhile
		// (campaign.formingLink). Counting them at once held the survey's
		// 20 copies; at once unless a copy vouched, 10 to 15 of them at 4
		// of 20 runs (seeds 1 to 10, 20 and 40 establishments) whose
		// first heads sent from their phones. Since, at the same size:
		// vie-scolaire-lien-ent and chefs-mot-de-passe-rendez-vous 0 of 660
		// copies visible, 0 left, one review incident, nobody locked (and
		// at those 20 runs, the survey holding nothing at any, nor the
		// strike notice's relays at seeds 1 to 6);
		// legitime-enquete-relayee-par-les-chefs holds nothing; every other
		// scenario's row unchanged. Written after the fix as the attacker's
		// answer, known misses: vie-scolaire-lien-amorce (one hijacked
		// head's cookie replayed from its own network sends it first, as
		// amorce-par-un-chef: 4 of 664 copies visible, 0.6 %, 0 left, but
		// the head's own copy is a notice until the wave is judged, 595.7 s
		// after it) and vie-scolaire-lien-deux-amorces (two heads' cookies:
		// 668 of 668 visible, 100 %, no incident: their vouching is as
		// broad as the heads at their desk passing on the survey).
		// lettre-pdf-du-principal was a known miss: the detector read the
		// subject and body only, the screen alone read the document. Then
		// fixed (campaign14), marked Tuned: the words the screen reads in
		// each attachment are carried to the detector
		// (messaging.Observed.Documents) and keyed as a body's, numbers
		// dropped, beside the digest (campaign.documentKeys), so that the
		// letter's copies, personalised by their reference, are one
		// content. Since: 0 of 72 copies visible, 0 left, one contain
		// incident, the 24 accounts locked, at CI size (seed 11, and seeds
		// 1 to 6) and at 40 establishments (seed 2024); before, 60 and 54
		// of 72. pdf-personnalise's bills are keyed by their words too: one
		// incident and 24 accounts locked instead of 4 and 20 (6 and 21 at
		// 40 establishments), still 0 visible.
		{Name: "vie-scolaire-lien-ent", Tuned: true, Attack: &Attack{Role: bouclier.RoleStaff, Senders: 20, PerSender: 1, Target: TargetAllGroups, Text: TextInvite, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken}},
		{Name: "chefs-mot-de-passe-rendez-vous", Tuned: true, Attack: &Attack{Role: bouclier.RoleHead, Senders: 20, PerSender: 1, Target: TargetAllGroups, Text: TextInvite, Paraphrase: true,
			Spacing: 9 * time.Second, LoginBefore: 20 * time.Minute, Access: AccessNewDevice}},
		{Name: "lettre-pdf-du-principal", Tuned: true, Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTeacherStaff, Text: TextPDFLetter,
			Spacing: 7 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken}},
		{Name: "legitime-enquete-relayee-par-les-chefs", Legit: &Legit{Kind: LegitSurveyLink, Senders: 20}},
		{Name: "vie-scolaire-lien-amorce", Attack: &Attack{Role: bouclier.RoleStaff, Seed: true, Senders: 20, PerSender: 1, Target: TargetAllGroups, Text: TextInvite, Paraphrase: true,
			Spacing: 8 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken},
			KnownMiss: "every copy from a stolen token waits and is held, but the hijacked head's own copy to its staff and " +
				"teachers is a notice until the wave is judged, FormingFor after its first copy (0.6 % visible, none left, 595.7 s)"},
		{Name: "vie-scolaire-lien-deux-amorces", Attack: &Attack{Role: bouclier.RoleStaff, Seed: true, SeedFrom: 2, Senders: 20, PerSender: 1, Target: TargetAllGroups, Text: TextInvite,
			Paraphrase: true, Spacing: 8 * time.Second, LoginBefore: 30 * time.Minute, Access: AccessStolenToken},
			KnownMiss: "two hijacked heads' cookies replayed from their own networks vouch as broadly as heads at their desk " +
				"passing on the rectorat's survey while others do from their phones: telling the phone from the stolen token needs " +
				"the network's kind (100 % visible, no incident)"},
		// Written with campaign14's change (a document's words keyed as a
		// body's, campaign.documentKeys), as the genuine traffic it must
		// leave alone: the heads of many establishments send the
		// académie's circular as a PDF within minutes, half from their
		// phone's mobile network; every second head by a mail merge, one
		// message a family, the family's name and the pupil's class in the
		// document (sixteen messages a second apart, each its own bytes),
		// the others the rectorat's copy for their establishment (its
		// name in it) to its parents and staff. Every copy's words are
		// alike: what joined lettre-pdf-du-principal's copies joins these.
		{Name: "legitime-circulaire-publipostage", Legit: &Legit{Kind: LegitMailMerge, Senders: 20}},
		// The attacker's answer, written after that change by reading it
		// (the detector keys the words the screen reads, and a document it
		// cannot read keeps its digest alone): the same letter scanned, a
		// PDF of one JPEG page and no text layer, each copy scanned again,
		// beside emoji, from the same stolen tokens. Committed before its
		// first run, marked not tuned. Missed: 54 of 72 copies visible
		// (75 %, 54 left, one incident, 6 accounts locked, the run's end
		// 1,154.7 s after the wave) at CI size (seed 11); 45 of 72 (62.5 %,
		// 45 left, 9 locked, 1,171.6 s) at 40 establishments (seed 2024),
		// as the letter in words before campaign14: the copies wait their
		// minute from stolen tokens, alike to none, and go. A known miss.
		{Name: "lettre-pdf-scannee", Attack: &Attack{Role: p, Senders: 24, PerSender: 1, Target: TargetTeacherStaff, Text: TextPDFScan,
			Spacing: 7 * time.Second, LoginBefore: 40 * time.Minute, Access: AccessStolenToken},
			KnownMiss: "a scanned letter has no words to read: the screen reads no text in a PDF of pictures, and the detector " +
				"describes a picture attached, not one inside a document; keying it needs the PDF's images described as " +
				"attachments are (a difference hash per page), or reading them (75 % visible at CI size)"},
	}
}

// ScenarioByName returns the named scenario.
func ScenarioByName(name string) (Scenario, error) {
	var names []string
	for _, s := range Scenarios() {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return Scenario{}, fmt.Errorf("unknown scenario %q (known: %s)", name, strings.Join(names, ", "))
}

// Row is what one scenario measured: a line of the drill's table.
type Row struct {
	Scenario string `json:"scenario"`
	Attack   bool   `json:"attack"`
	Tuned    bool   `json:"tuned"`
	// VisibleUpTo is the scenario's VisibleUpTo: its target for
	// VisiblePercent when above 1 %.
	VisibleUpTo float64 `json:"visible_up_to,omitempty"`
	// KnownMiss is the scenario's KnownMiss.
	KnownMiss string `json:"known_miss,omitempty"`

	Messages      int `json:"attack_messages_sent"`
	Refused       int `json:"attack_refused"`
	Copies        int `json:"attack_copies"`              // copies (one per recipient) of the messages sent
	CopiesVisible int `json:"attack_copies_ever_visible"` // copies a recipient could see at some point
	CopiesLeft    int `json:"attack_copies_left"`         // copies still in an inbox at the end
	// VisiblePercent is CopiesVisible over Copies.
	VisiblePercent float64 `json:"attack_copies_ever_visible_percent"`
	// WaveSeconds is when the attack became a wave, in seconds from its
	// first message: the message that brought a third sender of a second
	// establishment (several senders; a third sender when they are all of
	// one), or the first (one sender).
	WaveSeconds float64 `json:"wave_seconds"`
	// ActSeconds is the time from the wave to the moment none of its
	// copies is visible any more (0 when none was visible after it).
	ActSeconds     float64 `json:"act_seconds"`
	Incidents      int     `json:"incidents"`
	AttackerLocked int     `json:"hijacked_accounts_locked"`

	LegitSent     int `json:"legit_sent"`
	LegitHeld     int `json:"legit_held"`
	LegitRecalled int `json:"legit_recalled"`
	LegitLocked   int `json:"legit_accounts_locked"`
	OrdinarySent  int `json:"ordinary_sent"`
	OrdinaryHeld  int `json:"ordinary_held"`

	WallSeconds float64 `json:"wall_seconds"`
}

// Check returns what misses the targets: for an attack no copy left, at
// most 1 % ever visible, acted on within 10 s of the wave; for every
// scenario nothing genuine held, recalled or locked.
func (r Row) Check() error {
	var errs []error
	if r.Attack {
		if r.CopiesLeft != 0 {
			errs = append(errs, fmt.Errorf("%s: %d copies left in inboxes", r.Scenario, r.CopiesLeft))
		}
		if r.VisiblePercent > max(1, r.VisibleUpTo) {
			errs = append(errs, fmt.Errorf("%s: %.1f %% of the copies visible", r.Scenario, r.VisiblePercent))
		}
		if r.ActSeconds > 10 {
			errs = append(errs, fmt.Errorf("%s: acted on %.1f s after the wave", r.Scenario, r.ActSeconds))
		}
	}
	if r.LegitHeld+r.LegitRecalled+r.LegitLocked+r.OrdinaryHeld != 0 {
		errs = append(errs, fmt.Errorf("%s: genuine messages %d held, %d recalled, %d accounts locked; ordinary %d held", r.Scenario,
			r.LegitHeld, r.LegitRecalled, r.LegitLocked, r.OrdinaryHeld))
	}
	return errors.Join(errs...)
}

// RunScenarios runs scenarios one after the other, each on its own copy
// of one base store (NewBase).
func RunScenarios(ctx context.Context, o Options, scs []Scenario) ([]Row, error) {
	b, err := NewBase(ctx, o)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	var rows []Row
	for _, sc := range scs {
		r, err := b.Run(ctx, sc)
		if err != nil {
			return rows, fmt.Errorf("scenario %s: %w", sc.Name, err)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// RunScenario replays one scenario in process on a fresh store:
// directory and history as Run does, then the scenario amid Ordinary
// ordinary messages.
func RunScenario(ctx context.Context, o Options, sc Scenario) (Row, error) {
	b, err := NewBase(ctx, o)
	if err != nil {
		return Row{}, err
	}
	defer b.Close()
	return b.Run(ctx, sc)
}

// Base is the store every scenario starts from — the directory, every
// account's home browser and the day of history — built once in a
// temporary directory and copied for each scenario: building it is most
// of a small scenario's time. Run may be called concurrently.
type Base struct {
	o   Options
	dir string
	at  time.Time // the simulated time the history ended at
}

// NewBase builds the base store of the scenarios (in-process SQLite).
func NewBase(ctx context.Context, o Options) (*Base, error) {
	o.Accounts = 0 // the scenario says who is hijacked
	if err := o.check(); err != nil {
		return nil, err
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	tmp, err := os.MkdirTemp("", "bouclier-drill-base-")
	if err != nil {
		return nil, fmt.Errorf("drill: %w", err)
	}
	b := &Base{o: o, dir: tmp}
	if err := b.build(ctx); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return b, nil
}

func (b *Base) build(ctx context.Context) error {
	clk := &clock{t: start.Add(-24 * time.Hour)}
	cfg := config.Default()
	cfg.DataDir = b.dir
	app, err := server.Open(ctx, cfg, b.o.Log, server.Options{Now: clk.Now, Alert: &alert.Config{}})
	if err != nil {
		return fmt.Errorf("drill: open: %w", err)
	}
	d := newDrill(b.o, app, clk)
	d.sessions = map[string]auth.Session{}
	err = d.directory(ctx)
	if err == nil {
		err = d.devices(ctx)
	}
	if err == nil {
		err = d.history(ctx)
	}
	b.at = clk.t
	if cerr := app.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("drill: close base: %w", cerr)
	}
	return err
}

// Close removes the base store.
func (b *Base) Close() error { return os.RemoveAll(b.dir) }

// Run replays one scenario on a copy of the base store.
func (b *Base) Run(ctx context.Context, sc Scenario) (Row, error) {
	wall := time.Now()
	tmp, err := os.MkdirTemp("", "bouclier-drill-")
	if err != nil {
		return Row{}, fmt.Errorf("drill: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := copyDir(b.dir, tmp); err != nil {
		return Row{}, fmt.Errorf("drill: copy base: %w", err)
	}
	clk := &clock{t: b.at}
	cfg := config.Default()
	cfg.DataDir = tmp
	app, err := server.Open(ctx, cfg, b.o.Log, server.Options{Now: clk.Now, Alert: &alert.Config{}})
	if err != nil {
		return Row{}, fmt.Errorf("drill: open: %w", err)
	}
	defer app.Close()
	d := newDrill(b.o, app, clk)
	d.sessions = map[string]auth.Session{}
	users, err := app.DB.Users(ctx, "")
	if err != nil {
		return Row{}, fmt.Errorf("drill: users: %w", err)
	}
	for _, u := range users {
		d.users[u.Username] = u
	}
	s := &scene{d: d, sc: sc, row: Row{Scenario: sc.Name, Attack: sc.Attack != nil && sc.Attack.Text != TextTemplate, Tuned: sc.Tuned, VisibleUpTo: sc.VisibleUpTo,
		KnownMiss: sc.KnownMiss},
		visible: map[int64]time.Duration{}, seen: map[int64]bool{}, attackIDs: map[int64]bool{}, legitIDs: map[int64]bool{}, legitSenders: map[string]bool{}}
	if err := s.run(ctx); err != nil {
		return s.row, err
	}
	s.row.WallSeconds = time.Since(wall).Seconds()
	return s.row, nil
}

// copyDir copies the regular files and directories under src into dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(to, 0o700)
		}
		if !e.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		info, err := in.Stat()
		if err != nil {
			return err
		}
		out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// home is a user's home network address and browser.
func home(u bouclier.User) (addr, agent string) {
	return fmt.Sprintf("10.%d.%d.17", (u.ID/250)%250, u.ID%250), "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
}

// devices records every account's home browser, known for a month.
func (d *drill) devices(ctx context.Context) error {
	at := store.Micros(d.origin.Add(-30 * 24 * time.Hour))
	return d.app.DB.InTx(ctx, func(tx *store.Tx) error {
		for _, u := range d.users {
			addr, agent := home(u)
			net, fam := auth.Network(addr), auth.UAFamily(agent)
			if err := tx.PutKnownDevice(ctx, u.ID, auth.NetworkBrowserKey(net, fam), net, fam, at); err != nil {
				return err
			}
		}
		return nil
	})
}

// session returns the session a send is made from, creating it in the
// store the first time: the owner's on their home network (fresh: a new
// browser there), or the attacker's.
func (d *drill) session(ctx context.Context, u bouclier.User, how string, created time.Time) (auth.Session, error) {
	key := u.Username + "|" + how
	if s, ok := d.sessions[key]; ok {
		return s, nil
	}
	addr, agent := home(u)
	known := true
	switch how {
	case "fresh":
		agent, known = "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36", false
	case "new-device":
		addr, agent, known = fmt.Sprintf("203.0.%d.9", 113+len(d.sessions)%50), "Mozilla/5.0 (Windows NT 10.0) Chrome/125.0", false
	case "stolen-token":
		addr = fmt.Sprintf("198.51.%d.4", 100+len(d.sessions)%50)
	case "mobile":
		// The owner's own phone, known, on its mobile network: a network
		// new to the account, as a stolen token's.
		addr = fmt.Sprintf("100.64.%d.%d", len(d.sessions)%200, 1+u.ID%250)
	}
	h := sha256.Sum256([]byte("drill-session:" + key))
	ss := store.Session{TokenHash: h[:], UserID: u.ID, CreatedAt: store.Micros(created), LastSeen: store.Micros(created),
		ExpiresAt: store.Micros(created.Add(24 * time.Hour)), AuthAt: store.Micros(created), MFAAt: store.Micros(created), Source: addr, UserAgent: agent,
		PublicID: fmt.Sprintf("drill-%x", h[:6]), Network: auth.Network(addr), UAFamily: auth.UAFamily(agent), KnownDevice: known}
	if err := d.app.DB.InTx(ctx, func(tx *store.Tx) error { return tx.CreateSession(ctx, ss) }); err != nil {
		return auth.Session{}, fmt.Errorf("drill: session: %w", err)
	}
	s := auth.Session{TokenHash: h[:], User: u, CreatedAt: created, AuthAt: created, MFAAt: created, KnownDevice: known}
	d.sessions[key] = s
	return s, nil
}

// scene is one scenario being replayed.
type scene struct {
	d   *drill
	sc  Scenario
	row Row

	visible      map[int64]time.Duration // attack messages visible → since
	seen         map[int64]bool          // attack messages ever visible
	hiddenAt     []time.Duration
	attackIDs    map[int64]bool
	legitIDs     map[int64]bool
	legitSenders map[string]bool
	attackers    map[string]bool
	ordinaryIDs  []int64
	waveAt       time.Duration // unset until the attack is a wave
	firstAttack  time.Duration // unset until the first attack message
	picture      []byte        // knownPicture's bytes, once drawn
}

// unset marks a scene's instant not reached yet (scheduled sends make
// instants before the morning, negative).
const unset = time.Duration(math.MinInt64)

// sEvent is one thing that happens in a scenario.
type sEvent struct {
	at      time.Duration
	kind    string // "attack", "legit", "ordinary", "report"
	from    string
	how     string // session: "home", "fresh", "new-device", "stolen-token"
	login   time.Duration
	to      []string
	subject string
	body    string
	ofSeq   int // report: the attack message's sequence number
	seq     int
	reports int
	parent  int // a reply: the sequence number of the message replied to
	files   []messaging.Attachment
	sendAt  time.Time // scheduled (« Envoyer plus tard »), zero for now
}

// plan draws the scenario's events.
func (s *scene) plan() []sEvent {
	d, r := s.d, s.d.rng
	var evs []sEvent
	const length = 10 * time.Minute
	for n := 0; n < d.o.Ordinary; n++ {
		e := d.ordinaryEvent()
		how := "home"
		if e.fresh {
			how = "fresh"
		}
		evs = append(evs, sEvent{at: time.Duration(n) * length / time.Duration(d.o.Ordinary+1), kind: "ordinary", from: e.from, how: how, to: e.to, subject: e.subject, body: e.body})
	}
	const waveStart = 2 * time.Minute
	s.attackers = map[string]bool{}
	if a := s.sc.Attack; a != nil {
		perm := r.Perm(d.o.Establishments)
		seq := 0
		senders := a.Senders
		if a.OnePerSchool {
			senders = d.o.Establishments
		}
		for n := 0; n < senders; n++ {
			i := perm[n%len(perm)]
			c := 1 + r.IntN(2)
			slot := n / len(perm) // which account of the family or class
			if a.OneSchool {
				i, c, slot = perm[0], 1+n%2, n/2
			}
			var from string
			role := a.Role
			if a.Alternate && n%2 == 1 {
				role = bouclier.RoleTeacher
			}
			switch {
			case role == bouclier.RoleTeacher:
				from = fmt.Sprintf("t.%d.3", i) // teaches both classes
			case role == bouclier.RoleStaff:
				from = fmt.Sprintf("s.%d", i) // the vie scolaire
			case role == bouclier.RoleHead:
				from = fmt.Sprintf("h.%d", i)
			case role == bouclier.RoleStudent:
				from = fmt.Sprintf("e.%d.%d.%d", i, c, 1+slot%8)
			default:
				from = fmt.Sprintf("p.%d.%d.%d", i, c, 1+slot%8)
			}
			s.attackers[from] = true
			how := map[Access]string{AccessNewDevice: "new-device", AccessStolenToken: "stolen-token", AccessReplayedCookie: "home"}[a.Access]
			if n < a.DiluteFirst {
				how = "home"
			}
			first := waveStart + a.At - a.Schedule + time.Duration(n)*a.Spacing + time.Duration(r.IntN(500))*time.Millisecond
			var sendAt time.Time
			if a.Schedule > 0 {
				sendAt = start.Add(waveStart)
			}
			words := r.Perm(len(synonymPool))
			st := style{english: 0.2 + 0.6*r.Float64(), leet: 0.4 * r.Float64()}
			if !a.Mixed {
				st = noStyle
			}
			if a.Seed && n < max(1, a.SeedFrom) {
				subject, body := attackText(a.Text, r, false, words, -1, noStyle)
				s.attackers[fmt.Sprintf("h.%d", i)] = true
				evs = append(evs, sEvent{at: first - time.Minute, kind: "attack", from: fmt.Sprintf("h.%d", i), how: "home", login: first - a.LoginBefore,
					to: []string{"staff:" + uai(i), "teachers:" + uai(i) + "/C1", "teachers:" + uai(i) + "/C2"}, subject: subject, body: body, seq: seq})
				seq++
			}
			if a.Text == TextRelayAlarm && n < len(perm) {
				// The head's genuine notice the hijacked account passes on,
				// sent from home a few minutes before.
				evs = append(evs, sEvent{at: first - time.Duration(3+r.IntN(5))*time.Minute, kind: "legit", from: fmt.Sprintf("h.%d", i), how: "home",
					to: []string{"staff:" + uai(i), "teachers:" + uai(i) + "/C1", "teachers:" + uai(i) + "/C2"}, subject: "Grève du jeudi", body: strikeNotice})
			}
			parent := 0
			if a.Reply && role == bouclier.RoleParent {
				// The teacher's genuine message the hijacked parent replies to.
				parent = -10000 - n
				evs = append(evs, sEvent{at: first - time.Duration(60+r.IntN(60))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, c), how: "home",
					to: []string{fmt.Sprintf("parents:%s/C%d", uai(i), c)}, subject: "Information", body: museumNote(r), seq: parent})
			}
			if poisoners := max(1, a.PoisonFrom); n < poisoners && a.Poison > 0 {
				// The text given a history the day before, word for word.
				subject, body := attackText(a.Text, r, false, words, -1, noStyle)
				to := targets(TargetOwnTeacher, i, c, 0)
				if role == bouclier.RoleTeacher {
					to = []string{fmt.Sprintf("parents:%s/C%d", uai(i), c)}
				}
				for k := n; k < a.Poison; k += poisoners {
					at := first - 20*time.Hour + time.Duration(k)*10*time.Minute
					e := sEvent{at: at, kind: "warmup", from: from, how: how, login: first - 20*time.Hour - a.LoginBefore, to: to, subject: subject, body: body,
						files: s.poisonFiles(a.Text)}
					if a.PoisonByStaff {
						s.attackers[fmt.Sprintf("s.%d", i)] = true
						e.from, e.how, e.to = fmt.Sprintf("s.%d", i), "home", []string{fmt.Sprintf("parents:%s/C%d", uai(i), 1+k%2)}
					}
					evs = append(evs, e)
				}
			}
			for w := 0; w < a.WarmUp; w++ {
				// Ordinary messages from the attacker's session first.
				e := sEvent{at: first - time.Duration(a.WarmUp-w)*7*time.Minute, kind: "warmup", from: from, how: how, login: first - a.LoginBefore,
					to: []string{fmt.Sprintf("user:t.%d.%d", i, c)}, subject: "Question", body: fmt.Sprintf(question(r), 1+r.IntN(3))}
				if role == bouclier.RoleTeacher {
					e.to, e.subject, e.body = []string{fmt.Sprintf("class:%s/C%d", uai(i), c)}, "Devoirs", homework(r)
				}
				evs = append(evs, e)
			}
			for k := 0; k < max(1, a.PerSender); k++ {
				to := targets(a.Target, i, c, k)
				if role == bouclier.RoleTeacher && (a.Target == TargetOwnTeacher || a.Target == TargetTwoPeople) {
					to = []string{fmt.Sprintf("parents:%s/C%d", uai(i), c)} // a teacher writes to a class's parents
				}
				var subject, body string
				if a.Text == TextFragments || a.Text == TextFragmentPictures {
					subject, body = fragment(r, a.Paraphrase, k)
				} else {
					subject, body = attackText(a.Text, r, a.Paraphrase, words, seq, st)
				}
				if a.Obfuscate {
					body = obfuscate(r, body)
				}
				var files []messaging.Attachment
				if a.Text == TextKnownPicture {
					files = []messaging.Attachment{{Name: "IMG_0412.jpg", ContentType: "image/jpeg", Data: s.knownPicture()}}
				}
				if a.Text == TextImage || a.Text == TextMuseumPoster || a.Text == TextPhotoCaption {
					files = []messaging.Attachment{{Name: fmt.Sprintf("IMG_%04d.jpg", r.IntN(10000)), ContentType: "image/jpeg", Data: reencode(r, s.d.poster())}}
				}
				if a.Text == TextFragmentPictures {
					files = []messaging.Attachment{{Name: fmt.Sprintf("IMG_%04d.jpg", r.IntN(10000)), ContentType: "image/jpeg", Data: reencode(r, snapshot(r))}}
				}
				if a.Text == TextVideo {
					files = []messaging.Attachment{{Name: fmt.Sprintf("VID_%04d.mp4", r.IntN(10000)), ContentType: "video/mp4", Data: waveClip(r)}}
				}
				if a.Text == TextPDF || a.Text == TextPDFPlain {
					files = []messaging.Attachment{{Name: fmt.Sprintf("facture-%d.pdf", 1000+r.IntN(9000)), ContentType: "application/pdf", Data: billPDF(r)}}
				}
				if a.Text == TextPDFLetter {
					files = []messaging.Attachment{{Name: fmt.Sprintf("courrier-direction-%d.pdf", 100+r.IntN(900)), ContentType: "application/pdf", Data: letterPDF(r)}}
				}
				if a.Text == TextPDFScan {
					files = []messaging.Attachment{{Name: fmt.Sprintf("scan_%04d.pdf", r.IntN(10000)), ContentType: "application/pdf", Data: s.d.scannedLetterPDF(r)}}
				}
				if parent != 0 {
					subject = "Re: Information"
				}
				evs = append(evs, sEvent{at: first + time.Duration(k)*a.Interval, kind: "attack", from: from, how: how, login: first - a.LoginBefore,
					to: to, subject: subject, body: body, seq: seq, reports: a.Reports, parent: parent, files: files, sendAt: sendAt})
				if a.Reports > 0 {
					evs = append(evs, sEvent{at: first + time.Duration(k)*a.Interval + a.ReportAfter, kind: "report", ofSeq: seq, reports: a.Reports})
				}
				seq++
			}
		}
	}
	if l := s.sc.Legit; l != nil {
		evs = append(evs, s.legitEvents(l)...)
	}
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].at < evs[b].at })
	return withTicks(evs)
}

// tickEvery is how often a scenario gets a sweep (and a delivery of
// what is due) while the detector may still act on its own, as a
// server's worker and deliverer run every second: a slow or scheduled
// wave is seen between its sends.
const tickEvery = 5 * time.Second

// The detector acts between sends only on what a sweep finds due: a
// probation over (ProbationFor after the send), prolonged while its wave
// forms (at most FormingFor), a report, a scheduled delivery. Every
// other rule it applies in a sweep reads what was observed within Window
// of the sweep, recorded by sends: a sweep long after the last send and
// the last delivery finds nothing to do. So ticks come every tickEvery
// for denseFor after each event and each scheduled delivery, at the
// delivery itself, and otherwise every sparseEvery only (the purge's
// period, so that old observations go as often as before); hours of a
// quiet night cost minutes of sweeps, not thousands.
var denseFor = func() time.Duration {
	c := campaign.DefaultConfig()
	return c.ProbationFor + c.FormingFor + time.Minute
}()

// sparseEvery is the tick's period in a quiet stretch.
const sparseEvery = 10 * time.Minute

// withTicks adds "tick" events (a sweep, nothing sent) in the gaps of
// evs (sorted by at): every tickEvery (on the grid of its multiples)
// within denseFor after an event or a scheduled delivery, at each
// scheduled delivery, and every sparseEvery elsewhere.
func withTicks(evs []sEvent) []sEvent {
	var anchors []time.Duration // events and scheduled deliveries, ascending
	for _, e := range evs {
		anchors = append(anchors, e.at)
		if !e.sendAt.IsZero() {
			anchors = append(anchors, e.sendAt.Sub(start))
		}
	}
	slices.Sort(anchors)
	anchors = slices.Compact(anchors)
	a := 0 // the first anchor after the tick considered
	due := func(t time.Duration) bool {
		for a < len(anchors) && anchors[a] <= t {
			a++
		}
		return (a > 0 && t-anchors[a-1] < denseFor) || t%sparseEvery == 0
	}
	var out []sEvent
	tick := func(t time.Duration) { out = append(out, sEvent{at: t, kind: "tick"}) }
	x := 0 // the first anchor not passed yet, for the deliveries off the grid
	for i, e := range evs {
		if i > 0 {
			prev := evs[i-1].at
			// offGrid ticks at the deliveries off the grid before limit.
			offGrid := func(limit time.Duration) {
				for ; x < len(anchors) && anchors[x] < limit; x++ {
					if anchors[x] > prev && anchors[x]%tickEvery != 0 {
						tick(anchors[x])
					}
				}
			}
			for t := prev.Truncate(tickEvery) + tickEvery; t < e.at; t += tickEvery {
				offGrid(t)
				if due(t) {
					tick(t)
				}
			}
			offGrid(e.at)
		}
		out = append(out, e)
	}
	return out
}

// legitEvents draws the genuine traffic of a scenario.
func (s *scene) legitEvents(l *Legit) []sEvent {
	d, r := s.d, s.d.rng
	var evs []sEvent
	perm := r.Perm(d.o.Establishments)
	for n := 0; n < l.Senders; n++ {
		i := perm[n%len(perm)]
		u := uai(i)
		c := 1 + r.IntN(2)
		at := l.At + time.Duration(n)*3*time.Second + time.Duration(r.IntN(1000))*time.Millisecond
		how := "home"
		if r.IntN(10) == 0 {
			how = "fresh"
		}
		switch l.Kind {
		case LegitTemplate:
			from := fmt.Sprintf("p.%d.%d.%d", i, c, 8-(n/len(perm))%7) // not an attacker's account
			evs = append(evs, sEvent{at: at, kind: "legit", from: from, how: how, to: []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:s.%d", i)},
				subject: "Absence", body: absenceNote})
		case LegitNotice:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"staff:" + u, "teachers:" + u + "/C1", "teachers:" + u + "/C2"},
				subject: "PPMS", body: ppmsNotice})
			for t := 1; t <= 2; t++ {
				evs = append(evs, sEvent{at: at + time.Duration(30+r.IntN(60))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, t), how: how,
					to: []string{fmt.Sprintf("parents:%s/C%d", u, t)}, subject: "Fwd: PPMS", body: ppmsNotice})
			}
		case LegitCircular:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"parents:" + u + "/C1", "parents:" + u + "/C2"},
				subject: "Circulaire", body: circular, seq: -1 - n, reports: 1})
			evs = append(evs, sEvent{at: at + 40*time.Second, kind: "report", ofSeq: -1 - n, reports: 1})
		case LegitWeather:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"staff:" + u, "teachers:" + u + "/C1", "teachers:" + u + "/C2"},
				subject: "Alerte météo", body: weatherNotice})
			for t := 1; t <= 2; t++ {
				evs = append(evs, sEvent{at: at + time.Duration(20+r.IntN(90))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, t), how: how,
					to: []string{fmt.Sprintf("parents:%s/C%d", u, t), fmt.Sprintf("class:%s/C%d", u, t)}, subject: "Tr : Alerte météo", body: weatherNotice})
			}
		case LegitDenial:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"staff:" + u, "teachers:" + u + "/C1", "teachers:" + u + "/C2"},
				subject: "Message de la direction", body: denialNotice})
			for t := 1; t <= 2; t++ {
				evs = append(evs, sEvent{at: at + time.Duration(15+r.IntN(120))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, t), how: how,
					to: []string{fmt.Sprintf("parents:%s/C%d", u, t)}, subject: "Tr : Message de la direction", body: relayIntro[r.IntN(len(relayIntro))] + denialNotice})
			}
		case LegitPhoto:
			from := fmt.Sprintf("p.%d.%d.%d", i, c, 8-(n/len(perm))%7) // not an attacker's account
			evs = append(evs, sEvent{at: at, kind: "legit", from: from, how: how, to: []string{fmt.Sprintf("user:t.%d.%d", i, c)},
				subject: photoSubjects[r.IntN(len(photoSubjects))], body: photoNotes[r.IntN(len(photoNotes))],
				files: []messaging.Attachment{{Name: fmt.Sprintf("IMG_%04d.jpg", r.IntN(10000)), ContentType: "image/jpeg", Data: reencode(r, s.d.tripPhoto())}}})
		case LegitLetter:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"parents:" + u + "/C1", "parents:" + u + "/C2"},
				subject: "Grève de jeudi", body: strikeLetter})
			for k := 0; k < 2; k++ {
				c := 1 + k
				from := fmt.Sprintf("p.%d.%d.%d", i, c, 1+r.IntN(8))
				evs = append(evs, sEvent{at: at + time.Duration(40+r.IntN(240))*time.Second, kind: "legit", from: from, how: how,
					to: []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:t.%d.3", i)}, subject: "Tr : Grève de jeudi",
					body: forwardIntro[r.IntN(len(forwardIntro))] + strikeLetter})
			}
		case LegitHomework:
			// Every teacher of the académie's first establishments.
			if n >= (d.o.Establishments+d.o.Academies-1)/d.o.Academies {
				continue
			}
			i = n * d.o.Academies // académie 0
			u = uai(i)
			for t := 1; t <= 3; t++ {
				c := t // t.i.1 teaches C1, t.i.2 C2, t.i.3 both
				if t == 3 {
					c = 1 + n%2
				}
				evs = append(evs, sEvent{at: l.At + time.Duration(r.IntN(240))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, t), how: how,
					to: []string{fmt.Sprintf("class:%s/C%d", u, c)}, subject: "Énigme de la semaine", body: homeworkTemplate})
			}
		case LegitMuseumLink:
			link := " Réservation et autorisation : https://www.musee-des-confluences.fr/groupes-scolaires"
			if n%3 == 2 {
				link = " Informations : https://www.ac-versailles.fr/sorties-scolaires"
			}
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, c), how: how, to: []string{fmt.Sprintf("parents:%s/C%d", u, c)},
				subject: "Sortie", body: museumNote(r) + link})
		case LegitStaffWeather:
			if n%2 == 0 {
				how = "fresh"
			}
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("s.%d", i), how: how,
				to:      []string{"class:" + u + "/C1", "class:" + u + "/C2", "parents:" + u + "/C1", "parents:" + u + "/C2", "staff:" + u},
				subject: "Alerte météo", body: weatherNotice})
		case LegitQuietNotice:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"staff:" + u, "teachers:" + u + "/C1", "teachers:" + u + "/C2"},
				subject: "Grève du jeudi", body: strikeNotice})
			for t := 1; t <= 2; t++ {
				how := how
				if r.IntN(2) == 0 {
					how = "mobile"
				}
				evs = append(evs, sEvent{at: at + time.Duration(30+r.IntN(300))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, t), how: how,
					to: []string{fmt.Sprintf("parents:%s/C%d", u, t)}, subject: "Tr : Grève du jeudi", body: relayIntro[r.IntN(len(relayIntro))] + strikeNotice})
			}
		case LegitEveningStorm:
			from := fmt.Sprintf("p.%d.%d.%d", i, c, 8-(n/len(perm))%7) // not an attacker's account
			evs = append(evs, sEvent{at: l.At + time.Duration(n)*25*time.Second + time.Duration(r.IntN(20000))*time.Millisecond, kind: "legit", from: from, how: how,
				to: []string{fmt.Sprintf("user:t.%d.%d", i, c)}, subject: stormSubjects[r.IntN(len(stormSubjects))], body: stormNote(r)})
		case LegitClassPhotos:
			// The same photo, the same bytes, to each class's parents.
			photo := []messaging.Attachment{{Name: fmt.Sprintf("IMG_%04d.jpg", r.IntN(10000)), ContentType: "image/jpeg", Data: reencode(r, snapshot(r))}}
			caption := classPhotoCaptions[r.IntN(len(classPhotoCaptions))]
			for k := 1; k <= 2; k++ {
				evs = append(evs, sEvent{at: at + time.Duration(k-1)*time.Duration(20+r.IntN(60))*time.Second, kind: "legit", from: fmt.Sprintf("t.%d.3", i), how: how,
					to: []string{fmt.Sprintf("parents:%s/C%d", u, k)}, subject: caption[0], body: caption[1], files: photo})
			}
		case LegitWorried:
			// All of them parents of the first establishment drawn, one
			// family each.
			i = perm[0]
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			evs = append(evs, sEvent{at: l.At + time.Duration(n)*20*time.Second + time.Duration(r.IntN(15000))*time.Millisecond, kind: "legit",
				from: fmt.Sprintf("p.%d.%d.%d", i, 1+n%2, 1+(n/2)%8), how: how, to: []string{fmt.Sprintf("user:h.%d", i)},
				subject: worriedSubjects[r.IntN(len(worriedSubjects))], body: worriedNote(r)})
		case LegitMuseumFlyer:
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, c), how: how, to: []string{fmt.Sprintf("parents:%s/C%d", u, c)},
				subject: "Sortie", body: museumNote(r),
				files: []messaging.Attachment{{Name: "affiche-musee.jpg", ContentType: "image/jpeg", Data: reencode(r, s.d.flyer())}}})
		case LegitShowVideos:
			from := fmt.Sprintf("p.%d.%d.%d", i, c, 8-(n/len(perm))%7) // not an attacker's account
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			note := showNotes[r.IntN(len(showNotes))]
			evs = append(evs, sEvent{at: at, kind: "legit", from: from, how: how, to: []string{fmt.Sprintf("user:t.%d.%d", i, c)},
				subject: note[0], body: note[1],
				files: []messaging.Attachment{{Name: fmt.Sprintf("VID_%04d.mp4", r.IntN(10000)), ContentType: "video/mp4", Data: showClip(r)}}})
		case LegitKnownLink:
			if n < 8 {
				// The day before, from home: the link's history, given by
				// the heads of eight establishments passing the museum's
				// offer on to their teachers.
				evs = append(evs, sEvent{at: l.At - 20*time.Hour + time.Duration(n)*25*time.Minute, kind: "warmup", from: fmt.Sprintf("h.%d", i), how: "home",
					to: []string{"teachers:" + u + "/C1", "teachers:" + u + "/C2"}, subject: "Sortie", body: museumNote(r) + bookingLink})
			}
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, c), how: how, to: []string{fmt.Sprintf("parents:%s/C%d", u, c)},
				subject: "Sortie", body: museumNote(r) + bookingLink})
		case LegitFlyerCaption:
			caption := [2]string{"Sortie musée", "📎"}
			flyer := func() []messaging.Attachment {
				return []messaging.Attachment{{Name: "affiche-musee.jpg", ContentType: "image/jpeg", Data: reencode(r, s.d.flyer())}}
			}
			if n < 8 {
				// The day before, from home: the flyer and its caption's
				// history, given by the heads of eight establishments
				// passing the museum's offer on to their teachers.
				evs = append(evs, sEvent{at: l.At - 20*time.Hour + time.Duration(n)*25*time.Minute, kind: "warmup", from: fmt.Sprintf("h.%d", i), how: "home",
					to: []string{"teachers:" + u + "/C1", "teachers:" + u + "/C2"}, subject: caption[0], body: caption[1], files: flyer()})
			}
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, c), how: how, to: []string{fmt.Sprintf("parents:%s/C%d", u, c)},
				subject: caption[0], body: caption[1], files: flyer()})
		case LegitSurveyLink:
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"parents:" + u + "/C1", "parents:" + u + "/C2", "staff:" + u},
				subject: "Enquête climat scolaire", body: surveyNotice})
		case LegitMailMerge:
			how := how
			if r.IntN(2) == 0 {
				how = "mobile"
			}
			school := fmt.Sprintf("n° %d", i)
			if n%2 == 1 {
				evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how, to: []string{"parents:" + u + "/C1", "parents:" + u + "/C2", "staff:" + u},
					subject: "Journée de lutte contre le harcèlement", body: "Madame, Monsieur, veuillez trouver ci-joint la circulaire du recteur. La direction.",
					files: []messaging.Attachment{{Name: "circulaire-harcelement.pdf", ContentType: "application/pdf", Data: circularPDF(r, school, "", "")}}})
				continue
			}
			// The mail merge: one message a family, a second apart.
			for k := 0; k < 16; k++ {
				c, p := 1+k/8, 1+k%8
				family := familyNames[(i*16+k)%len(familyNames)]
				evs = append(evs, sEvent{at: at + time.Duration(k)*time.Second, kind: "legit", from: fmt.Sprintf("h.%d", i), how: how,
					to: []string{fmt.Sprintf("user:p.%d.%d.%d", i, c, p)}, subject: "Journée de lutte contre le harcèlement",
					body:  "Madame, Monsieur, veuillez trouver ci-joint le courrier de l'établissement.",
					files: []messaging.Attachment{{Name: "courrier-famille.pdf", ContentType: "application/pdf", Data: circularPDF(r, school, family, fmt.Sprintf("4e C%d", c))}}})
			}
		case LegitMuseum:
			evs = append(evs, sEvent{at: at, kind: "legit", from: fmt.Sprintf("t.%d.%d", i, c), how: how, to: []string{fmt.Sprintf("parents:%s/C%d", u, c)},
				subject: "Sortie", body: museumNote(r), seq: -1 - n, reports: 2})
			evs = append(evs, sEvent{at: at + 40*time.Second, kind: "report", ofSeq: -1 - n, reports: 2})
		}
	}
	return evs
}

// knownPicture is the picture of a wave that gave it a history the day
// before: one encoding, the same bytes in every copy (drawn once per
// scene).
func (s *scene) knownPicture() []byte {
	if s.picture == nil {
		s.picture = reencode(s.d.rng, s.d.poster())
	}
	return s.picture
}

// poisonFiles are the attachments of the copies that give an attack's
// content its history the day before: the wave's own picture, or for a
// caption's history a picture of the sender's own each time.
func (s *scene) poisonFiles(t Text) []messaging.Attachment {
	switch t {
	case TextKnownPicture:
		return []messaging.Attachment{{Name: "IMG_0412.jpg", ContentType: "image/jpeg", Data: s.knownPicture()}}
	case TextPhotoCaption:
		return []messaging.Attachment{{Name: fmt.Sprintf("IMG_%04d.jpg", s.d.rng.IntN(10000)), ContentType: "image/jpeg", Data: reencode(s.d.rng, snapshot(s.d.rng))}}
	}
	return nil
}

// targets returns the recipients of an attack message.
func targets(t Target, i, c, k int) []string {
	u := uai(i)
	switch t {
	case TargetOwnTeacher:
		return []string{fmt.Sprintf("user:t.%d.%d", i, c)}
	case TargetTwoPeople:
		return []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:t.%d.3", i)}
	case TargetAllGroups:
		return []string{"class:" + u + "/C1", "class:" + u + "/C2", "parents:" + u + "/C1", "parents:" + u + "/C2", "staff:" + u}
	case TargetOneGroupEach:
		groups := []string{"parents:" + u + "/C1", "parents:" + u + "/C2", "class:" + u + "/C1", "class:" + u + "/C2", "staff:" + u}
		return []string{groups[k%len(groups)]}
	default:
		return []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:s.%d", i), fmt.Sprintf("user:h.%d", i)}
	}
}

// run replays the scenario and measures it.
func (s *scene) run(ctx context.Context) error {
	d := s.d
	evs := s.plan()
	if _, err := s.enrol(ctx, evs); err != nil {
		return err
	}
	bySeq := map[int]int64{}
	s.waveAt, s.firstAttack = unset, unset
	senders, schools := map[string]bool{}, map[string]bool{}
	lastSweep := time.Duration(math.MinInt64) // scheduled sends come before the morning
	for _, e := range evs {
		d.clk.t = start.Add(e.at)
		if sec := e.at.Truncate(time.Second); sec > lastSweep {
			lastSweep = sec
			if err := s.sweep(ctx, e.at); err != nil {
				return err
			}
		}
		switch e.kind {
		case "tick":
			continue
		case "report":
			if err := s.report(ctx, bySeq[e.ofSeq], e.reports); err != nil {
				return err
			}
			continue
		case "attack":
			if s.firstAttack == unset {
				s.firstAttack = e.at
			}
		}
		u, err := d.app.DB.UserByName(ctx, e.from)
		if err != nil {
			return err
		}
		if u.ReadOnly {
			if e.kind == "attack" {
				s.row.Refused++
			}
			continue
		}
		sess, err := d.session(ctx, u, e.how, start.Add(e.login))
		if err != nil {
			return err
		}
		if e.kind != "attack" {
			sess.CreatedAt = start.Add(-3 * time.Hour)
		}
		// Whoever sends passed the second factor (a real-time phishing
		// page relays it for an attacker).
		sess.MFAAt = d.clk.Now()
		draft := messaging.Draft{To: e.to, Subject: e.subject, Body: e.body, Attachments: e.files, SendAt: e.sendAt}
		if e.parent != 0 {
			draft.ParentID = bySeq[e.parent]
		}
		res, err := d.app.Messaging.Send(auth.WithSession(ctx, sess), u, draft, "drill")
		if ferr := d.app.Campaign.Flush(ctx); ferr != nil {
			return ferr
		}
		code := bouclier.ErrorCode(err)
		if err != nil && code == bouclier.ErrInternal {
			return fmt.Errorf("drill: %s from %s: %w", e.kind, e.from, err)
		}
		switch e.kind {
		case "attack":
			if err != nil && code != bouclier.ErrRejectedContent {
				d.o.Log.Info("attack refused", "from", e.from, "err", err)
				s.row.Refused++
				continue
			}
			s.row.Messages++
			d.o.Log.Debug("attack sent", "from", e.from, "status", res.Status, "body", e.body)
			s.attackIDs[res.ID] = true
			bySeq[e.seq] = res.ID
			n, err := d.copies(ctx, res.ID)
			if err != nil {
				return err
			}
			s.row.Copies += n
			if res.Status == bouclier.StatusDelivered {
				s.row.CopiesVisible += n
				s.visible[res.ID] = e.at
				s.seen[res.ID] = true
			}
			senders[e.from] = true
			schools[strings.SplitN(e.from, ".", 3)[1]] = true
			if s.waveAt == unset && s.sc.Attack.waveBegun(len(senders), len(schools)) {
				s.waveAt = e.at
				if !e.sendAt.IsZero() {
					// Scheduled: a wave once its copies are due.
					s.waveAt = max(e.at, e.sendAt.Sub(start))
				}
			}
		case "legit":
			s.legitSenders[e.from] = true
			if err != nil {
				return fmt.Errorf("drill: genuine message from %s refused: %w", e.from, err)
			}
			s.row.LegitSent++
			s.legitIDs[res.ID] = true
			if e.seq < 0 {
				bySeq[e.seq] = res.ID
			}
		case "warmup":
			continue
		case "ordinary":
			if err != nil {
				continue // its owner was locked by an earlier scenario step
			}
			s.row.OrdinarySent++
			s.ordinaryIDs = append(s.ordinaryIDs, res.ID)
		}
		if err := s.check(ctx, e.at); err != nil {
			return err
		}
	}
	// The wave is over: sweeps every second until every probation is
	// over, then every tickEvery until the longest wait a copy can have
	// (a wave forming) is over too, so that a copy still held when the
	// run ends is one the detector keeps, not one it has yet to release.
	end := evs[len(evs)-1].at + time.Second
	for at := end; at <= end+denseFor; {
		d.clk.t = start.Add(at)
		if err := s.sweep(ctx, at); err != nil {
			return err
		}
		if at < end+62*time.Second {
			at += time.Second
		} else {
			at += tickEvery
		}
	}
	return s.measure(ctx)
}

// sweep does what a server's deliverer and campaign worker do every
// second, then notes what became visible or hidden.
func (s *scene) sweep(ctx context.Context, at time.Duration) error {
	if _, err := s.d.app.Messaging.DeliverDue(ctx); err != nil {
		return fmt.Errorf("drill: deliver: %w", err)
	}
	if err := s.d.app.Campaign.Sweep(ctx); err != nil {
		return fmt.Errorf("drill: sweep: %w", err)
	}
	if err := s.check(ctx, at); err != nil {
		return err
	}
	return s.released(ctx, at)
}

// enrol gives a second factor to the accounts of a scenario that need
// one: the hijacked accounts of an Enrolled attack (the attackers relay
// the code), and whoever attaches a file (the guard asks for one).
func (s *scene) enrol(ctx context.Context, evs []sEvent) (map[string]bool, error) {
	enrol := map[string]bool{}
	if a := s.sc.Attack; a != nil && a.Enrolled {
		for name := range s.attackers {
			enrol[name] = true
		}
	}
	for _, e := range evs {
		if len(e.files) > 0 {
			enrol[e.from] = true
		}
	}
	if len(enrol) == 0 {
		return enrol, nil
	}
	err := s.d.app.DB.InTx(ctx, func(tx *store.Tx) error {
		for name := range enrol {
			if err := tx.SetTOTPSecret(ctx, s.d.users[name].ID, s.d.totp); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("drill: enrol: %w", err)
	}
	return enrol, nil
}

// copies counts a message's copies (one per recipient).
func (d *drill) copies(ctx context.Context, id int64) (int, error) {
	us, err := d.app.DB.Recipients(ctx, id)
	return len(us), err
}

// report has n parents among a message's recipients report it.
func (s *scene) report(ctx context.Context, id int64, n int) error {
	if id == 0 {
		return nil
	}
	us, err := s.d.app.DB.Recipients(ctx, id)
	if err != nil {
		return err
	}
	for _, u := range us {
		if n == 0 {
			break
		}
		if u.Role != bouclier.RoleParent && u.Role != bouclier.RoleTeacher {
			continue
		}
		err := s.d.app.Moderation.Report(ctx, bouclier.Actor{User: u, Source: "drill"}, id, "message inquiétant")
		if err != nil && bouclier.ErrorCode(err) != bouclier.ErrNotFound {
			return fmt.Errorf("drill: report: %w", err)
		}
		n--
	}
	return nil
}

// released counts the attack messages that became visible after they
// were sent (a delay or a hold released): their copies count as visible.
func (s *scene) released(ctx context.Context, at time.Duration) error {
	for id := range s.attackIDs {
		if s.seen[id] {
			continue
		}
		n, err := s.d.app.DB.VisibleCopies(ctx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			s.d.o.Log.Debug("attack copies released", "message", id, "copies", n, "at", at)
			s.seen[id] = true
			s.row.CopiesVisible += n
			s.visible[id] = at
		}
	}
	return nil
}

// check notes when visible attack messages stopped being visible.
func (s *scene) check(ctx context.Context, at time.Duration) error {
	for id := range s.visible {
		n, err := s.d.app.DB.VisibleCopies(ctx, id)
		if err != nil {
			return err
		}
		if n == 0 {
			s.hiddenAt = append(s.hiddenAt, at)
			delete(s.visible, id)
		}
	}
	return nil
}

// measure completes the row.
func (s *scene) measure(ctx context.Context) error {
	r, db := &s.row, s.d.app.DB
	for id := range s.visible {
		n, err := db.VisibleCopies(ctx, id)
		if err != nil {
			return err
		}
		r.CopiesLeft += n
	}
	if r.Copies > 0 {
		r.VisiblePercent = 100 * float64(r.CopiesVisible) / float64(r.Copies)
	}
	if s.waveAt != unset {
		r.WaveSeconds = (s.waveAt - s.firstAttack).Seconds()
		last := s.waveAt
		for _, h := range s.hiddenAt {
			last = max(last, h)
		}
		if len(s.visible) > 0 {
			last = s.d.clk.t.Sub(start)
		}
		r.ActSeconds = (last - s.waveAt).Seconds()
	}
	cs, err := db.Campaigns(ctx, "", "", 1000)
	if err != nil {
		return err
	}
	r.Incidents = len(cs)
	for _, c := range cs {
		s.d.o.Log.Debug("incident", "level", c.Level, "reason", c.Reason, "accounts", c.Accounts)
	}
	for name := range s.attackers {
		if u, err := db.UserByName(ctx, name); err == nil && u.ReadOnly {
			r.AttackerLocked++
		}
	}
	for name := range s.legitSenders {
		if s.attackers[name] {
			continue
		}
		if u, err := db.UserByName(ctx, name); err == nil && u.ReadOnly {
			r.LegitLocked++
		}
	}
	for id := range s.legitIDs {
		m, err := db.MessageByID(ctx, id)
		if err != nil {
			return err
		}
		if m.Recalled {
			r.LegitRecalled++
		}
		if m.Status == bouclier.StatusHeld && !m.Recalled {
			r.LegitHeld++
		}
	}
	for _, id := range s.ordinaryIDs {
		m, err := db.MessageByID(ctx, id)
		if err != nil {
			return err
		}
		if m.Recalled || m.Status == bouclier.StatusHeld {
			r.OrdinaryHeld++
			s.d.o.Log.Warn("ordinary message held", "id", id, "from", m.Sender, "subject", m.Subject, "reasons", m.Reasons, "recalled", m.Recalled)
		}
	}
	return nil
}
