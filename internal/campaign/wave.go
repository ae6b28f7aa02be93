package campaign

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// The wave is judged on its cluster: the observations of the last Window
// alike to a message (same attachment, same registered link domain, term
// sets alike, or for a text under MinTokens terms the same term set).
// Every distinct sender weighs by role and signals
// (senderWeight); the cluster's weight against two lines decides:
//
//   - content new to the service (no history, see known) and not first
//     sent by an expected broadcaster without a strong account signal
//     (vouched):
//     ReviewLine with MinSenders senders from MinSchools establishments
//     and at least MinSignalled senders with any signal opens a review
//     incident (copies held for the académie, nobody locked): a text new
//     on the day spread by senders without any signal is only recorded,
//     since every template is new on its first day; ContainLine with at least MinSignalled senders with
//     account signals, from MinSchools establishments, contains it:
//     copies of those accounts recalled, those accounts locked (family
//     and teachers only), the others' copies held;
//   - content with a history (a template) or vouched: only the senders
//     with account signals and another signal count, and only to review:
//     the template itself is never held against anyone else; but a notice
//     vouches only for its own establishment against risky content and
//     suspect accounts (stray), and alarming content with a history that
//     no head passed on, from families and teachers of several
//     establishments, is reviewed as new content (alarmingTemplate);
//   - new content from one establishment only is no wave, unless
//     MinSenders of its senders send it risky from stolen passwords
//     (FlagNewDevice): review;
//   - heads', staff's and administrators' accounts count only when they
//     link to a new domain from a session with a strong account signal,
//     MinSenders of them from MinSchools establishments: at once on
//     stolen passwords, FormingFor after the first copy when broadcasters
//     of fewer than MinSchools establishments vouched for it meanwhile
//     (hijackedLinks): review.

// Wave lines.
const (
	ReviewLine   = 5.0
	ContainLine  = 6.0
	MinSignalled = 2
)

// senderWeight is what one sender adds to a wave: their role's base
// (families do not write the same new text across establishments; heads
// and staff do) and their signals.
func senderWeight(role bouclier.Role, f int64) float64 {
	w := 0.5
	switch {
	case role.IsFamily():
		w = 1
	case role == bouclier.RoleTeacher:
		w = 0.6
	case IsBroadcaster(role):
		w = 0.1
	}
	if hasAccountSignal(f) {
		w++
	}
	if f&(FlagFanout|FlagVolume) != 0 {
		w += 0.75
	}
	switch {
	case f&(FlagScreenHeld|FlagScreenStrong) != 0:
		w++
	case f&(FlagScreenWeak|FlagAlarm) != 0:
		w += 0.5
	}
	if f&FlagNewLink != 0 {
		w += 0.5
	}
	if f&FlagReported != 0 {
		w++
	}
	if f&FlagClosed != 0 {
		w += 0.5
	}
	return w
}

// risky reports whether flags say the content alarms, was scored by the
// screen or links to a domain without history.
func risky(f int64) bool { return alarming(f) || f&FlagNewLink != 0 }

// hasAccountSignal reports whether flags hold an account signal.
func hasAccountSignal(f int64) bool { return f&(FlagAccount|FlagOffHours) != 0 }

// suspectAccount reports whether flags make the account itself suspect
// in a wave: a strong account signal (a network new to the account, a
// moved session, a recent reset), or a weaker one (a new browser at home,
// an unusual hour) with a signal of what the account does or sends.
// Parents photograph the sports day on a new phone: a new browser alone,
// on ordinary content sent as usual, makes no wave of forty parents.
func suspectAccount(f int64) bool {
	return f&FlagStrong != 0 || (hasAccountSignal(f) && hasBehaviourSignal(f))
}

// hasBehaviourSignal reports whether flags hold a signal beyond the
// account's: what the sender does or what the content is.
func hasBehaviourSignal(f int64) bool {
	return f&(FlagFanout|FlagVolume|FlagScreenWeak|FlagScreenStrong|FlagScreenHeld|FlagReported|FlagClosed|FlagAlarm|FlagNewLink) != 0
}

