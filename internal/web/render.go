package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/frdate"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/httpx"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/textfold"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}

var funcs = template.FuncMap{
	"role":         func(u bouclier.User) string { return directory.RoleLabel(u.Role, u.Civility) },
	"size":         sizeLabel,
	"join":         strings.Join,
	"micros":       micros,
	"rolename":     func(s string) string { return roleName(bouclier.Role(s)) },
	"screenreason": screenReason,
	"roleof":       func(role, civility string) string { return directory.RoleLabel(bouclier.Role(role), civility) },
	"person":       directory.NamedWithRole,
	"linkify":      linkify,
	"previewable":  func(ct string, size int64) bool { return httpx.Previewable[ct] && size <= maxImagePreview },
	"filekind":     fileKind,
	"browser":      browserLabel,
	"count":        frnum.Thousands,
	"messages":     func(n int) string { return frnum.Count(n, "message", "messages") },
	"eventkind":    incidentEventLabel,
	"scopegroups":  scopeGroups,
	"plural":       plural,
	"timeFormat":   func() string { return timeFormatHint },
	"lockreason":   lockReasonLabel,
}

// pages holds one template per page, each the layout plus its content.
var pages = func() map[string]*template.Template {
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		out[base] = template.Must(template.Must(layout.Clone()).ParseFS(templateFS, n))
	}
	return out
}()

// page is what every template receives.
type page struct {
	Title  string
	Nav    string // the current navigation entry
	User   *bouclier.User
	CSRF   string
	Banner []string     // sentences, when messaging is not open for the user
	Unread int          // -1 when unknown
	Flash  string       // a confirmation
	Error  string       // what went wrong, in French
	Fields []fieldError // errors tied to form fields (fielderrors.go)
	Data   any
	loc    *time.Location
	// SendClosed: the rules refuse the user's sends now, with no known
	// reopening and no emergency override; the pages offer no form that
	// could only be refused (and counted as an attempt while closed).
	SendClosed bool
	// SendOpen: the rules let the user send now without the emergency
	// override, which the compose form then says is not needed.
	SendOpen bool
	// reopen is when a refused sender's messaging reopens, if known.
	reopen *time.Time
	people map[int64]string          // senders' labels, by user id (describe)
	names  *recipientNames           // recipients' labels, looked up on first use (Recipient)
	places func(scope string) string // establishments' names, looked up on first use (Place)
}

// When formats unix microseconds as a French date in the user's time zone.
func (p *page) When(us int64) string { return frenchDate(time.UnixMicro(us).In(p.loc)) }

// Org names the administration the user answers to, by their scope:
// an académie officer or a national administrator has no « établissement ».
func (p *page) Org() string { return orgOf(p.User) }

// OrgTime names the time zone the user's times are in, as Org does.
func (p *page) OrgTime() string {
	if p.User != nil && p.User.UAI == "" && p.User.Academie == "" {
		return "heure de Paris"
	}
	return "heure de " + orgOf(p.User)
}

// orgOf is Org for a user, « votre établissement » when none is known (the
// pages before signing in speak to the many).
func orgOf(u *bouclier.User) string {
	switch {
	case u == nil || u.UAI != "":
		return "votre établissement"
	case u.Academie != "":
		return "votre académie"
	}
	return "l’administration nationale"
}

// RoleNote is the user's role beside their name in the header, unless
// the name says it already: not « Administration nationale
// (administration nationale) » nor « RSSI de l’académie de Versailles
// (académie) ».
func (p *page) RoleNote() string {
	if p.User == nil {
		return ""
	}
	l := directory.RoleLabel(p.User.Role, p.User.Civility)
	if l == "" || strings.Contains(textfold.Fold(p.User.DisplayName), textfold.Fold(l)) {
		return ""
	}
	return l
}

