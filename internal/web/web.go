// Package web serves Bouclier's browser interface, in French.
//
// Pages are rendered on the server with html/template; templates, the
// stylesheet and a little progressive JavaScript are embedded. Reading and
// sending work without JavaScript. Handlers decode the form, call one
// service method (the same messaging path as the JSON API) and render.
//
// Sessions ride in an HttpOnly, SameSite=Strict cookie. Every POST is
// checked twice against cross-site forgery: by the browser's Sec-Fetch-Site
// and Origin headers (http.CrossOriginProtection), then by a token in the
// form: the session's auth.CSRFToken, or on the login form, which has no
// session yet, a double-submit cookie.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/ackforms"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/pdfpreview"
	"github.com/bouclier/bouclier/internal/privacy"
	"github.com/bouclier/bouclier/internal/retention"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/sso"
	"github.com/bouclier/bouclier/internal/store"
)

// Banner is what the banner on every page says when messaging is closed,
// deferred or suspended for the user.
type Banner struct {
	Send    bool       // may send now
	Receive bool       // may receive now
	Reason  string     // in French
	Until   *time.Time // when this changes, if known
}

// Deps are the services the pages call.
type Deps struct {
	Auth         *auth.Service
	Messaging    *messaging.Service
	Rules        *rules.Service       // messaging rules and suspensions
	Moderation   *moderation.Service  // queue, reports, recall, evidence
	Campaign     *campaign.Detector   // incidents; the page says so when nil
	Directory    *directory.Directory // authority, for the audit view
	DB           *store.DB            // read-only counts and listings (dashboard, audit, scopes)
	PublicURL    string               // printed on the activation letters
	Log          *slog.Logger
	Now          func() time.Time
	SecureCookie bool // __Host- prefixed Secure cookie (HTTPS); false for local http
	// Explain, when set, gives the messaging rules in force for a user now;
	// the banner shows it when sending or receiving is not open.
	Explain func(ctx context.Context, u bouclier.User, now time.Time) (Banner, error)

	// The hooks below are optional; each page says so when one is missing.

	// UnreadCount, when set, gives the unread count shown in the navigation
	// on every page (store.DB.UnreadCount). Without it the inbox counts the
	// unread messages of its first page.
	UnreadCount func(ctx context.Context, u bouclier.User) (int, error)
	// SSO, when set, offers its identity providers on the login page
	// (sso_login.go).
	SSO *sso.Service
	// Location, when set, gives the time zone of the user's académie, in
	// which dates are shown. Europe/Paris otherwise.
	Location func(u bouclier.User) *time.Location
	// Notify, when set, gives the « Notifications » page of the account
	// (e-mail notifications, issue 16).
	Notify NotifySettings
	// AckForms serves read acknowledgements and forms (ackforms.go); the
	// message page asks nothing of its reader without it.
	AckForms *ackforms.Service

	// Privacy builds personal data exports and Holds keeps evidence past
	// retention (issue 16); their pages say so when one is missing.
	Privacy *privacy.Service
	Holds   *retention.Holds

	// PDF renders PDF attachments' first pages for the message page;
	// nil: PDFs are offered for download only.
	PDF *pdfpreview.Renderer
	// PDFWait bounds how long a preview request waits for its render
	// before answering 503 for the page to ask again (zero: 5 s).
	PDFWait time.Duration
}

// Request bodies: five 10 MiB attachments and the text, as in the API; any
// other form is small.
const (
	maxUpload = 52 << 20
	maxForm   = 1 << 20
)

type handler struct {
	d           Deps
	cookie      string // session cookie name
	loginCookie string // login form's double-submit cookie name
	paris       *time.Location
}

// New returns the browser handler, mounted at "/".
func New(d Deps) http.Handler {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	h := &handler{d: d, cookie: "bouclier", loginCookie: "bouclier-login"}
	if d.SecureCookie {
		// __Host- makes the browser insist on Secure, Path=/ and no Domain.
		h.cookie, h.loginCookie = "__Host-bouclier", "__Host-bouclier-login"
	}
	var err error
	h.paris, err = time.LoadLocation("Europe/Paris")
	if err != nil {
		h.paris = time.UTC
	}
	return h.routes()
}