// wave sums up a cluster.
type wave struct {
	senders          int
	schools          int
	weight           float64
	signalled        int // senders whose account is suspect (suspectAccount)
	anySignal        int // senders whose account is suspect or with a behaviour signal
	signalledSchools int
	risky            int // family and teacher senders of alarming, screened or new-domain content
	riskySchools     int
	known            bool // the content has a history: a template
	vouched          bool // first sent by a broadcaster without signals
	// straySenders are the family and teacher senders of risky content,
	// or from a suspect account (suspectAccount), from establishments
	// none of whose heads, staff or administrators sent it without
	// signals (vouching), and their establishments.
	straySenders, strayingSchools int
	// alarmed are the family and teacher senders of alarming content
	// (alarming: alarm words or a screen score), and their establishments.
	alarmed, alarmedSchools int
	// passwords are the family and teacher senders of risky content from
	// a new device on a new network (FlagNewDevice): stolen passwords.
	passwords int
	// linkBroadcasters are the heads, staff and administrators linking
	// to a new domain from a session with a strong account signal
	// (hijackedLink), and their establishments; linkPasswords those of
	// them on a new device too (FlagNewDevice), and theirs.
	linkBroadcasters, linkBroadcasterSchools int
	linkPasswords, linkPasswordSchools       int
	linkFirst                                int64 // the first of their copies (store micros), 0 for none
	// vouchingSchools are the establishments of the copies that vouch
	// (vouches).
	vouchingSchools int
	flags           map[int64]int64
	roles           map[int64]bouclier.Role
	uai             map[int64]string
	seed            int64 // first message of the cluster
}

// stray reports whether a wave vouched for by a broadcaster (and not a
// template) is spread by families and teachers of other establishments,
// its content risky or their accounts suspect: a head's notice is passed
// on within its establishment, and one hijacked head's account (its
// cookie replayed: no signal) must not vouch for what accounts that look
// stolen send elsewhere, alarming or not.
func (d *Detector) stray(w wave) bool {
	// The vouching broadcaster is one of the wave's senders, its
	// establishment one of the wave's.
	return w.vouched && !w.known && w.straySenders+1 >= d.cfg.MinSenders && w.strayingSchools+1 >= d.cfg.MinSchools
}

// vouches reports whether a sender's copy makes a content a notice: a
// head's, staff's or administrator's, without a strong account signal,
// neither held by the screen nor reported. A head on a new browser at
// home (a weak signal) still passes the rectorat's notice on: teachers
// relaying it from their phone's network are not a wave (campaign8's
// legitime-greve-relayee-en-mobilite).
func vouches(role bouclier.Role, f int64) bool {
	return IsBroadcaster(role) && f&(FlagStrong|FlagScreenHeld|FlagScreenStrong|FlagReported) == 0
}

// alarmingTemplate reports whether content with a history, that no head
// or staff passed on today (not vouched), alarms from family and teacher
// accounts of several establishments: a history proves little (anyone
// can give a text one the day before, word for word), and families and
// teachers do not send the same alarming text across establishments;
// their relays of their own heads' notices are out of the cluster
// (dropRelays). It is judged as new alarming content: review.
func (d *Detector) alarmingTemplate(w wave) bool {
	return w.known && !w.vouched && w.alarmed >= d.cfg.MinSenders && w.alarmedSchools >= d.cfg.MinSchools
}