// Place names a message's establishment for a moderator: nothing for the
// head's own (it is the whole page's), its name for an officer over many,
// not a bare UAI.
func (p *page) Place(uai string) string {
	if uai == "" || (p.User != nil && p.User.UAI == uai) {
		return ""
	}
	if p.names == nil {
		return uai
	}
	if p.places == nil {
		p.places = p.names.h.scopeTitles(p.names.ctx)
	}
	return p.places("establishment:" + uai)
}

// IsAdmin reports whether the administration entry is shown.
func (p *page) IsAdmin() bool { return p.User != nil && isAdmin(p.User.Role) }

// newPage fills the parts of a page that come from the session: the user,
// the CSRF token, the banner and the unread count.
func (h *handler) newPage(ctx context.Context, s *auth.Session, title, nav string) *page {
	p := &page{Title: title, Nav: nav, Unread: -1, loc: h.paris}
	if s == nil {
		return p
	}
	u := s.User
	p.User, p.CSRF = &u, auth.CSRFToken(*s)
	p.names = &recipientNames{ctx: ctx, h: h}
	if h.d.Location != nil {
		if l := h.d.Location(u); l != nil {
			p.loc = l
		}
	}
	if u.ReadOnly || u.Disabled {
		// Refused whatever the rules and even urgently (Messaging.Send).
		p.Banner = []string{"Votre compte est en lecture seule\u00a0: vous pouvez lire vos messages mais pas en envoyer.",
			"C’est une mesure de sécurité prise par l’administration\u00a0; adressez-vous à " + orgOf(&u) + " pour la lever."}
		p.SendClosed = true
	} else if h.d.Explain != nil {
		b, err := h.d.Explain(ctx, u, h.d.Now())
		if err != nil {
			h.d.Log.Warn("explain for banner", "user", u.Username, "err", err)
		} else {
			p.Banner = bannerText(b, p.loc)
			p.SendOpen = b.Send
			if !b.Send && !rules.MayUseUrgent(u.Role) {
				if b.Until != nil && !b.Until.IsZero() {
					p.reopen = b.Until
				} else {
					p.SendClosed = true
				}
			}
		}
	}
	if h.d.UnreadCount != nil {
		if n, err := h.d.UnreadCount(ctx, u); err == nil {
			p.Unread = n
		} else {
			h.d.Log.Warn("unread count", "user", u.Username, "err", err)
		}
	}
	return p
}

func bannerText(b Banner, loc *time.Location) []string {
	var head string
	switch {
	case b.Send && b.Receive:
		return nil
	case !b.Send && !b.Receive:
		head = "L’envoi et la réception de messages sont fermés pour vous en ce moment."
	case !b.Send:
		head = "L’envoi de messages est fermé pour vous en ce moment. Vous pouvez lire vos messages."
	default:
		head = "La réception de messages est suspendue pour vous en ce moment\u00a0: les messages qui vous sont adressés vous parviendront à la réouverture."
	}
	out := []string{head}
	if r := strings.TrimSpace(b.Reason); r != "" {
		out = append(out, "Motif\u00a0: "+r)
	}
	if b.Until != nil && !b.Until.IsZero() {
		out = append(out, "Réouverture prévue le "+frenchDate(b.Until.In(loc))+".")
	}
	return out
}

// render writes a page with status.
// renderBufs keeps the buffers pages are rendered into: a folder page is
// about 40 KB, grown from nothing on every request otherwise.
var renderBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putRenderBuf(b *bytes.Buffer) {
	if b.Cap() > 1<<20 { // an unusual page: let it go
		return
	}
	b.Reset()
	renderBufs.Put(b)
}