func (h *handler) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /{$}", h.home)
	mux.HandleFunc("GET /login", h.loginShow)
	mux.HandleFunc("POST /login", h.loginCreate)
	mux.Handle("POST /logout", h.authed(h.logout))
	mux.Handle("GET /inbox", h.authed(h.folderList(store.FolderInbox)))
	mux.Handle("GET /sent", h.authed(h.folderList(store.FolderSent)))
	mux.Handle("GET /trash", h.authed(h.folderList(store.FolderTrash)))
	mux.Handle("GET /messages/{id}", h.authed(h.messageShow))
	mux.Handle("POST /messages/{id}/trash", h.authed(h.messageTrash(true)))
	mux.Handle("POST /messages/{id}/restore", h.authed(h.messageTrash(false)))
	mux.Handle("POST /messages/{id}/report", h.authed(h.messageReport))
	mux.Handle("POST /messages/selection", h.authed(h.folderBulk))
	mux.Handle("GET /compose", h.authed(h.composeShow))
	mux.Handle("POST /compose", h.authed(h.messageSend))
	mux.Handle("GET /compose/destinataires", h.authed(h.recipientSearch))
	mux.Handle("GET /drafts", h.authed(h.draftList))
	mux.Handle("GET /attachments/{id}", h.authed(h.attachmentGet))
	// Read acknowledgements and forms (ackforms.go).
	mux.Handle("POST /messages/{id}/ack", h.authed(h.messageAck))
	mux.Handle("POST /messages/{id}/answer", h.authed(h.messageAnswer))
	mux.Handle("GET /messages/{id}/results", h.authed(h.resultsShow))
	mux.Handle("GET /messages/{id}/results.csv", h.authed(h.resultsCSV))
	mux.Handle("POST /messages/{id}/remind", h.authed(h.messageRemind))
	mux.HandleFunc("POST /login/passkey/options", h.loginPasskeyOptions)
	mux.HandleFunc("POST /login/passkey", h.loginPasskey)
	mux.HandleFunc("GET /activate", h.activateShow)
	mux.HandleFunc("POST /activate", h.activateCreate)
	mux.Handle("GET /step-up", h.authed(h.stepUpShow))
	mux.Handle("POST /step-up", h.authed(h.stepUpCreate))
	mux.Handle("POST /step-up/options", h.authed(h.stepUpOptions))
	mux.Handle("POST /step-up/passkey", h.authed(h.stepUpPasskey))

	mux.Handle("GET /account", h.authed(h.accountShow))
	mux.Handle("POST /account/password", h.authed(h.passwordChange))
	mux.Handle("POST /account/totp", h.authed(h.totpBegin))
	mux.Handle("POST /account/totp/confirm", h.authed(h.totpConfirm))
	mux.Handle("POST /account/totp/remove", h.authed(h.totpRemove))
	mux.Handle("POST /account/recovery-codes", h.authed(h.recoveryCodes))
	mux.Handle("POST /account/passkeys/options", h.authed(h.passkeyOptions))
	mux.Handle("POST /account/passkeys", h.authed(h.passkeyCreate))
	mux.Handle("POST /account/passkeys/{id}/remove", h.authed(h.passkeyRemove))
	mux.Handle("POST /account/sessions/{id}/revoke", h.authed(h.sessionRevoke))
	mux.Handle("POST /account/sessions/revoke-others", h.authed(h.sessionRevokeOthers))
	mux.Handle("POST /account/notices/{id}/not-me", h.authed(h.noticeNotMe))
	mux.Handle("GET /account/security", h.authed(h.securityShow))
	mux.Handle("POST /account/security", h.authed(h.securityAck))
	mux.Handle("GET /account/notifications", h.authed(h.notificationsShow))
	mux.Handle("POST /account/notifications", h.authed(h.notificationsSave))

	// Heads and administrators, within their scope.
	mux.Handle("GET /admin", h.admin(h.adminShow))
	mux.Handle("GET /admin/dashboard", h.admin(h.dashboardShow))
	mux.Handle("GET /admin/rules", h.admin(h.ruleList))
	mux.Handle("POST /admin/rules/preset", h.admin(h.presetApply))
	mux.Handle("GET /admin/suspensions", h.admin(h.suspensionList))
	mux.Handle("POST /admin/suspensions", h.admin(h.suspensionCreate))
	mux.Handle("POST /admin/suspensions/{id}/lift", h.admin(h.suspensionLift))
	mux.Handle("POST /admin/suspensions/lift", h.admin(h.suspensionLiftGroup))
	mux.Handle("GET /admin/moderation", h.admin(h.moderationList))
	mux.Handle("POST /admin/moderation/{id}/release", h.admin(h.moderationRelease))
	mux.Handle("POST /admin/reports/{id}/dismiss", h.admin(h.moderationDismiss))
	mux.Handle("POST /admin/moderation/{id}/reject", h.admin(h.moderationReject))
	// Issue 14: a campaign's identical copies refused together, confirmed.
	mux.Handle("POST /admin/moderation/{id}/reject-copies", h.admin(h.moderationRejectCopies))
	mux.Handle("POST /admin/recall", h.admin(h.messageRecall))
	mux.Handle("POST /admin/messages/{id}/recall", h.admin(h.messageRecall))
	mux.Handle("GET /admin/messages/{id}/evidence", h.admin(h.messageEvidence))
	mux.Handle("GET /admin/incidents", h.admin(h.incidentList))
	mux.Handle("GET /admin/incidents/{id}", h.admin(h.incidentShow))
	mux.Handle("POST /admin/incidents/{id}/close", h.admin(h.incidentClose))
	// Issue 14: an incident's actions, confirmed (incident_summary.go).
	mux.Handle("POST /admin/incidents/{id}/recall", h.admin(h.incidentRecall))
	mux.Handle("POST /admin/incidents/{id}/suspend", h.admin(h.incidentSuspend))
	mux.Handle("POST /admin/incidents/{id}/contain", h.admin(h.incidentContain))
	mux.Handle("POST /admin/incidents/{id}/reset", h.admin(h.incidentReset))
	mux.Handle("GET /admin/incidents/{id}/evidence", h.admin(h.incidentEvidence))
	mux.Handle("GET /admin/urgent", h.admin(h.urgentList))
	mux.Handle("GET /admin/accounts", h.admin(h.adminAccountShow))
	mux.Handle("POST /admin/accounts/{name}/{action}", h.admin(h.adminAccountAct))
	mux.Handle("GET /admin/resets", h.admin(h.resetShow))
	mux.Handle("POST /admin/resets", h.admin(h.resetCreate))
	mux.HandleFunc("GET /accessibilite", h.legalPage("accessibilite", "Déclaration d’accessibilité"))
	mux.HandleFunc("GET /mentions-legales", h.legalPage("mentions", "Mentions légales"))
	mux.HandleFunc("GET /contact", h.legalPage("contact", "Contact"))
	// Data protection (issue 16).
	mux.HandleFunc("GET /donnees-personnelles", h.privacyShow)
	mux.Handle("POST /account/export", h.authed(h.accountExport))
	mux.Handle("POST /admin/accounts/{name}/export", h.admin(h.adminAccountExport))
	mux.Handle("GET /admin/holds", h.admin(h.holdList))
	mux.Handle("POST /admin/holds", h.admin(h.holdCreate))
	mux.Handle("POST /admin/holds/{id}/release", h.admin(h.holdRelease))
	// Single sign-on (sso_login.go). The provider's answers arrive by a
	// cross-site POST: they are checked by their signature and flow state,
	// not by origin.
	mux.HandleFunc("GET /sso/{idp}/login", h.ssoBegin)
	mux.HandleFunc("GET /sso/saml/{idp}/metadata", h.ssoMetadata)
	mux.HandleFunc("POST /sso/saml/{idp}/acs", h.ssoACS)
	mux.HandleFunc("GET /sso/saml/{idp}/slo", h.ssoSLO)
	mux.HandleFunc("POST /sso/saml/{idp}/slo", h.ssoSLO)
	mux.HandleFunc("GET /sso/oidc/{idp}/callback", h.ssoCallback)
	mux.Handle("POST /sso/step-up", h.authed(h.ssoStepUpBegin))
	mux.Handle("GET /sso/step-up/done", h.authed(h.ssoStepUpFinish))
	mux.HandleFunc("GET /sso/logout", h.ssoLeave)
	mux.HandleFunc("/", h.notFound)

	cop := http.NewCrossOriginProtection()
	cop.AddInsecureBypassPattern("POST /sso/saml/{idp}/acs")
	cop.AddInsecureBypassPattern("POST /sso/saml/{idp}/slo")
	cop.SetDenyHandler(http.HandlerFunc(h.crossOrigin))
	return securityHeaders(cop.Handler(mux))
}

// csp allows nothing inline: no script, no style attribute, no form posting
// elsewhere, no framing.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

// cspQR is csp with data: images, for the page showing a QR code only.
const cspQR = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

func (h *handler) home(w http.ResponseWriter, r *http.Request) {
	if _, err := h.session(r); err != nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/inbox", http.StatusSeeOther)
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	var sp *auth.Session
	if s, err := h.session(r); err == nil {
		sp = &s
	}
	h.fail(w, r, sp, bouclier.Errorf(bouclier.ErrNotFound, "Cette page n’existe pas."))
}

func (h *handler) crossOrigin(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, nil, bouclier.Errorf(bouclier.ErrForbidden,
		"Requête refusée\u00a0: elle ne provient pas d’une page de Bouclier."))
}