// hijackedLinks reports whether heads', staff's or administrators'
// accounts that look stolen spread a new link: MinSenders of them, from
// MinSchools establishments, linking to a domain without history from a
// session with a strong account signal (hijackedLink). Typed on devices
// and networks the accounts never used (stolen passwords), they are a
// wave at once. From known devices on networks new to them, they are what
// heads passing on the rectorat's survey from their phone's network look
// like (campaign13's legitime-enquete-relayee-par-les-chefs): a wave only
// once FormingFor has passed since its first such copy (the copies wait,
// formingLink) with broadcasters of fewer than MinSchools establishments
// vouching for it — heads at their desk pass the survey on too, and one
// hijacked head's cookie replayed from its own network is no provenance
// (vie-scolaire-lien-amorce). It is reviewed: the copies held, nobody
// locked (broadcasters never are).
func (d *Detector) hijackedLinks(w wave) bool {
	if w.linkPasswords >= d.cfg.MinSenders && w.linkPasswordSchools >= d.cfg.MinSchools {
		return true
	}
	return w.linkBroadcasters >= d.cfg.MinSenders && w.linkBroadcasterSchools >= d.cfg.MinSchools && w.vouchingSchools < d.cfg.MinSchools &&
		w.linkFirst != 0 && d.now().Sub(time.UnixMicro(w.linkFirst)) >= d.cfg.FormingFor
}

// level is what a wave calls for: "" (nothing), "review" or "contain".
func (d *Detector) level(w wave) string {
	if d.stray(w) {
		// A head passes a notice on to their own establishment; families
		// and teachers of others spreading it, alarming or from accounts
		// that look stolen, are a wave that one hijacked head's account
		// must not vouch for.
		return "review"
	}
	if d.alarmingTemplate(w) || d.hijackedLinks(w) {
		return "review"
	}
	if w.known || w.vouched {
		// Only the accounts with signals count, and only for review.
		n, schools, weight := 0, map[string]bool{}, 0.0
		for s, f := range w.flags {
			if hasAccountSignal(f) && hasBehaviourSignal(f) && !IsBroadcaster(w.roles[s]) {
				n++
				schools[w.uai[s]] = true
				weight += senderWeight(w.roles[s], f)
			}
		}
		if n >= d.cfg.MinSenders && len(schools) >= d.cfg.MinSchools && weight >= ReviewLine {
			return "review"
		}
		return ""
	}
	if w.senders < d.cfg.MinSenders {
		return ""
	}
	if w.schools < d.cfg.MinSchools {
		// One establishment's accounts are no wave across schools, but
		// several of them sending alike risky content from machines and
		// networks none of them ever used are its stolen passwords (a
		// pupil who collected their classmates' or their parents'): held
		// for review. Parents asking the head about a rumour from their
		// own phones (known devices on a mobile network) are not.
		if w.passwords >= d.cfg.MinSenders {
			return "review"
		}
		return ""
	}
	if w.weight >= ContainLine && w.signalled >= MinSignalled && w.signalledSchools >= d.cfg.MinSchools {
		return "contain"
	}
	// New content that alarms, that the screen scored or that links to a
	// new domain, from family and teacher accounts of several
	// establishments, is held for review whatever their signals: a
	// replayed cookie leaves none, the content is the wave's mark.
	if w.risky >= d.cfg.MinSenders && w.riskySchools >= d.cfg.MinSchools {
		return "review"
	}
	// Senders without any signal never make a wave on their own: every
	// template is new on its first day, in many establishments at once.
	if w.weight >= ReviewLine && w.anySignal >= MinSignalled {
		return "review"
	}
	return ""
}