func (h *handler) render(w http.ResponseWriter, status int, name string, p *page) {
	t, ok := pages[name]
	if !ok {
		panic("web: no template " + name)
	}
	// Render to a buffer first so that a template error never leaves half
	// a page with a 200.
	buf := renderBufs.Get().(*bytes.Buffer)
	defer putRenderBuf(buf)
	if err := t.ExecuteTemplate(buf, "layout", p); err != nil {
		h.d.Log.Error("render", "page", name, "err", err)
		http.Error(w, "Erreur interne. Réessayez plus tard.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// The length known, the page goes in one piece rather than in chunks.
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail renders err as an error page: the contract code picks the status, the
// user sees the error's safe message, internal causes go to the log only.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, s *auth.Session, err error) {
	code := bouclier.ErrorCode(err)
	if code == bouclier.ErrStepUpRequired && s != nil {
		// A power that needs a fresh check: confirm, then come back to the
		// page (an action is done again from there, never replayed).
		back := r.URL.RequestURI()
		if r.Method != http.MethodGet {
			back = "/admin"
			if ref, perr := url.Parse(r.Referer()); perr == nil && ref.Host == r.Host {
				back = ref.RequestURI()
			}
		}
		http.Redirect(w, r, "/step-up?next="+url.QueryEscape(localPath(back)), http.StatusSeeOther)
		return
	}
	if code == bouclier.ErrInternal {
		if errors.Is(err, context.Canceled) {
			return
		}
		h.d.Log.Error("web request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	status := httpx.Status(code)
	title := "Erreur"
	switch status {
	case http.StatusNotFound:
		title = "Page introuvable"
	case http.StatusForbidden:
		title = "Accès refusé"
	}
	p := h.newPage(r.Context(), s, title, "")
	p.Error = userMessageTo(p.User, err)
	h.render(w, status, "error", p)
}

// userMessage is what a person is told about err: the error's own French
// message for contract errors, a generic one for everything else.
func userMessage(err error) string { return userMessageTo(nil, err) }

// userMessageTo is userMessage for a signed-in user, who is sent to the
// administration of their own scope.
func userMessageTo(u *bouclier.User, err error) string {
	if bouclier.ErrorCode(err) == bouclier.ErrInternal {
		return "Une erreur interne est survenue. Réessayez dans quelques instants\u202f; si elle persiste, prévenez " + orgOf(u) + "."
	}
	return bouclier.ErrorMessage(err)
}

// frenchDate is the one date-and-time format of the interface.
func frenchDate(t time.Time) string { return frdate.DateTime(t) }

// recipientLabel names a recipient expression in French, as the picker does.
func recipientLabel(expr string) string {
	r, err := bouclier.ParseRecipient(expr)
	if err != nil {
		return expr
	}
	if r.Kind == bouclier.ToUser {
		return r.User
	}
	return directory.GroupLabel(r) + " (" + r.UAI + ")"
}

// sizeLabel writes a file's size the French way: « 1,5\u00a0Mo »,
// « 12\u00a0ko », « 1\u00a0octet ».
func sizeLabel(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".", ",", 1) + "\u00a0Mo"
	case n >= 1<<10:
		return fmt.Sprintf("%d\u00a0ko", n>>10)
	case n == 0 || n == 1:
		return fmt.Sprintf("%d\u00a0octet", n)
	}
	return fmt.Sprintf("%d\u00a0octets", n)
}

func statusOf(err error) int { return httpx.Status(bouclier.ErrorCode(err)) }

// location is the time zone dates are shown and typed in for u.
func (h *handler) location(u bouclier.User) *time.Location {
	if h.d.Location != nil {
		if l := h.d.Location(u); l != nil {
			return l
		}
	}
	return h.paris
}

// fileKinds name file types in French.
var fileKinds = map[string]string{
	"application/pdf": "document PDF", "image/png": "image PNG", "image/jpeg": "image JPEG", "image/gif": "image GIF",
	"image/webp": "image WebP", "text/plain": "texte", "application/zip": "archive ZIP",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   "document Word",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         "classeur Excel",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": "présentation PowerPoint",
	"application/vnd.oasis.opendocument.text":                                   "document OpenDocument",
	"application/vnd.oasis.opendocument.spreadsheet":                            "classeur OpenDocument",
	"audio/mpeg": "son MP3", "video/mp4": "vidéo MP4",
}

// fileKind names a content type in French, « fichier » when unknown.
func fileKind(ct string) string {
	if k, ok := fileKinds[ct]; ok {
		return k
	}
	return "fichier"
}