// assessWave sums up a cluster; history is read only when the cluster is
// large enough to matter.
func (d *Detector) assessWave(ctx context.Context, ns []store.CampaignObs, sig Signature, extra []int64) (wave, error) {
	w := wave{flags: map[int64]int64{}, roles: map[int64]bouclier.Role{}, uai: map[int64]string{}}
	first := map[int64]store.CampaignObs{}
	for _, o := range ns {
		w.flags[o.SenderID] |= o.Flags
		w.roles[o.SenderID] = bouclier.Role(o.Role)
		if f, ok := first[o.SenderID]; !ok || o.At < f.At {
			first[o.SenderID] = o
		}
	}
	schools, signalledSchools, riskySchools, alarmedSchools := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	linkSchools, passwordSchools := map[string]bool{}, map[string]bool{}
	var earliest store.CampaignObs
	for s, o := range first {
		f := w.flags[s]
		schools[o.UAI] = true
		w.uai[s] = o.UAI
		w.weight += senderWeight(w.roles[s], f)
		if (suspectAccount(f) || hasBehaviourSignal(f)) && !IsBroadcaster(w.roles[s]) {
			w.anySignal++
		}
		// A head's or staff's account with a strong account signal was
		// counted too (campaign7's vie-scolaire-piratees): it made
		// incidents of ordinary broadcasts in the deployments drill, so
		// hijacked broadcasters are left to the probation of their
		// alarming content (hijackedAlarm), to the screen, and to their
		// new links (hijackedLinks, below).
		if suspectAccount(f) && !IsBroadcaster(w.roles[s]) {
			w.signalled++
			signalledSchools[o.UAI] = true
		}
		if risky(f) && !IsBroadcaster(w.roles[s]) {
			w.risky++
			riskySchools[o.UAI] = true
		}
		if alarming(f) && !IsBroadcaster(w.roles[s]) {
			w.alarmed++
			alarmedSchools[o.UAI] = true
		}
		if risky(f) && f&FlagNewDevice != 0 && !IsBroadcaster(w.roles[s]) {
			w.passwords++
		}
		if IsBroadcaster(w.roles[s]) && hijackedLink(f) {
			w.linkBroadcasters++
			linkSchools[o.UAI] = true
			if w.linkFirst == 0 || o.At < w.linkFirst {
				w.linkFirst = o.At
			}
			if f&FlagNewDevice != 0 {
				w.linkPasswords++
				passwordSchools[o.UAI] = true
			}
		}
		if isRemote(o) {
			continue // another deployment's: evidence, never the seed
		}
		if earliest.MessageID == 0 || o.At < earliest.At || (o.At == earliest.At && o.MessageID < earliest.MessageID) {
			earliest = o
		}
	}
	w.senders, w.schools, w.signalledSchools, w.riskySchools = len(first), len(schools), len(signalledSchools), len(riskySchools)
	w.alarmedSchools = len(alarmedSchools)
	w.linkBroadcasterSchools, w.linkPasswordSchools = len(linkSchools), len(passwordSchools)
	vouching := map[string]bool{}
	for s, o := range first {
		if vouches(w.roles[s], w.flags[s]) {
			vouching[o.UAI] = true
		}
	}
	w.vouchingSchools = len(vouching)
	straySchools := map[string]bool{}
	for s, o := range first {
		if f := w.flags[s]; (risky(f) || suspectAccount(f)) && !IsBroadcaster(w.roles[s]) && !vouching[o.UAI] {
			w.straySenders++
			straySchools[o.UAI] = true
		}
	}
	w.strayingSchools = len(straySchools)
	w.seed = earliest.MessageID
	w.vouched = vouches(bouclier.Role(earliest.Role), w.flags[earliest.SenderID])
	if w.senders < d.cfg.MinSenders {
		return w, nil
	}
	known, err := d.known(ctx, sig, extra, time.UnixMicro(earliest.At))
	if err != nil {
		return w, err
	}
	w.known = known
	return w, nil
}

// known reports whether a content has a history: most of its signature's
// bands (or, without a text, one of its attachments, see knownBare) were
// carried by at least KnownMessages messages on the HistoryDays days
// before the wave's first copy, by messages of MinSchools establishments
// at least (broadHistory): one account sending a text six times the day
// before makes no template of it (campaign11's canular-calme-empoisonne).
func (d *Detector) known(ctx context.Context, sig Signature, extra []int64, before time.Time) (bool, error) {
	keys := historyKeys(sig, extra)
	if len(keys) == 0 {
		return false, nil
	}
	if sig == nil {
		return d.knownBare(ctx, extra, before)
	}
	regs := breadthKeys(breadthSources(sig, nil))
	day := dayOf(before)
	counts, err := d.historyOf(ctx, append(slices.Clone(keys), regs...), day-int64(d.cfg.HistoryDays), day)
	if err != nil {
		return false, fmt.Errorf("content history: %w", err)
	}
	bands := sig.BandKeys()
	ns := make([]int, len(bands))
	for i, k := range bands {
		ns[i] = counts[k]
	}
	sort.Ints(ns)
	return ns[len(ns)/2] >= d.cfg.KnownMessages && broadHistory(counts, regs, d.cfg.MinSchools), nil
}

// knownBare reports whether a message too short for a signature has a
// history: one of its extra keys (an attachment, a picture, a link, its
// caption) carried by KnownMessages messages of MinSchools establishments
// at least, as a text's must be (each is a breadth source, history.go):
// one hijacked account sending the wave's picture, or its caption, six
// times the day before gives it no history (campaign12's image-empoisonnee-la-veille,
// image-legende-connue).
func (d *Detector) knownBare(ctx context.Context, extra []int64, before time.Time) (bool, error) {
	day := dayOf(before)
	regs := breadthKeys(extra)
	counts, err := d.historyOf(ctx, append(slices.Clone(extra), regs...), day-int64(d.cfg.HistoryDays), day)
	if err != nil {
		return false, fmt.Errorf("content history: %w", err)
	}
	for i, k := range extra {
		if counts[k] >= d.cfg.KnownMessages && broadHistory(counts, regs[i*breadthRegisters:(i+1)*breadthRegisters], d.cfg.MinSchools) {
			return true, nil
		}
	}
	return false, nil
}

// historyKeys are the keys a message's history is kept under.
func historyKeys(sig Signature, extra []int64) []int64 {
	return append(sig.BandKeys(), extra...)
}

func dayOf(t time.Time) int64 { return t.Unix() / 86400 }

// templateLike reports whether a message's content is a template (it has
// a history) or a notice passed on: its cluster's first copy vouches
// (vouches) and so does a copy of the sender's own establishment, as a
// wave's vouching stops at its establishment (stray): a head's copy
// elsewhere makes no family's or teacher's alarming send a relay.
func (d *Detector) templateLike(ctx context.Context, obs store.CampaignObs, sig Signature) (bool, error) {
	known, err := d.known(ctx, sig, obs.Extra, time.UnixMicro(obs.At))
	if err != nil || known || len(obs.Keys) == 0 {
		return known, err
	}
	ns, err := d.neighbourhood(ctx, obs, sig)
	if err != nil {
		return false, err
	}
	earliest := ns[0]
	for _, o := range ns[1:] {
		if o.At < earliest.At || (o.At == earliest.At && o.MessageID < earliest.MessageID) {
			earliest = o
		}
	}
	if !vouches(bouclier.Role(earliest.Role), earliest.Flags) {
		return false, nil
	}
	for _, o := range ns {
		if o.UAI == obs.UAI && vouches(bouclier.Role(o.Role), o.Flags) {
			return true, nil
		}
	}
	return false, nil
}

// RelayLikeness is how alike a family's or teacher's message must be to
// a notice of their own establishment's head or staff to be that notice
// passed on (a forward with a word of introduction stays above it).
const RelayLikeness = 0.75

// isNotice reports whether an observation is a notice others of its
// establishment may pass on: a copy that vouches (vouches), from an
// establishment (relays matches it with the relay's).
func isNotice(o store.CampaignObs) bool {
	return o.UAI != "" && vouches(bouclier.Role(o.Role), o.Flags)
}

// relays reports whether o passes on notice n: a family's or teacher's
// message of n's establishment, sent after it, as alike as RelayLikeness,
// linking and attaching nothing n did not, adding no alarm of its own
// (FlagAddsAlarm, set when it was sent).
func relays(o, n store.CampaignObs, sig Signature) bool {
	if IsBroadcaster(bouclier.Role(o.Role)) || o.UAI != n.UAI || o.At < n.At || o.Flags&(FlagStrong|FlagAddsAlarm) != 0 {
		return false
	}
	for _, k := range o.Extra {
		if !hasKey(n.Extra, k) {
			return false
		}
	}
	return sig != nil && Similarity(sig, ParseSignature(n.Sig)) >= RelayLikeness
}

// dropRelays removes from a cluster the copies that pass on a notice of
// their sender's own establishment found in it: twenty teachers
// forwarding their heads' notices are not a wave of families and
// teachers. The notices stay.
func dropRelays(ns []store.CampaignObs) []store.CampaignObs {
	var notices []store.CampaignObs
	for _, o := range ns {
		if isNotice(o) {
			notices = append(notices, o)
		}
	}
	if len(notices) == 0 {
		return ns
	}
	out := ns[:0:0]
	for _, o := range ns {
		sig := ParseSignature(o.Sig)
		relay := false
		for _, n := range notices {
			if relays(o, n, sig) {
				relay = true
				break
			}
		}
		if !relay {
			out = append(out, o)
		}
	}
	return out
}

// noticeRoles are the roles whose messages others pass on as notices.
var noticeRoles = []string{string(bouclier.RoleHead), string(bouclier.RoleStaff), string(bouclier.RoleAcademyAdmin), string(bouclier.RoleNationalAdmin)}

// relayOfNotice reports whether a message about to be sent passes on a
// notice its sender's establishment sent within Window, and whether it
// was alike enough to one but added alarm of its own (addsAlarm), which
// makes it no relay. A notice's text that cannot be read counts as
// alarm added (fail closed: the message is judged as any other).
func (d *Detector) relayOfNotice(ctx context.Context, p pending, o *messaging.Observed) (relay, added bool, err error) {
	if o.Sender.UAI == "" || len(p.keys) == 0 {
		return false, false, nil
	}
	since := store.Micros(o.At.Add(-d.cfg.Window))
	anyNotice, known, gen := d.notices.get(o.Sender.UAI, o.At)
	if !known {
		d.noticeReads.Add(1)
		anyNotice, err = d.db.HasCampaignNotices(ctx, o.Sender.UAI, noticeRoles, since)
		if err != nil {
			return false, false, err
		}
		d.notices.put(o.Sender.UAI, o.At, anyNotice, gen)
	}
	if !anyNotice {
		return false, false, nil
	}
	d.noticeReads.Add(1)
	rows, err := d.db.CampaignNotices(ctx, o.Sender.UAI, noticeRoles, p.keys, since, 50)
	if err != nil {
		return false, false, err
	}
	me := store.CampaignObs{Role: string(o.Sender.Role), UAI: o.Sender.UAI, At: store.Micros(o.At), Flags: p.flags, Extra: p.extra}
	for _, r := range rows {
		if !isNotice(r) || !relays(me, r, p.sig) {
			continue
		}
		if !p.alarm {
			return true, false, nil
		}
		adds, err := d.addsAlarm(ctx, o.Subject+" "+o.Body, r.MessageID)
		if err != nil {
			return false, true, err
		}
		if !adds {
			return true, false, nil
		}
		added = true
	}
	return false, added, nil
}

// addsAlarm reports whether the words a text adds to a notice's (its
// terms the notice lacks) are alarming on their own: two registers of
// alarm (alarm.go: FrenchModel's terms, read in context). A parent's
// « je vous fais suivre » above a notice that closes the canteen
// completes a register, it does not alarm; a line of danger and secrecy
// does.
func (d *Detector) addsAlarm(ctx context.Context, text string, notice int64) (bool, error) {
	texts, err := d.db.MessageTexts(ctx, []int64{notice})
	if err != nil {
		return true, err
	}
	theirs := termSet(FrenchModel{}.Terms(texts[notice]))
	fields := FrenchModel{}.fields(text)
	var added []string
	for i, t := range (FrenchModel{}).wordsOf(fields) {
		if t != "" && !theirs[t] && inContext(t, fields, i) {
			added = append(added, t)
		}
	}
	return Alarming(added), nil
}
